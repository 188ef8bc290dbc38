// Figures for the municipality and funder: aggregates only, and counts below the threshold shown
// as "<5" so no small group of residents can be recognised.
#pragma once

#include <string>
#include <vector>

namespace meedoen {

inline constexpr int kSmallNumberThreshold = 5;

// "<5" for 1..threshold-1, the number otherwise (0 stays "0": nobody to recognise).
std::string suppressed(int count, int threshold = kSmallNumberThreshold);

// Secondary suppression: whether publishing the total of `parts` (shown with suppressed()) would
// let a reader compute a small number by subtraction: the parts that show as "<5" add up to
// 1..threshold-1, or to a sum that only one spread of them makes (two cells of "<5" that add up to
// 8 are both 4; three that add up to 3 are all 1). Such a total must be hidden too.
bool total_reveals_small(const std::vector<int>& parts, int threshold = kSmallNumberThreshold);

// Shown instead of a number that is hidden by secondary suppression.
inline constexpr const char* kHiddenFigure = "–";

}  // namespace meedoen
