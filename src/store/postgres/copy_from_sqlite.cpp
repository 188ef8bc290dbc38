// migrate-store: a city's SQLite database copied into PostgreSQL, row for row.
#include <cstdlib>

#include "store/postgres/migrations.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"

namespace meedoen {
namespace {

// Every table, parents before children. signal_counts is not copied: its triggers rebuild it
// as the signals arrive. schema_migrations belongs to each database.
constexpr const char* kTables[] = {"organisations",
                                   "wijken",
                                   "buurten",
                                   "wijk_partners",
                                   "categories",
                                   "default_categories",
                                   "users",
                                   "user_wijken",
                                   "sessions",
                                   "login_throttle",
                                   "residents",
                                   "resident_identity",
                                   "resident_name_index",
                                   "vault_meta",
                                   "signals",
                                   "signal_categories",
                                   "signal_timeline",
                                   "meldcode_steps",
                                   "meetings",
                                   "meeting_invites",
                                   "meeting_attendance",
                                   "actions",
                                   "agenda_items",
                                   "audit_log",
                                   "peer_profiles",
                                   "peer_on_call",
                                   "peer_absences",
                                   "brigade_requests",
                                   "request_outcomes",
                                   "assignments",
                                   "visits",
                                   "checkins",
                                   "debriefs",
                                   "referrals",
                                   "referral_tokens",
                                   "outbox",
                                   "outbox_params",
                                   "api_tokens",
                                   "centres",
                                   "centre_rooms",
                                   "centre_hosts",
                                   "centre_taps",
                                   "activities",
                                   "activity_pauses",
                                   "activity_changes",
                                   "activity_signups",
                                   "activity_attendance",
                                   "centre_visitors",
                                   "consents",
                                   "activity_attendees",
                                   "centre_concerns",
                                   "participation_notes"};

struct Column {
  std::string name;
  std::string type;  // PostgreSQL's: bigint, text or bytea
};

std::vector<Column> columns_of(postgres::PgConnection& pg, const std::string& table) {
  auto s = pg.prepare(
      "SELECT column_name, data_type FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position");
  s.bind_all(table);
  std::vector<Column> out;
  while (s.step()) out.push_back({s.text(0), s.text(1)});
  return out;
}

std::int64_t count_rows(sql::Connection& conn, const std::string& table) {
  auto s = conn.prepare("SELECT count(*) FROM " + table);
  return s.step() ? s.i64(0) : 0;
}

// Copies one table; a signal's case_id points at another signal, perhaps a later one, so it is
// set once all signals are there.
std::int64_t copy_table(sqlite::SqliteConnection& from, postgres::PgConnection& to,
                        const std::string& table) {
  const auto cols = columns_of(to, table);
  std::string select = "SELECT ";
  std::string insert = "INSERT INTO " + table + " (";
  std::string values;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const std::string sep = i ? ", " : "";
    select += sep + cols[i].name;
    insert += sep + cols[i].name;
    values += sep + "CAST(?" + std::to_string(i + 1) + " AS " + cols[i].type + ")";
  }
  select += " FROM " + table + " ORDER BY 1";
  insert += ") VALUES (" + values + ")";
  const bool signals = table == "signals";
  auto read = from.prepare(select);
  std::int64_t rows = 0;
  while (read.step()) {
    auto write = to.prepare(insert);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const int c = static_cast<int>(i);
      if (read.is_null(c) || (signals && cols[i].name == "case_id"))
        write.bind_null(c + 1);
      else if (cols[i].type == "bytea")
        write.bind(c + 1, read.blob(c));
      else
        write.bind(c + 1, read.view(c));
    }
    write.exec();
    ++rows;
  }
  if (signals) {
    auto links = from.prepare("SELECT id, case_id FROM signals WHERE case_id IS NOT NULL");
    while (links.step()) {
      auto set = to.prepare("UPDATE signals SET case_id = ? WHERE id = ?");
      set.bind_all(links.i64(1), links.i64(0));
      set.exec();
    }
  }
  return rows;
}

}  // namespace

Result<std::vector<TableCount>> copy_sqlite_to_postgres(
    const std::string& from, const std::string& to,
    const std::function<void(const std::string& table)>& progress) {
  try {
    sqlite::SqliteConnection source(from);
    sqlite::apply_migrations(source);
    postgres::PgConnection target(to);
    postgres::apply_migrations(target);
    for (const char* table : {"users", "residents", "signals", "audit_log", "vault_meta"}) {
      if (count_rows(target, table) > 0)
        return Error{ErrorKind::kConflict, "error.copy.target_not_empty", {}, table};
    }
    std::vector<TableCount> out;
    // One snapshot of the source, one transaction in the target.
    source.begin(TxMode::kRead);
    target.exec("BEGIN");
    target.exec("DELETE FROM default_categories");  // migration 1's, replaced by the city's own
    for (const char* table : kTables) {
      if (progress) progress(table);
      const std::int64_t rows = copy_table(source, target, table);
      if (count_rows(source, table) != rows || count_rows(target, table) != rows)
        throw sql::DbError(std::string("the row counts of ") + table + " differ after the copy");
      out.push_back({table, rows});
    }
    // The next id of each table continues after the highest copied one.
    target.exec(R"SQL(
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id'
             AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), '
                   'coalesce((SELECT max(id) FROM %I), 0) + 1, false)', t.table_name, t.table_name);
  END LOOP;
END $$)SQL");
    target.commit();
    source.rollback();
    return out;
  } catch (const std::exception& e) {
    return Error{ErrorKind::kInternal, "error.copy.failed", {}, e.what()};
  }
}

}  // namespace meedoen
