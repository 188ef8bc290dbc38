// Small helpers for reading and binding ids. Internal to store/sqlite.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace meedoen::sqlite {

template <class IdT>
std::optional<IdT> opt_id(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return IdT(s.i64(col));
}

template <class IdT>
std::optional<std::int64_t> raw(const std::optional<IdT>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

// Runs `sql` for `ids` in chunks of kChunk, with "IN ({in})" standing for ?1…?50 and any other
// parameters numbered from ?51 (bound by `extra`), so the statement text is fixed and the
// connection's statement cache stays small.
inline constexpr std::size_t kChunk = 50;

template <class IdT, class B, class F>
void in_chunks(Connection& conn, const std::string& sql_with_in, const std::vector<IdT>& ids, B&& extra, F&& row) {
  static const std::string placeholders = [] {
    std::string p = "?1";
    for (std::size_t i = 2; i <= kChunk; ++i) p += ", ?" + std::to_string(i);
    return p;
  }();
  std::string sql = sql_with_in;
  sql.replace(sql.find("{in}"), 4, placeholders);
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    auto s = conn.prepare(sql);
    for (std::size_t i = 0; i < kChunk; ++i) {
      const std::size_t k = start + i;
      s.bind(static_cast<int>(i + 1), k < ids.size() ? ids[k].value : std::int64_t{0});
    }
    extra(s);
    while (s.step()) row(s);
  }
}

inline constexpr auto kNoExtra = [](Stmt&) {};

}  // namespace meedoen::sqlite
