// What the hosts of a centre passed on (domain/concerns.hpp). One area of the store, reached
// from a transaction as tx.concerns().
#pragma once

#include <optional>
#include <vector>

#include "domain/concerns.hpp"

namespace meedoen {

class ConcernsStore {
 public:
  virtual ~ConcernsStore() = default;

  // Keeps `c` (its id is ignored); returns the new id.
  virtual ConcernId insert_concern(const Concern& c) = 0;
  virtual std::optional<Concern> get_concern(ConcernId id) = 0;
  // The concerns of a centre made since `since`, and its call-backs that still wait however old,
  // the newest first.
  virtual std::vector<Concern> concerns_of_centre(CentreId centre, Timestamp since) = 0;
  // The pseudonymous record that a visitor's earlier concern (passed on with their consent) is
  // about, so that a second one is about the same resident.
  virtual std::optional<ResidentId> resident_of_visitor(VisitorId visitor) = 0;
  // A call-back is made; false when it was made already.
  virtual bool mark_done(ConcernId id, Timestamp at, UserId by) = 0;
};

}  // namespace meedoen
