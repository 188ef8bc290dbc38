// PostgreSQL Store: a pool of libpq connections, the migration runner, health checks and backup
// with pg_dump. The app keeps no state of its own, so several processes can share one database.
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>

#include "store/postgres/migrations.hpp"
#include "store/sql/pool.hpp"
#include "store/sql/sql_tx.hpp"

extern char** environ;

namespace meedoen {
namespace postgres {
namespace {

// /healthz waits this long for the write lock: longer than any normal write holds it.
constexpr int kHealthLockWaitMs = 1000;
constexpr int kPoolSize = 8;

class PostgresStore final : public Store {
 public:
  PostgresStore(std::string url, const StoreOptions& options)
      : url_(std::move(url)), options_(options), pool_(kPoolSize, options.pool_wait_ms, [this] {
          return std::make_unique<PgConnection>(url_, options_.busy_timeout_ms,
                                                options_.before_statement);
        }) {
    pool_.fill(1);  // a wrong address or password shows now, not at the first request
  }

  Result<int> migrate() override {
    try {
      Lease conn(*this);
      return apply_migrations(*conn);
    } catch (const sql::DbError& e) {
      return Error{ErrorKind::kInternal, "error.migration", {}, e.what()};
    } catch (const Unavailable& e) {
      return Error{ErrorKind::kInternal, "error.database_busy", {}, e.what()};
    }
  }

  int schema_version() override {
    try {
      Lease conn(*this);
      return postgres::schema_version(*conn);
    } catch (const std::exception&) {
      return 0;
    }
  }

  // The Tx gives the connection back when it ends, and also when BEGIN itself fails.
  std::unique_ptr<Tx> begin(TxMode mode) override { return sql::begin_pooled(pool_, mode); }

  StoreStats stats() override { return pool_.stats(); }

  std::vector<HealthCheck> health() override {
    HealthCheck connection{"connection", true, {}};
    HealthCheck writable{"writable", true, {}};
    HealthCheck lock{"write_lock", true, {}};
    try {
      Lease conn(*this);
      // A standby in recovery answers reads but refuses every write.
      PGresult* r = conn->run("SELECT pg_is_in_recovery()");
      if (PQgetvalue(r, 0, 0)[0] == 't') {
        writable.ok = false;
        writable.detail = "the server is a standby in recovery";
      }
      PQclear(r);
      // The write lock, taken and given back at once; one held past the wait by another process
      // shows here.
      try {
        conn->exec("BEGIN; SET LOCAL lock_timeout = " + std::to_string(kHealthLockWaitMs) +
                   "; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")");
        conn->exec("ROLLBACK");
      } catch (const std::exception& e) {
        lock.ok = false;
        lock.detail = e.what();
      }
    } catch (const std::exception& e) {
      connection.ok = false;
      connection.detail = e.what();
      writable.ok = lock.ok = false;
    }
    return {connection, writable, lock};
  }

  // The server does its own housekeeping (autovacuum, checkpoints).
  void maintain() override {}

  // pg_dump's custom format: a consistent snapshot while others read and write, restored with
  // pg_restore (docs/operations.md).
  Status backup_to(const std::string& dest) override {
    std::error_code ec;
    if (std::filesystem::exists(dest, ec))
      return Error{ErrorKind::kConflict, "error.backup.exists", {}, dest};
    std::vector<std::string> args = {"pg_dump", "--format=custom", "--no-owner", "--file=" + dest,
                                     "--dbname=" + url_};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ) != 0)
      return Error{ErrorKind::kInternal, "error.backup.failed", {}, "pg_dump could not start"};
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::filesystem::remove(dest, ec);
      return Error{ErrorKind::kInternal, "error.backup.failed", {}, "pg_dump failed"};
    }
    return Status::Ok();
  }

  // PostgreSQL checks its pages itself (and with data checksums, when the cluster has them);
  // what this adds is that the schema is the one this program knows.
  std::string integrity_problems() override {
    const int version = schema_version();
    const int latest = migrations().back().version;
    if (version != latest)
      return "schema version " + std::to_string(version) + ", expected " + std::to_string(latest) +
             "\n";
    return {};
  }

 private:
  class Lease {
   public:
    explicit Lease(PostgresStore& store) : lease_(store.pool_) {}
    PgConnection* operator->() { return &**this; }
    PgConnection& operator*() { return static_cast<PgConnection&>(*lease_); }

   private:
    sql::Pool::Lease lease_;
  };

  std::string url_;
  StoreOptions options_;
  sql::Pool pool_;
};

}  // namespace
}  // namespace postgres

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url,
                                                   const StoreOptions& options) {
  try {
    return std::unique_ptr<Store>(std::make_unique<postgres::PostgresStore>(url, options));
  } catch (const std::exception& e) {
    return Error{ErrorKind::kInternal, "error.database_open", {}, e.what()};
  }
}

Result<std::unique_ptr<Store>> open_store(const std::string& db, const StoreOptions& options) {
  return is_postgres_url(db) ? open_postgres_store(db, options) : open_sqlite_store(db, options);
}

}  // namespace meedoen
