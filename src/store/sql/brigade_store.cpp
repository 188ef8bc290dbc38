#include "store/sql/brigade_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

std::map<RequestId, std::vector<Assignment>> SqlBrigade::assignments_for_requests(
    const std::vector<RequestId>& ids) {
  std::map<RequestId, std::vector<Assignment>> out;
  for_ids(*conn_,
          std::string("SELECT ") + kAssignmentCols +
              " FROM json_each(?1) ids CROSS JOIN assignments a ON a.request_id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) {
            auto a = read_assignment(s);
            out[a.request_id].push_back(std::move(a));
          });
  for (auto& [request, list] : out)
    std::sort(list.begin(), list.end(), [](const Assignment& x, const Assignment& y) {
      return std::tie(x.assigned_at, x.id) < std::tie(y.assigned_at, y.id);
    });
  return out;
}

std::map<RequestId, std::pair<int, Timestamp>> SqlBrigade::visit_stats_for(
    const std::vector<RequestId>& ids) {
  std::map<RequestId, std::pair<int, Timestamp>> out;
  // Counted here rather than with GROUP BY, which would sort the rows first.
  for_ids(*conn_,
          "SELECT v.request_id, v.at FROM json_each(?1) ids CROSS JOIN visits v ON v.request_id = "
          "ids.value",
          ids, kNoExtra, [&](const Stmt& s) {
            auto& [count, last] = out[RequestId(s.i64(0))];
            ++count;
            last = std::max(last, s.i64(1));
          });
  return out;
}

RequestId SqlBrigade::insert_request(const BrigadeRequest& r) {
  auto s = conn_->prepare(
      "INSERT INTO brigade_requests (resident_id, wijk_id, signal_id, action_id, source, "
      "requested_by, known, safety_aggression, safety_dog, safety_addiction, safety_notes, "
      "pair_advised, pref_language, pref_gender, pref_theme, urgency, outcome, outcome_note, "
      "created_at, updated_at, first_contact_at, closed_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id");
  s.bind_all(r.resident_id.value, r.wijk_id.value, raw(r.signal_id), raw(r.action_id), r.source,
             r.requested_by.value, r.known, r.safety_aggression, r.safety_dog, r.safety_addiction,
             r.safety_notes, r.pair_advised, r.pref_language, r.pref_gender, r.pref_theme,
             std::string(to_string(r.urgency)), std::string(to_string(r.outcome)), r.outcome_note,
             r.created_at, r.updated_at, r.first_contact_at, r.closed_at);
  return RequestId(*inserted_id(s));
}

std::optional<BrigadeRequest> SqlBrigade::get_request(RequestId id) {
  auto s =
      conn_->prepare(std::string("SELECT ") + kRequestCols + " FROM brigade_requests WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_request(s);
}

bool SqlBrigade::update_request(const BrigadeRequest& r) {
  auto s = conn_->prepare(
      "UPDATE brigade_requests SET known = ?, safety_aggression = ?, safety_dog = ?, "
      "safety_addiction = ?, safety_notes = ?, pair_advised = ?, pref_language = ?, pref_gender = "
      "?, "
      "pref_theme = ?, urgency = ?, outcome = ?, outcome_note = ?, updated_at = ?, "
      "first_contact_at = ?, closed_at = ?, version = version + 1 WHERE id = ? AND version = ?");
  s.bind_all(r.known, r.safety_aggression, r.safety_dog, r.safety_addiction, r.safety_notes,
             r.pair_advised, r.pref_language, r.pref_gender, r.pref_theme,
             std::string(to_string(r.urgency)), std::string(to_string(r.outcome)), r.outcome_note,
             r.updated_at, r.first_contact_at, r.closed_at, r.id.value, r.version);
  s.exec();
  return conn_->changes() > 0;
}

std::vector<BrigadeRequest> SqlBrigade::list_requests(const RequestFilter& f) {
  std::string sql = std::string("SELECT ") + kRequestCols + " FROM brigade_requests WHERE " +
                    wijk_clause("wijk_id", f.wijken);
  // As written in the partial index brigade_requests_open, so the planner can use it.
  if (f.open_only) sql += " AND outcome NOT IN ('closed', 'declined')";
  // Bound, not inlined: every distinct statement text stays in the connection's cache.
  sql += " AND (?1 = 0 OR resident_id = ?1)";
  sql +=
      " ORDER BY CASE urgency WHEN 'urgent' THEN 0 WHEN 'soon' THEN 1 ELSE 2 END, created_at, id "
      "LIMIT ?2";
  auto s = conn_->prepare(sql);
  s.bind(1, f.resident ? f.resident->value : std::int64_t{0});
  s.bind(2, f.limit);
  return collect<BrigadeRequest>(s, read_request);
}

std::optional<BrigadeRequest> SqlBrigade::request_for_action(ActionId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kRequestCols +
                          " FROM brigade_requests WHERE action_id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_request(s);
}

void SqlBrigade::add_request_outcome(RequestId id, Timestamp at, UserId by, Outcome o,
                                     const std::string& note) {
  auto s = conn_->prepare(
      "INSERT INTO request_outcomes (request_id, at, user_id, outcome, note) VALUES (?, ?, ?, ?, "
      "?)");
  s.bind_all(id.value, at, by.value, std::string(to_string(o)), note);
  s.exec();
}

AssignmentId SqlBrigade::insert_assignment(const Assignment& a) {
  auto s = conn_->prepare(
      "INSERT INTO assignments (request_id, peer, assigned_by, state, reason, assigned_at, "
      "responded_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(a.request_id.value, a.peer.value, a.assigned_by.value, std::string(to_string(a.state)),
             a.reason, a.assigned_at, a.responded_at, a.ended_at);
  return AssignmentId(*inserted_id(s));
}

std::optional<Assignment> SqlBrigade::get_assignment(AssignmentId id) {
  auto s =
      conn_->prepare(std::string("SELECT ") + kAssignmentCols + " FROM assignments a WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_assignment(s);
}

void SqlBrigade::update_assignment(const Assignment& a) {
  auto s = conn_->prepare(
      "UPDATE assignments SET state = ?, reason = ?, responded_at = ?, ended_at = ? WHERE id = ?");
  s.bind_all(std::string(to_string(a.state)), a.reason, a.responded_at, a.ended_at, a.id.value);
  s.exec();
}

std::vector<Assignment> SqlBrigade::assignments_for_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kAssignmentCols +
                          " FROM assignments a WHERE request_id = ? ORDER BY assigned_at, id");
  s.bind_all(id.value);
  return collect<Assignment>(s, read_assignment);
}

std::vector<BrigadeRequest> SqlBrigade::requests_by(UserId user, Timestamp since, int limit) {
  auto s = conn_->prepare(std::string("SELECT ") + kRequestCols +
                          " FROM brigade_requests WHERE requested_by = ? AND created_at >= ? "
                          "ORDER BY created_at DESC, id DESC LIMIT ?");
  s.bind_all(user.value, since, std::int64_t{limit});
  return collect<BrigadeRequest>(s, read_request);
}

std::vector<BrigadeRequest> SqlBrigade::past_requests_of_peer(UserId peer, int limit) {
  // From the peer's own assignments (index assignments_peer), newest first, then each request by
  // its key: a peer with years of visits costs a few rows, not a scan of all requests.
  static const std::string sql = [] {
    const std::string cols = kRequestCols;
    std::string prefixed;
    std::size_t pos = 0;
    while (pos < cols.size()) {
      auto end = cols.find(',', pos);
      if (end == std::string::npos) end = cols.size();
      auto col = cols.substr(pos, end - pos);
      col.erase(0, col.find_first_not_of(' '));
      prefixed += (prefixed.empty() ? "r." : ", r.") + col;
      pos = end + 1;
    }
    return "SELECT " + prefixed;
  }();
  // The newest assignments first, on the small assignment rows; only those requests are read. A
  // request counts once however often she left it, and not while she holds it again: the
  // coordinator may assign her anew after ending her assignment.
  auto s = conn_->prepare(
      sql +
      " FROM (SELECT a.request_id, max(a.assigned_at) AS at, max(a.id) AS last FROM assignments a "
      "WHERE a.peer = ?1 AND a.state = 'ended' AND a.responded_at != 0 AND NOT EXISTS (SELECT 1 "
      "FROM assignments c WHERE c.request_id = a.request_id AND c.peer = ?1 AND c.state IN "
      "('offered', 'accepted')) GROUP BY a.request_id ORDER BY at DESC, last DESC LIMIT ?2) a "
      "CROSS JOIN brigade_requests r ON r.id = a.request_id ORDER BY a.at DESC, a.last DESC");
  s.bind_all(peer.value, limit);
  return collect<BrigadeRequest>(s, read_request);
}

std::vector<Assignment> SqlBrigade::assignments_for_peer(UserId peer, bool current_only) {
  auto s = conn_->prepare(std::string("SELECT ") + kAssignmentCols +
                          " FROM assignments a WHERE peer = ? AND (? = 0 OR " +
                          "state IN ('offered', 'accepted')) ORDER BY state = 'offered' DESC, "
                          "assigned_at DESC, id DESC LIMIT 200");
  s.bind_all(peer.value, current_only);
  return collect<Assignment>(s, read_assignment);
}

bool SqlBrigade::is_assigned_peer(UserId peer, ResidentId resident) {
  auto s = conn_->prepare(
      "SELECT 1 FROM assignments a JOIN brigade_requests r ON r.id = a.request_id "
      "WHERE a.peer = ? AND a.state = 'accepted' AND r.resident_id = ? AND r.outcome <> 'closed' "
      "LIMIT 1");
  s.bind_all(peer.value, resident.value);
  return s.step();
}

bool SqlBrigade::peer_knew_resident(UserId peer, ResidentId resident) {
  auto s = conn_->prepare(
      "SELECT 1 FROM assignments a JOIN brigade_requests r ON r.id = a.request_id "
      "WHERE a.peer = ? AND a.state IN ('accepted', 'ended') AND a.responded_at > 0 "
      "AND r.resident_id = ? LIMIT 1");
  s.bind_all(peer.value, resident.value);
  return s.step();
}

std::pair<VisitId, bool> SqlBrigade::insert_visit(const Visit& v) {
  {
    auto s = conn_->prepare(
        "INSERT INTO visits (request_id, peer, at, kind, result, note, next_step, idempotency_key, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, peer, "
        "idempotency_key) DO NOTHING RETURNING id");
    s.bind_all(v.request_id.value, v.peer.value, v.at, std::string(to_string(v.kind)),
               std::string(to_string(v.result)), v.note, v.next_step, v.idempotency_key,
               v.created_at);
    if (const auto id = inserted_id(s)) return {VisitId(*id), true};
  }
  auto s = conn_->prepare(
      "SELECT id FROM visits WHERE request_id = ? AND peer = ? AND idempotency_key = ?");
  s.bind_all(v.request_id.value, v.peer.value, v.idempotency_key);
  if (!s.step()) throw DbError("visit vanished after conflict");
  return {VisitId(s.i64(0)), false};
}

std::vector<Visit> SqlBrigade::visits_for_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kVisitCols +
                          " FROM visits WHERE request_id = ? ORDER BY at DESC, id DESC");
  s.bind_all(id.value);
  return collect<Visit>(s, read_visit);
}

CheckinId SqlBrigade::insert_checkin(const Checkin& c) {
  auto s = conn_->prepare(
      "INSERT INTO checkins (request_id, peer, started_at, expected_back, ended_at) VALUES (?, ?, "
      "?, ?, 0) RETURNING id");
  s.bind_all(c.request_id.value, c.peer.value, c.started_at, c.expected_back);
  return CheckinId(*inserted_id(s));
}

std::optional<Checkin> SqlBrigade::open_checkin(UserId peer) {
  auto s =
      conn_->prepare(std::string("SELECT ") + kCheckinCols +
                     " FROM checkins WHERE peer = ? AND ended_at = 0 ORDER BY id DESC LIMIT 1");
  s.bind_all(peer.value);
  if (!s.step()) return std::nullopt;
  return read_checkin(s);
}

void SqlBrigade::end_checkin(CheckinId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE checkins SET ended_at = ? WHERE id = ? AND ended_at = 0");
  s.bind_all(at, id.value);
  s.exec();
}

std::vector<Checkin> SqlBrigade::open_checkins() {
  auto s = conn_->prepare(std::string("SELECT ") + kCheckinCols +
                          " FROM checkins WHERE ended_at = 0 ORDER BY expected_back");
  return collect<Checkin>(s, read_checkin);
}

DebriefId SqlBrigade::insert_debrief(const Debrief& d) {
  auto s = conn_->prepare(
      "INSERT INTO debriefs (peer, request_id, note, requested_at) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  s.bind_all(d.peer.value, raw(d.request_id), d.note, d.requested_at);
  return DebriefId(*inserted_id(s));
}

std::vector<Debrief> SqlBrigade::open_debriefs() {
  auto s = conn_->prepare(
      "SELECT id, peer, request_id, note, requested_at FROM debriefs WHERE handled_at = 0 "
      "ORDER BY requested_at");
  std::vector<Debrief> out;
  while (s.step()) {
    Debrief d;
    d.id = DebriefId(s.i64(0));
    d.peer = UserId(s.i64(1));
    d.request_id = opt_id<RequestId>(s, 2);
    d.note = s.text(3);
    d.requested_at = s.i64(4);
    out.push_back(std::move(d));
  }
  return out;
}

bool SqlBrigade::handle_debrief(DebriefId id, UserId by, Timestamp at) {
  auto s = conn_->prepare(
      "UPDATE debriefs SET handled_at = ?, handled_by = ? WHERE id = ? AND handled_at = 0");
  s.bind_all(at, by.value, id.value);
  s.exec();
  return conn_->changes() > 0;
}

}  // namespace meedoen::sql
