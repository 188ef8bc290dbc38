// Sessions recently read from the store, so that a request does not open a read transaction just
// to find its session (about a tenth of a light page's time). Internal to the app layer.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/io.hpp"
#include "domain/time.hpp"

namespace meedoen {

// An entry is trusted for `ttl_seconds` after it was read, then read again. So a log-out, a
// disabled user or a changed role in *another* process (PostgreSQL with several app processes)
// takes effect here within that time; in this process the use cases that change a session or a
// user drop the entries at once. A ttl of 0 turns the cache off.
class SessionCache {
 public:
  struct Entry {
    SessionView view;
    Timestamp last_seen = 0;   // as stored, for the idle time-out and the periodic touch
    Timestamp fetched_at = 0;  // when it was read from the store
  };

  explicit SessionCache(int ttl_seconds, std::size_t max_entries = 10000)
      : ttl_(ttl_seconds), max_(max_entries) {}

  std::optional<Entry> get(const std::string& digest, Timestamp now) const {
    if (ttl_ <= 0) return std::nullopt;
    std::lock_guard lock(mu_);
    auto it = entries_.find(digest);
    if (it == entries_.end() || now - it->second.fetched_at >= ttl_ || now < it->second.fetched_at)
      return std::nullopt;
    return it->second;
  }

  void put(const std::string& digest, Entry e) {
    if (ttl_ <= 0) return;
    std::lock_guard lock(mu_);
    if (entries_.size() >= max_) {
      // Drop what has expired; if that frees nothing, start afresh (rare: a burst of new sessions).
      for (auto it = entries_.begin(); it != entries_.end();)
        it = e.fetched_at - it->second.fetched_at >= ttl_ ? entries_.erase(it) : std::next(it);
      if (entries_.size() >= max_) entries_.clear();
    }
    entries_[digest] = std::move(e);
  }

  void touched(const std::string& digest, Timestamp at) {
    std::lock_guard lock(mu_);
    if (auto it = entries_.find(digest); it != entries_.end()) it->second.last_seen = at;
  }

  void erase(const std::string& digest) {
    std::lock_guard lock(mu_);
    entries_.erase(digest);
  }

  void clear() {
    std::lock_guard lock(mu_);
    entries_.clear();
  }

 private:
  const int ttl_;
  const std::size_t max_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace meedoen
