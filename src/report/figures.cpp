#include "report/figures.hpp"

namespace meedoen {

std::string suppressed(int count, int threshold) {
  if (count > 0 && count < threshold) return "<" + std::to_string(threshold);
  return std::to_string(count);
}

bool total_reveals_small(const std::vector<int>& parts, int threshold) {
  int hidden = 0;
  for (int p : parts)
    if (p > 0 && p < threshold) hidden += p;
  return hidden > 0 && hidden < threshold;
}

}  // namespace meedoen
