#include "app/brigade_shared.hpp"

#include "app/audit_trail.hpp"
#include "app/overleg_loop.hpp"
#include "domain/text.hpp"

namespace meedoen {

bool accepted_peer(Tx& tx, RequestId id, UserId peer) {
  const auto all = tx.brigade().assignments_for_request(id);
  return std::any_of(all.begin(), all.end(), [&](const Assignment& a) {
    return a.peer == peer && a.state == AssignmentState::kAccepted;
  });
}

bool did_request_once(Tx& tx, RequestId request, UserId peer) {
  for (const auto& a : tx.brigade().assignments_for_request(request))
    if (a.peer == peer && a.state == AssignmentState::kEnded && a.responded_at != 0) return true;
  return false;
}

std::optional<Assignment> current_assignment(Tx& tx, RequestId id, UserId peer) {
  for (const auto& a : tx.brigade().assignments_for_request(id))
    if (a.peer == peer && a.current()) return a;
  return std::nullopt;
}

// Rows for a list of requests, with their assignments, visits and residents loaded in a few
// statements for the whole list rather than three per row.
std::vector<RequestRow> request_rows(Lookups& names, const std::vector<BrigadeRequest>& requests,
                                     Timestamp now) {
  std::vector<RequestId> ids;
  std::vector<ResidentId> residents;
  for (const auto& r : requests) {
    ids.push_back(r.id);
    residents.push_back(r.resident_id);
  }
  names.prefetch_residents(residents);
  auto assignments = names.tx().brigade().assignments_for_requests(ids);
  const auto visits = names.tx().brigade().visit_stats_for(ids);
  std::vector<RequestRow> out;
  out.reserve(requests.size());
  for (const auto& r : requests) {
    RequestRow row;
    row.request = r;
    if (auto res = names.resident(r.resident_id)) row.resident = resident_view(names, *res);
    for (const auto& a : assignments[r.id]) row.assignments.push_back({a, names.user(a.peer)});
    row.age_days = static_cast<int>((now - r.created_at) / 86400);
    if (auto v = visits.find(r.id); v != visits.end())
      std::tie(row.visits, row.last_visit) = v->second;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> wishes_problems(const BrigadeWishes& w) {
  std::vector<std::pair<std::string, std::string>> out;
  if (w.safety_notes.size() > kMaxNote) out.emplace_back("safety_notes", "error.too_long");
  if (!w.pref_language.empty() && !is_language(w.pref_language))
    out.emplace_back("pref_language", "error.invalid_choice");
  if (!w.pref_gender.empty() && !one_of(w.pref_gender, kGenders))
    out.emplace_back("pref_gender", "error.invalid_choice");
  if (!w.pref_theme.empty() && !is_theme(w.pref_theme))
    out.emplace_back("pref_theme", "error.invalid_choice");
  return out;
}

void apply_wishes(BrigadeRequest& r, const BrigadeWishes& w) {
  r.safety_aggression = w.safety_aggression;
  r.safety_dog = w.safety_dog;
  r.safety_addiction = w.safety_addiction;
  r.safety_notes = trim(w.safety_notes);
  r.pair_advised = w.pair_advised || w.safety_aggression;
  r.pref_language = w.pref_language;
  r.pref_gender = w.pref_gender == "unknown" ? "" : w.pref_gender;
  r.pref_theme = w.pref_theme;
}

void request_from_overleg(Tx& tx, Timestamp t, const User& chair, const Signal& s,
                          const Action& action, const std::string& summary,
                          const BrigadeWishes& wishes) {
  if (tx.brigade().request_for_action(action.id)) return;
  BrigadeRequest r;
  apply_wishes(r, wishes);
  r.resident_id = s.resident_id;
  r.wijk_id = s.wijk_id;
  r.signal_id = s.id;
  r.action_id = action.id;
  r.source = "meeting";
  r.requested_by = chair.id;
  r.known = summary.substr(0, kMaxKnown);
  r.urgency = s.urgent ? Urgency::kUrgent : Urgency::kNormal;
  r.created_at = r.updated_at = t;
  r.id = tx.brigade().insert_request(r);
  tx.signals().add_timeline({s.id, t, chair.id, "brigade_request", std::to_string(r.id.value)});
  append_audit(tx, t, &chair, "create", s.resident_id, "request:" + std::to_string(r.id.value),
               "overleg decision");
}

}  // namespace meedoen
