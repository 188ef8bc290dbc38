#include "store/sql/activities_store.hpp"

#include <map>

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kCols =
    "a.id, a.centre_id, a.room_id, a.title, a.description, a.for_whom, a.first_day, "
    "a.start_minute, a.duration_minutes, a.repeat_kind, a.weekdays, a.week_of_month, "
    "a.until_day, a.signup, a.capacity, a.organiser, a.show_organiser, a.status, a.created_by, "
    "a.created_at, a.updated_at FROM activities a";

Activity read_activity(const Stmt& s) {
  Activity a;
  a.id = ActivityId(s.i64(0));
  a.centre_id = CentreId(s.i64(1));
  a.room_id = RoomId(s.i64(2));
  a.title = s.text(3);
  a.description = s.text(4);
  a.for_whom = s.text(5);
  a.schedule.first_day = s.i64(6);
  a.schedule.start_minute = static_cast<int>(s.i64(7));
  a.schedule.duration_minutes = static_cast<int>(s.i64(8));
  a.schedule.repeat = parse_repeat(s.view(9)).value_or(Repeat::kOnce);
  a.schedule.weekdays = static_cast<unsigned>(s.i64(10));
  a.schedule.week_of_month = static_cast<int>(s.i64(11));
  a.schedule.until_day = s.i64(12);
  a.signup = s.i64(13) != 0;
  a.capacity = static_cast<int>(s.i64(14));
  a.organiser = s.text(15);
  a.show_organiser = s.i64(16) != 0;
  a.status = parse_activity_status(s.view(17)).value_or(ActivityStatus::kProposed);
  a.created_by = UserId(s.i64(18));
  a.created_at = s.i64(19);
  a.updated_at = s.i64(20);
  return a;
}

}  // namespace

ActivityId SqlActivities::insert_activity(const Activity& a) {
  auto s = conn_->prepare(
      "INSERT INTO activities (centre_id, room_id, title, description, for_whom, first_day, "
      "start_minute, duration_minutes, repeat_kind, weekdays, week_of_month, until_day, signup, "
      "capacity, organiser, show_organiser, status, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  const auto& sc = a.schedule;
  s.bind_all(a.centre_id.value, a.room_id.value, a.title, a.description, a.for_whom, sc.first_day,
             std::int64_t{sc.start_minute}, std::int64_t{sc.duration_minutes},
             repeat_code(sc.repeat), static_cast<std::int64_t>(sc.weekdays),
             std::int64_t{sc.week_of_month}, sc.until_day, a.signup, std::int64_t{a.capacity},
             a.organiser, a.show_organiser, activity_status_code(a.status), a.created_by.value,
             a.created_at, a.updated_at);
  const ActivityId id(*inserted_id(s));
  for (const auto& p : a.pauses) add_pause(id, p, a.updated_at);
  for (const auto& c : a.changes) set_change(id, c, a.updated_at);
  return id;
}

void SqlActivities::load_details(std::vector<Activity>& list) {
  if (list.empty()) return;
  std::map<std::int64_t, Activity*> by_id;
  std::vector<ActivityId> ids;
  for (auto& a : list) {
    by_id[a.id.value] = &a;
    ids.push_back(a.id);
  }
  for_ids(*conn_,
          "SELECT p.activity_id, p.from_day, p.to_day FROM json_each(?1) ids "
          "JOIN activity_pauses p ON p.activity_id = ids.value ORDER BY p.activity_id, p.from_day",
          ids, kNoExtra, [&](const Stmt& s) {
            by_id.at(s.i64(0))->pauses.push_back(Pause{s.i64(1), s.i64(2)});
          });
  for_ids(*conn_,
          "SELECT c.activity_id, c.day, c.cancelled, c.moved_day, c.moved_start_minute "
          "FROM json_each(?1) ids JOIN activity_changes c ON c.activity_id = ids.value "
          "ORDER BY c.activity_id, c.day",
          ids, kNoExtra, [&](const Stmt& s) {
            OccurrenceChange c;
            c.day = s.i64(1);
            c.cancelled = s.i64(2) != 0;
            c.moved_day = s.i64(3);
            c.moved_start_minute = static_cast<int>(s.i64(4));
            by_id.at(s.i64(0))->changes.push_back(c);
          });
}

std::vector<Activity> SqlActivities::list_activities(CentreId centre, bool approved_only) {
  auto s = conn_->prepare(std::string("SELECT ") + kCols +
                          " WHERE a.centre_id = ? AND (? = 0 OR a.status = 'approved') "
                          "ORDER BY a.first_day, a.start_minute, a.id");
  s.bind_all(centre.value, approved_only);
  auto out = collect<Activity>(s, read_activity);
  load_details(out);
  return out;
}

std::optional<Activity> SqlActivities::get_activity(ActivityId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kCols + " WHERE a.id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  std::vector<Activity> one{read_activity(s)};
  load_details(one);
  return std::move(one[0]);
}

void SqlActivities::touch(ActivityId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE activities SET updated_at = ? WHERE id = ?");
  s.bind_all(at, id.value);
  s.exec();
}

void SqlActivities::set_activity_status(ActivityId id, ActivityStatus status, Timestamp at) {
  auto s = conn_->prepare("UPDATE activities SET status = ?, updated_at = ? WHERE id = ?");
  s.bind_all(activity_status_code(status), at, id.value);
  s.exec();
}

void SqlActivities::add_pause(ActivityId id, const Pause& p, Timestamp at) {
  auto s = conn_->prepare(
      "INSERT INTO activity_pauses (activity_id, from_day, to_day) VALUES (?, ?, ?)");
  s.bind_all(id.value, p.from_day, p.to_day);
  s.exec();
  touch(id, at);
}

void SqlActivities::set_change(ActivityId id, const OccurrenceChange& c, Timestamp at) {
  auto s = conn_->prepare(
      "INSERT INTO activity_changes (activity_id, day, cancelled, moved_day, moved_start_minute) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (activity_id, day) DO UPDATE SET "
      "cancelled = excluded.cancelled, moved_day = excluded.moved_day, "
      "moved_start_minute = excluded.moved_start_minute");
  s.bind_all(id.value, c.day, c.cancelled, c.moved_day, std::int64_t{c.moved_start_minute});
  s.exec();
  touch(id, at);
}

Timestamp SqlActivities::activities_changed_at(CentreId centre) {
  auto s = conn_->prepare(
      "SELECT COALESCE(MAX(updated_at), 0) FROM activities "
      "WHERE centre_id = ? AND status = 'approved'");
  s.bind_all(centre.value);
  return s.step() ? s.i64(0) : 0;
}

}  // namespace meedoen::sql
