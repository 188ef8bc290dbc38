// Figures counted for monitoring.
// One area of the store, reached from a transaction as tx.figures().
#pragma once

#include <vector>

#include "domain/brigade.hpp"
#include "domain/centres.hpp"
#include "domain/entities.hpp"
#include "domain/participation.hpp"

namespace meedoen {

class FiguresStore {
 public:
  virtual ~FiguresStore() = default;

  // One row per request made in `wijken` (empty: all wijken) at or after `from` and before `to`,
  // oldest first.
  virtual std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from,
                                        Timestamp to) = 0;
  // The counts of the centres in `wijken` (empty: all) per day part of the local days `from_day`
  // to `to_day` (both included) that have any tap, corrections taken off.
  virtual std::vector<CentreDayCount> centre_days(const std::vector<WijkId>& wijken,
                                                  std::int64_t from_day, std::int64_t to_day) = 0;
  // The occurrences in those days whose attendance was recorded.
  virtual std::vector<HeldActivity> held_activities(const std::vector<WijkId>& wijken,
                                                    std::int64_t from_day, std::int64_t to_day) = 0;
  // The participation notes with a rung of the known visitors of those centres, up to `to_day`,
  // each with its centre, by visitor and then oldest first: the rung a visitor went up from may
  // be older than the period.
  virtual std::vector<CentreLadderNote> ladder_notes(const std::vector<WijkId>& wijken,
                                                     std::int64_t to_day) = 0;
};

}  // namespace meedoen
