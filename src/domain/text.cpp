#include "domain/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace meedoen {

std::optional<int> parse_int(const std::string& s) {
  int v = 0;
  const auto* end = s.data() + s.size();
  const auto r = std::from_chars(s.data(), end, v);
  if (s.empty() || r.ec != std::errc() || r.ptr != end) return std::nullopt;
  return v;
}

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

std::string comparable_name(std::string_view name) {
  std::string out;
  bool space = false;
  for (unsigned char ch : name) {
    if (std::isspace(ch)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(ch));
  }
  return out;
}

std::vector<std::string> name_words(const std::string& name, std::size_t min_size) {
  static const char* kParticles[] = {"van", "der", "den", "het", "ter", "ten", "von", "del", "dos"};
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() >= min_size && std::none_of(std::begin(kParticles), std::end(kParticles),
                                             [&](const char* p) { return w == p; }))
      out.push_back(w);
    w.clear();
  };
  for (unsigned char ch : name) {
    if (std::isalpha(ch) || ch >= 0x80)
      w += static_cast<char>(std::tolower(ch));
    else
      flush();
  }
  flush();
  return out;
}

bool mentions(const std::string& text, const std::vector<std::string>& words) {
  const auto in_text = name_words(text, 1);
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(in_text.begin(), in_text.end(), w) != in_text.end();
  });
}

}  // namespace meedoen
