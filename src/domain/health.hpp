// What the layers above a store need to know of its health and limits: the checks /healthz reports,
// and the waits that keep a busy database from hanging a request. Plain values, no I/O.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace meedoen {

// What /healthz reports: each check by name, and whether it passed.
struct HealthCheck {
  std::string name;  // "connection", "writable", "disk_space", "write_lock"
  bool ok = true;
  std::string detail;  // for operators; never personal data
};

struct StoreOptions {
  // How long a writer waits for another process's write lock before the request gets a 503.
  int busy_timeout_ms = 5000;
  // How long a request waits for a free pooled connection; bounded, so no request hangs.
  int pool_wait_ms = 8000;
  // Below this much free disk space, /healthz reports unhealthy.
  std::int64_t min_free_bytes = 64LL * 1024 * 1024;
  // For fault-injection tests only: called with the SQL of each statement a transaction runs
  // (BEGIN and COMMIT included, ROLLBACK not) before it runs. What it throws, that statement
  // throws, as a failing disk would. Empty in production.
  std::function<void(std::string_view sql)> before_statement;
};

// What /metrics reports of a store: its connections, and how long transactions waited to begin
// (for a free connection and, when writing, for the write lock).
struct StoreStats {
  int pool_size = 0;
  int in_use = 0;
  int idle = 0;
  std::uint64_t begun = 0;  // transactions begun since start
  double wait_seconds = 0;  // their total wait
};

// How many rows of one table a copy between databases moved (migrate-store).
struct TableCount {
  std::string table;
  std::int64_t rows = 0;
};

// Whether the --db setting names a PostgreSQL database (postgresql://... or postgres://...) rather
// than a SQLite file.
inline bool is_postgres_url(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

}  // namespace meedoen
