#include "app/activities.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

using Problems = std::vector<std::pair<std::string, std::string>>;

// "HH:MM" (the value of <input type="time">) → minutes after midnight.
std::optional<int> parse_time_of_day(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  const auto h = parse_int(s.substr(0, 2));
  const auto m = parse_int(s.substr(3, 2));
  if (!h || !m || *h < 0 || *h > 23 || *m < 0 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

// The whole of an activity's form, every problem at once.
std::optional<Activity> read_input(const ActivityInput& in, const Centre& centre,
                                   Problems& problems) {
  Activity a;
  a.centre_id = centre.id;
  a.title = trim(in.title);
  a.description = trim(in.description);
  a.for_whom = trim(in.for_whom);
  a.organiser = trim(in.organiser);
  a.show_organiser = in.show_organiser && !a.organiser.empty();
  a.signup = in.signup;
  if (a.title.empty())
    problems.emplace_back("title", "error.activity.title_required");
  else if (a.title.size() > kActivityTitleMax)
    problems.emplace_back("title", "error.too_long");
  if (a.description.size() > kActivityTextMax)
    problems.emplace_back("description", "error.too_long");
  if (a.for_whom.size() > kActivityTitleMax) problems.emplace_back("for_whom", "error.too_long");
  if (a.organiser.size() > kOrganiserMax) problems.emplace_back("organiser", "error.too_long");
  if (!trim(in.room).empty()) {
    const auto room = parse_int(trim(in.room));
    if (!room || !centre.room(RoomId(*room)))
      problems.emplace_back("room", "error.invalid_choice");
    else
      a.room_id = RoomId(*room);
  }
  auto& s = a.schedule;
  if (auto d = parse_date(trim(in.first_date)))
    s.first_day = *d;
  else
    problems.emplace_back("first_date", "error.activity.date");
  if (auto t = parse_time_of_day(trim(in.start_time)))
    s.start_minute = *t;
  else
    problems.emplace_back("start_time", "error.activity.start_time");
  if (auto d = parse_int(trim(in.duration_minutes)))
    s.duration_minutes = *d;
  else
    problems.emplace_back("duration_minutes", "error.activity.duration");
  if (auto r = parse_repeat(in.repeat))
    s.repeat = *r;
  else
    problems.emplace_back("repeat", "error.invalid_choice");
  for (const auto& w : in.weekdays) {
    const auto d = parse_int(w);
    if (!d || *d < 0 || *d > 6) {
      problems.emplace_back("weekdays", "error.invalid_choice");
      break;
    }
    s.weekdays |= weekday_bit(*d);
  }
  if (s.repeat == Repeat::kMonthly) {
    const auto n = parse_int(trim(in.week_of_month));
    if (!n)
      problems.emplace_back("week_of_month", "error.activity.week_of_month");
    else
      s.week_of_month = *n;
  }
  if (!trim(in.until_date).empty()) {
    if (auto d = parse_date(trim(in.until_date)))
      s.until_day = *d;
    else
      problems.emplace_back("until_date", "error.activity.date");
  }
  if (a.signup && !trim(in.capacity).empty()) {
    const auto c = parse_int(trim(in.capacity));
    if (!c || *c < 1 || *c > 500)
      problems.emplace_back("capacity", "error.activity.capacity");
    else
      a.capacity = *c;
  }
  if (problems.empty()) {
    if (auto key = schedule_problem(s); !key.empty()) problems.emplace_back("schedule", key);
  }
  if (!problems.empty()) return std::nullopt;
  return a;
}

void add_entries(PublicCalendar& cal) {
  for (const auto& a : cal.activities) {
    const Room* room = cal.centre.room(a.room_id);
    for (const auto& o : a.occurrences(cal.from_day, cal.to_day))
      cal.entries.push_back(CalendarEntry{&a, o, room ? room->name : std::string()});
  }
  std::stable_sort(cal.entries.begin(), cal.entries.end(),
                   [](const CalendarEntry& x, const CalendarEntry& y) {
                     return x.occurrence.start < y.occurrence.start;
                   });
}

}  // namespace

Activity public_view(Activity a) {
  if (!may_show_organiser_publicly(a)) a.organiser.clear();
  return a;
}

Result<PublicCalendar> Activities::public_calendar(CentreId centre, int weeks) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  PublicCalendar cal;
  cal.centre = std::move(*c);
  for (auto& a : tx->activities().list_activities(centre, true))
    cal.activities.push_back(public_view(std::move(a)));
  cal.changed_at = std::max(cal.centre.updated_at, tx->activities().activities_changed_at(centre));
  cal.from_day = local_days(start_of_local_week(now()));
  cal.to_day = cal.from_day + 7 * weeks - 1;
  add_entries(cal);
  return cal;
}

Result<PublicCalendar> Activities::public_activity(ActivityId id, int weeks) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto a = tx->activities().get_activity(id);
  if (!a || a->status != ActivityStatus::kApproved) return Error::not_found();
  auto c = tx->centres().get_centre(a->centre_id);
  if (!c) return Error::not_found();
  PublicCalendar cal;
  cal.centre = std::move(*c);
  cal.changed_at = std::max(cal.centre.updated_at, a->updated_at);
  cal.from_day = local_days(now());
  cal.to_day = cal.from_day + 7 * weeks - 1;
  if (a->signup) {
    cal.changed_at = std::max(cal.changed_at, tx->occurrences().signups_changed_at(id));
    // A moved occurrence keeps the date it had in the series: look a little around the window.
    cal.signed_up = tx->occurrences().standing_counts(id, cal.from_day - 31, cal.to_day + 31);
  }
  cal.activities.push_back(public_view(std::move(*a)));
  add_entries(cal);
  return cal;
}

Result<std::vector<Activity>> Activities::list(const User& host, CentreId centre) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  if (!may_host(host, centre, tx->centres().centres_of_host(host.id))) return Error::forbidden();
  return tx->activities().list_activities(centre, false);
}

Result<ActivityId> Activities::create(const User& host, CentreId centre, const ActivityInput& in) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!may_host(host, centre, tx->centres().centres_of_host(host.id))) return Error::forbidden();
  const auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  Problems problems;
  auto a = read_input(in, *c, problems);
  if (!a) return Error::invalid_fields(std::move(problems));
  a->status = in.proposal ? ActivityStatus::kProposed : ActivityStatus::kApproved;
  a->created_by = host.id;
  a->created_at = a->updated_at = now();
  a->id = tx->activities().insert_activity(*a);
  append_audit(*tx, a->created_at, &host, in.proposal ? "propose_activity" : "create_activity",
               ResidentId(), "activity:" + std::to_string(a->id.value), a->title);
  if (auto st = tx->commit(); !st) return st.error();
  return a->id;
}

Result<Activity> Activities::hosted_activity(Tx& tx, const User& host, ActivityId id) {
  auto a = tx.activities().get_activity(id);
  if (!a) return Error::not_found();
  if (!may_host(host, a->centre_id, tx.centres().centres_of_host(host.id)))
    return Error::forbidden();
  return std::move(*a);
}

Result<CentreId> Activities::decide(const User& host, ActivityId id, bool approve) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto a = hosted_activity(*tx, host, id);
  if (!a) return a.error();
  if (a->status != ActivityStatus::kProposed) return Error::conflict("error.activity.decided");
  tx->activities().set_activity_status(
      id, approve ? ActivityStatus::kApproved : ActivityStatus::kDeclined, now());
  append_audit(*tx, now(), &host, approve ? "approve_activity" : "decline_activity", ResidentId(),
               "activity:" + std::to_string(id.value), "");
  if (auto st = tx->commit(); !st) return st.error();
  return a->centre_id;
}

Result<CentreId> Activities::change(const User& host, ActivityId id, const OccurrenceChange& c,
                                    const char* event) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto a = hosted_activity(*tx, host, id);
  if (!a) return a.error();
  // Only an occurrence the series has: look for it on its own date, pauses and changes aside.
  const auto series = expand(a->schedule, {}, {}, c.day, c.day);
  if (series.empty()) return Error::invalid("error.activity.no_occurrence", "date");
  tx->activities().set_change(id, c, now());
  append_audit(*tx, now(), &host, event, ResidentId(), "activity:" + std::to_string(id.value),
               format_days(c.day));
  if (auto st = tx->commit(); !st) return st.error();
  return a->centre_id;
}

Result<CentreId> Activities::cancel_occurrence(const User& host, ActivityId id,
                                               const std::string& date) {
  const auto day = parse_date(trim(date));
  if (!day) return Error::invalid("error.activity.date", "date");
  OccurrenceChange c;
  c.day = *day;
  c.cancelled = true;
  return change(host, id, c, "cancel_occurrence");
}

Result<CentreId> Activities::move_occurrence(const User& host, ActivityId id,
                                             const std::string& date, const std::string& new_date,
                                             const std::string& new_time) {
  const auto day = parse_date(trim(date));
  if (!day) return Error::invalid("error.activity.date", "date");
  const auto to = parse_date(trim(new_date));
  if (!to) return Error::invalid("error.activity.date", "new_date");
  const auto minute = parse_time_of_day(trim(new_time));
  if (!minute) return Error::invalid("error.activity.start_time", "new_time");
  OccurrenceChange c;
  c.day = *day;
  c.moved_day = *to;
  c.moved_start_minute = *minute;
  return change(host, id, c, "move_occurrence");
}

Result<CentreId> Activities::pause(const User& host, ActivityId id, const std::string& from,
                                   const std::string& to) {
  const auto f = parse_date(trim(from));
  const auto t = parse_date(trim(to));
  if (!f) return Error::invalid("error.activity.date", "from");
  if (!t || *t < *f) return Error::invalid("error.activity.pause_end", "to");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto a = hosted_activity(*tx, host, id);
  if (!a) return a.error();
  if (a->schedule.repeat == Repeat::kOnce) return Error::invalid("error.activity.not_a_series");
  tx->activities().add_pause(id, Pause{*f, *t}, now());
  append_audit(*tx, now(), &host, "pause_activity", ResidentId(),
               "activity:" + std::to_string(id.value), format_days(*f) + ".." + format_days(*t));
  if (auto st = tx->commit(); !st) return st.error();
  return a->centre_id;
}

}  // namespace meedoen
