#include "app/operations.hpp"

#include "store/store.hpp"

namespace meedoen {

std::vector<HealthCheck> Operations::health() { return ctx_.store->health(); }

bool Operations::healthy() {
  for (const auto& c : health())
    if (!c.ok) return false;
  return true;
}

void Operations::maintain() {
  ctx_.store->maintain();
  try {
    auto tx = ctx_.store->begin(TxMode::kWrite);
    tx->accounts().delete_sessions_idle_since(now() - ctx_.config.idle_timeout_seconds);
    tx->accounts().purge_throttle(now() - 24 * 3600);
    (void)tx->commit();
  } catch (const std::exception&) {
    // Busy now; the next pass tries again.
  }
}

Operations::Figures Operations::figures() {
  Figures f;
  f.store = ctx_.store->stats();
  try {
    auto tx = ctx_.store->begin(TxMode::kRead);
    f.outbox = tx->mail().mail_backlog();
  } catch (const std::exception&) {
  }
  return f;
}

Status Operations::backup(const std::string& dest) { return ctx_.store->backup_to(dest); }

std::string Operations::integrity_problems() { return ctx_.store->integrity_problems(); }

int Operations::schema_version() { return ctx_.store->schema_version(); }

Result<std::vector<TableCount>> copy_sqlite_to_postgres_store(
    const std::string& from, const std::string& to,
    const std::function<void(const std::string& table)>& progress) {
  return copy_sqlite_to_postgres(from, to, progress);
}

}  // namespace meedoen
