#include "domain/brigade.hpp"

#include <algorithm>

#include "domain/codes.hpp"

namespace meedoen {
namespace {

constexpr CodeTable<Urgency, 3> kUrgencies{
    {{Urgency::kNormal, "normal"}, {Urgency::kSoon, "soon"}, {Urgency::kUrgent, "urgent"}}};
constexpr CodeTable<Outcome, 8> kOutcomes{{
    {Outcome::kOpen, "open"},
    {Outcome::kContact, "contact"},
    {Outcome::kCameAlong, "came_along"},
    {Outcome::kReferredWijkteam, "referred_wijkteam"},
    {Outcome::kReferredOther, "referred_other"},
    {Outcome::kDeclined, "declined"},
    {Outcome::kUnreachable, "unreachable"},
    {Outcome::kClosed, "closed"},
}};
constexpr CodeTable<AssignmentState, 4> kAssignmentStates{{
    {AssignmentState::kOffered, "offered"},
    {AssignmentState::kAccepted, "accepted"},
    {AssignmentState::kDeclined, "declined"},
    {AssignmentState::kEnded, "ended"},
}};
constexpr CodeTable<VisitKind, 5> kVisitKinds{{
    {VisitKind::kUnknown, "unknown"},
    {VisitKind::kHome, "home"},
    {VisitKind::kPhone, "phone"},
    {VisitKind::kCentre, "centre"},
    {VisitKind::kOutside, "outside"},
}};
constexpr CodeTable<VisitResult, 5> kVisitResults{{
    {VisitResult::kNotHome, "not_home"},
    {VisitResult::kNoAnswer, "no_answer"},
    {VisitResult::kShortTalk, "short_talk"},
    {VisitResult::kContact, "contact"},
    {VisitResult::kRefused, "refused"},
}};

template <std::size_t N>
bool in_list(std::string_view v, const char* const (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list), [&](const char* o) { return v == o; });
}

}  // namespace

bool is_language(std::string_view code) { return in_list(code, kLanguages); }
bool is_theme(std::string_view code) { return in_list(code, kThemes); }

std::string_view to_string(Urgency u) { return code_of(kUrgencies, u); }
std::optional<Urgency> parse_urgency(std::string_view code) { return parse_code(kUrgencies, code); }
std::string_view to_string(Outcome o) { return code_of(kOutcomes, o); }
std::optional<Outcome> parse_outcome(std::string_view code) { return parse_code(kOutcomes, code); }
std::string_view to_string(AssignmentState s) { return code_of(kAssignmentStates, s); }
std::optional<AssignmentState> parse_assignment_state(std::string_view code) {
  return parse_code(kAssignmentStates, code);
}
std::string_view to_string(VisitKind k) { return code_of(kVisitKinds, k); }
std::optional<VisitKind> parse_visit_kind(std::string_view code) {
  return parse_code(kVisitKinds, code);
}
std::string_view to_string(VisitResult r) { return code_of(kVisitResults, r); }
std::optional<VisitResult> parse_visit_result(std::string_view code) {
  return parse_code(kVisitResults, code);
}

const std::vector<Outcome>& all_outcomes() {
  static const std::vector<Outcome> all = {Outcome::kOpen,          Outcome::kContact,
                                           Outcome::kCameAlong,     Outcome::kReferredWijkteam,
                                           Outcome::kReferredOther, Outcome::kDeclined,
                                           Outcome::kUnreachable,   Outcome::kClosed};
  return all;
}

const std::vector<VisitResult>& all_visit_results() {
  static const std::vector<VisitResult> all = {VisitResult::kContact, VisitResult::kShortTalk,
                                               VisitResult::kNotHome, VisitResult::kNoAnswer,
                                               VisitResult::kRefused};
  return all;
}

bool made_contact(VisitResult r) {
  return r == VisitResult::kContact || r == VisitResult::kShortTalk;
}

int availability_window_days(Urgency u) {
  switch (u) {
    case Urgency::kUrgent:
      return 2;
    case Urgency::kSoon:
      return 5;
    case Urgency::kNormal:
      return 14;
  }
  return 14;
}

bool outcome_is_final(Outcome o) { return o == Outcome::kClosed; }

Status outcome_transition(Outcome from, Outcome to) {
  using O = Outcome;
  const Error refused = Error::conflict("error.outcome.transition");
  if (from == to) return refused;
  if (from == O::kClosed) return refused;  // final: a new request starts a new story
  if (to == O::kOpen) return refused;      // an outcome is never taken back to "nothing yet"
  if (to == O::kClosed) return Status::Ok();
  switch (from) {
    case O::kOpen:
    case O::kContact:
    case O::kCameAlong:
    case O::kReferredWijkteam:
    case O::kReferredOther:
      // Over weeks of visits anything can follow: contact that leads to the centre, a referral,
      // or a resident who says no after all.
      return Status::Ok();
    case O::kDeclined:
      // The case went back to the overleg; only closing is left for the brigade.
      return refused;
    case O::kUnreachable:
      // Found again: contact can still come.
      if (to == O::kContact || to == O::kCameAlong || to == O::kReferredWijkteam ||
          to == O::kReferredOther)
        return Status::Ok();
      return refused;
    case O::kClosed:
      return refused;
  }
  return refused;
}

const char* request_source_of(Role role) { return role == Role::kHost ? "centre" : "wijkteam"; }

}  // namespace meedoen
