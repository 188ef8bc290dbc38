// The mail outbox, for the server's mailer.
// One area of the use cases, reached as app.mail().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "domain/mail.hpp"

namespace meedoen {

class Mail {
 public:
  explicit Mail(AppContext& ctx) : ctx_(ctx) {}

  std::vector<OutboxMail> pending(int limit);
  void mark(std::int64_t id, bool sent, const std::string& error);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
