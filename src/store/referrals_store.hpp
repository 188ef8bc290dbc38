// Referrals to partners and their one-time links.
// One area of the store, reached from a transaction as tx.referrals().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/referral.hpp"

namespace meedoen {

struct ReferralToken {
  std::string digest;
  ReferralId referral_id;
  Timestamp expires_at = 0;
  Timestamp used_at = 0;
};

class ReferralsStore {
 public:
  virtual ~ReferralsStore() = default;

  // A new referral has had no reminder: its reminded_at is not stored (update_referral sets it).
  virtual ReferralId insert_referral(const Referral& r) = 0;
  virtual std::optional<Referral> get_referral(ReferralId id) = 0;
  // Changes the partner's answer and the reminder: status, intake date, answer note, updated_at,
  // answered_at and reminded_at. What was referred, to whom and under which consent stays.
  virtual void update_referral(const Referral& r) = 0;
  // Oldest first.
  virtual std::vector<Referral> referrals_for_request(RequestId id) = 0;
  // The ones still in progress first (not declined, intake not done), each part newest first.
  virtual std::vector<Referral> referrals_to_org(OrgId org) = 0;
  // Referrals in `wijken` (empty: all wijken) that are sent or received but not answered and were
  // made before `made_before`, oldest first.
  virtual std::vector<Referral> unanswered_referrals(const std::vector<WijkId>& wijken,
                                                     Timestamp made_before) = 0;
  // A new link is unused, whatever it says.
  virtual void insert_referral_token(const ReferralToken& t) = 0;
  virtual std::optional<ReferralToken> find_referral_token(const std::string& digest) = 0;
  // Marks the token used; false when it was used already (so two clicks cannot both answer).
  virtual bool use_referral_token(const std::string& digest, Timestamp at) = 0;
  // Ends every link of the referral that is still open (a reminder sends a fresh one).
  virtual void retire_referral_tokens(ReferralId id, Timestamp at) = 0;
};

}  // namespace meedoen
