// Builds a meeting's agenda from what needs the overleg: new signals of the wijk (urgent first,
// then oldest first) and open actions that are due by the meeting date (follow-ups). Pure: the
// caller loads the candidates and stores the result.
#pragma once

#include <optional>
#include <vector>

#include "domain/ids.hpp"
#include "domain/meeting.hpp"
#include "domain/signal.hpp"

namespace meedoen {

struct AgendaCandidates {
  std::vector<Signal> new_signals;   // state kNew, of the meeting's wijk, not meldcode, not linked
  std::vector<Action> open_actions;  // state kOpen, of the meeting's wijk
  std::vector<SignalId> already_on_agenda;  // signals with an item on this meeting already
  // Actions the brigade's outcome settled since the wijk's last meeting: a follow-up each, so the
  // overleg hears what came of its request ("terugkoppeling").
  std::vector<Action> brigade_feedback;
};

struct PlannedItem {
  SignalId signal_id;
  std::optional<ActionId> action_id;
  AgendaItemKind kind = AgendaItemKind::kNewSignal;
};

// `meeting_day` is the meeting's date as YYYY-MM-DD; actions due on or before it come back.
std::vector<PlannedItem> build_agenda(const AgendaCandidates& candidates,
                                      const std::string& meeting_day);

// Moves the item at `from` to `to` (0-based) and returns the new order; unchanged when out of
// range.
std::vector<AgendaItemId> reorder(std::vector<AgendaItemId> order, std::size_t from,
                                  std::size_t to);

}  // namespace meedoen
