// /metrics in the Prometheus text format (version 0.0.4): requests and their latency per route,
// the database's connections and waits, and the mail outbox. A route is its pattern
// ("/signalen/{}"), never the path as sent, so no id or token reaches the metrics. Only addresses
// the operator allows (`--metrics-allow`) may read them.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "domain/health.hpp"
#include "domain/mail.hpp"

namespace meedoen::web {

class Metrics {
 public:
  // The upper bounds of the latency histogram's buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  // Registers a route before serving starts and returns its slot.
  int add_route(std::string method, std::string pattern);
  void observe(int slot, int status, std::chrono::steady_clock::duration took);
  // The whole page, with the store's figures and the outbox (left out when unknown).
  std::string text(const StoreStats& store, const std::optional<MailBacklog>& outbox) const;

 private:
  struct Slot {
    std::string method;
    std::string route;
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};  // not cumulative
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_ns{0};
    std::array<std::atomic<std::uint64_t>, 5> by_class{};  // 1xx … 5xx
  };
  std::deque<Slot> slots_;  // stable addresses; only added to before serving
};

// Which client addresses may read /metrics: exact addresses and networks ("10.0.0.0/8",
// "fd00::/8"). An IPv4 address written as IPv6 ("::ffff:127.0.0.1") counts as the IPv4 one.
class AddressList {
 public:
  AddressList() = default;
  // Throws std::invalid_argument naming the first entry that is no address or network.
  explicit AddressList(const std::vector<std::string>& entries);
  bool allows(const std::string& address) const;
  bool empty() const { return v4_.empty() && v6_.empty(); }

 private:
  struct Net4 {
    std::uint32_t addr;
    int prefix;
  };
  struct Net6 {
    std::array<unsigned char, 16> addr;
    int prefix;
  };
  std::vector<Net4> v4_;
  std::vector<Net6> v6_;
};

}  // namespace meedoen::web
