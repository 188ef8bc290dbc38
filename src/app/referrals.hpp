// Referrals to partners, their inbox and one-time links, closed by an answer.
// One area of the use cases, reached as app.referrals().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/context.hpp"

namespace meedoen {

class Referrals {
 public:
  explicit Referrals(AppContext& ctx) : ctx_(ctx) {}

  Result<ReferralFormData> form(const User& user, RequestId id);
  Result<ReferralCreated> create(const User& user, const NewReferralInput& in);
  Result<std::vector<ReferralView>> inbox(const User& user);
  Status answer(const User& user, ReferralId id, const ReferralAnswer& answer);
  // For a referral without an answer: a fresh one-time link by mail (the old link stops working).
  // The referrer or the coordinator; referrals to an inbox have no mail to send.
  Status remind(const User& user, ReferralId id);
  // The one-time link: shows the referral (marking it received) until it is used or expires. The
  // consented identity only with `reveal` (a deliberate click, audited), so a mail scanner that
  // opens the link sees no name.
  Result<ReferralLinkView> by_token(const std::string& token, bool reveal = false);
  Status answer_by_token(const std::string& token, const ReferralAnswer& answer);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
