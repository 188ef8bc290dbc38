#include "store/sql/occurrences_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kSignupCols =
    "SELECT id, activity_id, day, name, created_by, created_at, cancelled_at "
    "FROM activity_signups ";

Signup read_signup(const Stmt& s) {
  Signup out;
  out.id = SignupId(s.i64(0));
  out.activity_id = ActivityId(s.i64(1));
  out.day = s.i64(2);
  out.name = s.text(3);
  out.by = s.is_null(4) ? UserId() : UserId(s.i64(4));
  out.created_at = s.i64(5);
  out.cancelled_at = s.i64(6);
  return out;
}

}  // namespace

void SqlOccurrences::lock_activity(ActivityId id) {
  const bool row_locks = conn_->dialect() == Dialect::kPostgres;
  auto s = conn_->prepare(std::string("SELECT id FROM activities WHERE id = ?") +
                          (row_locks ? " FOR UPDATE" : ""));
  s.bind_all(id.value);
  s.exec();
}

SignupId SqlOccurrences::insert_signup(const Signup& s, const std::string& token_digest) {
  auto st = conn_->prepare(
      "INSERT INTO activity_signups (activity_id, day, name, created_by, token_digest, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  const std::optional<std::int64_t> by =
      s.by.value ? std::optional<std::int64_t>(s.by.value) : std::nullopt;
  const std::optional<std::string> digest =
      token_digest.empty() ? std::nullopt : std::optional<std::string>(token_digest);
  st.bind_all(s.activity_id.value, s.day, s.name, by, digest, s.created_at);
  return SignupId(*inserted_id(st));
}

std::vector<Signup> SqlOccurrences::signups_of(ActivityId activity, std::int64_t day) {
  auto s = conn_->prepare(std::string(kSignupCols) +
                          "WHERE activity_id = ? AND day = ? ORDER BY created_at, id");
  s.bind_all(activity.value, day);
  return collect<Signup>(s, read_signup);
}

std::optional<Signup> SqlOccurrences::get_signup(SignupId id) {
  auto s = conn_->prepare(std::string(kSignupCols) + "WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_signup(s);
}

std::optional<Signup> SqlOccurrences::signup_by_token(const std::string& token_digest) {
  auto s = conn_->prepare(std::string(kSignupCols) + "WHERE token_digest = ?");
  s.bind_all(token_digest);
  if (!s.step()) return std::nullopt;
  return read_signup(s);
}

bool SqlOccurrences::cancel_signup(SignupId id, Timestamp at) {
  auto s = conn_->prepare(
      "UPDATE activity_signups SET cancelled_at = ? WHERE id = ? AND cancelled_at = 0");
  s.bind_all(at, id.value);
  s.exec();
  return conn_->changes() > 0;
}

std::map<std::int64_t, int> SqlOccurrences::standing_counts(ActivityId activity,
                                                            std::int64_t from_day,
                                                            std::int64_t to_day) {
  auto s = conn_->prepare(
      "SELECT day, COUNT(*) FROM activity_signups WHERE activity_id = ? AND day >= ? AND "
      "day <= ? AND cancelled_at = 0 GROUP BY day ORDER BY day");
  s.bind_all(activity.value, from_day, to_day);
  std::map<std::int64_t, int> out;
  while (s.step()) out[s.i64(0)] = s.i32(1);
  return out;
}

Timestamp SqlOccurrences::signups_changed_at(ActivityId activity) {
  auto s = conn_->prepare(
      "SELECT COALESCE(MAX(CASE WHEN cancelled_at > created_at THEN cancelled_at "
      "ELSE created_at END), 0) FROM activity_signups WHERE activity_id = ?");
  s.bind_all(activity.value);
  return s.step() ? s.i64(0) : 0;
}

void SqlOccurrences::put_attendance(const Headcount& a) {
  auto s = conn_->prepare(
      "INSERT INTO activity_attendance (activity_id, day, count, recorded_by, recorded_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (activity_id, day) DO UPDATE SET "
      "count = excluded.count, recorded_by = excluded.recorded_by, "
      "recorded_at = excluded.recorded_at");
  s.bind_all(a.activity_id.value, a.day, std::int64_t{a.count}, a.recorded_by.value, a.recorded_at);
  s.exec();
  auto clear = conn_->prepare("DELETE FROM activity_attendees WHERE activity_id = ? AND day = ?");
  clear.bind_all(a.activity_id.value, a.day);
  clear.exec();
  for (const auto v : a.visitors) {
    auto add = conn_->prepare(
        "INSERT INTO activity_attendees (activity_id, day, visitor_id) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING");
    add.bind_all(a.activity_id.value, a.day, v.value);
    add.exec();
  }
}

std::optional<Headcount> SqlOccurrences::attendance_of(ActivityId activity, std::int64_t day) {
  auto s = conn_->prepare(
      "SELECT count, recorded_by, recorded_at FROM activity_attendance "
      "WHERE activity_id = ? AND day = ?");
  s.bind_all(activity.value, day);
  if (!s.step()) return std::nullopt;
  Headcount a;
  a.activity_id = activity;
  a.day = day;
  a.count = s.i32(0);
  a.recorded_by = UserId(s.i64(1));
  a.recorded_at = s.i64(2);
  auto v = conn_->prepare(
      "SELECT visitor_id FROM activity_attendees WHERE activity_id = ? AND day = ? "
      "ORDER BY visitor_id");
  v.bind_all(activity.value, day);
  while (v.step()) a.visitors.emplace_back(v.i64(0));
  return a;
}

}  // namespace meedoen::sql
