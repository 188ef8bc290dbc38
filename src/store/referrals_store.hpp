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

  virtual ReferralId insert_referral(const Referral& r) = 0;
  virtual std::optional<Referral> get_referral(ReferralId id) = 0;
  virtual void update_referral(const Referral& r) = 0;
  virtual std::vector<Referral> referrals_for_request(RequestId id) = 0;
  virtual std::vector<Referral> referrals_to_org(OrgId org) = 0;
  // Referrals in `wijken` that are sent or received but not answered and were made before
  // `made_before`, oldest first.
  virtual std::vector<Referral> unanswered_referrals(const std::vector<WijkId>& wijken,
                                                     Timestamp made_before) = 0;
  virtual void insert_referral_token(const ReferralToken& t) = 0;
  virtual std::optional<ReferralToken> find_referral_token(const std::string& digest) = 0;
  // Marks the token used; false when it was used already (so two clicks cannot both answer).
  virtual bool use_referral_token(const std::string& digest, Timestamp at) = 0;
  // Ends every link of the referral that is still open (a reminder sends a fresh one).
  virtual void retire_referral_tokens(ReferralId id, Timestamp at) = 0;
};

}  // namespace meedoen
