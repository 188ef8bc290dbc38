#include "web/metrics.hpp"

#include <boost/asio/ip/address.hpp>
#include <cstdio>
#include <stdexcept>

namespace meedoen::web {
namespace {

void line(std::string& out, const std::string& name, const std::string& labels, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", value);
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += " ";
  out += buf;
  out += "\n";
}

void line(std::string& out, const std::string& name, const std::string& labels,
          std::uint64_t value) {
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += " " + std::to_string(value) + "\n";
}

void help(std::string& out, const char* name, const char* type, const char* text) {
  out += std::string("# HELP ") + name + " " + text + "\n# TYPE " + name + " " + type + "\n";
}

// Route patterns hold no quote, backslash or newline, but a label value must never break the
// format.
std::string label_value(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\' || ch == '"') out += '\\';
    if (ch == '\n') {
      out += "\\n";
      continue;
    }
    out += ch;
  }
  return out;
}

}  // namespace

int Metrics::add_route(std::string method, std::string pattern) {
  auto& s = slots_.emplace_back();
  s.method = std::move(method);
  s.route = std::move(pattern);
  return static_cast<int>(slots_.size() - 1);
}

void Metrics::observe(int slot, int status, std::chrono::steady_clock::duration took) {
  if (slot < 0 || slot >= static_cast<int>(slots_.size())) return;
  auto& s = slots_[static_cast<std::size_t>(slot)];
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(took).count();
  const double seconds = static_cast<double>(ns) / 1e9;
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  if (b < kBuckets.size()) s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.count.fetch_add(1, std::memory_order_relaxed);
  s.sum_ns.fetch_add(static_cast<std::uint64_t>(ns < 0 ? 0 : ns), std::memory_order_relaxed);
  const int cls = status / 100;
  if (cls >= 1 && cls <= 5)
    s.by_class[static_cast<std::size_t>(cls - 1)].fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::text(const StoreStats& store, const std::optional<MailBacklog>& outbox) const {
  std::string out;
  out.reserve(64 * 1024);
  help(out, "meedoen_http_requests_total", "counter",
       "Requests answered, by route and class of status code.");
  for (const auto& s : slots_) {
    const std::string base =
        "method=\"" + label_value(s.method) + "\",route=\"" + label_value(s.route) + "\"";
    for (std::size_t c = 0; c < s.by_class.size(); ++c) {
      const auto n = s.by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      line(out, "meedoen_http_requests_total", base + ",code=\"" + std::to_string(c + 1) + "xx\"",
           n);
    }
  }
  help(out, "meedoen_http_request_duration_seconds", "histogram",
       "Time from the request's arrival at the site to its answer, by route.");
  for (const auto& s : slots_) {
    const auto count = s.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    const std::string base =
        "method=\"" + label_value(s.method) + "\",route=\"" + label_value(s.route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      char le[32];
      std::snprintf(le, sizeof le, "%g", kBuckets[b]);
      line(out, "meedoen_http_request_duration_seconds_bucket", base + ",le=\"" + le + "\"",
           cumulative);
    }
    line(out, "meedoen_http_request_duration_seconds_bucket", base + ",le=\"+Inf\"", count);
    line(out, "meedoen_http_request_duration_seconds_sum", base,
         static_cast<double>(s.sum_ns.load(std::memory_order_relaxed)) / 1e9);
    line(out, "meedoen_http_request_duration_seconds_count", base, count);
  }
  help(out, "meedoen_db_pool_connections", "gauge",
       "Database connections of this process, in use by a request or idle.");
  line(out, "meedoen_db_pool_connections", "state=\"in_use\"",
       static_cast<std::uint64_t>(store.in_use));
  line(out, "meedoen_db_pool_connections", "state=\"idle\"",
       static_cast<std::uint64_t>(store.idle));
  help(out, "meedoen_db_pool_size", "gauge", "The most database connections this process opens.");
  line(out, "meedoen_db_pool_size", "", static_cast<std::uint64_t>(store.pool_size));
  help(out, "meedoen_db_wait_seconds_total", "counter",
       "Time transactions waited to begin: for a free connection and, when writing, the write "
       "lock.");
  line(out, "meedoen_db_wait_seconds_total", "", store.wait_seconds);
  help(out, "meedoen_db_transactions_total", "counter", "Transactions begun.");
  line(out, "meedoen_db_transactions_total", "", store.begun);
  if (outbox) {
    help(out, "meedoen_mail_outbox", "gauge",
         "Mails in the outbox: waiting to be sent, or given up on after ten tries.");
    line(out, "meedoen_mail_outbox", "state=\"waiting\"",
         static_cast<std::uint64_t>(outbox->waiting));
    line(out, "meedoen_mail_outbox", "state=\"failed\"",
         static_cast<std::uint64_t>(outbox->failed));
  }
  return out;
}

// ---- AddressList ------------------------------------------------------------------------------

namespace {

namespace ip = boost::asio::ip;

// The address, with an IPv4-mapped IPv6 address turned into its IPv4 one.
std::optional<ip::address> parse_address(const std::string& text) {
  boost::system::error_code ec;
  auto a = ip::make_address(text, ec);
  if (ec) return std::nullopt;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

bool prefix_equal(const unsigned char* a, const unsigned char* b, int prefix) {
  for (int bit = 0; bit < prefix; ++bit) {
    const int byte = bit / 8;
    const unsigned char mask = static_cast<unsigned char>(0x80u >> (bit % 8));
    if ((a[byte] & mask) != (b[byte] & mask)) return false;
  }
  return true;
}

}  // namespace

AddressList::AddressList(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    const auto slash = entry.find('/');
    const auto addr = parse_address(entry.substr(0, slash));
    int prefix = -1;
    if (addr && slash != std::string::npos) {
      const std::string p = entry.substr(slash + 1);
      if (!p.empty() && p.size() <= 3 && p.find_first_not_of("0123456789") == std::string::npos)
        prefix = std::stoi(p);
    }
    const int max = addr && addr->is_v4() ? 32 : 128;
    if (slash == std::string::npos) prefix = max;
    if (!addr || prefix < 0 || prefix > max)
      throw std::invalid_argument("not an address or network: " + entry);
    if (addr->is_v4()) {
      v4_.push_back({addr->to_v4().to_uint(), prefix});
    } else {
      Net6 n{addr->to_v6().to_bytes(), prefix};
      v6_.push_back(n);
    }
  }
}

bool AddressList::allows(const std::string& address) const {
  const auto a = parse_address(address);
  if (!a) return false;
  if (a->is_v4()) {
    const std::uint32_t x = a->to_v4().to_uint();
    for (const auto& n : v4_) {
      const std::uint32_t mask = n.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - n.prefix);
      if ((x & mask) == (n.addr & mask)) return true;
    }
    return false;
  }
  const auto bytes = a->to_v6().to_bytes();
  for (const auto& n : v6_)
    if (prefix_equal(bytes.data(), n.addr.data(), n.prefix)) return true;
  return false;
}

}  // namespace meedoen::web
