// A mail waiting in the outbox. Mail never carries a resident's identity: only a pseudonym, a
// short notice and a link.
#pragma once

#include <cstdint>
#include <string>

#include "domain/time.hpp"

namespace meedoen {

struct OutboxMail {
  std::int64_t id = 0;
  std::string to;
  std::string subject;
  std::string body;
  Timestamp created_at = 0;
  int attempts = 0;
};

}  // namespace meedoen
