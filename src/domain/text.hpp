// Small rules for free text that users type.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meedoen {

// The most characters of a short text field (a name, an address, a label).
inline constexpr std::size_t kMaxShortText = 200;

// `s` without leading and trailing white space.
std::string trim(const std::string& s);
// `s` as a whole decimal int (no spaces, no sign other than '-'); nullopt when it is not one.
std::optional<int> parse_int(const std::string& s);
// The words in `s`: runs of letters and digits (any non-ASCII byte counts as a letter).
std::size_t word_count(const std::string& s);
// A name as it is compared: ASCII letters in lower case, runs of white space as one space, none
// at either end. "Ans " and "ans" are the same person on one list.
std::string comparable_name(std::string_view name);
// The words of a name worth looking for in free text, in lower case: `min_size` letters or more,
// without the particles that are ordinary words too ("van", "der", ...).
std::vector<std::string> name_words(const std::string& name, std::size_t min_size = 3);
// Whether `text` contains one of `words` as a whole word (case-insensitive).
bool mentions(const std::string& text, const std::vector<std::string>& words);

}  // namespace meedoen
