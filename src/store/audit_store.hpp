// The audit trail. The app computes hashes (privacy/audit_chain.hpp); the store only keeps them.
// One area of the store, reached from a transaction as tx.audit().
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/entities.hpp"

namespace meedoen {

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // The last entry's position and hash; {0, ""} while the trail is empty.
  virtual AuditHead audit_head() = 0;
  virtual void insert_audit(const AuditEntry& e) = 0;
  // Every entry, in sequence.
  virtual void for_each_audit(const std::function<void(const AuditEntry&)>& fn) = 0;
  // The entries about the resident, in sequence.
  virtual std::vector<AuditEntry> audit_for_resident(ResidentId id) = 0;
  // Break-glass entries about residents of `wijken` (empty: all wijken), newest first.
  virtual std::vector<AuditEntry> break_glass_entries(const std::vector<WijkId>& wijken,
                                                      int limit) = 0;
};

}  // namespace meedoen
