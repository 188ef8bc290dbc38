// Figures counted for monitoring.
// One area of the store, reached from a transaction as tx.figures().
#pragma once

#include <vector>

#include "domain/brigade.hpp"
#include "domain/entities.hpp"

namespace meedoen {

class FiguresStore {
 public:
  virtual ~FiguresStore() = default;

  // One row per request made in `wijken` (empty: all wijken) at or after `from` and before `to`,
  // oldest first.
  virtual std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from,
                                        Timestamp to) = 0;
};

}  // namespace meedoen
