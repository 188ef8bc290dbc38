// The audit trail as a hash chain: each entry's hash covers the previous entry's hash and all its
// own fields, so altering or removing any entry breaks every hash after it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"

namespace meedoen {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Fills entry.hash from entry.prev_hash and the other fields.
std::string compute_audit_hash(const AuditEntry& entry);

struct ChainCheck {
  bool ok = true;
  std::int64_t checked = 0;
  std::int64_t first_bad_seq = 0;  // 0 when ok
  std::string problem;             // English, for operators
};

// Checks a chain given in seq order, starting at seq 1. A gap in seq numbers, a wrong prev_hash or
// a wrong hash is reported with the first entry where it shows.
class AuditChainVerifier {
 public:
  void add(const AuditEntry& entry);
  ChainCheck result() const { return result_; }

 private:
  std::string prev_ = kGenesisHash;
  std::int64_t expected_seq_ = 1;
  ChainCheck result_;
};

}  // namespace meedoen
