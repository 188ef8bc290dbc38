// A synthetic city-scale dataset for benchmarks: N wijken, R residents, Y years of signals and
// four-weekly meetings, replayed through the same use cases as real work on a simulated clock.
#include <random>

#include "app/internals.hpp"

namespace meedoen {

Status App::generate_dataset(int wijken, int residents, int years, unsigned seed) {
  if (wijken < 1 || residents < 1 || years < 1) return Error::invalid("error.invalid_choice");
  std::mt19937 rng(seed);
  auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
  constexpr std::int64_t kDay = 86400;
  const Timestamp real_now = clock_->now();
  const int cycles = years * 13;
  SimulatedClock clock(clock_, start_of_local_day(real_now) - cycles * 28 * kDay + 9 * 3600);

  auto org = create_org(nullptr, {OrgId(), "Bench Gemeente", "gemeente"});
  if (!org) return org.error();
  if (auto id = create_user(nullptr, {"bench.admin", "Bench Admin", "bench-password", "admin", *org, {}, false}); !id)
    return id.error();
  auto admin = login("", "bench.admin", "bench-password");
  if (!admin) return admin.error();
  const User admin_user = *admin->user;

  struct W {
    WijkId id;
    User chair;
    std::vector<User> members;
    std::vector<std::string> codes;
    int residents = 0;
  };
  std::vector<W> ws;
  for (int i = 1; i <= wijken; ++i) {
    const std::string n = std::to_string(i);
    auto wid = create_wijk(admin_user, {WijkId(), "Wijk " + n, "District " + n, "Elke vier weken", "Buurthuis " + n},
                           {"Noord " + n, "Zuid " + n});
    if (!wid) return wid.error();
    W w;
    w.id = *wid;
    w.residents = residents / wijken + (i <= residents % wijken ? 1 : 0);
    const char* roles[] = {"chair", "member", "member", "wijkteam", "member"};
    for (int k = 0; k < 5; ++k) {
      const std::string username = "bench." + n + "." + std::to_string(k);
      auto uid = create_user(nullptr, {username, "Bench " + n + "." + std::to_string(k), "bench-password", roles[k], *org, {w.id}, false});
      if (!uid) return uid.error();
      auto s = login("", username, "bench-password");
      if (!s) return s.error();
      (k == 0 ? w.chair : w.members.emplace_back()) = *s->user;
    }
    ws.push_back(std::move(w));
  }

  for (int cycle = 0; cycle < cycles; ++cycle) {
    const Timestamp start = clock->now();
    for (auto& w : ws) {
      // Every resident gets a first signal somewhere in the years; some get a second one later.
      const int fresh = (w.residents * (cycle + 1)) / cycles - (w.residents * cycle) / cycles;
      auto form = signal_form(w.members[0]);
      if (!form) return form.error();
      const auto& choice = form->wijken.front();
      for (int k = 0; k < fresh + (chance(30) ? 1 : 0); ++k) {
        clock->advance(600);
        RaiseSignalInput in;
        in.wijk = w.id;
        in.buurt = choice.buurten[static_cast<std::size_t>(k) % choice.buurten.size()].id;
        const bool repeat = k >= fresh && !w.codes.empty();
        if (repeat) {
          in.resident_code = w.codes[std::uniform_int_distribution<std::size_t>(0, w.codes.size() - 1)(rng)];
        } else {
          in.gender = chance(50) ? "man" : "vrouw";
          in.age_band = kAgeBands[std::uniform_int_distribution<int>(0, 3)(rng)];
          in.identity.name = "Bewoner " + std::to_string(cycle) + "-" + std::to_string(k);
          in.identity.address = "Straat " + std::to_string(k + 1);
        }
        in.description = "Zorgen over deze bewoner: weinig contact, post stapelt op.";
        in.categories.push_back(choice.categories[static_cast<std::size_t>(k) % 7].id);
        in.urgent = chance(10);
        const User& raiser = w.members[static_cast<std::size_t>(k) % w.members.size()];
        auto r = raise_signal(raiser, in);
        if (!r) return r.error();
        if (!repeat) w.codes.push_back(r->resident_code);
      }
    }
    clock->advance(start + 14 * kDay - clock->now());
    std::vector<MeetingId> meetings;
    for (auto& w : ws) {
      const Timestamp when = start_of_local_day(clock->now()) + 7 * kDay + 10 * 3600;
      auto id = plan_meeting(w.chair, {w.id, format_datetime_input(when), "", {}, ""});
      if (!id) return id.error();
      meetings.push_back(*id);
    }
    // The last cycle's meetings stay upcoming, so the benchmark has a live agenda to load.
    if (cycle == cycles - 1) break;
    clock->advance(7 * kDay + 2 * 3600);
    for (std::size_t i = 0; i < ws.size(); ++i) {
      auto& w = ws[i];
      auto view = meeting_view(w.chair, meetings[i]);
      if (!view) return view.error();
      for (const auto& iv : view->items) {
        static const Decision kCycle[] = {Decision::kBrigade, Decision::kWijkteam, Decision::kKeepEye,
                                          Decision::kNoAction, Decision::kHuisarts};
        RecordItemInput in{meetings[i], iv.item.id, iv.item.version, "Besproken.",
                           kCycle[static_cast<std::size_t>(iv.item.id.value) % 5], std::nullopt, std::nullopt, "", true};
        if (decision_needs_action(in.decision)) {
          in.owner = w.members[static_cast<std::size_t>(iv.item.id.value) % w.members.size()].id;
          in.due_date = format_date(clock->now() + 21 * kDay);
        }
        auto r = record_item(w.chair, in);
        if (!r) return r.error();
      }
      auto fresh = meeting_view(w.chair, meetings[i]);
      PlanMeetingInput keep{w.id, format_datetime_input(fresh->meeting.starts_at), fresh->meeting.place, {}, ""};
      if (auto st = update_meeting(w.chair, meetings[i], fresh->meeting.version, keep, true); !st) return st;
    }
    clock->advance(3 * kDay);
    for (auto& w : ws) {
      for (const auto& m : w.members) {
        auto tx = store_->begin(TxMode::kRead);
        auto acts = tx->actions_for_owner(m.id);
        tx.reset();
        for (const auto& a : acts)
          if (a.state == ActionState::kOpen && chance(80))
            (void)settle_action(m, a.id, ActionState::kDone, "Contact gehad.");
      }
      SignalFilter f;
      f.wijk = w.id;
      f.state = SignalState::kDiscussed;
      std::vector<Signal> discussed;
      {
        auto tx = store_->begin(TxMode::kRead);
        discussed = tx->list_signals(f);
      }
      for (const auto& s : discussed)
        if (chance(70)) (void)close_signal(w.chair, s.id, "Afgerond: bewoner heeft contact.");
    }
    clock->advance(start + 28 * kDay - clock->now());
  }
  return Status::Ok();
}

}  // namespace meedoen
