// Referrals with a closed loop: a peer refers a resident to a partner (sociaal wijkteam, GGZ, GP,
// debt help...). A referral carries only what the resident agreed to share, and the consent is
// recorded: who gave it, when, for what, to whom, verbal or written. The partner answers through
// their inbox or a one-time link; the referrer sees the status.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/consents.hpp"
#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

// Where a referral goes.
inline constexpr const char* kReferralKinds[] = {"wijkteam",       "ggz",  "huisarts", "debt_help",
                                                 "addiction_care", "other"};
bool is_referral_kind(std::string_view kind);

// The parts of a resident's story a consent can cover. The pseudonym is always shared.
struct SharedFields {
  bool name = false;
  bool address = false;
  bool phone = false;
  bool story = false;  // the peer's summary of what is going on and what the resident asks for
  bool any_identity() const { return name || address || phone; }
};

struct Consent {
  std::string given_by;   // "resident" or "representative" (a legal representative)
  std::string date;       // YYYY-MM-DD, the day it was given
  std::string purpose;    // for what, in the resident's words
  std::string recipient;  // to whom: the organisation's name, filled by the app
  ConsentForm form = ConsentForm::kVerbal;
  SharedFields fields;
};

// Consent is valid for this long after it was given; a referral made later needs it asked again.
inline constexpr int kConsentValidDays = 30;
inline constexpr std::size_t kMaxPurpose = 500;

// Whether `c` allows a referral today (`today` as days since epoch). Checks that it says who gave
// it, when (not in the future, not too long ago), for what and to whom, and that it covers what is
// shared: identity fields need a consent that names them, and a referral must share at least the
// story or a way to reach the resident.
Status check_consent(const Consent& c, std::int64_t today);

enum class ReferralStatus { kSent, kReceived, kIntakePlanned, kIntakeDone, kDeclined };
std::string_view to_string(ReferralStatus s);
std::optional<ReferralStatus> parse_referral_status(std::string_view code);
// Whether the partner may move the referral from `from` to `to`.
Status referral_transition(ReferralStatus from, ReferralStatus to);
bool referral_answered(ReferralStatus s);  // the partner did something beyond receiving

struct Referral {
  ReferralId id;
  RequestId request_id;
  ResidentId resident_id;
  WijkId wijk_id;
  UserId referred_by;
  std::string kind;  // one of kReferralKinds
  OrgId to_org;
  std::string to_email;  // for a partner without an account: where the one-time link goes
  std::string story;     // shared only when consent.fields.story
  Consent consent;
  ReferralStatus status = ReferralStatus::kSent;
  std::string intake_date;  // YYYY-MM-DD when planned
  std::string answer_note;  // the partner's reason when declining, or a note
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  Timestamp answered_at = 0;
  Timestamp reminded_at = 0;  // the last reminder (a fresh one-time link)

  // Sent or only received, and older than `days`: flagged for a reminder.
  bool no_response(Timestamp now, int days) const {
    return !referral_answered(status) && status != ReferralStatus::kDeclined &&
           now - created_at > static_cast<Timestamp>(days) * 86400;
  }
};

inline constexpr std::size_t kMaxStory = 2000;

}  // namespace meedoen
