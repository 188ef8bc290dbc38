// Running the server: health, housekeeping, backup and integrity.
// One area of the use cases, reached as app.operations().
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "domain/health.hpp"
#include "domain/mail.hpp"

namespace meedoen {

class Operations {
 public:
  explicit Operations(AppContext& ctx) : ctx_(ctx) {}

  // Each check of whether the database can be written now (for /healthz); writes nothing.
  std::vector<HealthCheck> health();
  bool healthy();
  int schema_version();
  // Housekeeping for a running server, every few seconds: shrinks the write-ahead log after a
  // burst and removes expired sessions. Never throws.
  void maintain();
  // The store's connections and waits, and the outbox, for /metrics. The outbox is read from the
  // database; when that fails (busy, unreachable) it is left out rather than guessed.
  struct Figures {
    StoreStats store;
    std::optional<MailBacklog> outbox;
  };
  Figures figures();
  // A consistent copy of the database at `dest`, taken while the server runs.
  Status backup(const std::string& dest);
  // The database's integrity check; empty when sound.
  std::string integrity_problems();

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

// Copies a city from the SQLite database `from` to the empty PostgreSQL database `to`, in one
// transaction with the same ids (migrate-store). `progress` hears each table as it starts.
Result<std::vector<TableCount>> copy_sqlite_to_postgres_store(
    const std::string& from, const std::string& to,
    const std::function<void(const std::string& table)>& progress);

}  // namespace meedoen
