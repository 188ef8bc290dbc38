// The SQLite schema as an ordered list of migrations.
#pragma once

#include <string>
#include <vector>

namespace meedoen::sqlite {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& migrations();

}  // namespace meedoen::sqlite
