// SQLite Store: a small pool of connections (WAL lets readers run beside the one writer) and the
// migration runner.
#include <condition_variable>
#include <mutex>

#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace meedoen {
namespace sqlite {
namespace {

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, int pool_size) : path_(std::move(path)) {
    for (int i = 0; i < pool_size; ++i) free_.push_back(std::make_unique<Connection>(path_));
  }

  Result<int> migrate() override {
    auto conn = take();
    try {
      conn->exec(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT (strftime('%s','now')))");
      int current = version_of(*conn);
      for (const auto& m : migrations()) {
        if (m.version <= current) continue;
        conn->exec("BEGIN IMMEDIATE");
        try {
          conn->exec(m.sql);
          auto s = conn->prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
          s.bind_all(m.version, m.name);
          s.exec();
          conn->exec("COMMIT");
        } catch (...) {
          conn->exec("ROLLBACK");
          throw;
        }
        current = m.version;
      }
      give(std::move(conn));
      return current;
    } catch (const DbError& e) {
      give(std::move(conn));
      return Error{ErrorKind::kInternal, "error.migration", {}, e.what()};
    }
  }

  int schema_version() override {
    auto conn = take();
    int v = 0;
    try {
      v = version_of(*conn);
    } catch (const DbError&) {
      v = 0;
    }
    give(std::move(conn));
    return v;
  }

  std::unique_ptr<Tx> begin(TxMode mode) override {
    auto conn = take();
    try {
      return std::make_unique<SqliteTx>(std::move(conn), mode,
                                        [this](std::unique_ptr<Connection> c) { give(std::move(c)); });
    } catch (...) {
      throw;
    }
  }

 private:
  static int version_of(Connection& conn) {
    auto s = conn.prepare(
        "SELECT coalesce(max(version), 0) FROM schema_migrations");
    return s.step() ? s.i32(0) : 0;
  }

  std::unique_ptr<Connection> take() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    auto c = std::move(free_.back());
    free_.pop_back();
    return c;
  }

  void give(std::unique_ptr<Connection> c) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

  std::string path_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> free_;
};

}  // namespace
}  // namespace sqlite

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  // Memory statistics take one process-wide mutex on every allocation inside SQLite; with several
  // request threads that lock was a hot spot. Nothing here reads the statistics. Must run before
  // the first connection opens.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  try {
    // An in-memory database exists per connection, so it gets exactly one.
    const int pool = path == ":memory:" ? 1 : 4;
    return std::unique_ptr<Store>(std::make_unique<sqlite::SqliteStore>(path, pool));
  } catch (const sqlite::DbError& e) {
    return Error{ErrorKind::kInternal, "error.database_open", {}, e.what()};
  }
}

}  // namespace meedoen
