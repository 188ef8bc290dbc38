#include "web/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <chrono>
#include <ctime>
#include <memory>

namespace meedoen::web {
namespace {

thread_local std::string t_request_id;

// `%*` in a text pattern: " req=<id>" inside a request, nothing outside one.
class RequestIdFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    if (t_request_id.empty()) return;
    static constexpr std::string_view kPrefix = " req=";
    dest.append(kPrefix.data(), kPrefix.data() + kPrefix.size());
    dest.append(t_request_id.data(), t_request_id.data() + t_request_id.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestIdFlag>();
  }
};

void append(spdlog::memory_buf_t& dest, std::string_view s) {
  dest.append(s.data(), s.data() + s.size());
}

// {"time":"2026-12-02T10:15:00.123Z","level":"info","request_id":"…","message":"…"}
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    using namespace std::chrono;
    const auto since = msg.time.time_since_epoch();
    const std::time_t secs = duration_cast<seconds>(since).count();
    const auto millis = duration_cast<milliseconds>(since).count() % 1000;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char when[80];
    std::snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(millis));
    append(dest, "{\"time\":\"");
    append(dest, when);
    append(dest, "\",\"level\":\"");
    const auto level = spdlog::level::to_string_view(msg.level);
    append(dest, std::string_view(level.data(), level.size()));
    append(dest, "\"");
    if (!t_request_id.empty()) {
      append(dest, ",\"request_id\":");
      append(dest, boost::json::serialize(boost::json::string(t_request_id)));
    }
    append(dest, ",\"message\":");
    append(dest, boost::json::serialize(boost::json::string(
                     std::string_view(msg.payload.data(), msg.payload.size()))));
    append(dest, "}\n");
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

}  // namespace

void set_log_format(LogFormat format) {
  if (format == LogFormat::kJson) {
    spdlog::set_formatter(std::make_unique<JsonFormatter>());
    return;
  }
  auto f = std::make_unique<spdlog::pattern_formatter>();
  f->add_flag<RequestIdFlag>('*').set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l]%* %v");
  spdlog::set_formatter(std::move(f));
}

bool parse_log_format(std::string_view name, LogFormat& out) {
  if (name == "text")
    out = LogFormat::kText;
  else if (name == "json")
    out = LogFormat::kJson;
  else
    return false;
  return true;
}

const std::string& current_request_id() { return t_request_id; }

RequestLogScope::RequestLogScope(std::string id) : previous_(std::move(t_request_id)) {
  t_request_id = std::move(id);
}

RequestLogScope::~RequestLogScope() { t_request_id = std::move(previous_); }

}  // namespace meedoen::web
