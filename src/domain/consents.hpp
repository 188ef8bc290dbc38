// Consent, as one record per purpose and recipient: what it is for, who gave it (the person
// themselves or a representative), verbal or written, when, under which version of the
// plain-language text that was read out or shown, and when it was withdrawn. A refusal is a
// record too ("I said no to this"), so that no one asks again next week. Withdrawal takes effect
// at once; a withdrawn or refused consent allows nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

using ConsentId = Id<struct ConsentTag>;

enum class ConsentForm { kVerbal, kWritten };
std::string_view to_string(ConsentForm f);
std::optional<ConsentForm> parse_consent_form(std::string_view code);

inline constexpr const char* kConsentGivers[] = {"resident", "representative"};

// What a consent of the consents area is for.
enum class ConsentPurpose {
  kKnownAtCentre,  // the centre knows the visitor by the name they chose, and keeps their visits
  kBrigadeLink,    // their visits are linked to their pseudonymous record at the brigade
  kPassOn,         // a host passes on what they shared, with their record (domain/concerns.hpp)
  kParticipation,  // the centre keeps their rung on the ladder and their goal (participation.hpp)
};
std::string_view to_string(ConsentPurpose p);
std::optional<ConsentPurpose> parse_consent_purpose(std::string_view code);

// The version of the plain-language text of each purpose (messages: consent_<purpose>_text).
// Raise it when the text changes, so that each consent points to the text its giver heard.
int consent_text_version(ConsentPurpose p);

struct ConsentRecord {
  ConsentId id;
  VisitorId visitor;  // whose consent: a known visitor of a centre
  ConsentPurpose purpose = ConsentPurpose::kKnownAtCentre;
  std::string recipient;  // to whom, as a reference: "centre:3"
  std::string given_by = "resident";
  ConsentForm form = ConsentForm::kVerbal;
  bool refused = false;  // "I said no to this"
  int text_version = 0;
  UserId recorded_by;
  Timestamp given_at = 0;
  Timestamp withdrawn_at = 0;  // 0 while it stands
  UserId withdrawn_by;         // 0 when the person withdrew it themselves

  bool in_force() const { return !refused && withdrawn_at == 0; }
};

// Whether a consent may be recorded as given: a known giver, and a representative only in
// writing.
Status check_consent_record(const ConsentRecord& c);

}  // namespace meedoen
