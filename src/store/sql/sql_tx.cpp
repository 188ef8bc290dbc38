#include "store/sql/sql_tx.hpp"

namespace meedoen::sql {

SqlTx::SqlTx(std::unique_ptr<Connection> conn, TxMode mode,
             std::function<void(std::unique_ptr<Connection>)> release)
    : conn_(std::move(conn)), release_(std::move(release)) {
  // When BEGIN fails (another process holds the write lock past the busy timeout), the destructor
  // does not run, so the connection goes back to the pool here; losing it would starve the pool.
  try {
    conn_->begin(mode);
  } catch (...) {
    release_(std::move(conn_));
    throw;
  }
}

std::unique_ptr<Tx> begin_pooled(Pool& pool, TxMode mode) {
  const auto start = std::chrono::steady_clock::now();
  auto tx = std::make_unique<SqlTx>(
      pool.take(), mode, [&pool](std::unique_ptr<Connection> c) { pool.give(std::move(c)); });
  pool.record_wait(std::chrono::steady_clock::now() - start);
  return tx;
}

SqlTx::~SqlTx() {
  if (!done_) {
    try {
      conn_->rollback();
    } catch (...) {
      // The connection rolls back by itself when the transaction failed; nothing more to do.
    }
  }
  release_(std::move(conn_));
}

Status SqlTx::commit() {
  conn_->commit();
  done_ = true;
  return Status::Ok();
}

bool SqlTx::ping() {
  auto s = conn_->prepare("SELECT 1");
  return s.step() && s.i64(0) == 1;
}

}  // namespace meedoen::sql
