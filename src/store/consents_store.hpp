// Consents, one record per purpose and recipient, with withdrawal. One area of the store,
// reached from a transaction as tx.consents().
#pragma once

#include <optional>
#include <vector>

#include "domain/consents.hpp"

namespace meedoen {

class ConsentsStore {
 public:
  virtual ~ConsentsStore() = default;

  // Keeps `c` (its id is ignored); returns the new id.
  virtual ConsentId insert_consent(const ConsentRecord& c) = 0;
  virtual std::optional<ConsentRecord> get_consent(ConsentId id) = 0;
  // Every consent and refusal of a visitor, the newest first.
  virtual std::vector<ConsentRecord> consents_of_visitor(VisitorId visitor) = 0;
  // Withdraws a consent in force; false when it was not (withdrawn before, or a refusal).
  virtual bool withdraw_consent(ConsentId id, Timestamp at, UserId by) = 0;
};

}  // namespace meedoen
