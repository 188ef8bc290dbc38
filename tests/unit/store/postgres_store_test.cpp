// What only the PostgreSQL store has: its migrations, tested as SQLite's are (an upgraded schema is
// a fresh one), and the rights of the app's role on the audit log. Runs when the tests have a
// cluster (support/pg_database.hpp); ctest always starts one.
#include <gtest/gtest.h>

#include <string>

#include "store/postgres/migrations.hpp"
#include "store_contract.hpp"
#include "support/pg_database.hpp"

namespace meedoen::testing {
namespace {

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!pg_test_host()) GTEST_SKIP() << "no PostgreSQL cluster (MEEDOEN_TEST_PG_HOST)";
  }

  // The schema as the catalogue describes it: every column with its type, default and nullness,
  // every index, constraint, trigger and function of the public schema, one per line, sorted.
  static std::string schema_of(const std::string& database) {
    postgres::PgConnection conn(pg_url(database));
    PGresult* r = conn.run(R"SQL(
SELECT line FROM (
  SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type,
                coalesce(column_default, ''), is_nullable) AS line
    FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT format('constraint %s %s', conrelid::regclass, pg_get_constraintdef(oid))
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace
) lines ORDER BY line)SQL");
    std::string out;
    for (int i = 0; i < PQntuples(r); ++i) out += std::string(PQgetvalue(r, i, 0)) + "\n";
    PQclear(r);
    return out;
  }

  static std::int64_t count(postgres::PgConnection& conn, const std::string& sql) {
    PGresult* r = conn.run(sql);
    const std::int64_t n = std::atoll(PQgetvalue(r, 0, 0));
    PQclear(r);
    return n;
  }
};

TEST_F(PostgresStoreTest, EveryMigrationOnAnOlderDatabaseGivesTheFreshSchema) {
  const std::string fresh = create_pg_database();
  {
    postgres::PgConnection conn(pg_url(fresh));
    ASSERT_EQ(postgres::apply_migrations(conn), postgres::migrations().back().version);
  }
  const auto& all = postgres::migrations();
  for (std::size_t k = 1; k < all.size(); ++k) {
    SCOPED_TRACE("upgraded from version " + std::to_string(all[k - 1].version));
    const std::string old = create_pg_database();
    postgres::PgConnection conn(pg_url(old));
    ASSERT_EQ(postgres::apply_migrations(conn, all[k - 1].version), all[k - 1].version);
    ASSERT_EQ(postgres::schema_version(conn), all[k - 1].version);
    ASSERT_EQ(postgres::apply_migrations(conn), all.back().version);
    EXPECT_EQ(schema_of(old), schema_of(fresh));
  }
}

TEST_F(PostgresStoreTest, SignalCountsStartFromTheSignalsAnOlderDatabaseHeld) {
  const std::string database = create_pg_database();
  postgres::PgConnection conn(pg_url(database));
  ASSERT_EQ(postgres::apply_migrations(conn, 1), 1);
  conn.exec(R"SQL(
INSERT INTO wijken (name) VALUES ('Meerburg');
INSERT INTO organisations (name, kind) VALUES ('Praktijk', 'gp');
INSERT INTO users (username, display_name, role, org_id, password_hash)
  VALUES ('dokter', 'Dokter', 'member', 1, 'x');
INSERT INTO residents (code, wijk_id, created_at) VALUES ('R-1', 1, 0);
INSERT INTO signals (resident_id, wijk_id, raised_by, org_id, description, urgent, state,
                     created_at, updated_at)
  VALUES (1, 1, 1, 1, 'a', 1, 'new', 0, 0), (1, 1, 1, 1, 'b', 1, 'new', 0, 0),
         (1, 1, 1, 1, 'c', 0, 'discussed', 0, 0))SQL");
  ASSERT_EQ(postgres::apply_migrations(conn), postgres::migrations().back().version);
  EXPECT_EQ(count(conn, "SELECT n FROM signal_counts WHERE state = 'new' AND urgent = 1"), 2);
  EXPECT_EQ(count(conn, "SELECT n FROM signal_counts WHERE state = 'discussed'"), 1);
  // And from then on the triggers follow every change.
  conn.exec("UPDATE signals SET state = 'discussed' WHERE description = 'a'");
  EXPECT_EQ(count(conn, "SELECT n FROM signal_counts WHERE state = 'new' AND urgent = 1"), 1);
  conn.exec("DELETE FROM signals WHERE description = 'c'");
  EXPECT_EQ(count(conn, "SELECT sum(n) FROM signal_counts WHERE state = 'discussed'"), 1);
}

TEST_F(PostgresStoreTest, TheAppsRoleMayAddToAndReadTheAuditLogButNeverChangeIt) {
  const std::string database = create_pg_database();
  const std::string app_role = database + "_app";
  const std::string login = database + "_web";
  pg_admin("CREATE ROLE " + app_role + " NOLOGIN");
  pg_admin("CREATE ROLE " + login + " LOGIN IN ROLE " + app_role);
  {
    // The owner (here the cluster's superuser) migrates; that grants the app's role its rights.
    auto owner = open_postgres_store(pg_url(database));
    ASSERT_TRUE(owner.ok());
    ASSERT_TRUE((*owner)->migrate().ok());
  }
  auto opened = open_postgres_store(pg_url(database, login));
  ASSERT_TRUE(opened.ok()) << opened.error().detail;
  auto& store = **opened;
  // With nothing to migrate, the app's own migrate() changes nothing and succeeds.
  ASSERT_TRUE(store.migrate().ok());
  {
    auto tx = store.begin(TxMode::kWrite);
    auto wijk = tx->admin().insert_wijk({WijkId(), "Meerburg", "", "", ""});
    ASSERT_TRUE(wijk.ok());
    AuditEntry e;
    e.seq = 1;
    e.at = kT0;
    e.user_label = "systeem";
    e.event = "test";
    e.prev_hash = "0";
    e.hash = "h1";
    tx->audit().insert_audit(e);
    ASSERT_TRUE(tx->commit().ok());
  }
  EXPECT_EQ(store.begin(TxMode::kRead)->audit().audit_head().seq, 1);

  postgres::PgConnection as_app(pg_url(database, login));
  for (const char* change : {"UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log",
                             "TRUNCATE audit_log", "INSERT INTO schema_migrations VALUES (99, 'x')",
                             "DROP TABLE audit_log", "CREATE TABLE sneaky (id int)"}) {
    SCOPED_TRACE(change);
    try {
      as_app.exec(change);
      ADD_FAILURE() << "the app's role was allowed to";
    } catch (const sql::DbError& e) {
      // 42501 is a right the role lacks; the trigger's refusal would be P0001.
      EXPECT_NE(std::string(e.what()).find("42501"), std::string::npos) << e.what();
    }
  }
  // The owner may not change it either: the trigger refuses.
  postgres::PgConnection as_owner(pg_url(database));
  for (const char* change :
       {"UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"}) {
    SCOPED_TRACE(change);
    try {
      as_owner.exec(change);
      ADD_FAILURE() << "the owner was allowed to";
    } catch (const sql::DbError& e) {
      EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(count(as_owner, "SELECT count(*) FROM audit_log WHERE reason = ''"), 1);
}

TEST_F(PostgresStoreTest, AWrongAddressIsAClearErrorAtOpen) {
  auto store =
      open_postgres_store("postgresql://meedoen@/no_such_database?host=" + *pg_test_host());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message_key, "error.database_open");
  EXPECT_NE(store.error().detail.find("no_such_database"), std::string::npos);
}

// A failed statement's message reaches the log; PostgreSQL's DETAIL would quote the value that
// clashed, so only the primary message is kept.
TEST_F(PostgresStoreTest, AnErrorFromTheDatabaseQuotesNoValue) {
  auto store = open_pg_test_store();
  ASSERT_TRUE(store);
  auto tx = store->begin(TxMode::kWrite);
  const OrgId org = *tx->admin().insert_org({OrgId(), "Praktijk", "huisarts"});
  User u;
  u.username = "beheerder";
  u.display_name = "Beheerder";
  u.role = Role::kAdmin;
  u.org_id = org;
  const UserId user = *tx->accounts().insert_user(u, "x");
  ApiToken t;
  t.name = "Dashboard";
  t.scopes = {ApiScope::kFigures};
  t.created_by = user;
  tx->api_tokens().insert_api_token(t, "geheime-waarde-7731");
  try {
    tx->api_tokens().insert_api_token(t, "geheime-waarde-7731");
    ADD_FAILURE() << "a second token with the same digest";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("23505"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("geheime-waarde-7731"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace meedoen::testing
