// The Vliegende Brigade: peer workers (ervaringsdeskundigen) who visit isolated residents. A
// request asks the brigade to visit a resident; the coordinator assigns one peer or a pair; peers
// log their visits; the request's outcome changes over weeks of visits. Pure data and rules, no
// storage.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/day_part.hpp"
#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "domain/role.hpp"
#include "domain/time.hpp"

namespace meedoen {

// Languages a peer speaks and a resident may prefer. Stable codes; labels are in the catalogue.
inline constexpr const char* kLanguages[] = {"nl", "en",  "ar", "tr", "ber",
                                             "pl", "pap", "so", "ti", "fa"};
// The genders a resident may ask for in the peer who comes: kGenders but "unknown" (no
// preference is the empty choice).
inline constexpr const char* kPreferredGenders[] = {"male", "female", "other"};
// Lived-experience themes a peer chooses to bring in. Always their own choice, never required.
inline constexpr const char* kThemes[] = {"addiction", "psychosis",    "depression",
                                          "anxiety",   "homelessness", "debt",
                                          "grief",     "trauma",       "loneliness"};
bool is_language(std::string_view code);
bool is_theme(std::string_view code);

// A peer worker's profile. Home organisation and wijken are the user's own (User::org_id, wijken).
struct PeerProfile {
  UserId user_id;
  std::vector<std::string> languages;
  std::vector<std::string> themes;
  std::string gender = "unknown";  // one of kGenders, for residents' preferences
  int weekly_cap = 4;              // most visits a week: protects the peer's own recovery
  bool active = true;
  std::string email;  // optional: where to notify of a new assignment (no identity)
};

inline constexpr int kMaxWeeklyCap = 20;

struct OnCallBlock {
  std::string date;  // YYYY-MM-DD
  DayPart part = DayPart::kMorning;
};

struct Absence {
  std::int64_t id = 0;
  std::string from;  // YYYY-MM-DD, inclusive
  std::string to;    // YYYY-MM-DD, inclusive
  std::string note;  // e.g. "vakantie"; never a medical reason
};

enum class Urgency { kNormal, kSoon, kUrgent };
std::string_view to_string(Urgency u);
std::optional<Urgency> parse_urgency(std::string_view code);
// Days ahead in which a peer should be available for a request of this urgency.
int availability_window_days(Urgency u);

// Where a request comes from: the wijk's overleg ("meeting"), the sociaal wijkteam, or the
// Zelfregiecentrum ("centre").
inline constexpr const char* kRequestSources[] = {"meeting", "wijkteam", "centre"};
// The source of a request that a user of `role` makes directly, outside the overleg: a host asks
// for the Zelfregiecentrum, everyone else for the sociaal wijkteam.
const char* request_source_of(Role role);

// What a request ended in so far. It can change over weeks of visits:
//   open → contact | came_along | referred_* | declined | unreachable | closed, and on between them
// as the table in brigade.cpp allows. "declined" sends the case back to the wijk's overleg.
enum class Outcome {
  kOpen,              // no outcome yet
  kContact,           // contact established and continuing
  kCameAlong,         // came along to the Zelfregiecentrum
  kReferredWijkteam,  // referred to the sociaal wijkteam
  kReferredOther,     // referred to GP, GGZ or other help
  kDeclined,          // declined: informal options exhausted, back to the overleg
  kUnreachable,       // moved or unreachable
  kClosed,
};
std::string_view to_string(Outcome o);
std::optional<Outcome> parse_outcome(std::string_view code);
const std::vector<Outcome>& all_outcomes();
// Whether the outcome may change from `from` to `to`. Closing needs a reason (checked by the
// caller).
Status outcome_transition(Outcome from, Outcome to);
bool outcome_is_final(Outcome o);

struct BrigadeRequest {
  RequestId id;
  ResidentId resident_id;
  WijkId wijk_id;
  std::optional<SignalId> signal_id;  // when it comes from the overleg
  std::optional<ActionId> action_id;  // the overleg's action for the brigade
  std::string source = "meeting";     // one of kRequestSources
  UserId requested_by;
  std::string known;  // what is known, pseudonymous
  bool safety_aggression = false;
  bool safety_dog = false;
  bool safety_addiction = false;
  std::string safety_notes;   // pseudonymous
  bool pair_advised = false;  // safety asks for two peers
  std::string pref_language;
  std::string pref_gender;
  std::string pref_theme;
  Urgency urgency = Urgency::kNormal;
  Outcome outcome = Outcome::kOpen;
  std::string outcome_note;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  Timestamp first_contact_at = 0;  // first visit that made contact
  Timestamp closed_at = 0;
  std::int64_t version = 1;

  bool has_safety_flags() const { return safety_aggression || safety_dog || safety_addiction; }
};

enum class AssignmentState { kOffered, kAccepted, kDeclined, kEnded };
std::string_view to_string(AssignmentState s);
std::optional<AssignmentState> parse_assignment_state(std::string_view code);

struct Assignment {
  AssignmentId id;
  RequestId request_id;
  UserId peer;
  UserId assigned_by;
  AssignmentState state = AssignmentState::kOffered;
  std::string reason;  // why declined or ended
  Timestamp assigned_at = 0;
  Timestamp responded_at = 0;
  Timestamp ended_at = 0;

  // Whether the peer holds the request now (and so may see the resident's identity once accepted).
  bool current() const {
    return state == AssignmentState::kOffered || state == AssignmentState::kAccepted;
  }
};

enum class VisitKind { kUnknown, kHome, kPhone, kCentre, kOutside };
std::string_view to_string(VisitKind k);
std::optional<VisitKind> parse_visit_kind(std::string_view code);

enum class VisitResult { kNotHome, kNoAnswer, kShortTalk, kContact, kRefused };
std::string_view to_string(VisitResult r);
std::optional<VisitResult> parse_visit_result(std::string_view code);
const std::vector<VisitResult>& all_visit_results();
// Whether a visit with this result made contact with the resident (for the funnel).
bool made_contact(VisitResult r);

struct Visit {
  VisitId id;
  RequestId request_id;
  UserId peer;
  Timestamp at = 0;
  VisitKind kind = VisitKind::kUnknown;
  VisitResult result = VisitResult::kNotHome;
  std::string note;  // plain language; no diagnosis fields
  std::string next_step;
  std::string idempotency_key;  // one visit per key and peer, whatever the retries
  Timestamp created_at = 0;
};

inline constexpr std::size_t kMaxIdempotencyKey = 64;

// A peer going in for a home visit: "going in, back by ...".
struct Checkin {
  CheckinId id;
  RequestId request_id;
  UserId peer;
  Timestamp started_at = 0;
  Timestamp expected_back = 0;
  Timestamp ended_at = 0;  // 0 while still in

  bool open() const { return ended_at == 0; }
  // Open and past the expected time plus the grace time.
  bool overdue(Timestamp now, int grace_minutes) const {
    return open() && now > expected_back + static_cast<Timestamp>(grace_minutes) * 60;
  }
};

struct Debrief {
  DebriefId id;
  UserId peer;
  std::optional<RequestId> request_id;
  std::string note;
  Timestamp requested_at = 0;
  Timestamp handled_at = 0;
  UserId handled_by;
};

// One request as the figures need it: when it came, and how far it got.
struct FunnelRow {
  WijkId wijk;
  Timestamp created_at = 0;
  Timestamp origin_at = 0;  // the signal's time when it came from the overleg
  bool visited = false;
  Timestamp first_contact_at = 0;  // 0: no contact yet
  bool came_along = false;         // ever, even if the outcome changed later
  bool referred = false;
  bool intake_confirmed = false;  // a referral with an intake planned or done
  bool checked_in = false;        // checked in at a centre since, as a known visitor linked to them
};

}  // namespace meedoen
