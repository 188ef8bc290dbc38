// A synthetic city-scale dataset for benchmarks: N wijken, R residents, Y years of signals and
// four-weekly meetings, replayed through the same use cases as real work on a simulated clock.
#include <random>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "app/simulated_clock.hpp"
#include "store/store.hpp"

namespace meedoen {

Status Demo::generate(int wijken, int residents, int years, unsigned seed) {
  if (wijken < 1 || residents < 1 || years < 1) return Error::invalid("error.invalid_choice");
  std::mt19937 rng(seed);
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  constexpr std::int64_t kDay = 86400;
  const Timestamp real_now = ctx_.clock->now();
  const int cycles = years * 13;
  SimulatedClock clock(ctx_.clock, start_of_local_day(real_now) - cycles * 28 * kDay + 9 * 3600);

  auto org = app_.admin().create_org(nullptr, {OrgId(), "Bench Gemeente", "municipality"});
  if (!org) return org.error();
  if (auto id = app_.admin().create_user(
          nullptr, {"bench.admin", "Bench Admin", "bench-password", "admin", *org, {}, false});
      !id)
    return id.error();
  auto admin = app_.accounts().login("", "bench.admin", "bench-password");
  if (!admin) return admin.error();
  const User admin_user = *admin->user;

  struct W {
    WijkId id;
    User chair;
    std::vector<User> members;
    std::vector<User> peers;
    std::vector<std::string> codes;
    int residents = 0;
  };
  std::vector<W> ws;
  for (int i = 1; i <= wijken; ++i) {
    const std::string n = std::to_string(i);
    auto wid = app_.admin().create_wijk(
        admin_user, {WijkId(), "Wijk " + n, "District " + n, "Elke vier weken", "Buurthuis " + n},
        {"Noord " + n, "Zuid " + n});
    if (!wid) return wid.error();
    W w;
    w.id = *wid;
    w.residents = residents / wijken + (i <= residents % wijken ? 1 : 0);
    const char* roles[] = {"chair", "member", "member", "wijkteam", "member"};
    for (int k = 0; k < 5; ++k) {
      const std::string username = "bench." + n + "." + std::to_string(k);
      auto uid = app_.admin().create_user(nullptr, {username,
                                                    "Bench " + n + "." + std::to_string(k),
                                                    "bench-password",
                                                    roles[k],
                                                    *org,
                                                    {w.id},
                                                    false});
      if (!uid) return uid.error();
      auto s = app_.accounts().login("", username, "bench-password");
      if (!s) return s.error();
      (k == 0 ? w.chair : w.members.emplace_back()) = *s->user;
    }
    // Three peer workers per wijk for the Vliegende Brigade.
    for (int k = 0; k < 3; ++k) {
      const std::string username = "bench.peer." + n + "." + std::to_string(k);
      auto uid = app_.admin().create_user(nullptr, {username,
                                                    "Peer " + n + "." + std::to_string(k),
                                                    "bench-password",
                                                    "peer",
                                                    *org,
                                                    {w.id},
                                                    false});
      if (!uid) return uid.error();
      auto s = app_.accounts().login("", username, "bench-password");
      if (!s) return s.error();
      w.peers.push_back(*s->user);
      if (auto st = app_.peers().save_profile(w.peers.back(),
                                              {{"nl"}, {}, k % 2 ? "female" : "male", 20, ""});
          !st)
        return st;
    }
    ws.push_back(std::move(w));
  }
  // One coordinator dispatches for the whole city; bench.coord.1 coordinates the first three wijken
  // (a realistic share, and what the benchmark's overview page shows).
  std::vector<WijkId> all_wijken, first_three;
  for (const auto& w : ws) {
    all_wijken.push_back(w.id);
    if (first_three.size() < 3) first_three.push_back(w.id);
  }
  if (auto id = app_.admin().create_user(
          nullptr, {"bench.coordinator", "Bench Coordinator", "bench-password", "coordinator", *org,
                    all_wijken, false});
      !id)
    return id.error();
  if (auto id = app_.admin().create_user(
          nullptr, {"bench.coord.1", "Bench Coordinator 1", "bench-password", "coordinator", *org,
                    first_three, false});
      !id)
    return id.error();
  const User coordinator = *app_.accounts().login("", "bench.coordinator", "bench-password")->user;
  auto team_org = app_.admin().create_org(nullptr, {OrgId(), "Bench Wijkteam", "wijkteam"});
  if (!team_org) return team_org.error();
  if (auto id =
          app_.admin().create_user(nullptr, {"bench.wijkteam", "Bench Wijkteam", "bench-password",
                                             "wijkteam", *team_org, all_wijken, false});
      !id)
    return id.error();
  const User team = *app_.accounts().login("", "bench.wijkteam", "bench-password")->user;

  // The brigade's work after a meeting: every request without a peer gets one of its wijk, who
  // says yes and visits; most requests end within the cycle, the last cycles' stay open.
  auto brigade = [&](int cycle) -> Status {
    for (auto& w : ws) {
      RequestFilter f;
      f.wijken = {w.id};
      f.open_only = true;
      f.limit = 1000;
      std::vector<BrigadeRequest> open;
      {
        auto tx = ctx_.store->begin(TxMode::kRead);
        open = tx->brigade().list_requests(f);
      }
      for (const auto& r : open) {
        const User& peer = w.peers[static_cast<std::size_t>(r.id.value) % w.peers.size()];
        bool assigned = false;
        {
          auto tx = ctx_.store->begin(TxMode::kRead);
          for (const auto& a : tx->brigade().assignments_for_request(r.id))
            assigned = assigned || a.current();
        }
        if (!assigned) {
          clock->advance(60);
          if (auto st = app_.brigade().assign_peers(coordinator, r.id, {peer.id}); !st) return st;
          if (auto st = app_.brigade().respond_assignment(peer, r.id, true, ""); !st) return st;
        }
        const int fate = static_cast<int>(r.id.value % 10);
        clock->advance(300);
        LogVisitInput visit{r.id,
                            fate < 8 ? "contact" : "not_home",
                            "home",
                            "",
                            "",
                            "",
                            "v-" + std::to_string(r.id.value) + "-" + std::to_string(cycle)};
        if (auto v = app_.brigade().log_visit(peer, visit); !v) return v.error();
        if (cycle >= cycles - 3) continue;  // recent work stays open
        auto version = [&]() {
          auto tx = ctx_.store->begin(TxMode::kRead);
          return tx->brigade().get_request(r.id)->version;
        };
        if (fate < 3) {
          if (auto st = app_.brigade().set_outcome(peer, r.id, "came_along", "", version()); !st)
            return st;
        } else if (fate < 5) {
          NewReferralInput ref{r.id, "wijkteam", *team_org, "", "Wil hulp bij geldzaken.",
                               {},   "verbal"};
          ref.consent = {"resident", format_date(clock->now()), "Hulp bij geldzaken",
                         "",         ConsentForm::kVerbal,      {false, false, false, true}};
          auto c = app_.referrals().create(peer, ref);
          if (!c) return c.error();
          // The partner answers referrals; some of the last weeks' still wait and are flagged.
          if (fate == 3 || cycle < cycles - 5)
            if (auto st = app_.referrals().answer(
                    team, c->id, {"intake_planned", format_date(clock->now() + 7 * kDay), ""});
                !st)
              return st;
        }
        if (auto st = app_.brigade().set_outcome(peer, r.id, "closed", "Afgerond.", version()); !st)
          return st;
      }
    }
    return Status::Ok();
  };

  for (int cycle = 0; cycle < cycles; ++cycle) {
    const Timestamp start = clock->now();
    for (auto& w : ws) {
      // Every resident gets a first signal somewhere in the years; some get a second one later.
      const int fresh = (w.residents * (cycle + 1)) / cycles - (w.residents * cycle) / cycles;
      auto form = app_.signals().form(w.members[0]);
      if (!form) return form.error();
      const auto& choice = form->wijken.front();
      for (int k = 0; k < fresh + (chance(30) ? 1 : 0); ++k) {
        clock->advance(600);
        RaiseSignalInput in;
        in.wijk = w.id;
        in.buurt = choice.buurten[static_cast<std::size_t>(k) % choice.buurten.size()].id;
        const bool repeat = k >= fresh && !w.codes.empty();
        if (repeat) {
          in.resident_code =
              w.codes[std::uniform_int_distribution<std::size_t>(0, w.codes.size() - 1)(rng)];
        } else {
          in.gender = chance(50) ? "male" : "female";
          in.age_band = kAgeBands[std::uniform_int_distribution<int>(0, 3)(rng)];
          in.identity.name = "Bewoner " + std::to_string(cycle) + "-" + std::to_string(k);
          in.identity.address = "Straat " + std::to_string(k + 1);
        }
        in.description = "Zorgen over deze bewoner: weinig contact, post stapelt op.";
        in.categories.push_back(choice.categories[static_cast<std::size_t>(k) % 7].id);
        in.urgent = chance(10);
        const User& raiser = w.members[static_cast<std::size_t>(k) % w.members.size()];
        auto r = app_.signals().raise(raiser, in);
        if (!r) return r.error();
        if (!repeat) w.codes.push_back(r->resident_code);
      }
    }
    clock->advance(start + 14 * kDay - clock->now());
    std::vector<MeetingId> meetings;
    for (auto& w : ws) {
      const Timestamp when = start_of_local_day(clock->now()) + 7 * kDay + 10 * 3600;
      auto id = app_.meetings().plan(w.chair, {w.id, format_datetime_input(when), "", {}, ""});
      if (!id) return id.error();
      meetings.push_back(*id);
    }
    // The last cycle's meetings stay upcoming, so the benchmark has a live agenda to load.
    if (cycle == cycles - 1) break;
    clock->advance(7 * kDay + 2 * 3600);
    for (std::size_t i = 0; i < ws.size(); ++i) {
      auto& w = ws[i];
      auto view = app_.meetings().view(w.chair, meetings[i]);
      if (!view) return view.error();
      for (const auto& iv : view->items) {
        static const Decision kCycle[] = {Decision::kBrigade, Decision::kWijkteam,
                                          Decision::kKeepEye, Decision::kNoAction,
                                          Decision::kHuisarts};
        RecordItemInput in{meetings[i],
                           iv.item.id,
                           iv.item.version,
                           "Besproken.",
                           kCycle[static_cast<std::size_t>(iv.item.id.value) % 5],
                           std::nullopt,
                           std::nullopt,
                           "",
                           true,
                           {}};
        if (decision_needs_action(in.decision)) {
          in.owner = w.members[static_cast<std::size_t>(iv.item.id.value) % w.members.size()].id;
          in.due_date = format_date(clock->now() + 21 * kDay);
        }
        auto r = app_.meetings().record_item(w.chair, in);
        if (!r) return r.error();
      }
      auto fresh = app_.meetings().view(w.chair, meetings[i]);
      PlanMeetingInput keep{
          w.id, format_datetime_input(fresh->meeting.starts_at), fresh->meeting.place, {}, ""};
      if (auto st =
              app_.meetings().update(w.chair, meetings[i], fresh->meeting.version, keep, true);
          !st)
        return st;
    }
    clock->advance(kDay);
    if (auto st = brigade(cycle); !st) return st;
    clock->advance(2 * kDay);
    for (auto& w : ws) {
      for (const auto& m : w.members) {
        auto tx = ctx_.store->begin(TxMode::kRead);
        auto acts = tx->meetings().actions_for_owner(m.id);
        tx.reset();
        for (const auto& a : acts)
          if (a.state == ActionState::kOpen && chance(80))
            (void)app_.meetings().settle_action(m, a.id, ActionState::kDone, "Contact gehad.");
      }
      SignalFilter f;
      f.wijk = w.id;
      f.state = SignalState::kDiscussed;
      std::vector<Signal> discussed;
      {
        auto tx = ctx_.store->begin(TxMode::kRead);
        discussed = tx->signals().list_signals(f);
      }
      for (const auto& s : discussed)
        if (chance(70))
          (void)app_.signals().close(w.chair, s.id, "Afgerond: bewoner heeft contact.");
    }
    clock->advance(start + 28 * kDay - clock->now());
  }
  return generate_centres(admin_user, *org, all_wijken, seed);
}

}  // namespace meedoen
