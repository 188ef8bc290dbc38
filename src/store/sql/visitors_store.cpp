#include "store/sql/visitors_store.hpp"

#include <map>

#include "domain/text.hpp"
#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kVisitorCols =
    "v.id, v.centre_id, v.name, v.created_by, v.created_at, v.ended_at, v.resident_id";

Visitor read_visitor(const Stmt& s) {
  Visitor v;
  v.id = VisitorId(s.i64(0));
  v.centre_id = CentreId(s.i64(1));
  v.name = s.text(2);
  v.created_by = UserId(s.i64(3));
  v.created_at = s.i64(4);
  v.ended_at = s.i64(5);
  if (!s.is_null(6)) v.resident = ResidentId(s.i64(6));
  return v;
}

// A known visitor with their visits: the check-ins (+1 with the visitor) that no -1 took back.
// The -1 of a correction is on the same day, so the day index finds it.
constexpr const char* kVisitsSelect =
    "SELECT v.id, v.centre_id, v.name, v.created_by, v.created_at, v.ended_at, v.resident_id, "
    "COUNT(t.id), "
    "COALESCE(MIN(t.day), 0), COALESCE(MAX(t.day), 0), "
    "COALESCE(SUM(CASE WHEN t.day = ? THEN 1 ELSE 0 END), 0), "
    "(SELECT COUNT(*) FROM activity_attendees a WHERE a.visitor_id = v.id) "
    "FROM centre_visitors v LEFT JOIN centre_taps t ON t.visitor_id = v.id AND t.delta > 0 "
    "AND NOT EXISTS (SELECT 1 FROM centre_taps c WHERE c.centre_id = t.centre_id "
    "AND c.day = t.day AND c.corrects = t.id) ";

VisitorVisits read_visits(const Stmt& s) {
  VisitorVisits out;
  out.visitor = read_visitor(s);
  out.visits = s.i32(7);
  out.first_day = s.i64(8);
  out.last_day = s.i64(9);
  out.in_today = s.i64(10) > 0;
  out.activities = s.i32(11);
  return out;
}

}  // namespace

VisitorId SqlVisitors::insert_visitor(const Visitor& v) {
  auto s = conn_->prepare(
      "INSERT INTO centre_visitors (centre_id, name, name_key, resident_id, created_by, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(v.centre_id.value, v.name, comparable_name(v.name),
             v.resident.valid() ? std::optional<std::int64_t>(v.resident.value) : std::nullopt,
             v.created_by.value, v.created_at);
  return VisitorId(*inserted_id(s));
}

std::optional<Visitor> SqlVisitors::get_visitor(VisitorId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kVisitorCols +
                          " FROM centre_visitors v WHERE v.id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_visitor(s);
}

bool SqlVisitors::name_taken(CentreId centre, const std::string& name) {
  auto s = conn_->prepare(
      "SELECT 1 FROM centre_visitors WHERE centre_id = ? AND name_key = ? AND ended_at = 0");
  s.bind_all(centre.value, comparable_name(name));
  return s.step();
}

std::vector<VisitorVisits> SqlVisitors::known_visitors(CentreId centre, std::int64_t today) {
  auto s =
      conn_->prepare(std::string(kVisitsSelect) +
                     "WHERE v.centre_id = ? AND v.ended_at = 0 GROUP BY v.id, v.centre_id, "
                     "v.name, v.created_by, v.created_at, v.ended_at, v.resident_id, v.name_key "
                     "ORDER BY v.name_key, v.id");
  s.bind_all(today, centre.value);
  return collect<VisitorVisits>(s, read_visits);
}

std::optional<VisitorVisits> SqlVisitors::visits_of(VisitorId id, std::int64_t today) {
  auto s = conn_->prepare(std::string(kVisitsSelect) +
                          "WHERE v.id = ? GROUP BY v.id, v.centre_id, v.name, v.created_by, "
                          "v.created_at, v.ended_at, v.resident_id");
  s.bind_all(today, id.value);
  if (!s.step()) return std::nullopt;
  return read_visits(s);
}

std::vector<VisitorDay> SqlVisitors::days_of(VisitorId id, std::int64_t from_day) {
  std::map<std::int64_t, VisitorDay> days;
  auto taps = conn_->prepare(
      "SELECT day, SUM(delta) FROM centre_taps WHERE visitor_id = ? AND day >= ? GROUP BY day");
  taps.bind_all(id.value, from_day);
  while (taps.step()) {
    auto& d = days[taps.i64(0)];
    d.visits = static_cast<int>(taps.i64(1));
  }
  auto came = conn_->prepare(
      "SELECT day, COUNT(*) FROM activity_attendees WHERE visitor_id = ? AND day >= ? "
      "GROUP BY day");
  came.bind_all(id.value, from_day);
  while (came.step()) {
    auto& d = days[came.i64(0)];
    d.activities = static_cast<int>(came.i64(1));
  }
  std::vector<VisitorDay> out;
  for (auto& [day, d] : days) {
    d.day = day;
    out.push_back(d);
  }
  return out;
}

std::optional<Visitor> SqlVisitors::visitor_of_resident(ResidentId resident) {
  auto s = conn_->prepare(std::string("SELECT ") + kVisitorCols +
                          " FROM centre_visitors v WHERE v.resident_id = ? AND v.ended_at = 0 "
                          "ORDER BY v.id LIMIT 1");
  s.bind_all(resident.value);
  if (!s.step()) return std::nullopt;
  return read_visitor(s);
}

bool SqlVisitors::checked_in(VisitorId id, std::int64_t day, DayPart part) {
  auto s = conn_->prepare(
      "SELECT COALESCE(SUM(delta), 0) FROM centre_taps WHERE visitor_id = ? AND day = ? AND "
      "part = ?");
  s.bind_all(id.value, day, to_string(part));
  return s.step() && s.i64(0) > 0;
}

void SqlVisitors::forget_visitor(VisitorId id, Timestamp at) {
  auto taps = conn_->prepare("UPDATE centre_taps SET visitor_id = 0 WHERE visitor_id = ?");
  taps.bind_all(id.value);
  taps.exec();
  auto came = conn_->prepare("DELETE FROM activity_attendees WHERE visitor_id = ?");
  came.bind_all(id.value);
  came.exec();
  // What they said about their participation goes with their consent to be known.
  auto notes = conn_->prepare("DELETE FROM participation_notes WHERE visitor_id = ?");
  notes.bind_all(id.value);
  notes.exec();
  // What the hosts passed on stays with its request or signal, without the visitor; a call-back
  // that waits is for nobody now.
  auto passed = conn_->prepare(
      "UPDATE centre_concerns SET visitor_id = NULL, note = '', done_at = CASE WHEN done_at = 0 "
      "AND route = 'call_back' THEN ? ELSE done_at END WHERE visitor_id = ?");
  passed.bind_all(at, id.value);
  passed.exec();
  auto s = conn_->prepare(
      "UPDATE centre_visitors SET name = '', name_key = '', resident_id = NULL, ended_at = ? "
      "WHERE id = ? AND "
      "ended_at = 0");
  s.bind_all(at, id.value);
  s.exec();
}

}  // namespace meedoen::sql
