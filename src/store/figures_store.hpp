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

  virtual std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from,
                                        Timestamp to) = 0;
};

}  // namespace meedoen
