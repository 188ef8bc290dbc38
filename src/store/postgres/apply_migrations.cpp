#include <cstdlib>

#include "store/postgres/migrations.hpp"

namespace meedoen::postgres {
namespace {

// The advisory lock (session-scoped) that one migrating process holds.
constexpr std::int64_t kMigrateLock = 0x4d6565646f6d67;

std::int64_t first_i64(PGresult* r) {
  const std::int64_t v =
      PQntuples(r) > 0 && !PQgetisnull(r, 0, 0) ? std::atoll(PQgetvalue(r, 0, 0)) : 0;
  PQclear(r);
  return v;
}

}  // namespace

int schema_version(PgConnection& conn) {
  // Without the table (a new database), to_regclass is NULL; the app's role may lack the right
  // to create it, so it is never created just to be read.
  if (first_i64(conn.run("SELECT (to_regclass('schema_migrations') IS NOT NULL)::int")) == 0)
    return 0;
  return static_cast<int>(
      first_i64(conn.run("SELECT coalesce(max(version), 0) FROM schema_migrations")));
}

int apply_migrations(PgConnection& conn, int up_to) {
  const std::string lock = std::to_string(kMigrateLock);
  conn.exec("SELECT pg_advisory_lock(" + lock + ")");
  try {
    int current = schema_version(conn);
    const int pending_from = current;
    for (const auto& m : migrations()) {
      if (m.version <= current) continue;
      if (m.version > up_to) break;
      conn.exec("BEGIN");
      try {
        if (m.version == 1)
          conn.exec(
              "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, "
              "name text NOT NULL, applied_at bigint NOT NULL DEFAULT "
              "extract(epoch FROM now())::bigint)");
        conn.exec(m.sql);
        auto s = conn.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
        s.bind_all(m.version, m.name);
        s.exec();
        conn.exec("COMMIT");
      } catch (...) {
        if (!conn.idle()) conn.exec("ROLLBACK");
        throw;
      }
      current = m.version;
    }
    if (current != pending_from) grant_app_rights(conn);
    conn.exec("SELECT pg_advisory_unlock(" + lock + ")");
    return current;
  } catch (...) {
    try {
      if (!conn.idle()) conn.exec("ROLLBACK");
      conn.exec("SELECT pg_advisory_unlock(" + lock + ")");
    } catch (...) {
    }
    throw;
  }
}

void grant_app_rights(PgConnection& conn) {
  conn.exec(R"SQL(
DO $$
DECLARE
  app text := current_database() || '_app';
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM %I', app);
  END IF;
END $$)SQL");
}

}  // namespace meedoen::postgres
