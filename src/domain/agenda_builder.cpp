#include "domain/agenda_builder.hpp"

#include <algorithm>
#include <unordered_set>

namespace meedoen {

std::vector<PlannedItem> build_agenda(const AgendaCandidates& c, const std::string& meeting_day) {
  std::unordered_set<SignalId> taken(c.already_on_agenda.begin(), c.already_on_agenda.end());
  std::vector<PlannedItem> items;

  std::vector<Signal> fresh;
  for (const auto& s : c.new_signals) {
    if (s.state != SignalState::kNew || s.meldcode || s.case_id) continue;
    fresh.push_back(s);
  }
  std::stable_sort(fresh.begin(), fresh.end(), [](const Signal& a, const Signal& b) {
    if (a.urgent != b.urgent) return a.urgent;
    if (a.created_at != b.created_at) return a.created_at < b.created_at;
    return a.id < b.id;
  });
  for (const auto& s : fresh) {
    if (!taken.insert(s.id).second) continue;
    items.push_back({s.id, std::nullopt, AgendaItemKind::kNewSignal});
  }

  std::vector<Action> due;
  for (const auto& a : c.open_actions) {
    if (a.state != ActionState::kOpen) continue;
    if (!a.due_date.empty() && a.due_date > meeting_day) continue;  // ISO dates compare as text
    due.push_back(a);
  }
  std::stable_sort(due.begin(), due.end(), [](const Action& a, const Action& b) {
    if (a.due_date != b.due_date) return a.due_date < b.due_date;
    return a.id < b.id;
  });
  for (const auto& a : due) {
    // One follow-up per case, even when it has several open actions.
    if (!taken.insert(a.signal_id).second) continue;
    items.push_back({a.signal_id, a.id, AgendaItemKind::kFollowUp});
  }
  for (const auto& a : c.brigade_feedback) {
    if (!taken.insert(a.signal_id).second) continue;
    items.push_back({a.signal_id, a.id, AgendaItemKind::kFollowUp});
  }
  return items;
}

std::vector<AgendaItemId> reorder(std::vector<AgendaItemId> order, std::size_t from,
                                  std::size_t to) {
  if (from >= order.size() || to >= order.size() || from == to) return order;
  const AgendaItemId moved = order[from];
  order.erase(order.begin() + static_cast<std::ptrdiff_t>(from));
  order.insert(order.begin() + static_cast<std::ptrdiff_t>(to), moved);
  return order;
}

}  // namespace meedoen
