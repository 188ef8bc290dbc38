// The demo's Vliegende Brigade: peers on call, requests from the overleg and straight from the
// wijkteam and the host, the coordinator's assignments, peers' answers, visits and outcomes, and
// referrals to partners who answer them. Part of DemoBuilder (app/demo_builder.hpp).
#include <algorithm>
#include <optional>

#include "app/demo_builder.hpp"
#include "app/demo_data.hpp"
#include "store/store.hpp"

namespace meedoen {

using demo_data::kDay;
using demo_data::kDeclineReasons;
using demo_data::kFirstNames;
using demo_data::kKnown;
using demo_data::kLastNames;
using demo_data::kStreets;

namespace {

struct DemoPeer {
  const char* username;
  PeerProfileInput profile;
};

// The brigade's peers, in the order they answer and visit.
const std::vector<DemoPeer>& peers() {
  static const std::vector<DemoPeer> all = {
      {"brigadier", {{"nl", "ar"}, {"homelessness", "loneliness"}, "male", 4, ""}},
      {"peer.anouk", {{"nl", "en"}, {"depression", "anxiety"}, "female", 4, ""}},
      {"peer.hassan", {{"nl", "ar", "ber"}, {"addiction"}, "male", 3, ""}},
      {"peer.marieke", {{"nl"}, {"psychosis", "grief"}, "female", 5, ""}},
      {"peer.dennis", {{"nl", "pap"}, {"debt"}, "male", 3, ""}},
  };
  return all;
}

}  // namespace

Status DemoBuilder::make_peer_profiles() {
  for (const auto& p : peers())
    if (auto st = app_.peers().save_profile(user(p.username), p.profile); !st) return st;
  return Status::Ok();
}

// Each peer is on call on some day parts of this week and the next.
Status DemoBuilder::set_weeks() {
  for (std::size_t i = 0; i < peers().size(); ++i) {
    for (int w = 0; w < 2; ++w) {
      const Timestamp monday = start_of_local_week(clock_->now()) + w * 7 * kDay + 12 * 3600;
      std::vector<OnCallBlock> blocks;
      for (int d = 0; d < 5; ++d) {
        if ((d + static_cast<int>(i)) % 2 == 1 && i != 0) continue;
        const std::string date = format_date(monday + d * kDay);
        blocks.push_back({date, DayPart::kMorning});
        blocks.push_back({date, i % 2 ? DayPart::kAfternoon : DayPart::kEvening});
      }
      if (auto st =
              app_.peers().save_on_call(user(peers()[i].username), format_date(monday), blocks);
          !st)
        return st;
    }
  }
  return Status::Ok();
}

// Requests made straight to the brigade, by the host (in Meerburg) or the wijkteam: what they
// know and wish follows from how many were asked before, so each request differs.
Status DemoBuilder::direct_requests(int n) {
  for (int i = 0; i < n; ++i) {
    const bool host = asked_ % 3 == 0;
    const User& who = user(host ? "gastvrouw" : "wijkteam");
    const WijkId w =
        host ? meerburg_ : wijk_ids_[static_cast<std::size_t>(asked_) % wijk_ids_.size()];
    NewRequestInput in;
    in.wijk = w;
    {
      auto tx = ctx_.store->begin(TxMode::kRead);
      in.buurt = tx->admin().buurten(w).front().id;
    }
    in.gender = asked_ % 2 ? "female" : "male";
    in.age_band = kAgeBands[asked_ % 4];
    in.identity.name = std::string(pick(kFirstNames)) + " " + pick(kLastNames);
    in.identity.address = std::string(pick(kStreets)) + " " + std::to_string(10 + asked_);
    in.known = kKnown[asked_ % std::size(kKnown)];
    in.wishes.safety_dog = asked_ % 5 == 1;
    in.wishes.safety_aggression = asked_ % 9 == 4;
    in.wishes.safety_addiction = asked_ % 6 == 5;
    if (asked_ % 7 == 3) in.wishes.pref_language = "ar";
    if (asked_ % 5 == 2) in.wishes.pref_theme = "addiction";
    in.urgency = asked_ % 6 == 0 ? "soon" : "normal";
    ++asked_;
    clock_->advance(1800);
    if (auto r = app_.brigade().create_request(who, in); !r) return r.error();
  }
  return Status::Ok();
}

// The coordinator offers each open request nobody holds to the first eligible peer the app
// suggests, or two when a pair is advised.
Status DemoBuilder::dispatch() {
  const User& coordinator = user("coordinator");
  auto ov = app_.brigade().overview(coordinator);
  if (!ov) return ov.error();
  for (const auto& row : ov->open_requests) {
    if (std::any_of(row.assignments.begin(), row.assignments.end(),
                    [](const AssignmentView& a) { return a.assignment.current(); }))
      continue;
    auto d = app_.brigade().request_detail(coordinator, row.request.id);
    if (!d) return d.error();
    std::vector<UserId> chosen;
    for (const auto& s : d->suggestions)
      if (s.eligible && chosen.size() < (row.request.pair_advised ? 2u : 1u))
        chosen.push_back(s.peer);
    if (chosen.empty()) continue;
    clock_->advance(600);
    if (auto st = app_.brigade().assign_peers(coordinator, row.request.id, chosen); !st) return st;
  }
  return Status::Ok();
}

// Peers (but `except`) answer what they were offered: yes, but for every ninth answer overall.
Status DemoBuilder::respond(const std::string& except) {
  for (const auto& p : peers()) {
    if (p.username == except) continue;
    auto my = app_.brigade().my_requests(user(p.username));
    if (!my) return my.error();
    for (const auto& row : my->offered) {
      const bool yes = ++answers_ % 9 != 0;
      clock_->advance(900);
      if (auto st = app_.brigade().respond_assignment(user(p.username), row.request.id, yes,
                                                      yes ? "" : kDeclineReasons[answers_ % 2]);
          !st)
        return st;
    }
  }
  return Status::Ok();
}

// Every peer visits each request they hold. What happens with a request follows from its id, so
// the demo is the same every time: most residents are reached, about half come along to the
// centre, about half are referred on.
Status DemoBuilder::visit_round() {
  for (const auto& p : peers()) {
    const User& peer = user(p.username);
    auto my = app_.brigade().my_requests(peer);
    if (!my) return my.error();
    for (const auto& row : my->active) {
      const BrigadeRequest& r = row.request;
      const int fate = static_cast<int>(r.id.value % 12);
      const std::string key =
          "demo-" + std::to_string(r.id.value) + "-" + std::to_string(row.visits);
      clock_->advance(20 * 60);
      if (row.visits == 0 || r.outcome == Outcome::kOpen) {
        if (auto st = try_to_reach(peer, row, fate, key); !st) return st;
      } else if (r.outcome == Outcome::kContact) {
        if (auto st = visit_after_contact(peer, r, fate, key); !st) return st;
      }
    }
  }
  return Status::Ok();
}

// House calls until there is contact: at the first call for two residents in three, else at the
// second; a resident who is hard to reach is given up on at the second call.
Status DemoBuilder::try_to_reach(const User& peer, const RequestRow& row, int fate,
                                 const std::string& key) {
  const BrigadeRequest& r = row.request;
  const bool hard_to_reach = fate == 5 || fate == 11;
  const bool contact = !hard_to_reach && (row.visits > 0 || fate % 3 != 0);
  LogVisitInput in{r.id,
                   contact ? "contact" : (fate % 2 ? "no_answer" : "not_home"),
                   "home",
                   "",
                   contact ? "Koffie gedronken, over de buurt gepraat." : "",
                   contact ? "Volgende week weer langs." : "Briefje in de bus gedaan.",
                   key};
  if (auto v = app_.brigade().log_visit(peer, in); !v) return v.error();
  if (!hard_to_reach || row.visits < 1) return Status::Ok();
  auto d = app_.brigade().request_detail(peer, r.id);
  if (!d) return d.error();
  return app_.brigade().set_outcome(peer, r.id, "unreachable",
                                    "Drie keer geprobeerd; buren zeggen dat hij verhuisd is.",
                                    d->row.request.version);
}

// After contact, a walk together; then the resident declines the brigade, comes along to the
// centre, or is referred on (or both).
Status DemoBuilder::visit_after_contact(const User& peer, const BrigadeRequest& r, int fate,
                                        const std::string& key) {
  LogVisitInput in{
      r.id, "contact", fate % 2 ? "outside" : "centre", "", "Samen een rondje gelopen.", "", key};
  if (auto v = app_.brigade().log_visit(peer, in); !v) return v.error();
  // Read just before each outcome is set, as the outcome form would be.
  auto version = [&]() { return app_.brigade().request_detail(peer, r.id)->row.request.version; };
  if (fate == 7)
    return app_.brigade().set_outcome(peer, r.id, "declined",
                                      "Wil geen contact meer met de brigade.", version());
  if (fate % 2 == 0)
    if (auto st = app_.brigade().set_outcome(
            peer, r.id, "came_along", "Samen naar de inloop geweest; wil volgende week weer.",
            version());
        !st)
      return st;
  if (fate % 2 == 0 && r.wijk_id == meerburg_)
    came_along_.push_back({r.id, peer.id, clock_->now()});
  if (fate % 3 != 2) return refer(peer, r, fate);
  return Status::Ok();
}

// A referral with the resident's spoken consent: to debt help (by mail, it has no account), to
// the GGZ or to the wijkteam.
Status DemoBuilder::refer(const User& peer, const BrigadeRequest& r, int fate) {
  NewReferralInput ref;
  ref.request = r.id;
  const int kind = fate % 4;
  ref.kind = kind == 1 ? "debt_help" : (kind == 3 ? "ggz" : "wijkteam");
  ref.to_org = org_of(kind == 1 ? "Schuldhulp" : (kind == 3 ? "Rivierduinen" : "Sociaal Wijkteam"));
  if (kind == 1) ref.to_email = "aanmelden@schuldhulp-leiden.example";
  ref.story = kind == 1 ? "Post stapelt zich op; bewoner wil hulp bij het openen en ordenen."
                        : "Bewoner wil graag een vast aanspreekpunt voor wonen en geld.";
  ref.consent = {"resident", format_date(clock_->now()), "Hulp bij post en geldzaken",
                 "",         ConsentForm::kVerbal,       {true, false, true, true}};
  ref.consent_form = "verbal";
  if (auto c = app_.referrals().create(peer, ref); !c) return c.error();
  return Status::Ok();
}

// Partners with an account answer in their inbox (all but every fourth referral they may answer);
// the overleg's actions for the brigade are settled once the brigade has made contact.
Status DemoBuilder::follow_up() {
  int k = 0;
  for (const char* partner : {"wijkteam", "ggz"}) {
    auto inbox = app_.referrals().inbox(user(partner));
    if (!inbox) return inbox.error();
    for (const auto& v : *inbox) {
      if (!v.may_answer || ++k % 4 == 0) continue;
      clock_->advance(1800);
      ReferralAnswer a =
          v.referral.status == ReferralStatus::kIntakePlanned
              ? ReferralAnswer{"intake_done", "", "Intake gehad; begeleiding gestart."}
              : ReferralAnswer{"intake_planned", format_date(clock_->now() + 5 * kDay), ""};
      if (auto st = app_.referrals().answer(user(partner), v.referral.id, a); !st) return st;
    }
  }
  const User& coordinator = user("coordinator");
  auto acts = app_.meetings().my_actions(coordinator);
  if (!acts) return acts.error();
  for (const auto& a : *acts) {
    if (a.action.state != ActionState::kOpen) continue;
    std::optional<BrigadeRequest> r;
    {
      auto tx = ctx_.store->begin(TxMode::kRead);
      r = tx->brigade().request_for_action(a.action.id);
    }
    if (r && r->first_contact_at != 0)
      if (auto st =
              app_.meetings().settle_action(coordinator, a.action.id, ActionState::kDone,
                                            "Vliegende Brigade heeft contact; zie het verzoek.");
          !st)
        return st;
  }
  return Status::Ok();
}

// Day by day: on-call weeks kept up, requests offered and answered, visits every other day; then
// the partners' and the overleg's follow-up.
Status DemoBuilder::brigade_days(int days) {
  for (int d = 0; d < days; ++d) {
    clock_->advance(kDay);
    if (auto st = set_weeks(); !st) return st;
    if (auto st = dispatch(); !st) return st;
    if (auto st = respond(); !st) return st;
    if (d % 2 == 1)
      if (auto st = visit_round(); !st) return st;
  }
  return follow_up();
}

// The brigade today: new requests, one waiting for Mo Benali's answer, and a peer who asks to
// talk a hard visit over.
Status DemoBuilder::brigade_today() {
  if (auto st = set_weeks(); !st) return st;
  if (auto st = direct_requests(1); !st) return st;
  if (auto st = dispatch(); !st) return st;
  if (auto st = respond("brigadier"); !st) return st;
  // Two requests that came in this morning wait for the coordinator; Mo Benali has one request
  // waiting for his answer.
  if (auto st = direct_requests(2); !st) return st;
  if (auto mo = app_.brigade().my_requests(user("brigadier")); mo && mo->offered.empty()) {
    const User& coordinator = user("coordinator");
    auto ov = app_.brigade().overview(coordinator);
    if (!ov) return ov.error();
    if (!ov->open_requests.empty())
      (void)app_.brigade().assign_peers(coordinator, ov->open_requests.back().request.id,
                                        {user("brigadier").id});
  }
  if (auto st = visit_round(); !st) return st;
  if (auto st = anouk_in_meerburg(); !st) return st;
  const User& hassan = user("peer.hassan");
  auto my = app_.brigade().my_requests(hassan);
  std::optional<RequestId> about;
  if (my && !my->active.empty()) about = my->active.front().request.id;
  return app_.brigade().request_debrief(hassan, about,
                                        "Zwaar bezoek gehad; wil er even over praten.");
}

// Whatever the day's availability made of the rest, Anouk holds a Meerburg request whose resident
// is not known at Matilo yet, so that she can make them known there (the e2e journey does).
Status DemoBuilder::anouk_in_meerburg() {
  const User& anouk = user("peer.anouk");
  auto my = app_.brigade().my_requests(anouk);
  if (!my) return my.error();
  for (const auto& row : my->active)
    if (row.request.wijk_id == meerburg_)
      if (auto link = app_.visitors().for_request(anouk, row.request.id);
          link && link->may_link && !link->visitor)
        return Status::Ok();
  NewRequestInput in;
  in.wijk = meerburg_;
  {
    auto tx = ctx_.store->begin(TxMode::kRead);
    in.buurt = tx->admin().buurten(meerburg_).front().id;
  }
  in.gender = "female";
  in.age_band = kAgeBands[2];
  in.identity.name = std::string(pick(kFirstNames)) + " " + pick(kLastNames);
  in.identity.address = std::string(pick(kStreets)) + " 7";
  in.known = kKnown[0];
  clock_->advance(900);
  auto id = app_.brigade().create_request(user("gastvrouw"), in);
  if (!id) return id.error();
  if (auto st = app_.brigade().assign_peers(user("coordinator"), *id, {anouk.id}); !st) return st;
  clock_->advance(600);
  return app_.brigade().respond_assignment(anouk, *id, true, "");
}

// Last, so it is recent: Anouk went in for a visit an hour and a half ago, expecting to be out in
// an hour, and has not checked out.
Status DemoBuilder::late_checkout() {
  if (clock_->now() < real_now_ - 90 * 60) clock_->advance(real_now_ - 90 * 60 - clock_->now());
  const User& anouk = user("peer.anouk");
  if (auto my = app_.brigade().my_requests(anouk); my && !my->active.empty())
    return app_.brigade().check_in(anouk, my->active.front().request.id, 60);
  return Status::Ok();
}

}  // namespace meedoen
