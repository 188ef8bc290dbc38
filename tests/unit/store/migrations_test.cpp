// The SQLite migrations: a database that an older release left at schema version k, upgraded step
// by step, has the schema of a fresh one and keeps its data, its codes in English since version 10.
// Raw SQL is allowed here only to build and inspect the old database; the data is read back through
// the store's interfaces.
#include "store/sqlite/migrations.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace meedoen::testing {
namespace {

int latest_version() { return sqlite::migrations().back().version; }

// Representative rows for the tables each version added, in that version's own columns: each
// entry is run on a database at `since` or later. $T stands for 2026-11-23 09:00 in Amsterdam.
struct OldRows {
  int since;
  const char* sql;
};

constexpr Timestamp kT0 = 1795420800;

constexpr OldRows kOldRows[] = {
    {1, R"SQL(
INSERT INTO organisations (id, name, kind) VALUES (1, 'Praktijk De Linde', 'huisarts'),
  (2, 'Politie Leiden', 'politie'), (3, 'Zelfregiecentrum', 'zelfregiecentrum');
INSERT INTO wijken (id, name, district, rhythm, default_place)
  VALUES (1, 'Meerburg', 'Roodenburg', 'elke 2e dinsdag', 'Matilo');
INSERT INTO buurten (id, wijk_id, name) VALUES (1, 1, 'Noord');
INSERT INTO wijk_partners (wijk_id, org_id) VALUES (1, 1);
INSERT INTO categories (id, wijk_id, label, meldcode) VALUES (1, 1, 'Eenzaam', 0),
  (2, 1, 'Huiselijk geweld', 1);
INSERT INTO users (id, username, display_name, role, org_id, password_hash) VALUES
  (1, 'dokter', 'Dokter Jansen', 'chair', 1, 'argon2id$old'),
  (2, 'agent', 'Wijkagent Bakker', 'member', 2, 'argon2id$old2'),
  (3, 'yasmin', 'Yasmin', 'peer', 3, 'argon2id$old3');
INSERT INTO user_wijken (user_id, wijk_id) VALUES (1, 1), (2, 1), (3, 1);
INSERT INTO sessions (digest, user_id, csrf, created_at, last_seen) VALUES ('d1', 1, 'c1', $T, $T);
INSERT INTO residents (id, code, wijk_id, buurt_id, gender, age_band, created_at)
  VALUES (1, 'R-7K3Q', 1, 1, 'vrouw', '65_plus', $T);
INSERT INTO resident_identity VALUES (1, 'name', x'01020304');
INSERT INTO resident_name_index VALUES (1, 'tok-jansen');
INSERT INTO signals (id, resident_id, wijk_id, buurt_id, raised_by, org_id, description, urgent,
                     state, meldcode, case_id, created_at, updated_at) VALUES
  (1, 1, 1, 1, 1, 1, 'Niet buiten gezien', 1, 'discussed', 0, NULL, $T, $T),
  (2, 1, 1, 1, 2, 2, 'Ook gezien', 0, 'linked', 0, 1, $T + 1, $T + 1),
  (3, 1, 1, NULL, 1, 1, 'Zorgen over geweld', 0, 'new', 1, NULL, $T + 2, $T + 2);
INSERT INTO signal_categories VALUES (1, 1), (3, 2);
INSERT INTO signal_timeline (signal_id, at, user_id, kind) VALUES (1, $T, 1, 'raised');
INSERT INTO meldcode_steps (signal_id, step, date, rationale, user_id, recorded_at)
  VALUES (3, 1, '2026-11-23', 'In kaart gebracht', 1, $T);
INSERT INTO meetings (id, wijk_id, starts_at, place) VALUES (1, 1, $T + 604800, 'Matilo');
INSERT INTO meeting_invites VALUES (1, 1), (1, 2);
INSERT INTO meeting_attendance VALUES (1, 1, 1, 'Dokter Jansen');
INSERT INTO agenda_items (id, meeting_id, signal_id, kind, position, summary)
  VALUES (1, 1, 1, 'new_signal', 1, 'Eenzaam');
INSERT INTO actions (id, signal_id, resident_id, wijk_id, meeting_id, decision, owner, due_date,
                     created_at) VALUES (1, 1, 1, 1, 1, 'brigade', 1, '2026-12-01', $T);
INSERT INTO audit_log (seq, at, user_id, user_label, event, resident_id, object, reason,
                       prev_hash, hash)
  VALUES (1, $T, 1, 'dokter', 'create', 1, 'signal:1', 'raised the signal', '', 'h1');
)SQL"},
    {3, "INSERT INTO default_categories (label, meldcode) VALUES ('Dakloos', 0);"},
    {4, R"SQL(
INSERT INTO peer_profiles (user_id, languages, themes) VALUES (3, 'nl,ar', 'rouw');
INSERT INTO peer_on_call VALUES (3, '2026-11-23', 'ochtend');
INSERT INTO peer_absences (user_id, from_date, to_date, note)
  VALUES (3, '2026-12-24', '2027-01-02', 'kerst');
INSERT INTO brigade_requests (id, resident_id, wijk_id, signal_id, action_id, source, requested_by,
                              urgency, outcome, created_at, updated_at)
  VALUES (1, 1, 1, 1, 1, 'overleg', 1, 'snel', 'contact', $T, $T);
INSERT INTO request_outcomes VALUES (1, $T + 1, 3, 'meegekomen', '');
INSERT INTO assignments (id, request_id, peer, assigned_by, state, assigned_at, responded_at)
  VALUES (1, 1, 3, 1, 'accepted', $T, $T + 1);
INSERT INTO visits (id, request_id, peer, at, kind, result, idempotency_key, created_at)
  VALUES (1, 1, 3, $T + 2, 'huisbezoek', 'contact', 'k1', $T + 2);
INSERT INTO checkins (id, request_id, peer, started_at, expected_back)
  VALUES (1, 1, 3, $T, $T + 3600);
INSERT INTO debriefs (id, peer, request_id, note, requested_at) VALUES (1, 3, 1, 'Zwaar', $T);
INSERT INTO referrals (id, request_id, resident_id, wijk_id, referred_by, kind, to_org,
                       consent_given_by, consent_date, consent_purpose, consent_recipient,
                       consent_form, share_story, status, created_at, updated_at)
  VALUES (1, 1, 1, 1, 3, 'sociaal_wijkteam', 1, 'bewoner', '2026-11-23', 'hulp',
          'Praktijk De Linde', 'mondeling', 1, 'intake_gepland', $T, $T);
INSERT INTO referral_tokens VALUES ('digest-1', 1, $T + 86400, 0);
)SQL"},
    {7, "INSERT INTO vault_meta VALUES (1, x'0a0b', $T);"},
    {8, "INSERT INTO login_throttle VALUES ('client:abc', 2, $T, 0);"},
};

std::string with_time(std::string sql) {
  for (auto at = sql.find("$T"); at != std::string::npos; at = sql.find("$T", at))
    sql.replace(at, 2, std::to_string(kT0));
  return sql;
}

// Every row of a query, each column as text ("NULL" for null).
std::vector<std::vector<std::string>> rows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
  std::vector<std::vector<std::string>> out;
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      const auto* text = sqlite3_column_text(s, i);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(s);
  return out;
}

std::string normalised(const std::string& sql) {
  std::string out;
  for (char c : sql) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string joined(const std::vector<std::string>& row) {
  std::string out;
  for (const auto& c : row) out += (out.empty() ? "" : " | ") + c;
  return out;
}

// The schema as lines that compare by content: every table's columns (name, type, not null,
// default, key), foreign keys and indexes (with their columns, order, uniqueness and whether they
// are partial), every object's SQL with its white space normalised, and the version reached.
// Both sides are built by the same migrations, so even the SQL text must agree; a future
// migration that builds a fresh database differently (say by ALTER TABLE on one side only) would
// have to drop the text line of its tables and keep the rest.
std::set<std::string> schema_of(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::set<std::string> out;
  for (const auto& o : rows(db,
                            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
                            "WHERE name NOT LIKE 'sqlite_stat%'")) {
    const std::string& type = o[0];
    const std::string& name = o[1];
    out.insert(type + " " + name + " on " + o[2] + ": " + normalised(o[3]));
    if (type == "table") {
      for (const auto& c : rows(db, "PRAGMA table_info('" + name + "')"))
        out.insert("column " + name + "." + joined({c[1], c[2], c[3], c[4], c[5]}));
      for (const auto& f : rows(db, "PRAGMA foreign_key_list('" + name + "')"))
        out.insert("foreign key " + name + ": " + joined({f[2], f[3], f[4], f[5], f[6]}));
      for (const auto& i : rows(db, "PRAGMA index_list('" + name + "')")) {
        std::string cols;
        for (const auto& c : rows(db, "PRAGMA index_xinfo('" + i[1] + "')"))
          if (c[5] == "1") cols += " " + c[2] + (c[3] == "1" ? " desc" : "") + " " + c[4];
        out.insert("index " + i[1] + " of " + name + ": unique " + i[2] + " origin " + i[3] +
                   " partial " + i[4] + ":" + cols);
      }
    }
  }
  for (const auto& v : rows(db, "SELECT version, name FROM schema_migrations"))
    out.insert("migration " + joined(v));
  sqlite3_close(db);
  return out;
}

std::vector<std::string> missing_from(const std::set<std::string>& a,
                                      const std::set<std::string>& b) {
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

class MigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-migrations-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // A database at schema version `k`, with the rows of kOldRows up to that version in it, each
  // written at its own version (in that version's columns and codes) and upgraded since.
  void build_at(const std::string& file, int k) {
    sqlite::SqliteConnection conn(file);
    for (int v = 1; v <= k; ++v) {
      ASSERT_EQ(sqlite::apply_migrations(conn, v), v);
      for (const auto& r : kOldRows) {
        if (r.since != v) continue;
        ASSERT_EQ(sqlite3_exec(conn.raw(), with_time(r.sql).c_str(), nullptr, nullptr, nullptr),
                  SQLITE_OK)
            << "version " << v << ": " << sqlite3_errmsg(conn.raw());
      }
    }
  }

  std::unique_ptr<Store> migrated(const std::string& file) {
    auto store = open_sqlite_store(file);
    EXPECT_TRUE(store.ok());
    if (!store.ok()) return nullptr;
    auto version = (*store)->migrate();
    EXPECT_TRUE(version.ok()) << version.error().detail;
    EXPECT_EQ(version.ok() ? *version : 0, latest_version());
    return std::move(*store);
  }

  std::filesystem::path dir_;
};

TEST_F(MigrationTest, MigrationsAreNumberedOneByOneFromOne) {
  const auto& all = sqlite::migrations();
  for (std::size_t i = 0; i < all.size(); ++i)
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
}

TEST_F(MigrationTest, MigratingAFreshDatabaseAgainChangesNothing) {
  auto store = migrated(path("fresh.db"));
  ASSERT_TRUE(store);
  const auto before = schema_of(path("fresh.db"));
  auto again = store->migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, latest_version());
  EXPECT_EQ(store->schema_version(), latest_version());
  EXPECT_EQ(schema_of(path("fresh.db")), before);
}

class MigrationUpgrade : public MigrationTest, public ::testing::WithParamInterface<int> {
 protected:
  // The rows of kOldRows, read back through the store after the upgrade.
  void expect_old_rows(Store& store, int k) {
    auto tx = store.begin(TxMode::kRead);
    EXPECT_EQ(tx->admin().get_wijk(WijkId(1)).value().name, "Meerburg");
    EXPECT_EQ(tx->admin().partners(WijkId(1)), std::vector<OrgId>{OrgId(1)});
    EXPECT_EQ(tx->admin().categories(WijkId(1)).size(), 2u);
    auto dokter = tx->accounts().find_user_auth("dokter");
    ASSERT_TRUE(dokter);
    EXPECT_EQ(dokter->password_hash, "argon2id$old");
    EXPECT_EQ(dokter->user.role, Role::kChair);
    EXPECT_EQ(dokter->user.overleg_wijken, std::vector<WijkId>{WijkId(1)});
    EXPECT_TRUE(tx->accounts().find_session("d1"));
    EXPECT_EQ(tx->residents().get_resident(ResidentId(1)).value().buurt_id, BuurtId(1));
    EXPECT_EQ(tx->residents().get_identity(ResidentId(1)).at("name"),
              (std::vector<unsigned char>{1, 2, 3, 4}));
    EXPECT_EQ(tx->residents().residents_with_name_tokens(WijkId(1), {"tok-jansen"}),
              std::vector<ResidentId>{ResidentId(1)});
    EXPECT_EQ(tx->signals().get_signal(SignalId(3)).value().categories,
              std::vector<CategoryId>{CategoryId(2)});
    const auto linked = tx->signals().linked_signals(SignalId(1));
    ASSERT_EQ(linked.size(), 1u);
    EXPECT_EQ(linked[0].id, SignalId(2));
    // The counts kept since version 6 include the signals from before it.
    SignalFilter f;
    f.wijk = WijkId(1);
    EXPECT_EQ(tx->signals().count_signals(f), 1);
    f.include_linked = f.include_meldcode = true;
    EXPECT_EQ(tx->signals().count_signals(f), 3);
    EXPECT_EQ(tx->signals().timeline(SignalId(1)).size(), 1u);
    EXPECT_EQ(tx->signals().meldcode_steps(SignalId(3)).size(), 1u);
    EXPECT_EQ(tx->meetings().get_meeting(MeetingId(1)).value().invited.size(), 2u);
    EXPECT_EQ(tx->meetings().agenda(MeetingId(1)).size(), 1u);
    EXPECT_EQ(tx->meetings().attendance(MeetingId(1)).size(), 1u);
    EXPECT_EQ(tx->meetings().get_action(ActionId(1)).value().decision, Decision::kBrigade);
    EXPECT_EQ(tx->audit().audit_head().hash, "h1");
    // Version 3 ships the default categories; one was added by hand at version 3 or later.
    EXPECT_EQ(tx->admin().default_categories().size(), k >= 3 ? 10u : 9u);
    if (k >= 4) {
      auto r = tx->brigade().get_request(RequestId(1));
      ASSERT_TRUE(r);
      EXPECT_EQ(r->urgency, Urgency::kSoon);
      EXPECT_EQ(r->outcome, Outcome::kContact);
      EXPECT_TRUE(tx->brigade().request_for_action(ActionId(1)));
      EXPECT_TRUE(tx->brigade().is_assigned_peer(UserId(3), ResidentId(1)));
      EXPECT_EQ(tx->brigade().visits_for_request(RequestId(1)).size(), 1u);
      EXPECT_TRUE(tx->brigade().open_checkin(UserId(3)));
      EXPECT_EQ(tx->brigade().open_debriefs().size(), 1u);
      EXPECT_EQ(tx->referrals().get_referral(ReferralId(1)).value().status,
                ReferralStatus::kIntakePlanned);
      EXPECT_TRUE(tx->referrals().find_referral_token("digest-1"));
      EXPECT_EQ(tx->peers().get_peer_profile(UserId(3)).value().languages,
                (std::vector<std::string>{"nl", "ar"}));
      EXPECT_EQ(tx->peers().on_call(UserId(3), "2026-11-23", "2026-11-23").size(), 1u);
      EXPECT_EQ(tx->peers().absences(UserId(3), "2026-11-23").size(), 1u);
      const auto funnel = tx->figures().funnel({WijkId(1)}, 0, 4000000000);
      ASSERT_EQ(funnel.size(), 1u);
      EXPECT_TRUE(funnel[0].came_along);
      EXPECT_TRUE(funnel[0].intake_confirmed);
    }
    EXPECT_EQ(tx->residents().vault_key_check().has_value(), k >= 7);
    EXPECT_EQ(tx->accounts().throttle_rows({"client:abc"}).size(), k >= 8 ? 1u : 0u);
  }
};

TEST_P(MigrationUpgrade, ReachesTheFreshSchemaAndKeepsItsData) {
  const int k = GetParam();
  build_at(path("old.db"), k);
  auto upgraded = migrated(path("old.db"));
  auto fresh = migrated(path("fresh.db"));
  ASSERT_TRUE(upgraded && fresh);
  const auto old_schema = schema_of(path("old.db"));
  const auto fresh_schema = schema_of(path("fresh.db"));
  EXPECT_EQ(missing_from(fresh_schema, old_schema), std::vector<std::string>{})
      << "the upgraded database lacks these";
  EXPECT_EQ(missing_from(old_schema, fresh_schema), std::vector<std::string>{})
      << "the upgraded database has these, a fresh one does not";
  expect_old_rows(*upgraded, k);
  EXPECT_EQ(upgraded->integrity_problems(), "");

  // The upgraded database keeps its counts with every new write, as a fresh one does.
  {
    auto tx = upgraded->begin(TxMode::kWrite);
    Signal s;
    s.resident_id = ResidentId(1);
    s.wijk_id = WijkId(1);
    s.raised_by = UserId(2);
    s.org_id = OrgId(2);
    s.description = "Nieuw na de upgrade";
    tx->signals().insert_signal(s);
    ASSERT_TRUE(tx->commit().ok());
  }
  SignalFilter f;
  f.wijk = WijkId(1);
  EXPECT_EQ(upgraded->begin(TxMode::kRead)->signals().count_signals(f), 2);
}

// Version 9 with a Dutch code in every column that holds one (besides those of kOldRows), and
// with text that only looks like a code: a peer's own reason, a note, an audit entry.
constexpr const char* kDutchCodesAt9 = R"SQL(
INSERT INTO organisations (id, name, kind) VALUES (4, 'O4', 'woningcorporatie'),
  (5, 'O5', 'sociaal_wijkteam'), (6, 'O6', 'ggz'), (7, 'O7', 'verslavingszorg'),
  (8, 'O8', 'welzijn'), (9, 'O9', 'clientorganisatie'), (10, 'O10', 'gemeente'),
  (11, 'O11', 'bewoners'), (12, 'O12', 'overig');
INSERT INTO residents (id, code, wijk_id, gender, age_band, created_at) VALUES
  (2, 'R-2', 1, 'man', 'onder_30', $T), (3, 'R-3', 1, 'anders', '30_50', $T),
  (4, 'R-4', 1, 'onbekend', 'onbekend', $T);
INSERT INTO agenda_items (id, meeting_id, signal_id, kind, position, decision) VALUES
  (2, 1, 1, 'new_signal', 2, 'politie'), (3, 1, 2, 'new_signal', 3, 'woning'),
  (4, 1, 3, 'new_signal', 4, 'vinger_aan_de_pols'), (5, 1, 1, 'follow_up', 5, 'geen_actie');
INSERT INTO actions (id, signal_id, resident_id, wijk_id, decision, owner, created_at)
  VALUES (2, 1, 1, 1, 'vinger_aan_de_pols', 1, $T), (3, 1, 1, 1, 'huisarts', 1, $T);
INSERT INTO signal_timeline (id, signal_id, at, user_id, kind, text) VALUES
  (2, 1, $T, 1, 'discussed', 'geen_actie'),
  (3, 1, $T, 1, 'action', 'vinger_aan_de_pols|Dokter Jansen|2026-12-01'),
  (4, 1, $T, 1, 'action', 'huisarts|Dokter Jansen|2026-12-01'),
  (5, 1, $T, 1, 'brigade_outcome', 'meegekomen'), (6, 1, $T, 1, 'referral_answer', 'intake_gedaan'),
  (7, 1, $T, 1, 'closed', 'gesloten'), (8, 1, $T, 1, 'action_settled', 'not_done|afgewezen');
INSERT INTO users (id, username, display_name, role, org_id, password_hash) VALUES
  (4, 'p4', 'P4', 'peer', 3, 'x'), (5, 'p5', 'P5', 'peer', 3, 'x'), (6, 'p6', 'P6', 'peer', 3, 'x');
INSERT INTO peer_profiles (user_id, languages, themes, gender) VALUES
  (4, 'nl,tr', 'verslaving,psychose,depressie,angst,dakloosheid,schulden,rouw,trauma,eenzaamheid',
   'man'), (5, '', '', 'onbekend'), (6, 'nl', 'rouw,rouw,trauma', 'anders');
INSERT INTO peer_on_call VALUES (3, '2026-11-23', 'middag'), (3, '2026-11-23', 'avond');
INSERT INTO brigade_requests (id, resident_id, wijk_id, source, requested_by, pref_gender,
                              pref_theme, urgency, outcome, created_at, updated_at) VALUES
  (2, 1, 1, 'wijkteam', 1, 'vrouw', 'eenzaamheid', 'normaal', 'meegekomen', $T, $T),
  (3, 1, 1, 'zelfregiecentrum', 1, '', '', 'spoed', 'verwezen_wijkteam', $T, $T),
  (4, 1, 1, 'overleg', 1, '', '', 'normaal', 'verwezen_anders', $T, $T),
  (5, 1, 1, 'overleg', 1, '', '', 'normaal', 'afgewezen', $T, $T),
  (6, 1, 1, 'overleg', 1, '', '', 'normaal', 'onbereikbaar', $T, $T),
  (7, 1, 1, 'overleg', 1, '', '', 'normaal', 'gesloten', $T, $T);
INSERT INTO request_outcomes VALUES (1, $T + 2, 3, 'afgewezen', 'afgewezen'),
  (1, $T + 3, 3, 'gesloten', '');
INSERT INTO assignments (id, request_id, peer, assigned_by, state, reason, assigned_at) VALUES
  (2, 1, 3, 1, 'ended', 'afgewezen', $T), (3, 1, 3, 1, 'ended', 'gesloten', $T),
  (4, 1, 3, 1, 'declined', 'afgewezen', $T), (5, 1, 3, 1, 'ended', 'Verhuisd', $T);
INSERT INTO visits (id, request_id, peer, at, kind, result, idempotency_key, created_at) VALUES
  (2, 1, 3, $T, 'telefoon', 'niet_thuis', 'k2', $T),
  (3, 1, 3, $T, 'centrum', 'niet_opengedaan', 'k3', $T),
  (4, 1, 3, $T, 'buiten', 'kort_gesprek', 'k4', $T),
  (5, 1, 3, $T, 'onbekend', 'geweigerd', 'k5', $T);
INSERT INTO referrals (id, request_id, resident_id, wijk_id, referred_by, kind, to_org,
                       consent_given_by, consent_date, consent_purpose, consent_recipient,
                       consent_form, status, created_at, updated_at) VALUES
  (2, 1, 1, 1, 3, 'schuldhulp', 1, 'vertegenwoordiger', '2026-11-23', 'p', 'r', 'schriftelijk',
   'verstuurd', $T, $T),
  (3, 1, 1, 1, 3, 'verslavingszorg', 1, 'bewoner', '2026-11-23', 'p', 'r', 'mondeling',
   'ontvangen', $T, $T),
  (4, 1, 1, 1, 3, 'overig', 1, 'bewoner', '2026-11-23', 'p', 'r', 'mondeling', 'intake_gedaan',
   $T, $T),
  (5, 1, 1, 1, 3, 'ggz', 1, 'bewoner', '2026-11-23', 'p', 'r', 'mondeling', 'afgewezen', $T, $T);
INSERT INTO audit_log (seq, at, user_id, user_label, event, resident_id, object, reason,
                       prev_hash, hash)
  VALUES (2, $T, 3, 'yasmin', 'change', 1, 'request:1', 'outcome afgewezen', 'h1', 'h2');
)SQL";

// Each code column after migration 10, row by row (columns joined by " | ").
struct CodeColumn {
  const char* select;
  std::vector<std::string> rows;
};

const CodeColumn kEnglishCodes[] = {
    {"SELECT kind FROM organisations ORDER BY id",
     {"huisarts", "police", "centre", "housing", "wijkteam", "ggz", "addiction_care", "welfare",
      "client_organisation", "municipality", "residents", "other"}},
    {"SELECT gender, age_band FROM residents ORDER BY id",
     {"female | 65_plus", "male | under_30", "other | 30_50", "unknown | unknown"}},
    {"SELECT decision FROM agenda_items ORDER BY id",
     {"none", "police", "housing", "keep_eye", "no_action"}},
    {"SELECT decision FROM actions ORDER BY id", {"brigade", "keep_eye", "huisarts"}},
    {"SELECT text FROM signal_timeline ORDER BY id",
     {"", "no_action", "keep_eye|Dokter Jansen|2026-12-01", "huisarts|Dokter Jansen|2026-12-01",
      "came_along", "intake_done", "gesloten", "not_done|afgewezen"}},
    {"SELECT gender, themes FROM peer_profiles ORDER BY user_id",
     {"unknown | grief",
      "male | addiction,psychosis,depression,anxiety,homelessness,debt,grief,trauma,loneliness",
      "unknown | ", "other | grief,grief,trauma"}},
    {"SELECT part FROM peer_on_call ORDER BY part", {"afternoon", "evening", "morning"}},
    {"SELECT source, pref_gender, pref_theme, urgency, outcome FROM brigade_requests ORDER BY id",
     {"meeting |  |  | soon | contact", "wijkteam | female | loneliness | normal | came_along",
      "centre |  |  | urgent | referred_wijkteam", "meeting |  |  | normal | referred_other",
      "meeting |  |  | normal | declined", "meeting |  |  | normal | unreachable",
      "meeting |  |  | normal | closed"}},
    {"SELECT outcome, note FROM request_outcomes ORDER BY at",
     {"came_along | ", "declined | afgewezen", "closed | "}},
    {"SELECT state, reason FROM assignments ORDER BY id",
     {"accepted | ", "ended | declined", "ended | closed", "declined | afgewezen",
      "ended | Verhuisd"}},
    {"SELECT kind, result FROM visits ORDER BY id",
     {"home | contact", "phone | not_home", "centre | no_answer", "outside | short_talk",
      "unknown | refused"}},
    {"SELECT kind, consent_given_by, consent_form, status FROM referrals ORDER BY id",
     {"wijkteam | resident | verbal | intake_planned",
      "debt_help | representative | written | sent",
      "addiction_care | resident | verbal | received", "other | resident | verbal | intake_done",
      "ggz | resident | verbal | declined"}},
    // The audit log is append-only and hash-chained: what it said, it keeps saying.
    {"SELECT reason FROM audit_log ORDER BY seq", {"raised the signal", "outcome afgewezen"}},
};

TEST_F(MigrationTest, Version10StoresEveryCodeInEnglish) {
  build_at(path("old.db"), 9);
  {
    sqlite::SqliteConnection conn(path("old.db"));
    ASSERT_EQ(
        sqlite3_exec(conn.raw(), with_time(kDutchCodesAt9).c_str(), nullptr, nullptr, nullptr),
        SQLITE_OK)
        << sqlite3_errmsg(conn.raw());
  }
  auto store = migrated(path("old.db"));
  ASSERT_TRUE(store);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path("old.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  for (const auto& column : kEnglishCodes) {
    std::vector<std::string> got;
    for (const auto& row : rows(db, column.select)) got.push_back(joined(row));
    EXPECT_EQ(got, column.rows) << column.select;
  }
  {
    // The columns whose DEFAULT is still a Dutch code are always written by the store.
    auto tx = store->begin(TxMode::kWrite);
    Resident r;
    r.code = "R-NEW";
    r.wijk_id = WijkId(1);
    tx->residents().insert_resident(r);
    PeerProfile p;
    p.user_id = UserId(1);
    tx->peers().put_peer_profile(p);
    BrigadeRequest b;
    b.resident_id = ResidentId(1);
    b.wijk_id = WijkId(1);
    b.requested_by = UserId(1);
    tx->brigade().insert_request(b);
    ASSERT_TRUE(tx->commit().ok());
  }
  using Rows = std::vector<std::vector<std::string>>;
  EXPECT_EQ(rows(db, "SELECT gender, age_band FROM residents WHERE code = 'R-NEW'"),
            (Rows{{"unknown", "unknown"}}));
  EXPECT_EQ(rows(db, "SELECT gender FROM peer_profiles WHERE user_id = 1"), (Rows{{"unknown"}}));
  EXPECT_EQ(rows(db, "SELECT source, urgency FROM brigade_requests ORDER BY id DESC LIMIT 1"),
            (Rows{{"meeting", "normal"}}));
  sqlite3_close(db);
  // And the store reads them back as the domain's values.
  auto tx = store->begin(TxMode::kRead);
  EXPECT_EQ(tx->brigade().get_request(RequestId(3)).value().outcome, Outcome::kReferredWijkteam);
  EXPECT_EQ(tx->meetings().get_action(ActionId(2)).value().decision, Decision::kKeepEye);
  EXPECT_EQ(tx->referrals().get_referral(ReferralId(2)).value().consent.form,
            ConsentForm::kWritten);
}

INSTANTIATE_TEST_SUITE_P(EachEarlierVersion, MigrationUpgrade,
                         ::testing::Range(1, latest_version()),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return "From" + std::to_string(info.param);
                         });

}  // namespace
}  // namespace meedoen::testing
