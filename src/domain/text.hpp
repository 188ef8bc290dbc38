// Small rules for free text that users type.
#pragma once

#include <cstddef>
#include <string>

namespace meedoen {

// The most characters of a short text field (a name, an address, a label).
inline constexpr std::size_t kMaxShortText = 200;

// `s` without leading and trailing white space.
std::string trim(const std::string& s);
// The words in `s`: runs of letters and digits (any non-ASCII byte counts as a letter).
std::size_t word_count(const std::string& s);

}  // namespace meedoen
