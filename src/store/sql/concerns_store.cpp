#include "store/sql/concerns_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kConcernCols =
    "SELECT id, centre_id, route, visitor_id, resident_id, request_id, signal_id, note, "
    "recorded_by, created_at, done_at, done_by FROM centre_concerns ";

template <class IdT>
std::optional<std::int64_t> nullable(IdT id) {
  return id.valid() ? std::optional<std::int64_t>(id.value) : std::nullopt;
}

Concern read_concern(const Stmt& s) {
  Concern c;
  c.id = ConcernId(s.i64(0));
  c.centre_id = CentreId(s.i64(1));
  c.route = parse_concern_route(s.view(2)).value_or(ConcernRoute::kBrigade);
  if (!s.is_null(3)) c.visitor = VisitorId(s.i64(3));
  if (!s.is_null(4)) c.resident = ResidentId(s.i64(4));
  if (!s.is_null(5)) c.request = RequestId(s.i64(5));
  if (!s.is_null(6)) c.signal = SignalId(s.i64(6));
  c.note = s.text(7);
  c.recorded_by = UserId(s.i64(8));
  c.created_at = s.i64(9);
  c.done_at = s.i64(10);
  c.done_by = UserId(s.i64(11));
  return c;
}

}  // namespace

ConcernId SqlConcerns::insert_concern(const Concern& c) {
  auto s = conn_->prepare(
      "INSERT INTO centre_concerns (centre_id, route, visitor_id, resident_id, request_id, "
      "signal_id, note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(c.centre_id.value, to_string(c.route), nullable(c.visitor), nullable(c.resident),
             nullable(c.request), nullable(c.signal), c.note, c.recorded_by.value, c.created_at);
  return ConcernId(*inserted_id(s));
}

std::optional<Concern> SqlConcerns::get_concern(ConcernId id) {
  auto s = conn_->prepare(std::string(kConcernCols) + "WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_concern(s);
}

std::vector<Concern> SqlConcerns::concerns_of_centre(CentreId centre, Timestamp since) {
  auto s = conn_->prepare(std::string(kConcernCols) +
                          "WHERE centre_id = ? AND (created_at >= ? OR (route = 'call_back' AND "
                          "done_at = 0)) ORDER BY created_at DESC, id DESC LIMIT 100");
  s.bind_all(centre.value, since);
  return collect<Concern>(s, read_concern);
}

std::optional<ResidentId> SqlConcerns::resident_of_visitor(VisitorId visitor) {
  auto s = conn_->prepare(
      "SELECT resident_id FROM centre_concerns WHERE visitor_id = ? AND resident_id IS NOT NULL "
      "ORDER BY created_at DESC, id DESC LIMIT 1");
  s.bind_all(visitor.value);
  if (!s.step()) return std::nullopt;
  return ResidentId(s.i64(0));
}

bool SqlConcerns::mark_done(ConcernId id, Timestamp at, UserId by) {
  auto s = conn_->prepare(
      "UPDATE centre_concerns SET done_at = ?, done_by = ? WHERE id = ? AND done_at = 0");
  s.bind_all(at, by.value, id.value);
  s.exec();
  return conn_->changes() > 0;
}

}  // namespace meedoen::sql
