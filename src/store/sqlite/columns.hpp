// Small helpers for reading and binding optional ids. Internal to store/sqlite.
#pragma once

#include <optional>

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

}  // namespace meedoen::sqlite
