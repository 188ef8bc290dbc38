// Helpers shared by the use-case files of app/. Not part of the app's interface.
#pragma once

#include <map>
#include <string>

#include "app/app.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/audit_chain.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {

// Memoised look-ups of names for one use case, so a list of rows costs one query per distinct
// wijk, buurt, organisation, user and category list instead of several per row.
class Lookups {
 public:
  explicit Lookups(Tx& tx) : tx_(tx) {}
  const std::string& wijk(WijkId id);
  const std::string& buurt(BuurtId id);
  const std::string& org(OrgId id);
  const std::string& user(UserId id);
  const std::vector<Category>& categories(WijkId id);
  // A resident by id; load many at once with prefetch_residents first.
  std::optional<Resident> resident(ResidentId id);
  void prefetch_residents(const std::vector<Signal>& signals);
  void prefetch_residents(const std::vector<ResidentId>& ids);
  // A user's name already read elsewhere.
  void add_user(UserId id, std::string name) { users_.emplace(id, std::move(name)); }
  // Residents already read, e.g. with their signals (Tx::list_signal_page).
  void add_residents(std::vector<Resident> residents);
  Tx& tx() { return tx_; }

 private:
  Tx& tx_;
  std::map<WijkId, std::string> wijken_;
  std::map<BuurtId, std::string> buurten_;
  std::map<OrgId, std::string> orgs_;
  std::map<UserId, std::string> users_;
  std::map<WijkId, std::vector<Category>> categories_;
  std::map<ResidentId, Resident> residents_;
};

// Replaces the app's clock by a FixedClock for its lifetime, so demo and benchmark data replay
// history through the real use cases; the real clock comes back when it goes out of scope.
class SimulatedClock {
 public:
  SimulatedClock(std::unique_ptr<Clock>& slot, Timestamp start)
      : slot_(slot), saved_(std::move(slot)) {
    auto sim = std::make_unique<FixedClock>(start);
    clock_ = sim.get();
    slot_ = std::move(sim);
  }
  ~SimulatedClock() { slot_ = std::move(saved_); }
  SimulatedClock(const SimulatedClock&) = delete;
  SimulatedClock& operator=(const SimulatedClock&) = delete;
  FixedClock* operator->() { return clock_; }

 private:
  std::unique_ptr<Clock>& slot_;
  std::unique_ptr<Clock> saved_;
  FixedClock* clock_ = nullptr;
};

struct Internals {
  // Appends to the audit chain inside `tx`. REQUIRES: tx is a write transaction.
  static void audit(Tx& tx, Timestamp at, const User* user, const std::string& event,
                    ResidentId resident, const std::string& object, const std::string& reason);

  static ResidentView resident_view(Lookups& names, const Resident& r);
  // `with_raiser`: fill in the raiser's name (a look-up per raiser), which lists do not show.
  static SignalRow signal_row(Lookups& names, Signal s, bool with_raiser = true);
  static SignalRow signal_row(Tx& tx, const Signal& s) {
    Lookups names(tx);
    return signal_row(names, s);
  }
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
  static OrgId user_org(Tx& tx, UserId id);
  // Whether `peer` said yes to request `id` and still holds it.
  static bool accepted_peer(Tx& tx, RequestId id, UserId peer);
  static std::string trim(const std::string& s);
  static std::size_t word_count(const std::string& s);
  // Whether `peer` accepted `request` once and that assignment has ended (withdrawn, or the
  // request handed on): they may look back at it, pseudonymously.
  static bool did_request_once(Tx& tx, RequestId request, UserId peer);
  // A referral's answer on the history of the signal its brigade request came from (if any):
  // kind "referral_answer", text the status code (pseudonymous).
  static void note_referral_on_signal(Tx& tx, const Referral& r, UserId by, Timestamp t);
  // When a request's outcome becomes `to`: settles the overleg's action and tells the overleg.
  static void feed_back_to_overleg(Tx& tx, const BrigadeRequest& r, Outcome to, const User& user, Timestamp t);
  // Puts a follow-up ("terugkoppeling") for `action` on the wijk's next meeting that is not held
  // yet, unless the case is on its agenda already.
  static void place_follow_up(Tx& tx, const Signal& s, ActionId action, Timestamp t);
  // An e-mail address that is safe to put in a mail header: an @, no spaces, commas or semicolons,
  // no control characters (so no header injection), at most 200 characters.
  static bool valid_email(const std::string& e);
  static Status validate_identity(const Identity& i, Timestamp now);
  // An existing resident of `wijk` by pseudonym, or (code empty) a new one with optional identity,
  // sealed in the vault and audited with `why`.
  static Result<Resident> resident_for(const Vault& vault, Tx& tx, Timestamp t, const User& user,
                                       WijkId wijk, BuurtId buurt, const std::string& code,
                                       const std::string& gender, const std::string& age_band,
                                       const Identity& identity, const std::string& why);
  // Puts the signal on the wijk's next planned meeting, when there is one.
  static void place_on_next_meeting(Tx& tx, Signal& s, const User& user, Timestamp t);
  // The brigade request an overleg decision for the brigade makes (app/brigade.cpp).
  static void request_from_overleg(Tx& tx, Timestamp t, const User& chair, const Signal& s,
                                   const Action& action, const std::string& summary, const BrigadeWishes& wishes);
  // The problems of `w` as (field, message key) pairs; empty when it is fine.
  static std::vector<std::pair<std::string, std::string>> wishes_problems(const BrigadeWishes& w);
  static void apply_wishes(BrigadeRequest& r, const BrigadeWishes& w);
  // Signals of a viewer: may they see this one at all (wijk, meldcode track)?
  static bool may_see_signal(const User& user, const Signal& s);
};

inline constexpr std::size_t kMaxShortText = 200;

}  // namespace meedoen
