// The PostgreSQL connection: sql::Connection over libpq, with prepared statements cached per
// connection, every parameter bound (never spliced into the text), and results read as text.
// Internal to store/postgres.
#pragma once

#include <libpq-fe.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/connection.hpp"

namespace meedoen::postgres {

// The SQL of store/sql/ is written in the part of SQL that SQLite and PostgreSQL share, plus four
// of SQLite's spellings that this turns into PostgreSQL's: `?` and `?N` parameters become `$N`;
// `CROSS JOIN ... ON` (SQLite's way to fix the join order) becomes `JOIN ... ON`;
// `group_concat(x)` becomes `string_agg(CAST(x AS text), ',')`; and the id list of for_ids,
// `json_each(?1) ids`, becomes `unnest(CAST($1 AS bigint[])) AS ids(value)`. Text inside quotes
// is left as it is. Throws DbError for a `?` it cannot number.
std::string translate(std::string_view sql);

// Throws for a failed call: meedoen::Unavailable when the database cannot serve for a moment (the
// connection is lost, the server is shutting down or out of resources, a lock was not granted
// within the lock timeout), DbError otherwise. Clears `result`, which may be null.
[[noreturn]] void fail(PGconn* conn, PGresult* result, const std::string& what);

class PgConnection;

class PgStatement final : public sql::Statement {
 public:
  // `sql` as translate() gave it.
  PgStatement(PgConnection& conn, std::string sql);
  ~PgStatement() override;
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  void bind_i64(int i, std::int64_t v) override;
  void bind_text(int i, std::string_view v) override;
  void bind_blob(int i, const std::vector<unsigned char>& v) override;
  void bind_null(int i) override;
  bool step() override;
  std::int64_t i64(int col) const override;
  bool is_null(int col) const override;
  std::string_view view(int col) const override;
  std::vector<unsigned char> blob(int col) const override;
  void reset() override;

 private:
  struct Param {
    Oid type = 0;  // 0: NULL, whose type the server infers
    bool null = true;
    bool binary = false;
    std::string value;
  };
  Param& param(int i);
  // The name of this statement prepared for the bound types, preparing it the first time.
  const std::string& prepared_for(const std::string& types);

  PgConnection& conn_;
  std::string sql_;  // already translated
  std::vector<Param> params_;
  std::map<std::string, std::string> prepared_;  // parameter types -> statement name
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PgConnection final : public sql::Connection {
 public:
  // Connects to `url` (postgresql://...). A write transaction waits up to `lock_timeout_ms` for
  // another's write lock. `before_statement` as in StoreOptions.
  explicit PgConnection(const std::string& url, int lock_timeout_ms = 5000,
                        std::function<void(std::string_view)> before_statement = {});
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  sql::Stmt prepare(const std::string& sql) override;
  void exec(const std::string& sql) override;
  int changes() const override { return changes_; }
  bool idle() const override;
  // A write transaction takes a transaction-scoped advisory lock first (kWriteLock): writers of
  // every process follow one another as in SQLite, so that what a use case checked before it
  // writes (a version, the audit chain's head) still holds when it commits. Readers take no
  // lock and read one snapshot (REPEATABLE READ, READ ONLY).
  void begin(TxMode mode) override;
  void commit() override;
  void rollback() override;

  PGconn* raw() { return conn_; }
  // Runs `sql` (no parameters) and returns its result; throws as fail() does.
  PGresult* run(const std::string& sql);

 private:
  friend class PgStatement;
  std::string next_name() { return "m" + std::to_string(++names_); }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<PgStatement>> cache_;
  std::function<void(std::string_view)> before_statement_;
  int changes_ = 0;
  int names_ = 0;
};

// The advisory lock that write transactions take (pg_advisory_xact_lock), one per database.
inline constexpr std::int64_t kWriteLock = 0x4d6565646f656e;  // "Meedoen"

}  // namespace meedoen::postgres
