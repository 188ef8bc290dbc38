// SQLite Store: a small pool of connections (WAL lets readers run beside the one writer), the
// migration runner, health checks, housekeeping of the write-ahead log and online backup.
#include <sys/statvfs.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>

#include "store/sql/pool.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"

namespace meedoen {
namespace sqlite {

int apply_migrations(SqliteConnection& conn, int up_to) {
  conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT (strftime('%s','now')))");
  int current = 0;
  {
    auto s = conn.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (s.step()) current = s.i32(0);
  }
  for (const auto& m : migrations()) {
    if (m.version <= current) continue;
    if (m.version > up_to) break;
    conn.exec("BEGIN IMMEDIATE");
    try {
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
  return current;
}

namespace {

// Once the log is bigger than this, housekeeping waits briefly for readers to finish and truncates
// it; readers that never pause (a busy server) would otherwise keep it from ever being reset.
constexpr std::int64_t kWalTruncateBytes = 4LL * 1024 * 1024;
constexpr int kTruncateWaitMs = 250;
// /healthz waits this long for the write lock: longer than any normal write holds it.
constexpr int kHealthLockWaitMs = 1000;

class SqliteStore final : public Store {
 public:
  // An in-memory database lives in its one connection, so that one is always kept.
  SqliteStore(std::string path, int pool_size, const StoreOptions& options)
      : path_(std::move(path)),
        options_(options),
        pool_(
            pool_size, options.pool_wait_ms,
            [this] {
              return std::make_unique<SqliteConnection>(path_, options_.busy_timeout_ms,
                                                        options_.before_statement);
            },
            path_ == ":memory:") {
    pool_.fill(pool_size);
  }

  Result<int> migrate() override {
    Lease conn(*this);
    try {
      return apply_migrations(*conn);
    } catch (const DbError& e) {
      return Error{ErrorKind::kInternal, "error.migration", {}, e.what()};
    } catch (const Unavailable& e) {
      return Error{ErrorKind::kInternal, "error.database_busy", {}, e.what()};
    }
  }

  int schema_version() override {
    Lease conn(*this);
    try {
      return version_of(*conn);
    } catch (const std::exception&) {
      return 0;
    }
  }

  // The Tx gives the connection back when it ends, and also when BEGIN itself fails.
  std::unique_ptr<Tx> begin(TxMode mode) override { return sql::begin_pooled(pool_, mode); }

  StoreStats stats() override { return pool_.stats(); }

  std::vector<HealthCheck> health() override {
    std::vector<HealthCheck> out;
    if (path_ == ":memory:") {
      out.push_back({"connection", ping(), {}});
      return out;
    }
    namespace fs = std::filesystem;
    const fs::path file(path_);
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    HealthCheck writable{"writable", true, {}};
    for (const auto& p : {file, fs::path(path_ + "-wal"), fs::path(path_ + "-shm"), dir}) {
      std::error_code ec;
      if (!fs::exists(p, ec)) continue;
      if (::access(p.c_str(), W_OK) != 0) {
        writable.ok = false;
        writable.detail = p.filename().string() + " is not writable";
      }
    }
    struct statvfs vfs {};
    HealthCheck space{"disk_space", true, {}};
    if (::statvfs(dir.c_str(), &vfs) == 0) {
      const auto free_bytes =
          static_cast<std::int64_t>(vfs.f_bavail) * static_cast<std::int64_t>(vfs.f_frsize);
      if ((vfs.f_flag & ST_RDONLY) != 0) {
        writable.ok = false;
        writable.detail = "the file system is read-only";
      }
      if (free_bytes < options_.min_free_bytes) {
        space.ok = false;
        space.detail = std::to_string(free_bytes / (1024 * 1024)) + " MB free";
      }
    }
    out.push_back(writable);
    out.push_back(space);
    // The write lock, taken and given back at once: BEGIN IMMEDIATE writes nothing. A lock held
    // past the busy timeout by another process shows here.
    HealthCheck lock{"write_lock", true, {}};
    try {
      Lease conn(*this);
      sqlite3_busy_timeout(conn->raw(), kHealthLockWaitMs);
      try {
        conn->exec("BEGIN IMMEDIATE");
        conn->exec("ROLLBACK");
      } catch (const std::exception& e) {
        lock.ok = false;
        lock.detail = e.what();
      }
      sqlite3_busy_timeout(conn->raw(), options_.busy_timeout_ms);
    } catch (const std::exception& e) {
      lock.ok = false;
      lock.detail = e.what();
    }
    out.push_back(lock);
    return out;
  }

  void maintain() override {
    if (path_ == ":memory:") return;
    try {
      Lease conn(*this);
      // A passive checkpoint moves what it can without waiting; when the log is still large, a
      // truncating one waits (up to the busy timeout) for readers and cuts the file back.
      conn->exec("PRAGMA wal_checkpoint(PASSIVE)");
      std::error_code ec;
      const auto wal = std::filesystem::file_size(path_ + "-wal", ec);
      if (!ec && static_cast<std::int64_t>(wal) > kWalTruncateBytes) {
        // Writers wait while it runs, so it waits for readers only briefly.
        sqlite3_busy_timeout(conn->raw(), kTruncateWaitMs);
        try {
          conn->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const std::exception&) {
        }
        sqlite3_busy_timeout(conn->raw(), options_.busy_timeout_ms);
      }
    } catch (const std::exception&) {
      // Busy now; the next pass tries again.
    }
  }

  Status backup_to(const std::string& dest) override {
    std::error_code ec;
    if (std::filesystem::exists(dest, ec))
      return Error{ErrorKind::kConflict, "error.backup.exists", {}, dest};
    try {
      Lease conn(*this);
      // VACUUM INTO reads one consistent snapshot (a read transaction) while writers go on.
      auto s = conn->prepare("VACUUM INTO ?");
      s.bind_all(dest);
      s.exec();
    } catch (const std::exception& e) {
      return Error{ErrorKind::kInternal, "error.backup.failed", {}, e.what()};
    }
    return Status::Ok();
  }

  std::string integrity_problems() override {
    Lease conn(*this);
    auto s = conn->prepare("PRAGMA integrity_check(10)");
    std::string out;
    while (s.step()) {
      const std::string line = s.text(0);
      if (line == "ok") continue;
      out += line + "\n";
    }
    return out;
  }

 private:
  // A pooled connection for the store's own use; only this store's connections are in the pool.
  class Lease {
   public:
    explicit Lease(SqliteStore& store) : lease_(store.pool_) {}
    SqliteConnection* operator->() { return &**this; }
    SqliteConnection& operator*() { return static_cast<SqliteConnection&>(*lease_); }

   private:
    sql::Pool::Lease lease_;
  };

  bool ping() {
    try {
      auto tx = begin(TxMode::kRead);
      return tx->ping();
    } catch (const std::exception&) {
      return false;
    }
  }

  static int version_of(SqliteConnection& conn) {
    auto s = conn.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    return s.step() ? s.i32(0) : 0;
  }

  std::string path_;
  StoreOptions options_;
  sql::Pool pool_;
};

}  // namespace
}  // namespace sqlite

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const StoreOptions& options) {
  // Memory statistics take one process-wide mutex on every allocation inside SQLite; with several
  // request threads that lock was a hot spot. Nothing here reads the statistics. Must run before
  // the first connection opens.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  try {
    // An in-memory database exists per connection, so it gets exactly one.
    const int pool = path == ":memory:" ? 1 : 4;
    return std::unique_ptr<Store>(std::make_unique<sqlite::SqliteStore>(path, pool, options));
  } catch (const std::exception& e) {
    return Error{ErrorKind::kInternal, "error.database_open", {}, e.what()};
  }
}

}  // namespace meedoen
