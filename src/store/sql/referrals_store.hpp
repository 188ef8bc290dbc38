// The implementation of ReferralsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/referrals_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlReferrals final : public ReferralsStore {
 public:
  explicit SqlReferrals(Connection& conn) : conn_(&conn) {}

  ReferralId insert_referral(const Referral& r) override;
  std::optional<Referral> get_referral(ReferralId id) override;
  void update_referral(const Referral& r) override;
  std::vector<Referral> referrals_for_request(RequestId id) override;
  std::vector<Referral> referrals_to_org(OrgId org) override;
  std::vector<Referral> unanswered_referrals(const std::vector<WijkId>& wijken,
                                             Timestamp made_before) override;
  void insert_referral_token(const ReferralToken& t) override;
  std::optional<ReferralToken> find_referral_token(const std::string& digest) override;
  bool use_referral_token(const std::string& digest, Timestamp at) override;
  void retire_referral_tokens(ReferralId id, Timestamp at) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
