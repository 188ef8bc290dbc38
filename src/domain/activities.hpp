// The activities of a Zelfregiecentrum: coffee every morning, a Thursday meal, a walk with the
// donkeys every two weeks. An activity is one-off or a series; a series can be paused (the summer
// break), and a single occurrence cancelled or moved. Visitors propose activities themselves and a
// host approves them. Times are local time in Europe/Amsterdam: a series at 10:00 stays at 10:00
// across the change to and from summer time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/centres.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

// How a series repeats. Stored as its code ("weekly").
enum class Repeat {
  kOnce,      // one occurrence, on first_day
  kWeekly,    // every week, on `weekdays`
  kBiweekly,  // every other week (counted from first_day's week), on `weekdays`
  kMonthly,   // every month on the n-th (or last) weekday of first_day: "the first Tuesday"
};

std::string_view repeat_code(Repeat r);
std::optional<Repeat> parse_repeat(std::string_view code);
const std::vector<Repeat>& all_repeats();

// Weekday bits of Schedule::weekdays: bit 0 is Monday, bit 6 Sunday (as weekday_of_days).
inline constexpr unsigned weekday_bit(int weekday) { return 1u << weekday; }

struct Schedule {
  std::int64_t first_day = 0;  // local date (days since epoch) of the first occurrence
  int start_minute = 0;        // local time of day, minutes after midnight
  int duration_minutes = 60;
  Repeat repeat = Repeat::kOnce;
  // kWeekly and kBiweekly: the weekdays it falls on; 0 means first_day's weekday only.
  unsigned weekdays = 0;
  // kMonthly: which weekday of the month, 1 to 4, or -1 for the last; the weekday is first_day's.
  int week_of_month = 1;
  std::int64_t until_day = 0;  // the last local date an occurrence may fall on; 0 = no end
};

inline constexpr int kDurationMaxMinutes = 12 * 60;
inline constexpr int kWeekOfMonthLast = -1;
// The most days expand() looks at in one call: three years.
inline constexpr std::int64_t kExpandMaxDays = 3 * 366;

// The first problem with a schedule as a message key ("error.activity.until_before_start"), or
// empty when it is sound: start_minute within the day, duration 5 minutes to kDurationMaxMinutes,
// until_day (when set) not before first_day, week_of_month 1..4 or -1, weekdays within 7 bits.
std::string schedule_problem(const Schedule& s);

// A pause of a series: no occurrence from from_day to to_day, both inclusive (local dates).
struct Pause {
  std::int64_t from_day = 0;
  std::int64_t to_day = 0;
};

// One occurrence of a series taken out (cancelled) or moved to another day and/or time. `day` is
// the local date the occurrence had in the series, which identifies it.
struct OccurrenceChange {
  std::int64_t day = 0;
  bool cancelled = false;
  std::int64_t moved_day = 0;  // when moved: its new local date
  int moved_start_minute = 0;  // when moved: its new local time of day
  bool moved() const { return !cancelled && moved_day != 0; }
};

struct Occurrence {
  std::int64_t day = 0;  // the local date it had in the series (its key, also when moved)
  Timestamp start = 0;   // UTC
  Timestamp end = 0;     // UTC
  bool cancelled = false;
  bool moved = false;
};

// A window longer than kExpandMaxDays is cut to its first kExpandMaxDays days, so a wild query
// cannot make a request build an endless list; the cost is the length of the window (after
// cutting it to first_day and until_day), however long ago the series began.
// The occurrences whose (moved) start falls on a local date from from_day to to_day (both
// inclusive), sorted by start. Paused occurrences are left out; cancelled ones are kept with
// `cancelled` set, so that a calendar can say "this time it does not go ahead".
std::vector<Occurrence> expand(const Schedule& s, const std::vector<Pause>& pauses,
                               const std::vector<OccurrenceChange>& changes, std::int64_t from_day,
                               std::int64_t to_day);

// The occurrence whose date in the series is `day` (also when it was moved elsewhere), with its
// change; nullopt when the series has none that day or it is paused then.
std::optional<Occurrence> occurrence_of(const Schedule& s, const std::vector<Pause>& pauses,
                                        const std::vector<OccurrenceChange>& changes,
                                        std::int64_t day);

using ActivityId = Id<struct ActivityTag>;

// A visitor's proposal waits for a host, who approves it (then it is on the calendar) or talks it
// over and declines it. Stored as its code ("approved").
enum class ActivityStatus { kProposed, kApproved, kDeclined };

std::string_view activity_status_code(ActivityStatus s);
std::optional<ActivityStatus> parse_activity_status(std::string_view code);

inline constexpr std::size_t kActivityTitleMax = 80;
inline constexpr std::size_t kActivityTextMax = 600;
inline constexpr std::size_t kOrganiserMax = 40;

struct Activity {
  ActivityId id;
  CentreId centre_id;
  RoomId room_id;  // 0 when it has no room of the centre (a walk)
  std::string title;
  std::string description;
  std::string for_whom;  // "iedereen", "voor vrouwen": in the organiser's words
  Schedule schedule;
  std::vector<Pause> pauses;
  std::vector<OccurrenceChange> changes;
  bool signup = false;    // whether people sign up; most activities need none ("just walk in")
  int capacity = 0;       // places when signup; 0 = no limit
  std::string organiser;  // the first name or nickname of the visitor who organises it
  bool show_organiser = false;  // whether the organiser wants that name on the public calendar
  ActivityStatus status = ActivityStatus::kApproved;
  UserId created_by;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;

  std::vector<Occurrence> occurrences(std::int64_t from_day, std::int64_t to_day) const {
    return expand(schedule, pauses, changes, from_day, to_day);
  }
  std::optional<Occurrence> occurrence(std::int64_t day) const {
    return occurrence_of(schedule, pauses, changes, day);
  }
};

}  // namespace meedoen
