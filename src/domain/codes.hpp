// Stable text codes for enums (stored in the database and used in URLs and forms), kept in one
// table per enum so both directions read from the same list.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace meedoen {

template <class E, std::size_t N>
using CodeTable = std::array<std::pair<E, std::string_view>, N>;

// The code of `value`; the first entry's code when the table lacks it.
template <class E, std::size_t N>
constexpr std::string_view code_of(const CodeTable<E, N>& table, E value) {
  for (const auto& [v, c] : table)
    if (v == value) return c;
  return table[0].second;
}

template <class E, std::size_t N>
constexpr std::optional<E> parse_code(const CodeTable<E, N>& table, std::string_view code) {
  for (const auto& [v, c] : table)
    if (c == code) return v;
  return std::nullopt;
}

}  // namespace meedoen
