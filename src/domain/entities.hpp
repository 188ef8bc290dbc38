// The plain records of the approach: organisations, wijken, users, residents. Pure data; the rules
// that act on them live in their own headers (signal.hpp, agenda_builder.hpp, ...).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ids.hpp"
#include "domain/role.hpp"
#include "domain/time.hpp"

namespace meedoen {

// Kinds of partner organisation at an overleg. Stable codes are stored; labels are in the
// catalogue.
// "wijkteam" is the sociaal wijkteam and "centre" the Zelfregiecentrum, as everywhere in the code.
inline constexpr const char* kOrgKinds[] = {"huisarts",     "police",    "housing",
                                            "wijkteam",     "ggz",       "addiction_care",
                                            "centre",       "welfare",   "client_organisation",
                                            "municipality", "residents", "other"};
bool is_org_kind(const std::string& kind);

struct Organisation {
  OrgId id;
  std::string name;
  std::string kind;  // one of kOrgKinds
};

struct Buurt {
  BuurtId id;
  WijkId wijk_id;
  std::string name;
};

struct Category {
  CategoryId id;
  WijkId wijk_id;
  std::string label;
  bool meldcode = false;  // points to domestic violence or child abuse
  bool active = true;
};

struct Wijk {
  WijkId id;
  std::string name;
  std::string district;
  std::string
      rhythm;  // the overleg's rhythm in the wijk's own words, e.g. "elke 2e dinsdag, 10:00"
  std::string default_place;
};

struct User {
  UserId id;
  std::string username;
  std::string display_name;
  Role role = Role::kMember;
  OrgId org_id;
  bool active = true;
  bool aandachtsfunctionaris = false;  // designated meldcode officer of their organisation
  std::string lang = "nl";
  std::vector<WijkId> wijken;
  // Of `wijken`, those whose signaleringsoverleg names the user's organisation as a member
  // (the wijk's configuration). Peers and hosts read a wijk's signals only there.
  std::vector<WijkId> overleg_wijken;

  bool in_wijk(WijkId w) const;
  bool org_in_overleg_of(WijkId w) const;
};

// Non-identifying facts about a resident: these may be shown to everyone in the wijk's overleg.
inline constexpr const char* kGenders[] = {"male", "female", "other", "unknown"};
// Age bands that do not overlap: under 30, 30 to 50, 50 to 65, 65 or older. The codes are stable
// (stored); "50_plus" reads "50 to 65" since "65_plus" exists beside it.
inline constexpr const char* kAgeBands[] = {"under_30", "30_50", "50_plus", "65_plus", "unknown"};

struct Resident {
  ResidentId id;
  std::string code;  // the pseudonym, e.g. "R-7K3Q"
  WijkId wijk_id;
  BuurtId buurt_id;
  std::string gender = "unknown";
  std::string age_band = "unknown";
  Timestamp created_at = 0;
};

// Identifying details in plain text. Exists only in memory, between the vault and a page that may
// show it; never stored or logged as such.
struct Identity {
  std::string name;
  std::string address;
  std::string phone;
  std::string birth_year;
  std::string notes;
  bool empty() const {
    return name.empty() && address.empty() && phone.empty() && birth_year.empty() && notes.empty();
  }
};

bool is_valid_pseudonym(const std::string& code);

}  // namespace meedoen
