// Helpers shared by the use-case files of app/. Not part of the app's interface.
#pragma once

#include <string>

#include "app/app.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/audit_chain.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {

struct App::Internals {
  // Appends to the audit chain inside `tx`. REQUIRES: tx is a write transaction.
  static void audit(Tx& tx, Timestamp at, const User* user, const std::string& event,
                    ResidentId resident, const std::string& object, const std::string& reason);

  static ResidentView resident_view(Tx& tx, const Resident& r);
  static SignalRow signal_row(Tx& tx, const Signal& s);
  static std::optional<Identity> open_identity(const Vault& vault, Tx& tx, ResidentId id);
  static SealedIdentity seal_identity(const Vault& vault, ResidentId id, const Identity& identity);
  // The relation of `user` to `resident`, as the access policy needs it.
  static ResidentRelation relation(Tx& tx, const User& user, ResidentId resident);
  // Reveals identity when the policy says so, auditing the reveal; nullopt otherwise.
  static std::optional<Identity> reveal(const Vault& vault, Tx& tx, Timestamp at, const User& user,
                                        const Resident& resident, const ResidentRelation& rel,
                                        const std::string& object, const std::string& why,
                                        std::string* reason_out = nullptr);
  // A new unique pseudonym such as R-7K3Q.
  static std::string new_pseudonym(Tx& tx);
  static std::string user_name(Tx& tx, UserId id);
  static std::string trim(const std::string& s);
  // Signals of a viewer: may they see this one at all (wijk, meldcode track)?
  static bool may_see_signal(const User& user, const Signal& s);
};

inline constexpr std::size_t kMaxShortText = 200;

}  // namespace meedoen
