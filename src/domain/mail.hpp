// A mail waiting in the outbox. The app writes what a mail is about (its kind and its values);
// web turns that into words, in the reader's language, when it sends the mail. Mail never carries
// a resident's identity: only a wijk or an organisation's name, and a link.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace meedoen {

enum class MailKind {
  kBrigadeAssignment,  // a peer has a new request: peer_name, wijk, request_id
  kReferralLink,       // a partner has a referral to answer: organisation, token, expires_at
  kReferralReminder,   // the same, again, when no answer came
};

std::string_view mail_kind_code(MailKind k);
std::optional<MailKind> parse_mail_kind(std::string_view code);

struct OutboxMail {
  std::int64_t id = 0;
  std::string to;
  // The code of a MailKind. Empty only for mail written before kinds existed (schema 8 and
  // older), whose words are in subject and body as they were written.
  std::string kind;
  std::map<std::string, std::string> params;
  std::string subject;
  std::string body;
  Timestamp created_at = 0;
  int attempts = 0;
};

// The outbox as /metrics shows it.
struct MailBacklog {
  std::int64_t waiting = 0;  // not sent yet, to be tried (again)
  std::int64_t failed = 0;   // given up on after ten tries
};

}  // namespace meedoen
