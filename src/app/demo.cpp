// Demo data for Leiden (fictional people only). The history is replayed through the real use
// cases on a simulated clock, four months back to today, so every state is reached the way users
// reach it and the audit chain is whole.
#include <algorithm>
#include <map>
#include <random>

#include "app/internals.hpp"

namespace meedoen {
namespace {

constexpr const char* kDemoPassword = "meedoen-demo";
constexpr std::int64_t kDay = 86400;

const char* kFirstNames[] = {"Jan", "Kees", "Henk", "Ria", "Els", "Mohamed", "Fatima", "Piet",
                             "Anneke", "Joke", "Ahmet", "Sevda", "Wim", "Truus", "Gerrit", "Ineke",
                             "Bram", "Lotte", "Hassan", "Yvonne", "Theo", "Marja", "Dirk", "Nel"};
const char* kLastNames[] = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
                            "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk",
                            "El Amrani", "Yilmaz", "Kok", "Verhoeven", "van Leeuwen", "Dekker"};
const char* kStreets[] = {"Meerburgerkade", "Kaarsenmakersstraat", "Lammenschansweg", "Zoeterwoudsesingel",
                          "Roomburgerlaan", "Merenwijkerweg", "Stevenshofjesdreef", "Ericalaan"};
const char* kConcerns[] = {
    "Meneer is al maanden niet buiten gezien. De gordijnen blijven dicht en de post stapelt op.",
    "Mevrouw belt vaak naar de huismeester en klinkt dan erg in de war.",
    "Buren maken zich zorgen: er komt een sterke geur uit de woning.",
    "Bewoner heeft huurachterstand en reageert niet op brieven.",
    "Meneer zit veel alleen op het bankje bij het winkelcentrum en praat tegen niemand.",
    "Mevrouw zegt dat ze niemand meer heeft sinds haar man is overleden.",
    "Bewoner drinkt veel en er is 's nachts soms lawaai.",
    "Meneer komt niet meer naar de huisarts en haalt zijn medicijnen niet op.",
    "Mevrouw durft de deur niet meer uit na een val op straat.",
    "Jonge man woont alleen, lijkt somber en heeft geen werk of dagbesteding.",
    "Het balkon staat vol met spullen en vuilniszakken.",
    "Mevrouw vraagt bij het buurthuis om eten, maar wil verder niets zeggen."};
const char* kMeldcodeConcern =
    "Buren horen vaak geschreeuw en denken dat mevrouw geslagen wordt. Er wonen ook twee kinderen.";
const char* kSummaries[] = {
    "Bekend bij de huismeester. Vliegende Brigade gaat langs voor een eerste kennismaking.",
    "Niemand heeft nu contact. Wijkteam probeert via de buurvrouw een afspraak te maken.",
    "Huisarts kent bewoner; stuurt een uitnodiging voor een gesprek.",
    "Vinger aan de pols: huismeester let op en meldt het als het erger wordt.",
    "Geen actie nodig: bewoner heeft inmiddels zelf hulp gezocht.",
    "GGZ-wijkteam neemt contact op en bespreekt het in het eigen team.",
    "Wijkagent gaat een keer aanbellen bij de ronde door de buurt."};

struct DemoOrg {
  const char* name;
  const char* kind;
};
const DemoOrg kOrgs[] = {
    {"Huisartsenpraktijk Meerburg", "huisarts"},
    {"Gezondheidscentrum Merenwijk", "huisarts"},
    {"Huisartsenpraktijk Stevenshof", "huisarts"},
    {"Politie Leiden", "politie"},
    {"Woningcorporatie Portaal Leiden", "woningcorporatie"},
    {"Woonstichting De Sleutels", "woningcorporatie"},
    {"Sociaal Wijkteam Leiden", "sociaal_wijkteam"},
    {"Rivierduinen GGZ-wijkteam", "ggz"},
    {"Brijder Verslavingszorg", "verslavingszorg"},
    {"Zelfregiecentrum Huis van de Buurt Matilo", "zelfregiecentrum"},
    {"Libertas Leiden", "welzijn"},
    {"Lumen", "clientorganisatie"},
    {"Gemeente Leiden", "gemeente"},
};

}  // namespace

Status App::load_demo(std::vector<std::pair<std::string, std::string>>* logins) {
  std::mt19937 rng(20190601);
  auto pick = [&](auto& arr) -> decltype(auto) {
    return arr[std::uniform_int_distribution<std::size_t>(0, std::size(arr) - 1)(rng)];
  };
  const Timestamp real_now = clock_->now();
  const Timestamp t0 = start_of_local_day(real_now) - 120 * kDay + 9 * 3600;
  SimulatedClock clock(clock_, t0);

  // Organisations.
  std::map<std::string, OrgId> org;
  {
    auto tx = store_->begin(TxMode::kWrite);
    for (const auto& o : kOrgs) {
      auto id = tx->insert_org({OrgId(), o.name, o.kind});
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
  NewUserInput admin{"beheer", "Beheerder Gemeente", kDemoPassword, "admin", org_of("Gemeente"), {}, false};
  auto admin_id = create_user(nullptr, admin);
  if (!admin_id) return admin_id.error();
  User admin_user;
  {
    auto tx = store_->begin(TxMode::kRead);
    admin_user = *tx->get_user(*admin_id);
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
      {"Meerburg", "Roodenburgerdistrict", "Elke vier weken op dinsdag, 10:00-11:30",
       "Huis van de Buurt Matilo", {"Meerburg-Noord", "Meerburg-Zuid", "Park Matilo"},
       "Huisartsenpraktijk Meerburg", "Portaal"},
      {"Merenwijk", "Merenwijk", "Elke vier weken op donderdag, 13:30-15:00",
       "Buurthuis De Menswerf", {"Slaaghwijk", "Zijlwijk", "Vogelwijk"},
       "Gezondheidscentrum Merenwijk", "De Sleutels"},
      {"Stevenshof", "Stevenshof", "Elke zes weken op woensdag, 09:30-11:00",
       "Wijkcentrum Stevenshof", {"Stevenshof-Noord", "Stevenshof-Zuid"},
       "Huisartsenpraktijk Stevenshof", "Portaal"},
  };
  std::vector<WijkId> wijk_ids;
  for (const auto& w : wijken) {
    auto id = create_wijk(admin_user, {WijkId(), w.name, w.district, w.rhythm, w.place}, w.buurten);
    if (!id) return id.error();
    wijk_ids.push_back(*id);
    WijkConfigInput cfg{*id, w.rhythm, w.place,
                        {org_of(w.gp), org_of("Politie"), org_of(w.housing), org_of("Sociaal Wijkteam"),
                         org_of("Rivierduinen"), org_of("Brijder"), org_of("Zelfregiecentrum"),
                         org_of("Lumen")}};
    if (auto st = update_wijk_config(admin_user, cfg); !st) return st;
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
      {"huisarts", "Dokter Anna Vermeer", "member", "Huisartsenpraktijk Meerburg", {meerburg}, false},
      {"huisarts.merenwijk", "Dokter Karim Bouzid", "member", "Gezondheidscentrum Merenwijk", {merenwijk}, false},
      {"wijkagent", "Erik Hoogland", "member", "Politie", {meerburg, merenwijk, stevenshof}, false},
      {"huismeester", "Johan Koster", "member", "Portaal", {meerburg, stevenshof}, false},
      {"huismeester.merenwijk", "Marloes Pauw", "member", "De Sleutels", {merenwijk}, false},
      {"ggz", "Ingrid Schouten", "member", "Rivierduinen", {meerburg, merenwijk}, true},
      {"verslavingszorg", "Tom Brink", "member", "Brijder", {meerburg}, false},
      {"wijkteam", "Noor Hamdi", "wijkteam", "Sociaal Wijkteam", {meerburg, merenwijk, stevenshof}, true},
      {"gastvrouw", "Greet Zwart", "host", "Zelfregiecentrum", {meerburg}, false},
      {"brigadier", "Mo Benali", "peer", "Lumen", {meerburg, merenwijk, stevenshof}, false},
      {"coordinator", "Petra Lommers", "coordinator", "Lumen", {meerburg, merenwijk, stevenshof}, false},
      {"gemeente", "Frank Verbeek", "funder", "Gemeente Leiden", {}, false},
  };
  std::map<std::string, User> u;
  for (const auto& d : users) {
    auto id = create_user(nullptr, {d.username, d.name, kDemoPassword, d.role, org_of(d.org), d.wijken, d.officer});
    if (!id) return id.error();
    auto tx = store_->begin(TxMode::kRead);
    u[d.username] = *tx->get_user(*id);
  }
  if (logins) {
    logins->emplace_back("beheer", kDemoPassword);
    for (const auto& d : users) logins->emplace_back(d.username, kDemoPassword);
  }

  // Who raises signals in which wijk.
  const std::map<WijkId, std::vector<std::string>> raisers = {
      {meerburg, {"huisarts", "wijkagent", "huismeester", "ggz", "verslavingszorg", "wijkteam", "gastvrouw"}},
      {merenwijk, {"huisarts.merenwijk", "wijkagent", "huismeester.merenwijk", "ggz", "wijkteam"}},
      {stevenshof, {"wijkagent", "huismeester", "wijkteam", "brigadier"}},
  };
  const std::map<WijkId, std::string> chairs = {
      {meerburg, "voorzitter"}, {merenwijk, "voorzitter"}, {stevenshof, "voorzitter.stevenshof"}};
  const std::map<WijkId, int> residents_per_wijk = {{meerburg, 18}, {merenwijk, 12}, {stevenshof, 10}};

  std::map<WijkId, std::vector<std::string>> codes;  // residents made so far, per wijk
  auto raise = [&](WijkId w, bool urgent, bool repeat) -> Status {
    const auto& who = raisers.at(w);
    const User& raiser = u.at(who[std::uniform_int_distribution<std::size_t>(0, who.size() - 1)(rng)]);
    Result<SignalFormData> form = signal_form(raiser);
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
    } else {
      in.gender = std::uniform_int_distribution<int>(0, 1)(rng) ? "man" : "vrouw";
      in.age_band = kAgeBands[std::uniform_int_distribution<int>(0, 3)(rng)];
      in.identity.name = std::string(pick(kFirstNames)) + " " + pick(kLastNames);
      in.identity.address = std::string(pick(kStreets)) + " " +
                            std::to_string(std::uniform_int_distribution<int>(1, 180)(rng));
      if (std::uniform_int_distribution<int>(0, 2)(rng) == 0)
        in.identity.phone = "06-" + std::to_string(std::uniform_int_distribution<int>(10000000, 99999999)(rng));
      in.identity.birth_year = std::to_string(std::uniform_int_distribution<int>(1940, 1995)(rng));
    }
    in.description = pick(kConcerns);
    std::vector<Category> usable;
    for (const auto& c : choice->categories)
      if (!c.meldcode) usable.push_back(c);
    in.categories.push_back(pick(usable).id);
    in.urgent = urgent;
    auto r = raise_signal(raiser, in);
    if (!r) return r.error();
    if (in.resident_code.empty()) codes[w].push_back(r->resident_code);
    return Status::Ok();
  };

  auto run_meeting = [&](WijkId w, MeetingId id) -> Status {
    const User& chair = u.at(chairs.at(w));
    auto view = meeting_view(chair, id);
    if (!view) return view.error();
    std::vector<Attendance> att;
    for (const auto& row : view->attendance) {
      const bool present = row.org.kind != "verslavingszorg" || std::uniform_int_distribution<int>(0, 1)(rng);
      att.push_back({row.org.id, present, ""});
    }
    if (auto st = record_attendance(chair, id, view->meeting.version, att); !st) return st;
    view = meeting_view(chair, id);
    int n = 0;
    for (const auto& iv : view->items) {
      RecordItemInput in;
      in.meeting = id;
      in.item = iv.item.id;
      in.version = iv.item.version;
      const int k = n++ % 7;
      static const Decision kCycle[] = {Decision::kBrigade, Decision::kWijkteam, Decision::kHuisarts,
                                        Decision::kKeepEye, Decision::kNoAction, Decision::kGgz,
                                        Decision::kPolice};
      in.decision = iv.item.kind == AgendaItemKind::kFollowUp ? Decision::kKeepEye : kCycle[k];
      in.summary = iv.item.kind == AgendaItemKind::kFollowUp
                       ? "Terugkoppeling besproken. Actie loopt nog; blijven volgen."
                       : kSummaries[k];
      auto owner_for = [&](Decision d) -> std::string {
        switch (d) {
          case Decision::kBrigade: return "coordinator";
          case Decision::kWijkteam: return "wijkteam";
          case Decision::kHuisarts: return w == merenwijk ? "huisarts.merenwijk" : (w == meerburg ? "huisarts" : "wijkteam");
          case Decision::kGgz: return w == stevenshof ? "wijkteam" : "ggz";
          case Decision::kPolice: return "wijkagent";
          default: return w == merenwijk ? "huismeester.merenwijk" : "huismeester";
        }
      };
      if (decision_needs_action(in.decision)) {
        in.owner = u.at(owner_for(in.decision)).id;
        in.due_date = format_date(view->meeting.starts_at + 21 * kDay);
      }
      in.regisseur = u.at("wijkteam").id;
      in.confirm_names = true;
      auto r = record_item(chair, in);
      if (!r) return r.error();
    }
    view = meeting_view(chair, id);
    PlanMeetingInput keep{w, format_datetime_input(view->meeting.starts_at), view->meeting.place,
                          view->meeting.invited, "Goed overleg. Volgende keer de terugkoppelingen eerst."};
    return update_meeting(chair, id, view->meeting.version, keep, true);
  };

  // Four months of history: every four weeks a meeting per wijk, signals raised in between,
  // actions settled, cases closed.
  for (int cycle = 0; cycle < 4; ++cycle) {
    const Timestamp cycle_start = t0 + cycle * 28 * kDay;
    for (auto w : wijk_ids) {
      const int per_cycle = residents_per_wijk.at(w) / 4 + 1;
      for (int i = 0; i < per_cycle; ++i) {
        clock->advance(3600);
        if (auto st = raise(w, i == 0 && cycle % 2 == 0, i == per_cycle - 1 && cycle > 0); !st) return st;
      }
    }
    clock->advance(cycle_start + 14 * kDay - clock->now());
    for (auto w : wijk_ids) {
      const Timestamp when = start_of_local_day(clock->now()) + 7 * kDay + 10 * 3600;
      auto id = plan_meeting(u.at(chairs.at(w)), {w, format_datetime_input(when), "", {}, ""});
      if (!id) return id.error();
    }
    clock->advance(7 * kDay + 2 * 3600);
    for (auto w : wijk_ids) {
      MeetingFilter mf;
      mf.wijken = {w};
      mf.from = clock->now() - kDay;
      mf.to = clock->now() + kDay;
      std::vector<Meeting> ms;
      {
        auto tx = store_->begin(TxMode::kRead);
        ms = tx->list_meetings(mf);
      }
      for (const auto& m : ms)
        if (!m.held)
          if (auto st = run_meeting(w, m.id); !st) return st;
    }
    // Owners settle most of the older actions; chairs close some discussed cases.
    clock->advance(3 * kDay);
    for (const auto& [name, user] : u) {
      auto acts = my_actions(user);
      if (!acts) continue;
      int k = 0;
      for (const auto& a : *acts) {
        if (a.action.state != ActionState::kOpen || a.action.created_at > clock->now() - 2 * kDay) continue;
        if (k++ % 3 == 2) continue;
        const bool done = k % 4 != 0;
        (void)settle_action(user, a.action.id, done ? ActionState::kDone : ActionState::kNotDone,
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
        auto tx = store_->begin(TxMode::kRead);
        discussed = tx->list_signals(f);
      }
      for (std::size_t i = 0; i < discussed.size(); i += 3)
        (void)close_signal(chair, discussed[i].id,
                           "Bewoner heeft nu contact met het wijkteam en komt naar de inloop.");
    }
    clock->advance(cycle_start + 28 * kDay - clock->now());
  }

  // Today: new signals; upcoming meetings for Meerburg and Merenwijk (which take the new signals
  // up), while Stevenshof's new signals wait for its next meeting to be planned.
  clock->advance(real_now - 2 * kDay - clock->now());
  for (auto w : {stevenshof, stevenshof, meerburg})
    if (auto st = raise(w, w == meerburg, false); !st) return st;
  for (auto w : {meerburg, merenwijk}) {
    const Timestamp when = start_of_local_day(real_now) + 7 * kDay + 10 * 3600;
    auto id = plan_meeting(u.at(chairs.at(w)), {w, format_datetime_input(when), "", {}, ""});
    if (!id) return id.error();
  }
  for (auto w : {meerburg, merenwijk, stevenshof}) {
    clock->advance(3600);
    if (auto st = raise(w, w == merenwijk, false); !st) return st;
  }
  // A meldcode signal on the private track of the GGZ's designated officer.
  {
    const User& raiser = u.at("ggz");
    auto form = signal_form(raiser);
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
    auto r = raise_signal(raiser, in);
    if (!r) return r.error();
    if (auto st = record_meldcode_step(raiser, r->signal_id, 1, format_date(clock->now()),
                                       "Signalen in kaart gebracht: meldingen van buren, geen eigen waarneming.");
        !st)
      return st;
  }
  return Status::Ok();
}

}  // namespace meedoen
