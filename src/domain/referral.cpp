#include "domain/referral.hpp"

#include <algorithm>

#include "domain/codes.hpp"

namespace meedoen {
namespace {

constexpr CodeTable<ReferralStatus, 5> kStatuses{{
    {ReferralStatus::kSent, "sent"},
    {ReferralStatus::kReceived, "received"},
    {ReferralStatus::kIntakePlanned, "intake_planned"},
    {ReferralStatus::kIntakeDone, "intake_done"},
    {ReferralStatus::kDeclined, "declined"},
}};

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
}

}  // namespace

bool is_referral_kind(std::string_view kind) {
  return std::any_of(std::begin(kReferralKinds), std::end(kReferralKinds),
                     [&](const char* k) { return kind == k; });
}

std::string_view to_string(ReferralStatus s) { return code_of(kStatuses, s); }
std::optional<ReferralStatus> parse_referral_status(std::string_view code) {
  return parse_code(kStatuses, code);
}

Status check_consent(const Consent& c, std::int64_t today) {
  const bool giver_ok = std::any_of(std::begin(kConsentGivers), std::end(kConsentGivers),
                                    [&](const char* g) { return c.given_by == g; });
  if (!giver_ok) return Error::invalid("error.consent.given_by", "consent_given_by");
  const auto day = parse_date(c.date);
  if (!day) return Error::invalid("error.consent.date", "consent_date");
  if (*day > today) return Error::invalid("error.consent.future", "consent_date");
  if (today - *day > kConsentValidDays) {
    Error e = Error::invalid("error.consent.too_old", "consent_date");
    e.detail = std::to_string(kConsentValidDays);
    return e;
  }
  if (blank(c.purpose)) return Error::invalid("error.consent.purpose", "consent_purpose");
  if (c.purpose.size() > kMaxPurpose) return Error::invalid("error.too_long", "consent_purpose");
  if (blank(c.recipient)) return Error::invalid("error.consent.recipient", "to_org");
  if (!c.fields.story && !c.fields.any_identity())
    return Error::invalid("error.consent.nothing_shared", "share");
  // A representative's consent must be on paper: it is someone else's word for the resident.
  if (c.given_by == "representative" && c.form != ConsentForm::kWritten)
    return Error::invalid("error.consent.representative_written", "consent_form");
  return Status::Ok();
}

bool referral_answered(ReferralStatus s) {
  return s == ReferralStatus::kIntakePlanned || s == ReferralStatus::kIntakeDone ||
         s == ReferralStatus::kDeclined;
}

Status referral_transition(ReferralStatus from, ReferralStatus to) {
  using S = ReferralStatus;
  const Error refused = Error::conflict("error.referral.transition");
  switch (from) {
    case S::kSent:
      if (to == S::kReceived || to == S::kIntakePlanned || to == S::kIntakeDone ||
          to == S::kDeclined)
        return Status::Ok();
      return refused;
    case S::kReceived:
      if (to == S::kIntakePlanned || to == S::kIntakeDone || to == S::kDeclined)
        return Status::Ok();
      return refused;
    case S::kIntakePlanned:
      if (to == S::kIntakeDone || to == S::kDeclined) return Status::Ok();
      return refused;
    case S::kIntakeDone:
    case S::kDeclined:
      return refused;
  }
  return refused;
}

}  // namespace meedoen
