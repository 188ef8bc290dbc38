// The mail outbox, sent by the server.
// One area of the store, reached from a transaction as tx.mail().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/mail.hpp"

namespace meedoen {

class MailStore {
 public:
  virtual ~MailStore() = default;

  virtual void insert_mail(const OutboxMail& m) = 0;
  // The mails due at `now`, oldest first, without taking them (for tests and figures).
  virtual std::vector<OutboxMail> pending_mail(Timestamp now, int limit) = 0;
  // Takes up to `limit` mails due at `now`, oldest first, for one sender: they come due again only
  // after `lease_seconds`, so that another process's mailer skips them while this one sends, and
  // a mail whose sender died goes out after the lease instead of being lost. On PostgreSQL the
  // rows are locked with SKIP LOCKED while they are taken.
  virtual std::vector<OutboxMail> claim_mail(Timestamp now, int limit, int lease_seconds) = 0;
  // Mails not sent yet that will be tried again, and mails given up on after their last try.
  virtual MailBacklog mail_backlog() = 0;
  virtual void mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) = 0;
};

}  // namespace meedoen
