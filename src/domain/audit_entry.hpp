// One line of the audit trail (NEN 7513): who did what to which resident's record, when, and why.
#pragma once

#include <cstdint>
#include <string>

#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

struct AuditEntry {
  std::int64_t seq = 0;  // position in the chain, 1-based
  Timestamp at = 0;
  UserId user_id;          // 0 for the system (migrations, retention, demo)
  std::string user_label;  // username and organisation at the time, so the log outlives accounts
  std::string event;  // create, read_identity, change, delete, search, export, print, login, ...
  ResidentId resident_id;  // 0 when the event concerns no resident
  std::string object;      // e.g. "signal:12"
  std::string reason;      // why: "raised the signal", "open action", or a break-glass reason
  std::string prev_hash;   // hex
  std::string hash;        // hex, over prev_hash and all fields above
};

}  // namespace meedoen
