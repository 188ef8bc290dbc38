// The roles of DOMAIN.md. A role says what kind of work a user does; what they may see follows from
// role × organisation × wijk × relation to the resident (privacy/access_policy.hpp).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace meedoen {

enum class Role {
  kMember,        // deelnemer signaleringsoverleg
  kChair,         // voorzitter signaleringsoverleg
  kPeer,          // vliegende brigadier (ervaringsdeskundige)
  kCoordinator,   // coördinator Vliegende Brigade
  kHost,          // gastheer/gastvrouw Zelfregiecentrum
  kWijkteam,      // sociaal wijkteam
  kFunder,        // gemeente / financier / projectleider
  kAdmin,         // beheerder
  kCentreDevice,  // the shared tablet of a Zelfregiecentrum: counts and checks in, nothing else
};

std::string_view to_string(Role role);  // stable code, e.g. "chair"
std::optional<Role> parse_role(std::string_view code);
const std::vector<Role>& all_roles();

// Whether a role is addressed informally ("je") in Dutch: the peer workers, who asked for it; every
// other role reads the formal "u".
bool addressed_informally(Role role);
// Roles that take part in a wijk's signaleringsoverleg and so see its pseudonymous signals.
bool works_in_overleg(Role role);

}  // namespace meedoen
