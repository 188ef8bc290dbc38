#include "domain/consents.hpp"

#include "domain/codes.hpp"

namespace meedoen {
namespace {

constexpr CodeTable<ConsentForm, 2> kForms{
    {{ConsentForm::kVerbal, "verbal"}, {ConsentForm::kWritten, "written"}}};
constexpr CodeTable<ConsentPurpose, 4> kPurposes{
    {{ConsentPurpose::kKnownAtCentre, "centre_known"},
     {ConsentPurpose::kBrigadeLink, "brigade_link"},
     {ConsentPurpose::kPassOn, "pass_on"},
     {ConsentPurpose::kParticipation, "participation"}}};

}  // namespace

std::string_view to_string(ConsentForm f) { return code_of(kForms, f); }
std::optional<ConsentForm> parse_consent_form(std::string_view code) {
  return parse_code(kForms, code);
}
std::string_view to_string(ConsentPurpose p) { return code_of(kPurposes, p); }
std::optional<ConsentPurpose> parse_consent_purpose(std::string_view code) {
  return parse_code(kPurposes, code);
}

int consent_text_version(ConsentPurpose p) {
  switch (p) {
    case ConsentPurpose::kKnownAtCentre:
      return 2;  // 2: the activities they came to are kept too
    case ConsentPurpose::kBrigadeLink:
    case ConsentPurpose::kPassOn:
    case ConsentPurpose::kParticipation:
      return 1;
  }
  return 1;
}

Status check_consent_record(const ConsentRecord& c) {
  if (c.given_by != kConsentGivers[0] && c.given_by != kConsentGivers[1])
    return Error::invalid("error.consent.given_by", "given_by");
  if (c.given_by == kConsentGivers[1] && c.form != ConsentForm::kWritten)
    return Error::invalid("error.consent.representative_written", "consent_form");
  return Status::Ok();
}

}  // namespace meedoen
