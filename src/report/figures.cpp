#include "report/figures.hpp"

namespace meedoen {

std::string suppressed(int count, int threshold) {
  if (count > 0 && count < threshold) return "<" + std::to_string(threshold);
  return std::to_string(count);
}

}  // namespace meedoen
