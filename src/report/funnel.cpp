#include "report/funnel.hpp"

#include <algorithm>

namespace meedoen {

std::optional<double> FunnelCounts::median_days() const {
  if (days_to_contact.empty()) return std::nullopt;
  std::vector<double> v = days_to_contact;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

void FunnelCounts::add(const FunnelRow& r) {
  ++requests;
  if (r.visited) ++visited;
  if (r.first_contact_at > 0) {
    ++contact;
    days_to_contact.push_back(static_cast<double>(r.first_contact_at - r.origin_at) / 86400.0);
  }
  if (r.came_along) ++came_along;
  if (r.checked_in) ++checked_in;
  if (r.referred) ++referred;
  if (r.intake_confirmed) ++intake_confirmed;
}

std::map<std::pair<WijkId, std::string>, FunnelCounts> funnel_by_month(
    const std::vector<FunnelRow>& rows) {
  std::map<std::pair<WijkId, std::string>, FunnelCounts> out;
  for (const auto& r : rows) out[{r.wijk, format_date(r.created_at).substr(0, 7)}].add(r);
  return out;
}

}  // namespace meedoen
