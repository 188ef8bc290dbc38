// The activities of the Zelfregiecentra: a host keeps them (one-off or a series, a pause, one
// occurrence cancelled or moved) and approves what visitors propose; anyone reads the public
// calendar of a centre, with no log-in, which shows no visitor's name and an organiser's first
// name only when they want it shown. One area of the use cases, reached as app.activities().
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/activities.hpp"
#include "domain/entities.hpp"

namespace meedoen {

class Tx;

// An activity as a form gives it: dates "YYYY-MM-DD", a time "HH:MM".
struct ActivityInput {
  std::string title;
  std::string description;
  std::string for_whom;
  std::string room;  // a room's id at the centre, or empty
  std::string first_date;
  std::string start_time;
  std::string duration_minutes;
  std::string repeat;                 // a Repeat's code
  std::vector<std::string> weekdays;  // "0".."6" (Monday = 0), for weekly and biweekly
  std::string week_of_month;          // "1".."4" or "-1", for monthly
  std::string until_date;             // may be empty
  bool signup = false;
  std::string capacity;
  std::string organiser;
  bool show_organiser = false;
  bool proposal = false;  // a visitor's proposal, to be approved; else on the calendar at once
};

// One occurrence on a calendar, with what it is.
struct CalendarEntry {
  const Activity* activity = nullptr;  // into PublicCalendar::activities
  Occurrence occurrence;
  std::string room;  // the room's name, or empty
};

// A centre's approved activities as the public may see them (organisers' names only where they
// want them shown), and their occurrences from `from_day` to `to_day`.
struct PublicCalendar {
  Centre centre;
  std::vector<Activity> activities;
  std::int64_t from_day = 0;
  std::int64_t to_day = 0;
  std::vector<CalendarEntry> entries;  // by start
  Timestamp changed_at = 0;            // the latest change of the centre or an activity
  // For one activity with sign-up (public_activity): the standing sign-ups per occurrence date.
  std::map<std::int64_t, int> signed_up;
};

// What the public may see of an activity: the organiser's name only when they want it shown.
Activity public_view(Activity a);

class Activities {
 public:
  explicit Activities(AppContext& ctx) : ctx_(ctx) {}

  // This week and next (Monday to Sunday, local time): for anyone.
  Result<PublicCalendar> public_calendar(CentreId centre, int weeks = 2);
  // One approved activity with its coming occurrences (the next `weeks` weeks): for anyone.
  Result<PublicCalendar> public_activity(ActivityId id, int weeks = 8);

  // Every activity of a centre the user hosts, proposals included.
  Result<std::vector<Activity>> list(const User& host, CentreId centre);
  Result<ActivityId> create(const User& host, CentreId centre, const ActivityInput& in);
  // The changes below return the activity's centre.
  // A proposal approved (it goes on the calendar) or declined after talking it over.
  Result<CentreId> decide(const User& host, ActivityId id, bool approve);
  // One occurrence, by its date in the series ("YYYY-MM-DD"), cancelled or moved.
  Result<CentreId> cancel_occurrence(const User& host, ActivityId id, const std::string& date);
  Result<CentreId> move_occurrence(const User& host, ActivityId id, const std::string& date,
                                   const std::string& new_date, const std::string& new_time);
  // No occurrences from `from` to `to` (dates, inclusive): the summer break.
  Result<CentreId> pause(const User& host, ActivityId id, const std::string& from,
                         const std::string& to);

 private:
  Timestamp now() const { return ctx_.clock->now(); }
  // The activity, when `host` hosts its centre.
  Result<Activity> hosted_activity(Tx& tx, const User& host, ActivityId id);
  Result<CentreId> change(const User& host, ActivityId id, const OccurrenceChange& c,
                          const char* event);

  AppContext& ctx_;
};

}  // namespace meedoen
