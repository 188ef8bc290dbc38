#include "store/sqlite/connection.hpp"

namespace meedoen::sqlite {

void fail(sqlite3* db, int rc, const std::string& what) {
  std::string msg = db ? what + ": " + sqlite3_errmsg(db) : what;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      throw Unavailable(std::move(msg));
    default:
      throw DbError(std::move(msg));
  }
}

SqliteConnection::SqliteConnection(const std::string& path, int busy_timeout_ms,
                                   std::function<void(std::string_view)> before_statement)
    : before_statement_(std::move(before_statement)) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError("cannot open database " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  exec("PRAGMA foreign_keys = ON");
  if (path != ":memory:") {
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    // When a checkpoint resets the log, it is truncated back to this size (4 MB), so a burst of
    // writes does not leave a large -wal file behind (see also SqliteStore::maintain).
    exec("PRAGMA journal_size_limit = 4194304");
  }
  exec("PRAGMA cache_size = -4000");  // 4 MB per connection keeps the server's RSS small
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();
  sqlite3_close(db_);
}

sql::Stmt SqliteConnection::prepare(const std::string& sql) {
  if (before_statement_ && sql != "ROLLBACK") before_statement_(sql);
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc, "sqlite prepare (" + sql.substr(0, 60) + ")");
    it = cache_.emplace(sql, std::make_unique<SqliteStatement>(db_, stmt)).first;
  }
  return sql::Stmt(*it->second);
}

void SqliteConnection::exec(const std::string& sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    fail(nullptr, rc, "sqlite exec: " + msg);
  }
}

// Prepared (and cached) like any other statement: sqlite3_exec would parse these every time.
void SqliteConnection::begin(TxMode mode) {
  prepare(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN").exec();
}

void SqliteConnection::commit() { prepare("COMMIT").exec(); }

void SqliteConnection::rollback() { prepare("ROLLBACK").exec(); }

}  // namespace meedoen::sqlite
