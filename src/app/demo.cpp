// Demo data for Leiden (fictional people only). The history is replayed through the real use
// cases on a simulated clock, four months back to today, so every state is reached the way users
// reach it and the audit chain is whole.
#include "app/demo.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <random>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "app/simulated_clock.hpp"
#include "privacy/access_policy.hpp"
#include "store/store.hpp"

namespace meedoen {

using demo_data::DemoOrg;
using demo_data::kConcernsAny;
using demo_data::kConcernsMan;
using demo_data::kConcernsWoman;
using demo_data::kDay;
using demo_data::kDeclineReasons;
using demo_data::kDemoPassword;
using demo_data::kFirstNames;
using demo_data::kKnown;
using demo_data::kLastNames;
using demo_data::kMeldcodeConcern;
using demo_data::kOrgs;
using demo_data::kStreets;
using demo_data::kSummaries;

Status Demo::load(std::vector<std::pair<std::string, std::string>>* logins) {
  std::mt19937 rng(20190601);
  auto pick = [&](auto& arr) -> decltype(auto) {
    return arr[std::uniform_int_distribution<std::size_t>(0, std::size(arr) - 1)(rng)];
  };
  const Timestamp real_now = ctx_.clock->now();
  const Timestamp t0 = start_of_local_day(real_now) - 120 * kDay + 9 * 3600;
  SimulatedClock clock(ctx_.clock, t0);

  // Organisations.
  std::map<std::string, OrgId> org;
  {
    auto tx = ctx_.store->begin(TxMode::kWrite);
    for (const auto& o : kOrgs) {
      auto id = tx->admin().insert_org({OrgId(), o.name, o.kind});
      if (!id) return id.error();
      org[o.kind + std::string(":") + o.name] = *id;
    }
    (void)tx->commit();
  }
  auto org_of = [&](const char* name) {
    for (const auto& [k, v] : org)
      if (k.find(name) != std::string::npos) return v;
    return OrgId();
  };

  // An administrator first, so the wijken are made through the admin use case.
  NewUserInput admin{"beheer", "Beheerder Gemeente", kDemoPassword, "admin", org_of("Gemeente"), {},
                     false};
  auto admin_id = app_.admin().create_user(nullptr, admin);
  if (!admin_id) return admin_id.error();
  User admin_user;
  {
    auto tx = ctx_.store->begin(TxMode::kRead);
    admin_user = *tx->accounts().get_user(*admin_id);
  }
  struct DemoWijk {
    const char* name;
    const char* district;
    const char* rhythm;
    const char* place;
    std::vector<std::string> buurten;
    const char* gp;
    const char* housing;
  };
  const std::vector<DemoWijk> wijken = {
      {"Meerburg",
       "Roodenburgerdistrict",
       "Elke vier weken op dinsdag, 10:00-11:30",
       "Huis van de Buurt Matilo",
       {"Meerburg-Noord", "Meerburg-Zuid", "Park Matilo"},
       "Huisartsenpraktijk Meerburg",
       "Portaal"},
      {"Merenwijk",
       "Merenwijk",
       "Elke vier weken op donderdag, 13:30-15:00",
       "Buurthuis De Menswerf",
       {"Slaaghwijk", "Zijlwijk", "Vogelwijk"},
       "Gezondheidscentrum Merenwijk",
       "De Sleutels"},
      {"Stevenshof",
       "Stevenshof",
       "Elke zes weken op woensdag, 09:30-11:00",
       "Wijkcentrum Stevenshof",
       {"Stevenshof-Noord", "Stevenshof-Zuid"},
       "Huisartsenpraktijk Stevenshof",
       "Portaal"},
  };
  std::vector<WijkId> wijk_ids;
  for (const auto& w : wijken) {
    auto id = app_.admin().create_wijk(
        admin_user, {WijkId(), w.name, w.district, w.rhythm, w.place}, w.buurten);
    if (!id) return id.error();
    wijk_ids.push_back(*id);
    WijkConfigInput cfg{*id,
                        w.rhythm,
                        w.place,
                        {org_of(w.gp), org_of("Politie"), org_of(w.housing),
                         org_of("Sociaal Wijkteam"), org_of("Rivierduinen"), org_of("Brijder")}};
    // Meerburg and Merenwijk count the brigade (Lumen) and the Zelfregiecentrum as members of
    // their overleg; Stevenshof does not, so its peers and hosts raise signals there but do not
    // read its list (see the access policy).
    if (std::string(w.name) != "Stevenshof")
      for (const char* o : {"Zelfregiecentrum", "Lumen"}) cfg.partners.push_back(org_of(o));
    if (auto st = app_.admin().update_wijk_config(admin_user, cfg); !st) return st;
  }
  const WijkId meerburg = wijk_ids[0], merenwijk = wijk_ids[1], stevenshof = wijk_ids[2];

  struct DemoUser {
    const char* username;
    const char* name;
    const char* role;
    const char* org;
    std::vector<WijkId> wijken;
    bool officer;
  };
  const std::vector<DemoUser> users = {
      {"voorzitter", "Sanne de Wit", "chair", "Libertas", {meerburg, merenwijk}, false},
      {"voorzitter.stevenshof", "Ruud Kramer", "chair", "Libertas", {stevenshof}, false},
      {"huisarts",
       "Dokter Anna Vermeer",
       "member",
       "Huisartsenpraktijk Meerburg",
       {meerburg},
       false},
      {"huisarts.merenwijk",
       "Dokter Karim Bouzid",
       "member",
       "Gezondheidscentrum Merenwijk",
       {merenwijk},
       false},
      {"wijkagent", "Erik Hoogland", "member", "Politie", {meerburg, merenwijk, stevenshof}, false},
      {"huismeester", "Johan Koster", "member", "Portaal", {meerburg, stevenshof}, false},
      {"huismeester.merenwijk", "Marloes Pauw", "member", "De Sleutels", {merenwijk}, false},
      {"ggz", "Ingrid Schouten", "member", "Rivierduinen", {meerburg, merenwijk}, true},
      {"verslavingszorg", "Tom Brink", "member", "Brijder", {meerburg}, false},
      {"wijkteam",
       "Noor Hamdi",
       "wijkteam",
       "Sociaal Wijkteam",
       {meerburg, merenwijk, stevenshof},
       true},
      {"gastvrouw", "Greet Zwart", "host", "Zelfregiecentrum", {meerburg}, false},
      {"brigadier", "Mo Benali", "peer", "Lumen", {meerburg, merenwijk, stevenshof}, false},
      {"coordinator",
       "Petra Lommers",
       "coordinator",
       "Lumen",
       {meerburg, merenwijk, stevenshof},
       false},
      {"peer.anouk", "Anouk de Graaf", "peer", "Rivierduinen", {meerburg, merenwijk}, false},
      {"peer.hassan", "Hassan El Idrissi", "peer", "Brijder", {meerburg, stevenshof}, false},
      {"peer.marieke", "Marieke Jansen", "peer", "Lumen", {merenwijk, stevenshof}, false},
      {"peer.dennis", "Dennis Tol", "peer", "Lumen", {meerburg, merenwijk, stevenshof}, false},
      {"gemeente", "Frank Verbeek", "funder", "Gemeente Leiden", {}, false},
  };
  std::map<std::string, User> u;
  for (const auto& d : users) {
    auto id = app_.admin().create_user(
        nullptr, {d.username, d.name, kDemoPassword, d.role, org_of(d.org), d.wijken, d.officer});
    if (!id) return id.error();
    auto tx = ctx_.store->begin(TxMode::kRead);
    u[d.username] = *tx->accounts().get_user(*id);
  }
  if (logins) {
    logins->emplace_back("beheer", kDemoPassword);
    for (const auto& d : users) logins->emplace_back(d.username, kDemoPassword);
  }

  // Who raises signals in which wijk.
  const std::map<WijkId, std::vector<std::string>> raisers = {
      {meerburg,
       {"huisarts", "wijkagent", "huismeester", "ggz", "verslavingszorg", "wijkteam", "gastvrouw"}},
      {merenwijk, {"huisarts.merenwijk", "wijkagent", "huismeester.merenwijk", "ggz", "wijkteam"}},
      {stevenshof, {"wijkagent", "huismeester", "wijkteam", "brigadier"}},
  };
  // Each wijk meets on the day and at the hour its rhythm says (Meerburg on Tuesday 10:00,
  // Merenwijk on Thursday 13:30, Stevenshof on Wednesday 09:30): the first such day from `from`.
  const std::map<WijkId, std::array<int, 3>> meets = {
      {meerburg, {1, 10, 0}}, {merenwijk, {3, 13, 30}}, {stevenshof, {2, 9, 30}}};
  auto meeting_time = [&](WijkId w, Timestamp from) {
    const auto [weekday, hour, minute] = meets.at(w);
    Timestamp day = start_of_local_day(from);
    for (int i = 0; i < 7; ++i) {
      const int wd = static_cast<int>((day - start_of_local_week(day) + 3600) / kDay);
      if (wd == weekday) break;
      day = start_of_local_day(day + kDay + 3 * 3600);
    }
    return day + hour * 3600 + minute * 60;
  };
  const std::map<WijkId, std::string> chairs = {
      {meerburg, "voorzitter"}, {merenwijk, "voorzitter"}, {stevenshof, "voorzitter.stevenshof"}};
  const std::map<WijkId, int> residents_per_wijk = {
      {meerburg, 18}, {merenwijk, 12}, {stevenshof, 10}};

  std::map<WijkId, std::vector<std::string>> codes;  // residents made so far, per wijk
  std::map<std::string, std::string> gender_of;      // by pseudonym
  // A concern that fits the resident: half the time one about a man or a woman, else any.
  auto concern = [&](const std::string& gender) -> std::string {
    const int k = std::uniform_int_distribution<int>(0, 7)(rng);
    if (k >= 4) return kConcernsAny[k - 4];
    return gender == "man" ? kConcernsMan[k] : kConcernsWoman[k];
  };
  auto raise = [&](WijkId w, bool urgent, bool repeat) -> Status {
    const auto& who = raisers.at(w);
    const User& raiser =
        u.at(who[std::uniform_int_distribution<std::size_t>(0, who.size() - 1)(rng)]);
    Result<SignalFormData> form = app_.signals().form(raiser);
    if (!form) return form.error();
    const WijkChoice* choice = nullptr;
    for (const auto& c : form->wijken)
      if (c.wijk.id == w) choice = &c;
    if (!choice) return Error::forbidden();
    RaiseSignalInput in;
    in.wijk = w;
    in.buurt = pick(choice->buurten).id;
    if (repeat && !codes[w].empty()) {
      in.resident_code = pick(codes[w]);
      in.gender = gender_of[in.resident_code];  // only for the text below; the record keeps its own
    } else {
      in.gender = std::uniform_int_distribution<int>(0, 1)(rng) ? "man" : "vrouw";
      in.age_band = kAgeBands[std::uniform_int_distribution<int>(0, 3)(rng)];
      in.identity.name = std::string(pick(kFirstNames)) + " " + pick(kLastNames);
      in.identity.address = std::string(pick(kStreets)) + " " +
                            std::to_string(std::uniform_int_distribution<int>(1, 180)(rng));
      if (std::uniform_int_distribution<int>(0, 2)(rng) == 0)
        in.identity.phone =
            "06-" + std::to_string(std::uniform_int_distribution<int>(10000000, 99999999)(rng));
      in.identity.birth_year = std::to_string(std::uniform_int_distribution<int>(1940, 1995)(rng));
    }
    in.description = concern(in.gender);
    std::vector<Category> usable;
    for (const auto& c : choice->categories)
      if (!c.meldcode) usable.push_back(c);
    in.categories.push_back(pick(usable).id);
    in.urgent = urgent;
    auto r = app_.signals().raise(raiser, in);
    if (!r) return r.error();
    if (in.resident_code.empty()) {
      codes[w].push_back(r->resident_code);
      gender_of[r->resident_code] = in.gender;
    }
    return Status::Ok();
  };

  auto run_meeting = [&](WijkId w, MeetingId id) -> Status {
    const User& chair = u.at(chairs.at(w));
    auto view = app_.meetings().view(chair, id);
    if (!view) return view.error();
    std::vector<Attendance> att;
    for (const auto& row : view->attendance) {
      const bool present =
          row.org.kind != "verslavingszorg" || std::uniform_int_distribution<int>(0, 1)(rng);
      att.push_back({row.org.id, present, ""});
    }
    if (auto st = app_.meetings().record_attendance(chair, id, view->meeting.version, att); !st)
      return st;
    view = app_.meetings().view(chair, id);
    int n = 0;
    for (const auto& iv : view->items) {
      RecordItemInput in;
      in.meeting = id;
      in.item = iv.item.id;
      in.version = iv.item.version;
      const int k = n++ % 7;
      static const Decision kCycle[] = {
          Decision::kBrigade,  Decision::kWijkteam, Decision::kHuisarts, Decision::kKeepEye,
          Decision::kNoAction, Decision::kGgz,      Decision::kPolice};
      in.decision = iv.item.kind == AgendaItemKind::kFollowUp ? Decision::kKeepEye : kCycle[k];
      in.summary = iv.item.kind == AgendaItemKind::kFollowUp
                       ? "Terugkoppeling besproken. Actie loopt nog; blijven volgen."
                       : kSummaries[k];
      auto owner_for = [&](Decision d) -> std::string {
        switch (d) {
          case Decision::kBrigade:
            return "coordinator";
          case Decision::kWijkteam:
            return "wijkteam";
          case Decision::kHuisarts:
            return w == merenwijk ? "huisarts.merenwijk"
                                  : (w == meerburg ? "huisarts" : "wijkteam");
          case Decision::kGgz:
            return w == stevenshof ? "wijkteam" : "ggz";
          case Decision::kPolice:
            return "wijkagent";
          default:
            return w == merenwijk ? "huismeester.merenwijk" : "huismeester";
        }
      };
      if (decision_needs_action(in.decision)) {
        in.owner = u.at(owner_for(in.decision)).id;
        in.due_date = format_date(view->meeting.starts_at + 21 * kDay);
      }
      in.regisseur = u.at("wijkteam").id;
      in.confirm_names = true;
      auto r = app_.meetings().record_item(chair, in);
      if (!r) return r.error();
    }
    view = app_.meetings().view(chair, id);
    PlanMeetingInput keep{w, format_datetime_input(view->meeting.starts_at), view->meeting.place,
                          view->meeting.invited,
                          "Goed overleg. Volgende keer de terugkoppelingen eerst."};
    return app_.meetings().update(chair, id, view->meeting.version, keep, true,
                                  /*confirm_undecided=*/true);
  };

  // --- The Vliegende Brigade: peers, requests, visits, outcomes and referrals ----------------
  struct DemoPeer {
    const char* username;
    PeerProfileInput profile;
  };
  const std::vector<DemoPeer> peers = {
      {"brigadier", {{"nl", "ar"}, {"dakloosheid", "eenzaamheid"}, "man", 4, ""}},
      {"peer.anouk", {{"nl", "en"}, {"depressie", "angst"}, "vrouw", 4, ""}},
      {"peer.hassan", {{"nl", "ar", "ber"}, {"verslaving"}, "man", 3, ""}},
      {"peer.marieke", {{"nl"}, {"psychose", "rouw"}, "vrouw", 5, ""}},
      {"peer.dennis", {{"nl", "pap"}, {"schulden"}, "man", 3, ""}},
  };
  for (const auto& p : peers)
    if (auto st = app_.peers().save_profile(u.at(p.username), p.profile); !st) return st;
  // Each peer is on call on some day parts of this week and the next.
  auto set_weeks = [&]() -> Status {
    for (std::size_t i = 0; i < peers.size(); ++i) {
      for (int w = 0; w < 2; ++w) {
        const Timestamp monday = start_of_local_week(clock->now()) + w * 7 * kDay + 12 * 3600;
        std::vector<OnCallBlock> blocks;
        for (int d = 0; d < 5; ++d) {
          if ((d + static_cast<int>(i)) % 2 == 1 && i != 0) continue;
          const std::string date = format_date(monday + d * kDay);
          blocks.push_back({date, DayPart::kMorning});
          blocks.push_back({date, i % 2 ? DayPart::kAfternoon : DayPart::kEvening});
        }
        if (auto st =
                app_.peers().save_on_call(u.at(peers[i].username), format_date(monday), blocks);
            !st)
          return st;
      }
    }
    return Status::Ok();
  };
  const User& coordinator = u.at("coordinator");
  int asked = 0;
  auto direct_requests = [&](int n) -> Status {
    for (int i = 0; i < n; ++i) {
      const bool host = asked % 3 == 0;
      const User& who = u.at(host ? "gastvrouw" : "wijkteam");
      const WijkId w =
          host ? meerburg : wijk_ids[static_cast<std::size_t>(asked) % wijk_ids.size()];
      NewRequestInput in;
      in.wijk = w;
      {
        auto tx = ctx_.store->begin(TxMode::kRead);
        in.buurt = tx->admin().buurten(w).front().id;
      }
      in.gender = asked % 2 ? "vrouw" : "man";
      in.age_band = kAgeBands[asked % 4];
      in.identity.name = std::string(pick(kFirstNames)) + " " + pick(kLastNames);
      in.identity.address = std::string(pick(kStreets)) + " " + std::to_string(10 + asked);
      in.known = kKnown[asked % std::size(kKnown)];
      in.wishes.safety_dog = asked % 5 == 1;
      in.wishes.safety_aggression = asked % 9 == 4;
      in.wishes.safety_addiction = asked % 6 == 5;
      if (asked % 7 == 3) in.wishes.pref_language = "ar";
      if (asked % 5 == 2) in.wishes.pref_theme = "verslaving";
      in.urgency = asked % 6 == 0 ? "snel" : "normaal";
      ++asked;
      clock->advance(1800);
      if (auto r = app_.brigade().create_request(who, in); !r) return r.error();
    }
    return Status::Ok();
  };
  auto dispatch = [&]() -> Status {
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
      clock->advance(600);
      if (auto st = app_.brigade().assign_peers(coordinator, row.request.id, chosen); !st)
        return st;
    }
    return Status::Ok();
  };
  int answers = 0;
  auto respond = [&](const std::string& except = {}) -> Status {
    for (const auto& p : peers) {
      if (p.username == except) continue;
      auto my = app_.brigade().my_requests(u.at(p.username));
      if (!my) return my.error();
      for (const auto& row : my->offered) {
        const bool yes = ++answers % 9 != 0;
        clock->advance(900);
        if (auto st = app_.brigade().respond_assignment(u.at(p.username), row.request.id, yes,
                                                        yes ? "" : kDeclineReasons[answers % 2]);
            !st)
          return st;
      }
    }
    return Status::Ok();
  };
  // What happens with a request follows from its id, so the demo is the same every time: most
  // residents are reached, about half come along to the centre, about half are referred on.
  auto visit_round = [&]() -> Status {
    for (const auto& p : peers) {
      const User& peer = u.at(p.username);
      auto my = app_.brigade().my_requests(peer);
      if (!my) return my.error();
      for (const auto& row : my->active) {
        const BrigadeRequest& r = row.request;
        const int fate = static_cast<int>(r.id.value % 12);
        const bool hard_to_reach = fate == 5 || fate == 11;
        const std::string key =
            "demo-" + std::to_string(r.id.value) + "-" + std::to_string(row.visits);
        clock->advance(20 * 60);
        if (row.visits == 0 || r.outcome == Outcome::kOpen) {
          const bool contact = !hard_to_reach && (row.visits > 0 || fate % 3 != 0);
          LogVisitInput in{r.id,
                           contact ? "contact" : (fate % 2 ? "niet_opengedaan" : "niet_thuis"),
                           "huisbezoek",
                           "",
                           contact ? "Koffie gedronken, over de buurt gepraat." : "",
                           contact ? "Volgende week weer langs." : "Briefje in de bus gedaan.",
                           key};
          if (auto v = app_.brigade().log_visit(peer, in); !v) return v.error();
          if (hard_to_reach && row.visits >= 1) {
            auto d = app_.brigade().request_detail(peer, r.id);
            if (!d) return d.error();
            if (auto st = app_.brigade().set_outcome(
                    peer, r.id, "onbereikbaar",
                    "Drie keer geprobeerd; buren zeggen dat hij verhuisd is.",
                    d->row.request.version);
                !st)
              return st;
          }
          continue;
        }
        if (r.outcome != Outcome::kContact) continue;
        LogVisitInput in{
            r.id, "contact", fate % 2 ? "buiten" : "centrum", "", "Samen een rondje gelopen.",
            "",   key};
        if (auto v = app_.brigade().log_visit(peer, in); !v) return v.error();
        auto version = [&]() {
          return app_.brigade().request_detail(peer, r.id)->row.request.version;
        };
        if (fate == 7) {
          if (auto st = app_.brigade().set_outcome(
                  peer, r.id, "afgewezen", "Wil geen contact meer met de brigade.", version());
              !st)
            return st;
          continue;
        }
        if (fate % 2 == 0)
          if (auto st = app_.brigade().set_outcome(
                  peer, r.id, "meegekomen", "Samen naar de inloop geweest; wil volgende week weer.",
                  version());
              !st)
            return st;
        if (fate % 3 != 2) {
          NewReferralInput ref;
          ref.request = r.id;
          const int kind = fate % 4;
          ref.kind = kind == 1 ? "schuldhulp" : (kind == 3 ? "ggz" : "sociaal_wijkteam");
          ref.to_org =
              org_of(kind == 1 ? "Schuldhulp" : (kind == 3 ? "Rivierduinen" : "Sociaal Wijkteam"));
          if (kind == 1) ref.to_email = "aanmelden@schuldhulp-leiden.example";
          ref.story = kind == 1
                          ? "Post stapelt zich op; bewoner wil hulp bij het openen en ordenen."
                          : "Bewoner wil graag een vast aanspreekpunt voor wonen en geld.";
          ref.consent = {"bewoner", format_date(clock->now()), "Hulp bij post en geldzaken",
                         "",        ConsentForm::kVerbal,      {true, false, true, true}};
          ref.consent_form = "mondeling";
          if (auto c = app_.referrals().create(peer, ref); !c) return c.error();
        }
      }
    }
    return Status::Ok();
  };
  // Partners with an account answer in their inbox; the overleg's actions for the brigade are
  // settled once the brigade has made contact.
  auto follow_up = [&]() -> Status {
    int k = 0;
    for (const char* partner : {"wijkteam", "ggz"}) {
      auto inbox = app_.referrals().inbox(u.at(partner));
      if (!inbox) return inbox.error();
      for (const auto& v : *inbox) {
        if (!v.may_answer || ++k % 4 == 0) continue;
        clock->advance(1800);
        ReferralAnswer a =
            v.referral.status == ReferralStatus::kIntakePlanned
                ? ReferralAnswer{"intake_gedaan", "", "Intake gehad; begeleiding gestart."}
                : ReferralAnswer{"intake_gepland", format_date(clock->now() + 5 * kDay), ""};
        if (auto st = app_.referrals().answer(u.at(partner), v.referral.id, a); !st) return st;
      }
    }
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
  };
  auto brigade_days = [&](int days) -> Status {
    for (int d = 0; d < days; ++d) {
      clock->advance(kDay);
      if (auto st = set_weeks(); !st) return st;
      if (auto st = dispatch(); !st) return st;
      if (auto st = respond(); !st) return st;
      if (d % 2 == 1)
        if (auto st = visit_round(); !st) return st;
    }
    return follow_up();
  };

  // Four months of history: every four weeks a meeting per wijk, signals raised in between,
  // actions settled, cases closed.
  for (int cycle = 0; cycle < 4; ++cycle) {
    const Timestamp cycle_start = t0 + cycle * 28 * kDay;
    for (auto w : wijk_ids) {
      const int per_cycle = residents_per_wijk.at(w) / 4 + 1;
      for (int i = 0; i < per_cycle; ++i) {
        clock->advance(3600);
        if (auto st = raise(w, i == 0 && cycle % 2 == 0, i == per_cycle - 1 && cycle > 0); !st)
          return st;
      }
    }
    if (auto st = direct_requests(2); !st) return st;
    if (auto st = brigade_days(8); !st) return st;
    clock->advance(cycle_start + 14 * kDay - clock->now());
    std::vector<std::pair<WijkId, MeetingId>> planned;
    Timestamp last = clock->now();
    for (auto w : wijk_ids) {
      const Timestamp when = meeting_time(w, clock->now() + kDay);
      auto id =
          app_.meetings().plan(u.at(chairs.at(w)), {w, format_datetime_input(when), "", {}, ""});
      if (!id) return id.error();
      planned.emplace_back(w, *id);
      last = std::max(last, when);
    }
    clock->advance(last + 2 * 3600 - clock->now());
    for (const auto& [w, id] : planned)
      if (auto st = run_meeting(w, id); !st) return st;
    // Owners settle most of the older actions; chairs close some discussed cases.
    clock->advance(3 * kDay);
    for (const auto& [name, user] : u) {
      if (name == "coordinator") continue;  // the brigade's actions follow its requests (below)
      auto acts = app_.meetings().my_actions(user);
      if (!acts) continue;
      int k = 0;
      for (const auto& a : *acts) {
        if (a.action.state != ActionState::kOpen || a.action.created_at > clock->now() - 2 * kDay)
          continue;
        if (k++ % 3 == 2) continue;
        const bool done = k % 4 != 0;
        (void)app_.meetings().settle_action(
            user, a.action.id, done ? ActionState::kDone : ActionState::kNotDone,
            done ? "Contact gehad; bewoner staat open voor een volgende afspraak."
                 : "Drie keer aangebeld, niet opengedaan.");
      }
    }
    for (auto w : wijk_ids) {
      const User& chair = u.at(chairs.at(w));
      SignalFilter f;
      f.wijk = w;
      f.state = SignalState::kDiscussed;
      std::vector<Signal> discussed;
      {
        auto tx = ctx_.store->begin(TxMode::kRead);
        discussed = tx->signals().list_signals(f);
      }
      for (std::size_t i = 0; i < discussed.size(); i += 3)
        (void)app_.signals().close(
            chair, discussed[i].id,
            "Bewoner heeft nu contact met het wijkteam en komt naar de inloop.");
    }
    if (auto st = brigade_days(3); !st) return st;
    clock->advance(cycle_start + 28 * kDay - clock->now());
  }

  // Today: new signals; upcoming meetings for Meerburg and Merenwijk (which take the new signals
  // up), while Stevenshof's new signals wait for its next meeting to be planned.
  clock->advance(real_now - 2 * kDay - clock->now());
  for (auto w : {stevenshof, stevenshof, meerburg})
    if (auto st = raise(w, w == meerburg, false); !st) return st;
  for (auto w : {meerburg, merenwijk}) {
    const Timestamp when = meeting_time(w, real_now + kDay);
    auto id =
        app_.meetings().plan(u.at(chairs.at(w)), {w, format_datetime_input(when), "", {}, ""});
    if (!id) return id.error();
  }
  for (auto w : {meerburg, merenwijk, stevenshof}) {
    clock->advance(3600);
    if (auto st = raise(w, w == merenwijk, false); !st) return st;
  }
  // The brigade today: new requests, one waiting for Mo Benali's answer, a peer inside at a visit
  // who is late to check out, and a peer who asks to talk a hard visit over.
  if (auto st = set_weeks(); !st) return st;
  if (auto st = direct_requests(1); !st) return st;
  if (auto st = dispatch(); !st) return st;
  if (auto st = respond("brigadier"); !st) return st;
  // Two requests that came in this morning wait for the coordinator; Mo Benali has one request
  // waiting for his answer.
  if (auto st = direct_requests(2); !st) return st;
  if (auto mo = app_.brigade().my_requests(u.at("brigadier")); mo && mo->offered.empty()) {
    auto ov = app_.brigade().overview(coordinator);
    if (!ov) return ov.error();
    if (!ov->open_requests.empty())
      (void)app_.brigade().assign_peers(coordinator, ov->open_requests.back().request.id,
                                        {u.at("brigadier").id});
  }
  if (auto st = visit_round(); !st) return st;
  {
    auto hassan = app_.brigade().my_requests(u.at("peer.hassan"));
    std::optional<RequestId> about;
    if (hassan && !hassan->active.empty()) about = hassan->active.front().request.id;
    if (auto st = app_.brigade().request_debrief(u.at("peer.hassan"), about,
                                                 "Zwaar bezoek gehad; wil er even over praten.");
        !st)
      return st;
  }
  // A meldcode signal on the private track of the GGZ's designated officer.
  {
    const User& raiser = u.at("ggz");
    auto form = app_.signals().form(raiser);
    if (!form) return form.error();
    RaiseSignalInput in;
    in.wijk = meerburg;
    in.buurt = form->wijken[0].buurten[0].id;
    in.gender = "vrouw";
    in.age_band = "30_50";
    in.identity.name = "Sara Mulder";
    in.identity.address = "Meerburgerkade 12";
    in.description = kMeldcodeConcern;
    in.meldcode_confirmed = true;
    auto r = app_.signals().raise(raiser, in);
    if (!r) return r.error();
    if (auto st = app_.signals().record_meldcode_step(
            raiser, r->signal_id, 1, format_date(clock->now()),
            "Signalen in kaart gebracht: meldingen van buren, geen eigen waarneming.");
        !st)
      return st;
  }
  // Last, so it is recent: Anouk went in for a visit an hour and a half ago, expecting to be out
  // in an hour, and has not checked out.
  if (clock->now() < real_now - 90 * 60) clock->advance(real_now - 90 * 60 - clock->now());
  if (auto my = app_.brigade().my_requests(u.at("peer.anouk")); my && !my->active.empty())
    if (auto st = app_.brigade().check_in(u.at("peer.anouk"), my->active.front().request.id, 60);
        !st)
      return st;
  return Status::Ok();
}

}  // namespace meedoen
