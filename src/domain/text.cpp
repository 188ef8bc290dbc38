#include "domain/text.hpp"

#include <algorithm>
#include <cctype>

namespace meedoen {

std::string trim(const std::string& s) {
  auto b = std::find_if_not(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
  auto e = std::find_if_not(s.rbegin(), s.rend(), [](unsigned char c) { return std::isspace(c); });
  if (b >= e.base()) return {};
  return std::string(b, e.base());
}

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (unsigned char c : s) {
    const bool letter = std::isalnum(c) || c >= 0x80;
    if (letter && !in_word) ++n;
    in_word = letter;
  }
  return n;
}

}  // namespace meedoen
