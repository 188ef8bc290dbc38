// The signaleringsoverleg: meetings of a wijk, their agenda items, decisions and actions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

// Who acts, as decided at the table.
enum class Decision {
  kNone,
  kBrigade,
  kWijkteam,
  kHuisarts,
  kGgz,
  kPolice,
  kHousing,
  kKeepEye,
  kNoAction
};
std::string_view to_string(Decision d);
std::optional<Decision> parse_decision(std::string_view code);
const std::vector<Decision>& all_decisions();  // without kNone
// Decisions that hand work to someone and so need an owner and a due date.
bool decision_needs_action(Decision d);

struct Meeting {
  MeetingId id;
  WijkId wijk_id;
  Timestamp starts_at = 0;
  std::string place;
  bool held = false;  // closed by the chair after the meeting
  std::string notes;  // general, pseudonymous
  std::int64_t version = 1;
  std::vector<OrgId> invited;
};

enum class AgendaItemKind { kNewSignal, kFollowUp };

struct AgendaItem {
  AgendaItemId id;
  MeetingId meeting_id;
  SignalId signal_id;
  std::optional<ActionId> action_id;  // for follow-ups: the action to look back on
  AgendaItemKind kind = AgendaItemKind::kNewSignal;
  int position = 0;
  std::string summary;  // pseudonymous
  Decision decision = Decision::kNone;
  bool recorded = false;
  std::int64_t version = 1;
};

enum class ActionState { kOpen, kDone, kNotDone };
std::string_view to_string(ActionState s);
std::optional<ActionState> parse_action_state(std::string_view code);

struct Action {
  ActionId id;
  SignalId signal_id;
  ResidentId resident_id;
  WijkId wijk_id;
  std::optional<MeetingId> meeting_id;
  Decision decision = Decision::kNone;
  UserId owner;
  std::string due_date;  // YYYY-MM-DD
  ActionState state = ActionState::kOpen;
  std::string note;
  Timestamp created_at = 0;
  Timestamp settled_at = 0;
};

struct Attendance {
  OrgId org_id;
  bool present = false;
  std::string person;  // who came on behalf of the organisation (a professional, not a resident)
};

inline constexpr std::size_t kMaxSummary = 4000;
inline constexpr std::size_t kMaxPlace = 200;
inline constexpr std::size_t kMaxNote = 1000;

}  // namespace meedoen
