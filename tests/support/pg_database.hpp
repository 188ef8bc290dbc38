// An empty PostgreSQL database for each test, in the throwaway cluster that ctest starts
// (scripts/pg_test_cluster, fixture "postgres" in CMakeLists.txt). Without MEEDOEN_TEST_PG_HOST (a
// test program run by hand), there is no cluster and the tests run on SQLite only.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "store/postgres/connection.hpp"
#include "store/postgres/migrations.hpp"
#include "store/store.hpp"

namespace meedoen::testing {

// The cluster's socket folder, when the tests have one.
inline std::optional<std::string> pg_test_host() {
  const char* host = std::getenv("MEEDOEN_TEST_PG_HOST");
  if (!host || !*host) return std::nullopt;
  return std::string(host);
}

inline std::string pg_url(const std::string& database, const std::string& user = "meedoen") {
  return "postgresql://" + user + "@/" + database + "?host=" + *pg_test_host();
}

// Runs `sql` as the cluster's superuser in its `postgres` database.
inline void pg_admin(const std::string& sql) {
  postgres::PgConnection admin(pg_url("postgres"));
  admin.exec(sql);
}

// Creates an empty database with a name no other test process uses; returns its name.
inline std::string create_pg_database() {
  static std::atomic<int> counter{0};
  const std::string name = "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  pg_admin("CREATE DATABASE " + name);
  return name;
}

// This test process's database, created and migrated on first use. Creating a database per test
// took 0.6 s on a 2-core machine, emptying one takes milliseconds.
inline const std::string& pg_test_database() {
  static const std::string name = [] {
    auto database = create_pg_database();
    auto store = open_postgres_store(pg_url(database));
    if (!store.ok() || !(*store)->migrate().ok())
      throw std::runtime_error("cannot migrate " + database);
    return database;
  }();
  return name;
}

// Deletes every row of `database` (the schema stays), restarts its ids at 1 and puts back the rows
// that migrations add, as in a new database. As the
// superuser, with triggers off: the foreign keys' and the audit log's refusals are triggers.
inline void empty_pg_database(const std::string& database) {
  postgres::PgConnection conn(pg_url(database));
  conn.exec(R"SQL(
SET session_replication_role = replica;
DO $$
DECLARE
  name text;
BEGIN
  FOR name IN SELECT tablename FROM pg_tables
              WHERE schemaname = 'public' AND tablename <> 'schema_migrations' LOOP
    EXECUTE format('DELETE FROM %I', name);
  END LOOP;
  FOR name IN SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER SEQUENCE %I RESTART', name);
  END LOOP;
END $$;
SET session_replication_role = origin)SQL");
  conn.exec(postgres::kDefaultCategories);
}

// A store on this process's PostgreSQL database, emptied first, as a new SQLite database would
// be; nullptr when it cannot be opened.
inline std::unique_ptr<Store> open_pg_test_store(const StoreOptions& options = {}) {
  const std::string& database = pg_test_database();
  empty_pg_database(database);
  auto store = open_postgres_store(pg_url(database), options);
  if (!store.ok()) return nullptr;
  return std::move(*store);
}

}  // namespace meedoen::testing
