// A failure at any statement of a write use case saves nothing, writes no audit entry and no mail,
// and is reported as an error, never as success. Each use case runs on its own copy of the demo
// database, on a store that fails its 1st statement, then its 2nd, and so on, until the use case
// runs through without reaching the failing one.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <map>
#include <random>

#include "app/app.hpp"
#include "app/demo_data.hpp"
#include "store/store.hpp"

namespace meedoen::testing {
namespace {

namespace fs = std::filesystem;

// Counts the statements once armed and throws at the one asked for, as a failing disk would.
struct Faults {
  bool armed = false;
  int seen = 0;
  int fail_at = 0;  // 1-based
  void before(std::string_view) {
    if (armed && ++seen == fail_at) throw Unavailable("injected fault");
  }
};

// Every row of every table, by table, read through a connection of its own.
std::map<std::string, std::string> contents(const fs::path& db) {
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto rows = [raw](const std::string& sql, auto&& each) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(s) == SQLITE_ROW) each(s);
    sqlite3_finalize(s);
  };
  std::vector<std::string> tables;
  rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", [&](sqlite3_stmt* s) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  });
  std::map<std::string, std::string> out;
  for (const auto& t : tables) {
    std::string& all = out[t];
    rows("SELECT * FROM \"" + t + "\"", [&](sqlite3_stmt* s) {
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(s, c));
        all.append(p ? p : "∅", p ? static_cast<std::size_t>(sqlite3_column_bytes(s, c)) : 3);
        all += '\x1f';
      }
      all += '\x1e';
    });
  }
  sqlite3_close(raw);
  return out;
}

// The message key of the last write that reported an error, for the failure message.
std::string last_error;

// Whether a use case's result says it worked; keeps the error's key when it does not.
template <class R>
bool worked(const R& r) {
  if (!r.ok()) last_error = r.error().message_key + " (" + r.error().field + ")";
  return r.ok();
}

// A use case: `setup` reads and logs in as it needs (nothing fails yet) and returns the write,
// which says whether it succeeded.
struct UseCase {
  const char* name;
  std::function<std::function<bool()>(App&)> setup;
};

User login(App& app, const std::string& username) {
  auto s = app.accounts().login("", username, demo_data::kDemoPassword);
  EXPECT_TRUE(s.ok()) << username;
  return s.ok() ? *s->user : User{};
}

RequestId first_active(App& app, const User& peer) {
  auto my = app.brigade().my_requests(peer);
  EXPECT_TRUE(my.ok() && !my->active.empty()) << peer.username;
  return my.ok() && !my->active.empty() ? my->active.front().request.id : RequestId();
}

// A signal raised by the GP in their wijk, with the meldcode's private track or without it.
SignalId raise(App& app, const std::string& name, bool meldcode) {
  const User gp = login(app, "huisarts");
  RaiseSignalInput in;
  in.wijk = gp.wijken.at(0);
  in.identity.name = name;
  in.description = meldcode ? "Blauwe plekken gezien; zorgen over huiselijk geweld."
                            : "Al weken niet buiten gezien.";
  in.meldcode_confirmed = meldcode;
  in.meldcode_declined = !meldcode;
  auto r = app.signals().raise(gp, in);
  EXPECT_TRUE(r.ok() && r->signal_id.valid()) << name;
  return r.ok() ? r->signal_id : SignalId();
}

// A referral of the first open request of the coordinator's wijken to organisation `org`, with
// the resident's spoken consent of today; by mail when the organisation has no accounts.
NewReferralInput referral(App& app, const User& coordinator, const std::string& org,
                          const std::string& kind) {
  const auto overview = app.brigade().overview(coordinator);
  EXPECT_TRUE(overview.ok() && !overview->open_requests.empty());
  NewReferralInput in;
  in.request = overview->open_requests.at(0).request.id;
  in.kind = kind;
  const auto form = app.referrals().form(coordinator, in.request);
  for (const auto& o : form->orgs)
    if (o.name == org) in.to_org = o.id;
  EXPECT_TRUE(in.to_org.valid()) << org;
  if (kind == "debt_help") in.to_email = "aanmelden@schuldhulp-leiden.example";
  in.story = "Post stapelt zich op.";
  in.consent = {"resident", "2026-11-23",         "Hulp bij post",
                "",         ConsentForm::kVerbal, {true, false, true, true}};
  in.consent_form = "verbal";
  return in;
}

const std::vector<UseCase>& use_cases() {
  static const std::vector<UseCase> all = {
      {"raise a signal with a name",
       [](App& app) {
         const User gp = login(app, "huisarts");
         RaiseSignalInput in;
         in.wijk = gp.wijken.at(0);
         in.identity.name = "Geertje Fout";
         in.description = "Al weken niet buiten gezien.";
         in.meldcode_declined = true;
         return std::function<bool()>(
             [&app, gp, in] { return worked(app.signals().raise(gp, in)); });
       }},
      {"plan an overleg",
       [](App& app) {
         const User chair = login(app, "voorzitter");
         PlanMeetingInput in{chair.wijken.at(0), "2026-12-08T10:00", "Matilo", {}, ""};
         return std::function<bool()>(
             [&app, chair, in] { return worked(app.meetings().plan(chair, in)); });
       }},
      {"ask the brigade to visit",
       [](App& app) {
         const User team = login(app, "wijkteam");
         NewRequestInput in;
         in.wijk = team.wijken.at(0);
         in.identity.name = "Bertus Fout";
         in.identity.address = "Fouteweg 1";
         in.known = "Komt de deur niet meer uit; de buren maken zich zorgen.";
         return std::function<bool()>(
             [&app, team, in] { return worked(app.brigade().create_request(team, in)); });
       }},
      {"log a visit",
       [](App& app) {
         const User anouk = login(app, "peer.anouk");
         LogVisitInput in{first_active(app, anouk), "contact", "home",        "",
                          "Koffie gedronken.",      "",        "fault-test-1"};
         return std::function<bool()>(
             [&app, anouk, in] { return worked(app.brigade().log_visit(anouk, in)); });
       }},
      {"add an absence",
       [](App& app) {
         const User hassan = login(app, "peer.hassan");
         Absence a{0, "2026-12-21", "2026-12-27", "vakantie"};
         return std::function<bool()>(
             [&app, hassan, a] { return worked(app.peers().add_absence(hassan, a)); });
       }},
      {"add a user",
       [](App& app) {
         const User admin = login(app, "beheer");
         NewUserInput in{"nieuw.lid", "Nieuw Lid", "een-lang-wachtwoord", "member", admin.org_id,
                         {},          false};
         return std::function<bool()>(
             [&app, admin, in] { return worked(app.admin().create_user(&admin, in)); });
       }},
      {"check in at a visit",
       [](App& app) {
         // A peer with a request to visit who is not at a visit now (the demo has one who is).
         User peer;
         RequestId id;
         for (const char* name : {"peer.anouk", "peer.hassan", "peer.marieke", "peer.dennis"}) {
           peer = login(app, name);
           auto my = app.brigade().my_requests(peer);
           if (my.ok() && !my->checkin && !my->active.empty()) {
             id = my->active.front().request.id;
             break;
           }
         }
         EXPECT_TRUE(id.valid());
         return std::function<bool()>(
             [&app, peer, id] { return worked(app.brigade().check_in(peer, id, 60)); });
       }},
      {"ask for a debrief",
       [](App& app) {
         const User hassan = login(app, "peer.hassan");
         return std::function<bool()>([&app, hassan] {
           return worked(app.brigade().request_debrief(hassan, std::nullopt, "Wil even praten."));
         });
       }},
      {"add an organisation",
       [](App& app) {
         const User admin = login(app, "beheer");
         return std::function<bool()>([&app, admin] {
           return worked(app.admin().create_org(&admin, {OrgId(), "Repair Café", "welfare"}));
         });
       }},
      {"log in",
       [](App& app) {
         return std::function<bool()>([&app] {
           return worked(app.accounts().login("", "peer.dennis", demo_data::kDemoPassword));
         });
       }},
      {"close a signal",
       [](App& app) {
         const SignalId id = raise(app, "Truus Sluit", false);
         const User chair = login(app, "voorzitter");
         return std::function<bool()>([&app, chair, id] {
           return app.signals().close(chair, id, "Gaat weer goed; buren houden contact.").ok();
         });
       }},
      {"record a meldcode step",
       [](App& app) {
         const SignalId id = raise(app, "Kees Meld", true);
         const User gp = login(app, "huisarts");
         return std::function<bool()>([&app, gp, id] {
           return worked(app.signals().record_meldcode_step(gp, id, 1, "2026-11-23",
                                                            "Zorgen in kaart gebracht."));
         });
       }},
      {"record a decision of the overleg",
       [](App& app) {
         raise(app, "Dirk Agenda", false);
         const User chair = login(app, "voorzitter");
         const User team = login(app, "wijkteam");
         std::optional<AgendaItem> item;
         const auto meetings = app.meetings().list(chair);
         for (const auto& m : meetings->upcoming) {
           const auto view = app.meetings().view(chair, m.meeting.id);
           for (const auto& v : view->items)
             if (!item && !v.item.recorded && v.item.kind == AgendaItemKind::kNewSignal)
               item = v.item;
         }
         EXPECT_TRUE(item.has_value());
         RecordItemInput in{item->meeting_id,
                            item->id,
                            item->version,
                            "Wijkteam neemt contact op",
                            Decision::kWijkteam,
                            std::nullopt,
                            team.id,
                            "2026-12-22",
                            false,
                            {}};
         return std::function<bool()>(
             [&app, chair, in] { return worked(app.meetings().record_item(chair, in)); });
       }},
      {"settle an action",
       [](App& app) {
         const User team = login(app, "wijkteam");
         ActionId id;
         const auto actions = app.meetings().my_actions(team);
         for (const auto& a : *actions)
           if (a.action.state == ActionState::kOpen) id = a.action.id;
         EXPECT_TRUE(id.valid());
         return std::function<bool()>([&app, team, id] {
           return worked(
               app.meetings().settle_action(team, id, ActionState::kDone, "Kennisgemaakt"));
         });
       }},
      {"refer to a partner",
       [](App& app) {
         const User coordinator = login(app, "coordinator");
         const auto in = referral(app, coordinator, "Schuldhulp Leiden", "debt_help");
         return std::function<bool()>(
             [&app, coordinator, in] { return worked(app.referrals().create(coordinator, in)); });
       }},
      {"answer a referral",
       [](App& app) {
         const User coordinator = login(app, "coordinator");
         const auto in = referral(app, coordinator, "Sociaal Wijkteam Leiden", "wijkteam");
         const auto made = app.referrals().create(coordinator, in);
         EXPECT_TRUE(made.ok() && made->inbox);
         const User team = login(app, "wijkteam");
         const ReferralId id = made.ok() ? made->id : ReferralId();
         return std::function<bool()>([&app, team, id] {
           return worked(app.referrals().answer(team, id, {"intake_planned", "2026-12-01", ""}));
         });
       }},
      {"remind a partner",
       [](App& app) {
         const User coordinator = login(app, "coordinator");
         const auto made = app.referrals().create(
             coordinator, referral(app, coordinator, "Schuldhulp Leiden", "debt_help"));
         EXPECT_TRUE(made.ok() && made->link_sent);
         const ReferralId id = made.ok() ? made->id : ReferralId();
         return std::function<bool()>(
             [&app, coordinator, id] { return worked(app.referrals().remind(coordinator, id)); });
       }},
  };
  return all;
}

class FaultInjection : public ::testing::TestWithParam<UseCase> {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("meedoen-faults-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    AppConfig cfg;
    cfg.db_path = (dir_ / "work.db").string();
    cfg.key_file = key().string();
    auto app = App::open(cfg, std::make_unique<FixedClock>(now()));
    ASSERT_TRUE(app.ok()) << app.error().message_key;
    ASSERT_TRUE((*app)->demo().load(nullptr).ok());
    ASSERT_TRUE((*app)->operations().backup(base().string()).ok());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path base() { return dir_ / "base.db"; }
  static fs::path key() { return dir_ / "demo.key"; }
  static Timestamp now() { return *parse_local_datetime("2026-11-23T09:00"); }

  static inline fs::path dir_;
};

TEST_P(FaultInjection, AFailureAtAnyStatementSavesNothingAndIsReportedAsAnError) {
  const UseCase& use_case = GetParam();
  const fs::path db = dir_ / (std::to_string(std::random_device{}()) + ".db");
  fs::copy_file(base(), db);
  Faults faults;
  AppConfig cfg;
  cfg.db_path = db.string();
  cfg.key_file = key().string();
  cfg.session_cache_seconds = 0;
  cfg.store.before_statement = [&faults](std::string_view sql) { faults.before(sql); };
  auto app = App::open(cfg, std::make_unique<FixedClock>(now()));
  ASSERT_TRUE(app.ok()) << app.error().message_key;
  const auto write = use_case.setup(**app);

  for (int k = 1;; ++k) {
    ASSERT_LT(k, 1000) << "the use case never runs through";
    const auto before = contents(db);
    faults.seen = 0;
    faults.fail_at = k;
    faults.armed = true;
    bool ok = false;
    try {
      ok = write();
    } catch (const std::exception&) {  // the request boundary turns this into an error page
    }
    faults.armed = false;
    const auto after = contents(db);
    if (faults.seen < k) {  // it ran through: k - 1 statements, none of them failed
      EXPECT_TRUE(ok) << use_case.name << " fails with nothing failing: " << last_error;
      EXPECT_TRUE(after != before) << use_case.name << " saves nothing";
      RecordProperty("statements", k - 1);
      EXPECT_GT(k, 2) << use_case.name << " ran fewer statements than a transaction has";
      break;
    }
    EXPECT_FALSE(ok) << use_case.name << ": statement " << k << " failed, yet it says it worked";
    for (const auto& [table, rows] : before)
      EXPECT_TRUE(after.at(table) == rows)
          << use_case.name << ": statement " << k << " failed, yet " << table << " changed";
  }
  app->reset();
  fs::remove(db);
}

INSTANTIATE_TEST_SUITE_P(WriteUseCases, FaultInjection, ::testing::ValuesIn(use_cases()),
                         [](const auto& info) {
                           std::string name;
                           for (const char* p = info.param.name; *p; ++p)
                             if (std::isalnum(static_cast<unsigned char>(*p))) name += *p;
                           return name;
                         });

}  // namespace
}  // namespace meedoen::testing
