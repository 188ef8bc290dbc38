#include "store/sql/participation_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

ParticipationNoteId SqlParticipation::insert_note(const ParticipationNote& n) {
  auto s = conn_->prepare(
      "INSERT INTO participation_notes (visitor_id, rung, goal, day, recorded_by, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(n.visitor.value, n.rung, n.goal, n.day, n.recorded_by.value, n.recorded_at);
  return ParticipationNoteId(*inserted_id(s));
}

std::vector<ParticipationNote> SqlParticipation::notes_of_visitor(VisitorId visitor) {
  auto s = conn_->prepare(
      "SELECT id, visitor_id, rung, goal, day, recorded_by, recorded_at FROM participation_notes "
      "WHERE visitor_id = ? ORDER BY day DESC, id DESC");
  s.bind_all(visitor.value);
  return collect<ParticipationNote>(s, [](const Stmt& r) {
    ParticipationNote n;
    n.id = ParticipationNoteId(r.i64(0));
    n.visitor = VisitorId(r.i64(1));
    n.rung = static_cast<int>(r.i64(2));
    n.goal = r.text(3);
    n.day = r.i64(4);
    n.recorded_by = UserId(r.i64(5));
    n.recorded_at = r.i64(6);
    return n;
  });
}

int SqlParticipation::delete_notes_of_visitor(VisitorId visitor) {
  auto s = conn_->prepare("DELETE FROM participation_notes WHERE visitor_id = ?");
  s.bind_all(visitor.value);
  s.exec();
  return conn_->changes();
}

}  // namespace meedoen::sql
