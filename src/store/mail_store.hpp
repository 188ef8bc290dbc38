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
  virtual std::vector<OutboxMail> pending_mail(Timestamp now, int limit) = 0;
  virtual void mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) = 0;
};

}  // namespace meedoen
