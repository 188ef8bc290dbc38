#include "store/sqlite/sqlite_tx.hpp"

namespace meedoen::sqlite {

SqliteTx::SqliteTx(std::unique_ptr<Connection> conn, TxMode mode,
                   std::function<void(std::unique_ptr<Connection>)> release)
    : conn_(std::move(conn)), release_(std::move(release)) {
  // Prepared (and cached) like any other statement: sqlite3_exec would parse these every time.
  // When BEGIN fails (another process holds the write lock past the busy timeout), the destructor
  // does not run, so the connection goes back to the pool here; losing it would starve the pool.
  try {
    conn_->prepare(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN").exec();
  } catch (...) {
    release_(std::move(conn_));
    throw;
  }
}

SqliteTx::~SqliteTx() {
  if (!done_) {
    try {
      conn_->prepare("ROLLBACK").exec();
    } catch (...) {
      // The connection rolls back by itself when the transaction failed; nothing more to do.
    }
  }
  release_(std::move(conn_));
}

Status SqliteTx::commit() {
  conn_->prepare("COMMIT").exec();
  done_ = true;
  return Status::Ok();
}

bool SqliteTx::ping() {
  auto s = conn_->prepare("SELECT 1");
  return s.step() && s.i64(0) == 1;
}

}  // namespace meedoen::sqlite
