#include "domain/role.hpp"

#include "domain/codes.hpp"

namespace meedoen {
namespace {
constexpr CodeTable<Role, 9> kRoles{{
    {Role::kMember, "member"},
    {Role::kChair, "chair"},
    {Role::kPeer, "peer"},
    {Role::kCoordinator, "coordinator"},
    {Role::kHost, "host"},
    {Role::kWijkteam, "wijkteam"},
    {Role::kFunder, "funder"},
    {Role::kAdmin, "admin"},
    {Role::kCentreDevice, "centre_device"},
}};
}  // namespace

std::string_view to_string(Role role) { return code_of(kRoles, role); }
std::optional<Role> parse_role(std::string_view code) { return parse_code(kRoles, code); }

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = [] {
    std::vector<Role> v;
    for (const auto& [r, c] : kRoles) v.push_back(r);
    return v;
  }();
  return roles;
}

bool works_in_overleg(Role role) {
  switch (role) {
    case Role::kMember:
    case Role::kChair:
    case Role::kPeer:
    case Role::kCoordinator:
    case Role::kHost:
    case Role::kWijkteam:
      return true;
    case Role::kFunder:
    case Role::kAdmin:
    case Role::kCentreDevice:
      return false;
  }
  return false;
}

bool addressed_informally(Role role) { return role == Role::kPeer; }

}  // namespace meedoen
