#include "domain/participation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/text.hpp"

namespace meedoen {

std::pair<std::string, std::string> participation_note_problem(int rung, std::string_view goal) {
  if (rung < 0 || rung > kLadderRungs) return {"rung", "error.invalid_choice"};
  const std::string trimmed = trim(std::string(goal));
  if (trimmed.size() > kGoalMax) return {"goal", "error.too_long"};
  if (rung == 0 && trimmed.empty()) return {"rung", "error.participation.empty"};
  return {};
}

LadderPath ladder_path(std::vector<ParticipationNote> notes) {
  std::sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) {
    return a.day != b.day ? a.day < b.day : a.id.value < b.id.value;
  });
  LadderPath p;
  int before = 0;
  for (const auto& n : notes) {
    if (!trim(n.goal).empty()) p.goal = trim(n.goal);
    if (n.rung <= 0) continue;
    if (p.first == 0) {
      p.first = n.rung;
      p.first_day = n.day;
    }
    if (before > 0 && n.rung > before) p.up_days.push_back(n.day);
    before = n.rung;
    p.latest = n.rung;
    p.latest_day = n.day;
  }
  return p;
}

std::vector<MovedUp> moved_up_per_month(const std::vector<CentreLadderNote>& notes,
                                        std::int64_t from_day, std::int64_t to_day) {
  std::map<VisitorId, std::pair<CentreId, std::vector<ParticipationNote>>> per_visitor;
  for (const auto& l : notes) {
    auto& v = per_visitor[l.note.visitor];
    v.first = l.centre;
    v.second.push_back(l.note);
  }
  std::map<std::pair<CentreId, std::string>, std::set<VisitorId>> up;
  for (auto& [visitor, v] : per_visitor)
    for (const auto day : ladder_path(std::move(v.second)).up_days)
      if (day >= from_day && day <= to_day)
        up[{v.first, format_days(day).substr(0, 7)}].insert(visitor);
  std::vector<MovedUp> out;
  for (const auto& [key, visitors] : up)
    out.push_back(MovedUp{key.first, key.second, static_cast<int>(visitors.size())});
  return out;
}

}  // namespace meedoen
