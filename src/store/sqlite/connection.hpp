// The SQLite connection: sql::Connection over the SQLite C API, with a cache of prepared
// statements. Internal to store/sqlite.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/connection.hpp"

namespace meedoen::sqlite {

using sql::DbError;

// Throws for a failed call: meedoen::Unavailable when the database cannot serve for a moment
// (locked past the busy timeout, disk full, read-only, I/O error), DbError otherwise.
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what);

class SqliteStatement final : public sql::Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void bind_i64(int i, std::int64_t v) override { check(sqlite3_bind_int64(stmt_, i, v)); }
  void bind_text(int i, std::string_view v) override {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  void bind_blob(int i, const std::vector<unsigned char>& v) override {
    check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  void bind_null(int i) override { check(sqlite3_bind_null(stmt_, i)); }
  bool step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, "sqlite step");
  }
  std::int64_t i64(int col) const override { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string_view view(int col) const override {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::vector<unsigned char> blob(int col) const override {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::vector<unsigned char>(p, p + n) : std::vector<unsigned char>();
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail(db_, rc, "sqlite bind");
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public sql::Connection {
 public:
  // Opens `path`; a writer waits up to `busy_timeout_ms` for another's write lock before the call
  // fails with Unavailable.
  // `before_statement`, when set, is called by prepare() with each statement's SQL except
  // ROLLBACK (see StoreOptions).
  explicit SqliteConnection(const std::string& path, int busy_timeout_ms = 5000,
                            std::function<void(std::string_view)> before_statement = {});
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  sql::Stmt prepare(const std::string& sql) override;
  void exec(const std::string& sql) override;
  int changes() const override { return sqlite3_changes(db_); }
  bool idle() const override { return sqlite3_get_autocommit(db_) != 0; }
  // A write transaction takes SQLite's write lock at once (BEGIN IMMEDIATE).
  void begin(TxMode mode) override;
  void commit() override;
  void rollback() override;

  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
  std::function<void(std::string_view)> before_statement_;
};

}  // namespace meedoen::sqlite
