// The catalogue key of each code's label, written out in tables: no key is put together from a
// prefix and a code at run time, so the catalogue test (tests/unit/web/catalogue_test.cpp) sees
// every key, and a code without a label fails a test instead of showing as a raw key.
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace meedoen::web {

// A code (as stored, or as a form sends it) and the catalogue key of its label.
struct Label {
  std::string_view code;
  std::string_view key;
};
using Labels = std::span<const Label>;

// The key of `code` in `table`; empty when the table lacks it. The tables are short (at most a
// dozen rows), so a search through them costs less than building a key would.
std::string_view label_key(Labels table, std::string_view code);

namespace labels {
// The codes of domain/: enums by their to_string(), lists by their entries.
extern const Labels kSignalStates;      // SignalState
extern const Labels kDecisions;         // Decision
extern const Labels kActionStates;      // ActionState
extern const Labels kRoles;             // Role
extern const Labels kGenders;           // kGenders
extern const Labels kAgeBands;          // kAgeBands
extern const Labels kOrgKinds;          // kOrgKinds
extern const Labels kUrgencies;         // Urgency
extern const Labels kOutcomes;          // Outcome
extern const Labels kAssignmentStates;  // AssignmentState
extern const Labels kRequestSources;    // kRequestSources
extern const Labels kLanguages;         // kLanguages
extern const Labels kThemes;            // kThemes
extern const Labels kVisitKinds;        // VisitKind, without kUnknown (which shows nothing)
extern const Labels kVisitResults;      // VisitResult
extern const Labels kDayParts;          // DayPart
extern const Labels kReferralKinds;     // kReferralKinds
extern const Labels kReferralStatuses;  // ReferralStatus
extern const Labels kConsentGivers;     // kConsentGivers
extern const Labels kConsentForms;      // ConsentForm
extern const Labels kConsentPurposes;   // ConsentPurpose
extern const Labels kLadderRungs;       // the Participatieladder's rungs, "1" to "6"
extern const Labels kLadderRungHelp;    // what each rung means, in a line
extern const Labels kConcernRoutes;     // ConcernRoute
extern const Labels kConcernProgress;   // ConcernProgress
extern const Labels kApiScopes;         // ApiScope: its name
extern const Labels kApiScopeHelp;      // ApiScope: what a token with it may read
extern const Labels kRepeats;           // Repeat
extern const Labels kWeeksOfMonth;      // Schedule::week_of_month ("1".."4", "-1")
extern const Labels kActivityStatuses;  // ActivityStatus
// The codes of app/ and privacy/: why a user sees a resident's identity
// (privacy/access_policy.cpp), and a signal's timeline events (app/signals.cpp). An unknown
// timeline event reads as the row "other".
extern const Labels kIdentityReasons;
extern const Labels kTimelineEvents;
// The codes of web/ itself: days of the week by number (0 is Monday), the meldcode's steps by
// number (1 to 5), and the confirmations after a form by their "opgeslagen" query parameter.
extern const Labels kWeekdays;
extern const Labels kMeldcodeSteps;
extern const Labels kMonths;  // 1 to 12
extern const Labels kSaved;
}  // namespace labels

// Every table with its name, for the catalogue test.
const std::vector<std::pair<std::string_view, Labels>>& all_labels();

}  // namespace meedoen::web
