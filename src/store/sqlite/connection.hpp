// A thin RAII layer over the SQLite C API: one connection with a cache of prepared statements, and
// a statement handle with typed binding and column reads. Internal to store/sqlite.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/result.hpp"

namespace meedoen::sqlite {

// Thrown for failures that a use case cannot handle (disk full, corrupt file, SQL bugs). Caught at
// the request boundary, where the transaction is rolled back.
class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws for a failed call: meedoen::Unavailable when the database cannot serve for a moment
// (locked past the busy timeout, disk full, read-only, I/O error), DbError otherwise.
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what);

class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Stmt() {
    if (stmt_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(stmt_, i, v)); }
  Stmt& bind(int i, int v) { return check(sqlite3_bind_int64(stmt_, i, v)); }
  Stmt& bind(int i, bool v) { return check(sqlite3_bind_int64(stmt_, i, v ? 1 : 0)); }
  Stmt& bind(int i, std::string_view v) {
    return check(
        sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::vector<unsigned char>& v) {
    return check(
        sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Stmt& bind_null(int i) { return check(sqlite3_bind_null(stmt_, i)); }
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  template <class... Args>
  Stmt& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  // Steps once; true when a row is available.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, "sqlite step");
  }
  void exec() {
    while (step()) {
    }
  }

  std::int64_t i64(int col) const { return sqlite3_column_int64(stmt_, col); }
  int i32(int col) const { return sqlite3_column_int(stmt_, col); }
  bool flag(int col) const { return sqlite3_column_int64(stmt_, col) != 0; }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const { return std::string(view(col)); }
  // The text in place: valid until the next step, reset or read of the same column as another type.
  std::string_view view(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }
  std::vector<unsigned char> blob(int col) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    return p ? std::vector<unsigned char>(p, p + n) : std::vector<unsigned char>();
  }

 private:
  Stmt& check(int rc) {
    if (rc != SQLITE_OK) fail(db_, rc, "sqlite bind");
    return *this;
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens `path`; a writer waits up to `busy_timeout_ms` for another's write lock before the call
  // fails with Unavailable.
  // `before_statement`, when set, is called by prepare() with each statement's SQL except
  // ROLLBACK (see StoreOptions).
  explicit Connection(const std::string& path, int busy_timeout_ms = 5000,
                      std::function<void(std::string_view)> before_statement = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A prepared statement from the cache; reset and unbound when the Stmt goes out of scope.
  // REQUIRES: only one Stmt per distinct SQL text alive at a time.
  Stmt prepare(const std::string& sql);
  void exec(const std::string& sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }
  // True when no transaction is open on this connection.
  bool idle() const { return sqlite3_get_autocommit(db_) != 0; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::function<void(std::string_view)> before_statement_;
};

}  // namespace meedoen::sqlite
