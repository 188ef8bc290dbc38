// Residents and their identity: pseudonyms, sealing and opening the vault's fields, and revealing
// identity when the access policy allows it, audited.
#pragma once

#include <optional>
#include <string>

#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {

std::optional<Identity> open_identity(const Vault& vault, Tx& tx, ResidentId id);
SealedIdentity seal_identity(const Vault& vault, ResidentId id, const Identity& identity);
// The relation of `user` to `resident`, as the access policy needs it.
ResidentRelation resident_relation(Tx& tx, const User& user, ResidentId resident);
// Reveals identity when the policy says so, auditing the reveal; nullopt otherwise.
std::optional<Identity> reveal_identity(const Vault& vault, Tx& tx, Timestamp at, const User& user,
                                        const Resident& resident, const ResidentRelation& rel,
                                        const std::string& object, const std::string& why,
                                        std::string* reason_out = nullptr);
// A new unique pseudonym such as R-7K3Q.
std::string new_pseudonym(Tx& tx);
// An e-mail address that is safe to put in a mail header: an @, no spaces, commas or semicolons,
// no control characters (so no header injection), at most 200 characters.
bool valid_email(const std::string& e);
Status validate_identity(const Identity& i, Timestamp now);
// An existing resident of `wijk` by pseudonym, or (code empty) a new one with optional identity,
// sealed in the vault and audited with `why`.
Result<Resident> resident_for(const Vault& vault, Tx& tx, Timestamp t, const User& user,
                              WijkId wijk, BuurtId buurt, const std::string& code,
                              const std::string& gender, const std::string& age_band,
                              const Identity& identity, const std::string& why);

}  // namespace meedoen
