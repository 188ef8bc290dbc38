// Small helpers for reading and binding ids. Internal to store/sqlite.
#pragma once

#include <algorithm>
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

// Runs `sql` once for all of `ids`, bound as one JSON array to ?1: the statement joins
// `json_each(?1) ids` to its table on `ids.value`, and other parameters are numbered from ?2
// (bound by `extra`). One statement whatever the count and a fixed text for the statement
// cache; unlike "IN (?, ?, ...)" it builds no temporary index for the list (a page runs several
// of these). Duplicate ids are dropped first.
template <class IdT, class B, class F>
void for_ids(Connection& conn, const std::string& sql, const std::vector<IdT>& ids, B&& extra, F&& row) {
  if (ids.empty()) return;
  std::vector<std::int64_t> values;
  values.reserve(ids.size());
  for (const auto& id : ids) values.push_back(id.value);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string json = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) json += ',';
    json += std::to_string(values[i]);
  }
  json += ']';
  auto s = conn.prepare(sql);
  s.bind(1, json);
  extra(s);
  while (s.step()) row(s);
}

inline constexpr auto kNoExtra = [](Stmt&) {};

}  // namespace meedoen::sqlite
