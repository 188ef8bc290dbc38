// The brigade's funnel per wijk and month: requests → visited → contact made → came along →
// checked in at a centre (measured) → referred → intake confirmed, and the median days from signal
// to first contact. Counts only; the caller suppresses small numbers when it shows them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/brigade.hpp"

namespace meedoen {

struct FunnelCounts {
  int requests = 0;
  int visited = 0;
  int contact = 0;
  int came_along = 0;
  int checked_in = 0;  // came to the centre, measured by a check-in
  int referred = 0;
  int intake_confirmed = 0;
  std::vector<double> days_to_contact;  // one per request with contact

  // The median of days_to_contact; nullopt when empty.
  std::optional<double> median_days() const;
  void add(const FunnelRow& r);
};

// Counts per (wijk, "YYYY-MM" of the request's local date), in order.
std::map<std::pair<WijkId, std::string>, FunnelCounts> funnel_by_month(
    const std::vector<FunnelRow>& rows);

}  // namespace meedoen
