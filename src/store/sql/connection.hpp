// One database connection, as the area stores of store/sql/ see it, whichever database is behind
// it: SQLite (store/sqlite/) or PostgreSQL (store/postgres/). The SQL the areas write is the part
// the two share (see "Writing SQL for both" in store/README.md); where they differ, the area asks
// the connection for its dialect's fragment. Internal to store/.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "store/store.hpp"

namespace meedoen::sql {

// Thrown for failures that a use case cannot handle (disk full, corrupt file, SQL bugs). Caught at
// the request boundary, where the transaction is rolled back. Failures that pass (a lock held too
// long, a lost connection) are meedoen::Unavailable instead.
class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Dialect { kSqlite, kPostgres };

// A prepared statement as its database implements it. Owned by the connection's statement cache;
// the areas hold it through Stmt below.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void bind_i64(int i, std::int64_t v) = 0;
  virtual void bind_text(int i, std::string_view v) = 0;
  virtual void bind_blob(int i, const std::vector<unsigned char>& v) = 0;
  virtual void bind_null(int i) = 0;
  // Runs the statement on the first call, then moves to the next row; true when a row is there.
  virtual bool step() = 0;
  virtual std::int64_t i64(int col) const = 0;
  virtual bool is_null(int col) const = 0;
  // The text in place: valid until the next step or reset.
  virtual std::string_view view(int col) const = 0;
  virtual std::vector<unsigned char> blob(int col) const = 0;
  // Forgets the bindings and the result, ready for the next use.
  virtual void reset() = 0;
};

// A prepared statement in use: typed binding from 1 and column reads from 0, reset when it goes out
// of scope.
class Stmt {
 public:
  explicit Stmt(Statement& impl) : impl_(&impl) {}
  ~Stmt() { impl_->reset(); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::int64_t v) { return impl_->bind_i64(i, v), *this; }
  Stmt& bind(int i, int v) { return bind(i, std::int64_t{v}); }
  Stmt& bind(int i, bool v) { return bind(i, std::int64_t{v ? 1 : 0}); }
  Stmt& bind(int i, std::string_view v) { return impl_->bind_text(i, v), *this; }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::vector<unsigned char>& v) { return impl_->bind_blob(i, v), *this; }
  Stmt& bind_null(int i) { return impl_->bind_null(i), *this; }
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
  bool step() { return impl_->step(); }
  void exec() {
    while (step()) {
    }
  }

  std::int64_t i64(int col) const { return impl_->i64(col); }
  int i32(int col) const { return static_cast<int>(impl_->i64(col)); }
  bool flag(int col) const { return impl_->i64(col) != 0; }
  bool is_null(int col) const { return impl_->is_null(col); }
  std::string text(int col) const { return std::string(impl_->view(col)); }
  std::string_view view(int col) const { return impl_->view(col); }
  std::vector<unsigned char> blob(int col) const { return impl_->blob(col); }

 private:
  Statement* impl_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // A prepared statement from the cache. Parameters are written `?` or `?N` in either dialect.
  // REQUIRES: only one Stmt per distinct SQL text alive at a time.
  virtual Stmt prepare(const std::string& sql) = 0;
  // Runs one or more statements without parameters or results (schema changes, pragmas).
  virtual void exec(const std::string& sql) = 0;
  // The rows changed by the last INSERT, UPDATE or DELETE.
  virtual int changes() const = 0;
  // True when no transaction is open on this connection.
  virtual bool idle() const = 0;
  // Opens a transaction. A write transaction holds the database's one write lock until it ends,
  // in either dialect: what the use cases read in it stays true until they commit.
  virtual void begin(TxMode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

}  // namespace meedoen::sql
