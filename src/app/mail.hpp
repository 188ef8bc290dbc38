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

// Longer than a send can take (the SMTP time-outs), so a mail is never taken twice while it goes.
inline constexpr int kMailLease = 300;

class Mail {
 public:
  explicit Mail(AppContext& ctx) : ctx_(ctx) {}

  // The mails due now, without taking them.
  std::vector<OutboxMail> pending(int limit);
  // Takes up to `limit` due mails for this process's mailer, for kMailLease seconds (MailStore::
  // claim_mail): with several processes, each mail goes to one of them, and one that dies while
  // sending leaves its mails to be sent after the lease.
  std::vector<OutboxMail> claim(int limit);
  void mark(std::int64_t id, bool sent, const std::string& error);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
