#include "domain/entities.hpp"

#include <algorithm>

namespace meedoen {

bool is_org_kind(const std::string& kind) {
  return std::any_of(std::begin(kOrgKinds), std::end(kOrgKinds),
                     [&](const char* k) { return kind == k; });
}

bool User::in_wijk(WijkId w) const {
  return std::find(wijken.begin(), wijken.end(), w) != wijken.end();
}

bool User::org_in_overleg_of(WijkId w) const {
  return std::find(overleg_wijken.begin(), overleg_wijken.end(), w) != overleg_wijken.end();
}

bool is_valid_pseudonym(const std::string& code) {
  if (code.size() != 6 || code[0] != 'R' || code[1] != '-') return false;
  return std::all_of(code.begin() + 2, code.end(),
                     [](char c) { return (c >= '2' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

}  // namespace meedoen
