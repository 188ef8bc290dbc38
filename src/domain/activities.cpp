#include "domain/activities.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "domain/codes.hpp"

namespace meedoen {
namespace {

struct RepeatCode {
  Repeat repeat;
  std::string_view code;
};

// The codes are stored in the database: never rename one.
constexpr RepeatCode kRepeatCodes[] = {
    {Repeat::kOnce, "once"},
    {Repeat::kWeekly, "weekly"},
    {Repeat::kBiweekly, "biweekly"},
    {Repeat::kMonthly, "monthly"},
};

bool valid_week_of_month(int n) { return (n >= 1 && n <= 4) || n == kWeekOfMonthLast; }

unsigned weekday_mask(const Schedule& s) {
  return s.weekdays != 0 ? s.weekdays : weekday_bit(weekday_of_days(s.first_day));
}

// Whether `day` is the n-th (or, for kWeekOfMonthLast, the last) of its weekday in its month.
bool is_week_of_month(std::int64_t day, int n) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{days{day}}};
  const unsigned dom = static_cast<unsigned>(ymd.day());
  if (n == kWeekOfMonthLast) {
    const year_month_day_last last{ymd.year(), month_day_last{ymd.month()}};
    return dom + 7 > static_cast<unsigned>(last.day());
  }
  return static_cast<int>((dom - 1) / 7) + 1 == n;
}

// Whether the series has an occurrence on `day`, before pauses and changes are applied.
bool in_series(const Schedule& s, std::int64_t day) {
  if (day < s.first_day) return false;
  if (s.until_day != 0 && day > s.until_day) return false;
  switch (s.repeat) {
    case Repeat::kOnce:
      return day == s.first_day;
    case Repeat::kWeekly:
      return (weekday_mask(s) & weekday_bit(weekday_of_days(day))) != 0;
    case Repeat::kBiweekly: {
      // Weeks run from Monday, counted from the week of first_day (week 0 goes ahead).
      const std::int64_t monday = s.first_day - weekday_of_days(s.first_day);
      if ((day - monday) / 7 % 2 != 0) return false;
      return (weekday_mask(s) & weekday_bit(weekday_of_days(day))) != 0;
    }
    case Repeat::kMonthly:
      return weekday_of_days(day) == weekday_of_days(s.first_day) &&
             is_week_of_month(day, s.week_of_month);
  }
  return false;
}

bool paused(const std::vector<Pause>& pauses, std::int64_t day) {
  return std::any_of(pauses.begin(), pauses.end(),
                     [&](const Pause& p) { return day >= p.from_day && day <= p.to_day; });
}

Occurrence make_occurrence(const Schedule& s, std::int64_t day, const OccurrenceChange* change) {
  Occurrence o;
  o.day = day;
  if (change != nullptr && change->moved()) {
    o.start = local_timestamp(change->moved_day, change->moved_start_minute);
    o.moved = true;
  } else {
    o.start = local_timestamp(day, s.start_minute);
    o.cancelled = change != nullptr && change->cancelled;
  }
  o.end = o.start + static_cast<Timestamp>(s.duration_minutes) * 60;
  return o;
}

}  // namespace

std::string_view repeat_code(Repeat r) {
  for (const auto& rc : kRepeatCodes)
    if (rc.repeat == r) return rc.code;
  return "once";
}

std::optional<Repeat> parse_repeat(std::string_view code) {
  for (const auto& rc : kRepeatCodes)
    if (rc.code == code) return rc.repeat;
  return std::nullopt;
}

const std::vector<Repeat>& all_repeats() {
  static const std::vector<Repeat> all = {Repeat::kOnce, Repeat::kWeekly, Repeat::kBiweekly,
                                          Repeat::kMonthly};
  return all;
}

std::string schedule_problem(const Schedule& s) {
  if (s.start_minute < 0 || s.start_minute >= 24 * 60) return "error.activity.start_time";
  if (s.duration_minutes < 5 || s.duration_minutes > kDurationMaxMinutes)
    return "error.activity.duration";
  if (s.until_day != 0 && s.until_day < s.first_day) return "error.activity.until_before_start";
  if (!valid_week_of_month(s.week_of_month)) return "error.activity.week_of_month";
  if (s.weekdays > 0x7fu) return "error.activity.weekdays";
  return {};
}

std::vector<Occurrence> expand(const Schedule& s, const std::vector<Pause>& pauses,
                               const std::vector<OccurrenceChange>& changes, std::int64_t from_day,
                               std::int64_t to_day) {
  std::vector<Occurrence> out;
  to_day = std::min(to_day, from_day + kExpandMaxDays - 1);
  if (from_day > to_day) return out;

  // A later change of the same occurrence replaces an earlier one.
  std::unordered_map<std::int64_t, const OccurrenceChange*> change_of;
  for (const auto& c : changes) change_of[c.day] = &c;
  auto find_change = [&](std::int64_t day) -> const OccurrenceChange* {
    const auto it = change_of.find(day);
    return it == change_of.end() ? nullptr : it->second;
  };

  // Only the window itself is walked (cut to the series' own span), so a series that began years
  // ago costs no more than one that begins today.
  const std::int64_t first = std::max(from_day, s.first_day);
  const std::int64_t last = s.until_day != 0 ? std::min(to_day, s.until_day) : to_day;
  for (std::int64_t day = first; day <= last; ++day) {
    if (!in_series(s, day) || paused(pauses, day)) continue;
    const OccurrenceChange* change = find_change(day);
    // A moved occurrence belongs to the window of its new date (added below).
    if (change != nullptr && change->moved()) continue;
    out.push_back(make_occurrence(s, day, change));
  }
  // Occurrences moved onto a date in the window, from wherever in the series they were.
  for (const auto& [day, change] : change_of) {
    if (!change->moved() || change->moved_day < from_day || change->moved_day > to_day) continue;
    if (!in_series(s, day) || paused(pauses, day)) continue;
    out.push_back(make_occurrence(s, day, change));
  }
  std::sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.start != b.start ? a.start < b.start : a.day < b.day;
  });
  return out;
}

std::optional<Occurrence> occurrence_of(const Schedule& s, const std::vector<Pause>& pauses,
                                        const std::vector<OccurrenceChange>& changes,
                                        std::int64_t day) {
  if (day < s.first_day || (s.until_day != 0 && day > s.until_day)) return std::nullopt;
  if (!in_series(s, day) || paused(pauses, day)) return std::nullopt;
  const OccurrenceChange* change = nullptr;
  for (const auto& c : changes)
    if (c.day == day) change = &c;  // the later one counts, as in expand()
  return make_occurrence(s, day, change);
}

}  // namespace meedoen

namespace meedoen {
namespace {

constexpr CodeTable<ActivityStatus, 3> kStatusCodes{{{ActivityStatus::kProposed, "proposed"},
                                                     {ActivityStatus::kApproved, "approved"},
                                                     {ActivityStatus::kDeclined, "declined"}}};

}  // namespace

std::string_view activity_status_code(ActivityStatus s) { return code_of(kStatusCodes, s); }
std::optional<ActivityStatus> parse_activity_status(std::string_view code) {
  return parse_code(kStatusCodes, code);
}

}  // namespace meedoen
