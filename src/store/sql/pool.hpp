// A bounded pool of connections, for SQLite and PostgreSQL alike. A connection is opened when one
// is needed and none is free, up to the pool's size; a request waits at most `wait_ms` for one
// to come free and then gets Unavailable, so that no request hangs. Internal to store/.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/health.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class Pool {
 public:
  using Open = std::function<std::unique_ptr<Connection>()>;
  // `keep_all`: a connection left inside a transaction is kept rather than replaced (SQLite's
  // ":memory:" database lives in its one connection).
  Pool(int size, int wait_ms, Open open, bool keep_all = false)
      : size_(size), wait_ms_(wait_ms), open_(std::move(open)), keep_all_(keep_all) {}

  // Opens `n` connections now, so that a bad address or password shows at start.
  void fill(int n) {
    for (int i = 0; i < n; ++i) free_.push_back(open_());
  }

  // A free connection, or a new one when fewer than `size` exist; Unavailable after wait_ms.
  std::unique_ptr<Connection> take() {
    std::unique_lock lock(mu_);
    const bool ready = cv_.wait_for(lock, std::chrono::milliseconds(wait_ms_), [&] {
      return !free_.empty() || lent_ + static_cast<int>(free_.size()) < size_;
    });
    if (!ready) throw Unavailable("no database connection came free in time");
    ++lent_;
    if (!free_.empty()) {
      auto c = std::move(free_.back());
      free_.pop_back();
      return c;
    }
    lock.unlock();
    try {
      return open_();
    } catch (...) {
      lock.lock();
      --lent_;
      cv_.notify_one();
      throw;
    }
  }

  // Takes a connection back. One still inside a transaction (its ROLLBACK failed too, or the
  // server went away) is closed rather than handed to the next request, and take() opens a new
  // one in its place.
  void give(std::unique_ptr<Connection> c) {
    if (c && !c->idle()) {
      try {
        c->rollback();
      } catch (...) {
      }
      if (!c->idle() && !keep_all_) c.reset();
    }
    {
      std::lock_guard lock(mu_);
      --lent_;
      if (c) free_.push_back(std::move(c));
    }
    cv_.notify_one();
  }

  // A transaction began after waiting `waited` for its connection and BEGIN (for /metrics).
  void record_wait(std::chrono::steady_clock::duration waited) {
    begun_.fetch_add(1, std::memory_order_relaxed);
    wait_ns_.fetch_add(static_cast<std::uint64_t>(
                           std::chrono::duration_cast<std::chrono::nanoseconds>(waited).count()),
                       std::memory_order_relaxed);
  }

  StoreStats stats() {
    StoreStats s;
    {
      std::lock_guard lock(mu_);
      s.pool_size = size_;
      s.in_use = lent_;
      s.idle = static_cast<int>(free_.size());
    }
    s.begun = begun_.load(std::memory_order_relaxed);
    s.wait_seconds = static_cast<double>(wait_ns_.load(std::memory_order_relaxed)) / 1e9;
    return s;
  }

  // A pooled connection for the store's own use, given back on every path.
  class Lease {
   public:
    explicit Lease(Pool& pool) : pool_(pool), conn_(pool.take()) {}
    ~Lease() { pool_.give(std::move(conn_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection* operator->() { return conn_.get(); }
    Connection& operator*() { return *conn_; }
    // Drops the connection instead of giving it back (it is broken).
    void discard() { conn_.reset(); }

   private:
    Pool& pool_;
    std::unique_ptr<Connection> conn_;
  };

 private:
  const int size_;
  const int wait_ms_;
  Open open_;
  const bool keep_all_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> free_;
  int lent_ = 0;
  std::atomic<std::uint64_t> begun_{0};
  std::atomic<std::uint64_t> wait_ns_{0};
};

}  // namespace meedoen::sql
