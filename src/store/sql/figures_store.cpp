#include "store/sql/figures_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

std::vector<FunnelRow> SqlFigures::funnel(const std::vector<WijkId>& wijken, Timestamp from,
                                          Timestamp to) {
  const std::string sql =
      "SELECT r.wijk_id, r.created_at, COALESCE(s.created_at, r.created_at), "
      "EXISTS (SELECT 1 FROM visits v WHERE v.request_id = r.id), r.first_contact_at, "
      "EXISTS (SELECT 1 FROM request_outcomes o WHERE o.request_id = r.id AND o.outcome = "
      "'came_along'), "
      "EXISTS (SELECT 1 FROM referrals f WHERE f.request_id = r.id), "
      "EXISTS (SELECT 1 FROM referrals f WHERE f.request_id = r.id AND f.status IN "
      "('intake_planned', 'intake_done')), "
      // Came to the centre, measured: a check-in, on or after the request, of the known visitor
      // linked to the resident under their consent (a check-in taken back does not count).
      "EXISTS (SELECT 1 FROM centre_visitors cv JOIN centre_taps t ON t.visitor_id = cv.id "
      "WHERE cv.resident_id = r.resident_id AND t.delta > 0 AND t.at >= r.created_at "
      "AND NOT EXISTS (SELECT 1 FROM centre_taps c WHERE c.centre_id = t.centre_id "
      "AND c.day = t.day AND c.corrects = t.id)) "
      "FROM brigade_requests r LEFT JOIN signals s ON s.id = r.signal_id "
      "WHERE " +
      wijk_clause("r.wijk_id", wijken) +
      " AND r.created_at >= ? AND r.created_at < ? "
      "ORDER BY r.created_at";
  auto s = conn_->prepare(sql);
  s.bind_all(from, to);
  std::vector<FunnelRow> out;
  while (s.step()) {
    FunnelRow f;
    f.wijk = WijkId(s.i64(0));
    f.created_at = s.i64(1);
    f.origin_at = s.i64(2);
    f.visited = s.flag(3);
    f.first_contact_at = s.i64(4);
    f.came_along = s.flag(5);
    f.referred = s.flag(6);
    f.intake_confirmed = s.flag(7);
    f.checked_in = s.flag(8);
    out.push_back(f);
  }
  return out;
}

std::vector<CentreDayCount> SqlFigures::centre_days(const std::vector<WijkId>& wijken,
                                                    std::int64_t from_day, std::int64_t to_day) {
  auto s = conn_->prepare(
      "SELECT t.centre_id, t.day, t.part, SUM(t.delta), SUM(t.first_visit * t.delta), "
      "SUM(t.with_brigade * t.delta), SUM(t.with_someone * t.delta), "
      "SUM(CASE WHEN t.visitor_id > 0 THEN t.delta ELSE 0 END) "
      "FROM centre_taps t JOIN centres c ON c.id = t.centre_id WHERE " +
      wijk_clause("c.wijk_id", wijken) +
      " AND t.day >= ? AND t.day <= ? GROUP BY t.centre_id, t.day, t.part "
      "ORDER BY t.centre_id, t.day, t.part");
  s.bind_all(from_day, to_day);
  return collect<CentreDayCount>(s, [](const Stmt& r) {
    CentreDayCount d;
    d.centre = CentreId(r.i64(0));
    d.day = r.i64(1);
    d.tally.part = parse_day_part(r.view(2)).value_or(DayPart::kMorning);
    d.tally.visitors = static_cast<int>(r.i64(3));
    d.tally.first_visits = static_cast<int>(r.i64(4));
    d.tally.with_brigade = static_cast<int>(r.i64(5));
    d.tally.with_someone = static_cast<int>(r.i64(6));
    d.tally.known = static_cast<int>(r.i64(7));
    return d;
  });
}

std::vector<HeldActivity> SqlFigures::held_activities(const std::vector<WijkId>& wijken,
                                                      std::int64_t from_day, std::int64_t to_day) {
  auto s = conn_->prepare(
      "SELECT a.centre_id, n.day, n.count, CASE WHEN a.organiser <> '' THEN 1 ELSE 0 END "
      "FROM activity_attendance n JOIN activities a ON a.id = n.activity_id "
      "JOIN centres c ON c.id = a.centre_id WHERE " +
      wijk_clause("c.wijk_id", wijken) +
      " AND n.day >= ? AND n.day <= ? ORDER BY a.centre_id, n.day, a.id");
  s.bind_all(from_day, to_day);
  return collect<HeldActivity>(s, [](const Stmt& r) {
    HeldActivity h;
    h.centre = CentreId(r.i64(0));
    h.day = r.i64(1);
    h.attendance = static_cast<int>(r.i64(2));
    h.by_visitor = r.flag(3);
    return h;
  });
}

std::vector<CentreLadderNote> SqlFigures::ladder_notes(const std::vector<WijkId>& wijken,
                                                       std::int64_t to_day) {
  auto s = conn_->prepare(
      "SELECT v.centre_id, n.visitor_id, n.id, n.rung, n.day FROM participation_notes n "
      "JOIN centre_visitors v ON v.id = n.visitor_id JOIN centres c ON c.id = v.centre_id "
      "WHERE " +
      wijk_clause("c.wijk_id", wijken) +
      " AND n.rung > 0 AND n.day <= ? ORDER BY n.visitor_id, n.day, n.id");
  s.bind_all(to_day);
  return collect<CentreLadderNote>(s, [](const Stmt& r) {
    CentreLadderNote l;
    l.centre = CentreId(r.i64(0));
    l.note.visitor = VisitorId(r.i64(1));
    l.note.id = ParticipationNoteId(r.i64(2));
    l.note.rung = static_cast<int>(r.i64(3));
    l.note.day = r.i64(4);
    return l;
  });
}

}  // namespace meedoen::sql
