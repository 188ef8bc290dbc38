// The log: one line per event on standard error, as text or as one JSON object per line
// (`--log-format json`), each with the id of the request the thread was serving. Log lines
// never carry identity: no names, no form values, no query strings, no referral tokens, and no
// database error details (which may quote a value).
#pragma once

#include <string>
#include <string_view>

namespace meedoen::web {

enum class LogFormat { kText, kJson };

// Sets the format of the default logger's lines.
void set_log_format(LogFormat format);

// "text" or "json"; false for anything else.
bool parse_log_format(std::string_view name, LogFormat& out);

// The id of the request this thread is serving ("" outside a request).
const std::string& current_request_id();

// Marks the thread as serving request `id` for its lifetime.
class RequestLogScope {
 public:
  explicit RequestLogScope(std::string id);
  ~RequestLogScope();
  RequestLogScope(const RequestLogScope&) = delete;
  RequestLogScope& operator=(const RequestLogScope&) = delete;

 private:
  std::string previous_;
};

}  // namespace meedoen::web
