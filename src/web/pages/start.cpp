// The start page of each role ("what needs me now") and the overview of a wijk.
#include "web/pages/pages.hpp"

namespace meedoen::web {

Response start_page(Ctx& c) {
  // The centre's tablet has one page: the count.
  if (c.may().counts_at_centre && !c.may().hosts_centre) return redirect("/centrum");
  auto p = c.app.start().page(c.user());
  if (!p) return error_page(c, p.error());
  json::object m;
  m["name"] = c.user().display_name;
  const Capabilities& may = c.may();
  m["is_chair"] = may.chairs;
  m["is_funder"] = may.sees_city_figures;
  m["is_admin"] = may.administers;
  m["in_overleg"] = may.in_overleg;
  m["reads_overleg"] = p->reads_overleg;
  json::array urgent, mine, actions, meetings, wijken, figures;
  for (const auto& r : p->urgent) urgent.push_back(signal_row_json(c, r));
  for (const auto& r : p->my_signals) mine.push_back(signal_row_json(c, r));
  for (const auto& a : p->my_actions) actions.push_back(action_json(c, a));
  for (const auto& s : p->next_meetings) meetings.push_back(meeting_summary_json(c, s));
  for (const auto& w : p->wijken) {
    json::object o;
    o["id"] = w.id.value;
    o["name"] = w.name;
    wijken.push_back(o);
  }
  for (const auto& f : p->figures) {
    json::object o;
    o["wijk"] = f.wijk;
    o["label"] = c.t(f.label);
    o["value"] = f.value;
    figures.push_back(o);
  }
  m["urgent"] = urgent;
  m["has_urgent"] = !urgent.empty();
  m["my_signals"] = mine;
  m["has_my_signals"] = !mine.empty();
  m["actions"] = actions;
  m["has_actions"] = !actions.empty();
  m["meetings"] = meetings;
  m["has_meetings"] = !meetings.empty();
  m["wijken"] = wijken;
  m["figures"] = figures;
  m["new_signals"] = p->new_signals;
  if (may.works_as_peer) {
    if (auto my = c.app.brigade().my_requests(c.user())) {
      json::array offers;
      for (const auto& r : my->offered) offers.push_back(request_row_json(c, r));
      m["offers"] = offers;
      m["has_offers"] = !offers.empty();
      m["is_peer"] = true;
      m["active_requests"] = static_cast<int>(my->active.size());
      add_workload(c, m, my->load, my->profile.weekly_cap);
      // Inside at a visit: the start page says so first, with the way out and who to call.
      if (my->checkin) m["checkin"] = checkin_json(c, *my->checkin, c.app.config().brigade_phone);
    }
  }
  if (may.coordinates_brigade) {
    if (auto ov = c.app.brigade().overview(c.user())) {
      int unassigned = 0, overdue = 0;
      for (const auto& r : ov->open_requests) {
        bool current = false;
        for (const auto& a : r.assignments) current = current || a.assignment.current();
        unassigned += current ? 0 : 1;
      }
      for (const auto& ch : ov->checkins) overdue += ch.overdue ? 1 : 0;
      json::object b;
      b["unassigned"] = unassigned;
      b["open"] = static_cast<int>(ov->open_requests.size());
      b["overdue"] = overdue;
      b["debriefs"] = static_cast<int>(ov->debriefs.size());
      b["no_response"] = static_cast<int>(ov->no_response.size());
      m["brigade"] = b;
    }
  }
  return page(c, "start/start", std::move(m), c.t("start_title"));
}

Response wijk_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto o = c.app.start().wijk_overview(c.user(), WijkId(*id));
  if (!o) return error_page(c, o.error());
  json::object m;
  m["id"] = o->wijk.id.value;
  m["name"] = o->wijk.name;
  m["district"] = o->wijk.district;
  m["rhythm"] = o->wijk.rhythm;
  m["place"] = o->wijk.default_place;
  m["may_configure"] = c.may().chairs;
  json::array buurten, partners, cats, states, meetings, members;
  for (const auto& b : o->buurten) buurten.push_back(json::string(b.name));
  for (const auto& p : o->partners) {
    json::object po;
    po["name"] = p.name;
    po["kind"] = label(c, labels::kOrgKinds, p.kind);
    partners.push_back(po);
  }
  for (const auto& cat : o->categories) cats.push_back(json::string(cat.label));
  for (const auto& [state, n] : o->by_state) {
    json::object so;
    so["label"] = label(c, labels::kSignalStates, state);
    so["value"] = state;
    so["count"] = n;
    states.push_back(so);
  }
  for (const auto& s : o->meetings) meetings.push_back(meeting_summary_json(c, s));
  for (const auto& u : o->members) {
    json::object uo;
    uo["name"] = u.display_name;
    uo["role"] = role_label(c, u.role);
    members.push_back(uo);
  }
  m["buurten"] = buurten;
  m["partners"] = partners;
  m["categories"] = cats;
  m["states"] = states;
  m["meetings"] = meetings;
  m["members"] = members;
  return page(c, "start/wijk", std::move(m), c.t("wijk_title") + " " + o->wijk.name);
}
}  // namespace meedoen::web
