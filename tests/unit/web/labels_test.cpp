// The tables of web/labels.hpp give every code of the domain a label, so none shows as a raw code.
#include "web/labels.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/api_tokens.hpp"
#include "domain/brigade.hpp"
#include "domain/consents.hpp"
#include "domain/entities.hpp"
#include "domain/meeting.hpp"
#include "domain/participation.hpp"
#include "domain/referral.hpp"
#include "domain/role.hpp"
#include "domain/signal.hpp"

namespace meedoen::web {
namespace {

template <class Codes>
void expect_labels(Labels table, const Codes& codes, const char* what) {
  std::set<std::string_view> seen;
  for (const auto& code : codes) {
    EXPECT_FALSE(label_key(table, code).empty()) << what << " has no label for " << code;
    seen.insert(code);
  }
  // And no row for a code the domain does not have.
  for (const Label& l : table) EXPECT_TRUE(seen.count(l.code)) << what << ": " << l.code;
}

template <class Enum>
std::vector<std::string_view> codes_of(std::initializer_list<Enum> values) {
  std::vector<std::string_view> out;
  for (Enum v : values) out.push_back(to_string(v));
  return out;
}

TEST(Labels, EveryCodeOfTheDomainHasALabel) {
  expect_labels(labels::kGenders, kGenders, "kGenders");
  expect_labels(labels::kAgeBands, kAgeBands, "kAgeBands");
  expect_labels(labels::kOrgKinds, kOrgKinds, "kOrgKinds");
  expect_labels(labels::kLanguages, kLanguages, "kLanguages");
  expect_labels(labels::kThemes, kThemes, "kThemes");
  expect_labels(labels::kRequestSources, kRequestSources, "kRequestSources");
  expect_labels(labels::kReferralKinds, kReferralKinds, "kReferralKinds");
  expect_labels(labels::kConsentGivers, kConsentGivers, "kConsentGivers");
  std::vector<std::string_view> roles, outcomes, results, decisions{to_string(Decision::kNone)};
  for (Role r : all_roles()) roles.push_back(to_string(r));
  for (Outcome o : all_outcomes()) outcomes.push_back(to_string(o));
  for (VisitResult r : all_visit_results()) results.push_back(to_string(r));
  for (Decision d : all_decisions()) decisions.push_back(to_string(d));
  expect_labels(labels::kRoles, roles, "Role");
  expect_labels(labels::kOutcomes, outcomes, "Outcome");
  expect_labels(labels::kVisitResults, results, "VisitResult");
  expect_labels(labels::kDecisions, decisions, "Decision");
  expect_labels(
      labels::kSignalStates,
      codes_of({SignalState::kNew, SignalState::kOnAgenda, SignalState::kDiscussed,
                SignalState::kActionsRunning, SignalState::kClosed, SignalState::kLinked}),
      "SignalState");
  expect_labels(labels::kActionStates,
                codes_of({ActionState::kOpen, ActionState::kDone, ActionState::kNotDone}),
                "ActionState");
  expect_labels(labels::kUrgencies, codes_of({Urgency::kNormal, Urgency::kSoon, Urgency::kUrgent}),
                "Urgency");
  expect_labels(labels::kAssignmentStates,
                codes_of({AssignmentState::kOffered, AssignmentState::kAccepted,
                          AssignmentState::kDeclined, AssignmentState::kEnded}),
                "AssignmentState");
  expect_labels(
      labels::kVisitKinds,
      codes_of({VisitKind::kHome, VisitKind::kPhone, VisitKind::kCentre, VisitKind::kOutside}),
      "VisitKind");
  expect_labels(labels::kDayParts,
                codes_of({DayPart::kMorning, DayPart::kAfternoon, DayPart::kEvening}), "DayPart");
  expect_labels(
      labels::kReferralStatuses,
      codes_of({ReferralStatus::kSent, ReferralStatus::kReceived, ReferralStatus::kIntakePlanned,
                ReferralStatus::kIntakeDone, ReferralStatus::kDeclined}),
      "ReferralStatus");
  expect_labels(labels::kConsentForms, codes_of({ConsentForm::kVerbal, ConsentForm::kWritten}),
                "ConsentForm");
  expect_labels(labels::kConsentPurposes,
                codes_of({ConsentPurpose::kKnownAtCentre, ConsentPurpose::kBrigadeLink,
                          ConsentPurpose::kPassOn, ConsentPurpose::kParticipation}),
                "ConsentPurpose");
  std::vector<std::string_view> scopes;
  for (ApiScope s : all_api_scopes()) scopes.push_back(api_scope_code(s));
  expect_labels(labels::kApiScopes, scopes, "ApiScope");
  expect_labels(labels::kApiScopeHelp, scopes, "ApiScope (help)");
}

TEST(Labels, NumberedTablesCoverTheirRange) {
  for (int d = 0; d < 7; ++d)
    EXPECT_FALSE(label_key(labels::kWeekdays, std::to_string(d)).empty()) << d;
  for (int s = 1; s <= kMeldcodeSteps; ++s)
    EXPECT_FALSE(label_key(labels::kMeldcodeSteps, std::to_string(s)).empty()) << s;
  EXPECT_EQ(labels::kMeldcodeSteps.size(), static_cast<std::size_t>(kMeldcodeSteps));
  for (int r = 1; r <= kLadderRungs; ++r) {
    EXPECT_FALSE(label_key(labels::kLadderRungs, std::to_string(r)).empty()) << r;
    EXPECT_FALSE(label_key(labels::kLadderRungHelp, std::to_string(r)).empty()) << r;
  }
  EXPECT_EQ(labels::kLadderRungs.size(), static_cast<std::size_t>(kLadderRungs));
  EXPECT_EQ(labels::kLadderRungHelp.size(), static_cast<std::size_t>(kLadderRungs));
}

// A key is its table's prefix and the code, so that a renamed code renames its key with it.
TEST(Labels, EachKeyIsItsTablesPrefixAndTheCode) {
  for (const auto& [name, table] : all_labels()) {
    ASSERT_FALSE(table.empty()) << name;
    const Label& first = table.front();
    ASSERT_TRUE(first.key.ends_with(first.code)) << name << ": " << first.key;
    const std::string prefix(first.key.substr(0, first.key.size() - first.code.size()));
    for (const Label& l : table) EXPECT_EQ(l.key, prefix + std::string(l.code)) << name;
  }
}

TEST(Labels, AnUnknownCodeHasNoKey) {
  EXPECT_TRUE(label_key(labels::kRoles, "koning").empty());
  EXPECT_EQ(label_key(labels::kRoles, "chair"), "role_chair");
  EXPECT_FALSE(label_key(labels::kTimelineEvents, "other").empty());
}

}  // namespace
}  // namespace meedoen::web
