// A signal is a concern about a resident raised by a professional in a wijk. Its life:
//   new → on_agenda → discussed → actions_running → closed
// with the transitions below. A second signal about a resident with an open case is linked to that
// case instead of opening a new one. Signals that point to domestic violence or child abuse follow
// the meldcode on a private track and never go on the open agenda.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

enum class SignalState { kNew, kOnAgenda, kDiscussed, kActionsRunning, kClosed, kLinked };

std::string_view to_string(SignalState s);
std::optional<SignalState> parse_signal_state(std::string_view code);

enum class SignalEvent {
  kPlaceOnAgenda,      // the agenda of a meeting takes it up
  kRemoveFromAgenda,   // the chair takes it off again before discussing
  kDiscussNoAction,    // discussed; decision needs no action (keep an eye, no action)
  kDiscussWithAction,  // discussed; one or more actions were assigned
  kActionsSettled,     // all actions are done or not done
  kClose,              // closed with a reason
  kReturnToOverleg,    // informal help was tried and declined: the case goes back on the agenda
};

// The state after `event`, or an error when the event is not allowed in `from`.
Result<SignalState> transition(SignalState from, SignalEvent event);

struct Signal {
  SignalId id;
  ResidentId resident_id;
  WijkId wijk_id;
  BuurtId buurt_id;
  UserId raised_by;
  OrgId org_id;
  std::string description;
  bool urgent = false;
  SignalState state = SignalState::kNew;
  bool meldcode = false;            // private meldcode track
  bool meldcode_weighed = false;    // step 4 (weigh) recorded
  std::optional<SignalId> case_id;  // set on a linked signal: the open case it belongs to
  std::optional<UserId> regisseur;
  std::string close_reason;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::vector<CategoryId> categories;
};

inline constexpr std::size_t kMaxDescription = 2000;
inline constexpr std::size_t kMaxCloseReason = 1000;

// Whether the text points to domestic violence or child abuse. Deliberately broad: a false alarm
// only shows the meldcode steps; a miss would put the signal on the open agenda.
bool text_suggests_meldcode(std::string_view text);

// Closing is allowed from any open state with a reason; a meldcode signal needs its weighing first.
Status can_close(const Signal& signal, std::string_view reason);

// The five steps of the Meldcode huiselijk geweld en kindermishandeling.
inline constexpr int kMeldcodeSteps = 5;
inline constexpr int kMeldcodeWeighStep = 4;

struct MeldcodeStep {
  int step = 0;      // 1..5
  std::string date;  // YYYY-MM-DD
  std::string rationale;
  UserId by;
  Timestamp recorded_at = 0;
};

}  // namespace meedoen
