#include "report/figures.hpp"

namespace meedoen {

std::string suppressed(int count, int threshold) {
  if (count > 0 && count < threshold) return "<" + std::to_string(threshold);
  return std::to_string(count);
}

bool total_reveals_small(const std::vector<int>& parts, int threshold) {
  int hidden = 0, n = 0;
  for (int p : parts)
    if (p > 0 && p < threshold) {
      hidden += p;
      ++n;
    }
  if (n == 0) return false;
  // Each of the n hidden cells is 1..threshold-1 and together they are `hidden`: a cell is known
  // when that sum is small itself, or when only one spread of the cells makes it (all at the
  // least, all at the most).
  return hidden < threshold || hidden == n || hidden == n * (threshold - 1);
}

}  // namespace meedoen
