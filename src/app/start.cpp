// Start pages per role ("what needs me now") and the wijk overview.
#include "app/start.hpp"

#include "app/figures.hpp"
#include "app/lookups.hpp"
#include "app/meetings.hpp"
#include "privacy/access_policy.hpp"
#include "store/store.hpp"

namespace meedoen {

Result<StartPage> Start::page(const User& user) {
  StartPage p;
  p.user = user;
  {
    auto tx = ctx_.store->begin(TxMode::kRead);
    for (auto w : user.wijken)
      if (auto wijk = tx->admin().get_wijk(w)) p.wijken.push_back(*wijk);
    if (may_view_city_figures(user)) {
      // Aggregates only: open and all signals per wijk, suppressed below the threshold.
      for (const auto& f : signal_figures(*tx)) {
        p.figures.push_back({f.wijk.name, "figures.open_signals", f.open});
        p.figures.push_back({f.wijk.name, "figures.all_signals", f.all});
      }
      return p;
    }
    const std::vector<WijkId> readable = viewable_wijken(user);
    p.reads_overleg = !readable.empty();
    if (works_in_overleg(user.role) && !user.wijken.empty()) {
      SignalFilter mine;
      mine.raised_by = user.id;
      mine.include_meldcode = true;
      mine.include_linked = true;
      mine.limit = 5;
      for (const auto& s : tx->signals().list_signals(mine))
        p.my_signals.push_back(signal_row(*tx, s));
      SignalFilter fresh;
      fresh.wijken = readable;
      fresh.state = SignalState::kNew;
      if (p.reads_overleg) p.new_signals = tx->signals().count_signals(fresh);
      if (chairs_an_overleg(user) && p.reads_overleg) {
        SignalFilter urgent;
        urgent.wijken = readable;
        urgent.urgent_only = true;
        urgent.open_only = true;
        urgent.limit = 20;
        for (const auto& s : tx->signals().list_signals(urgent))
          if (s.state == SignalState::kNew || s.state == SignalState::kOnAgenda)
            p.urgent.push_back(signal_row(*tx, s));
      }
      if (user.aandachtsfunctionaris) {
        SignalFilter meld;
        meld.org = user.org_id;
        meld.include_meldcode = true;
        meld.open_only = true;
        for (const auto& s : tx->signals().list_signals(meld))
          if (s.meldcode && s.raised_by != user.id) p.my_signals.push_back(signal_row(*tx, s));
      }
      MeetingFilter mf;
      mf.wijken = readable;
      mf.from = start_of_local_day(now());
      mf.limit = 3;
      for (const auto& m :
           p.reads_overleg ? tx->meetings().list_meetings(mf) : std::vector<Meeting>{}) {
        MeetingSummary s{m,
                         {},
                         static_cast<int>(tx->meetings().agenda(m.id).size()),
                         may_chair(user, m.wijk_id)};
        if (auto w = tx->admin().get_wijk(m.wijk_id)) s.wijk_name = w->name;
        p.next_meetings.push_back(std::move(s));
      }
    }
  }
  auto actions = Meetings(ctx_).my_actions(user);
  if (actions) {
    for (auto& a : *actions)
      if (a.action.state == ActionState::kOpen) p.my_actions.push_back(std::move(a));
  }
  return p;
}

Result<WijkOverview> Start::wijk_overview(const User& user, WijkId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto wijk = tx->admin().get_wijk(id);
  if (!wijk) return Error::not_found();
  if (!may_view_wijk(user, id)) return Error::forbidden();
  WijkOverview o;
  o.wijk = *wijk;
  o.buurten = tx->admin().buurten(id);
  for (auto org : tx->admin().partners(id))
    if (auto org_row = tx->admin().get_org(org)) o.partners.push_back(*org_row);
  for (const auto& c : tx->admin().categories(id))
    if (c.active) o.categories.push_back(c);
  for (auto st : {SignalState::kNew, SignalState::kOnAgenda, SignalState::kDiscussed,
                  SignalState::kActionsRunning, SignalState::kClosed}) {
    SignalFilter f;
    f.wijk = id;
    f.state = st;
    o.by_state.emplace_back(std::string(to_string(st)), tx->signals().count_signals(f));
  }
  MeetingFilter mf;
  mf.wijken = {id};
  mf.from = start_of_local_day(now());
  mf.limit = 5;
  for (const auto& m : tx->meetings().list_meetings(mf))
    o.meetings.push_back(
        {m, wijk->name, static_cast<int>(tx->meetings().agenda(m.id).size()), may_chair(user, id)});
  o.members = tx->accounts().users_in_wijk(id);
  return o;
}

}  // namespace meedoen
