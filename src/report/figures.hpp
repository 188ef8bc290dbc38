// Figures for the municipality and funder: aggregates only, and counts below the threshold shown
// as "<5" so no small group of residents can be recognised.
#pragma once

#include <string>

namespace meedoen {

inline constexpr int kSmallNumberThreshold = 5;

// "<5" for 1..threshold-1, the number otherwise (0 stays "0": nobody to recognise).
std::string suppressed(int count, int threshold = kSmallNumberThreshold);

}  // namespace meedoen
