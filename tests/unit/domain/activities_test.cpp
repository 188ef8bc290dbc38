// Expanding a series into its occurrences, as a table: each case is a schedule with its pauses and
// changes, a window of dates, and the occurrences a calendar should show in local time.
#include "domain/activities.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

std::int64_t day(const char* text) { return *parse_date(text); }

constexpr unsigned kMon = weekday_bit(0), kTue = weekday_bit(1), kWed = weekday_bit(2),
                   kThu = weekday_bit(3), kFri = weekday_bit(4);

Schedule series(Repeat r, const char* first, int hour, unsigned weekdays = 0) {
  Schedule s;
  s.repeat = r;
  s.first_day = day(first);
  s.start_minute = hour * 60;
  s.weekdays = weekdays;
  return s;
}

OccurrenceChange cancel(const char* d) {
  OccurrenceChange c;
  c.day = day(d);
  c.cancelled = true;
  return c;
}

OccurrenceChange move(const char* d, const char* to, int hour) {
  OccurrenceChange c;
  c.day = day(d);
  c.moved_day = day(to);
  c.moved_start_minute = hour * 60;
  return c;
}

// "2026-03-02 10:00", with " cancelled" or " moved from 2026-03-16" where that applies.
std::vector<std::string> shown(const std::vector<Occurrence>& occurrences) {
  std::vector<std::string> out;
  for (const auto& o : occurrences) {
    std::string line = format_datetime(o.start);
    if (o.cancelled) line += " cancelled";
    if (o.moved) line += " moved from " + format_days(o.day);
    out.push_back(line);
  }
  return out;
}

struct Case {
  const char* what;
  Schedule schedule;
  std::vector<Pause> pauses;
  std::vector<OccurrenceChange> changes;
  const char* from;
  const char* to;
  std::vector<std::string> expected;
};

std::vector<Case> cases() {
  const Schedule coffee =
      series(Repeat::kWeekly, "2026-01-05", 10, kMon | kTue | kWed | kThu | kFri);
  const Schedule monday = series(Repeat::kWeekly, "2026-01-05", 10);
  std::vector<Case> out;
  out.push_back({"coffee every weekday morning, over a week",
                 coffee,
                 {},
                 {},
                 "2026-03-02",
                 "2026-03-08",
                 {"2026-03-02 10:00", "2026-03-03 10:00", "2026-03-04 10:00", "2026-03-05 10:00",
                  "2026-03-06 10:00"}});
  out.push_back({"a series begun years ago shows only the window",
                 series(Repeat::kWeekly, "2019-01-07", 10),
                 {},
                 {},
                 "2026-03-02",
                 "2026-03-15",
                 {"2026-03-02 10:00", "2026-03-09 10:00"}});
  out.push_back({"without weekdays a weekly series keeps first_day's weekday",
                 series(Repeat::kWeekly, "2026-03-04", 14),
                 {},
                 {},
                 "2026-03-01",
                 "2026-03-15",
                 {"2026-03-04 14:00", "2026-03-11 14:00"}});
  out.push_back({"a series that starts on a Wednesday has no Monday before it",
                 series(Repeat::kWeekly, "2026-03-04", 10, kMon | kWed),
                 {},
                 {},
                 "2026-03-01",
                 "2026-03-10",
                 {"2026-03-04 10:00", "2026-03-09 10:00"}});
  out.push_back({"nothing before first_day", monday, {}, {}, "2025-12-01", "2026-01-04", {}});
  out.push_back({"every two weeks counts weeks from the Monday of first_day's week",
                 series(Repeat::kBiweekly, "2026-03-05", 10, kMon | kThu),
                 {},
                 {},
                 "2026-03-01",
                 "2026-03-22",
                 {"2026-03-05 10:00", "2026-03-16 10:00", "2026-03-19 10:00"}});
  out.push_back({"every two weeks, begun years ago, keeps its weeks",
                 series(Repeat::kBiweekly, "2019-12-30", 10),
                 {},
                 {},
                 "2026-03-02",
                 "2026-03-23",
                 {"2026-03-02 10:00", "2026-03-16 10:00"}});
  out.push_back({"every two weeks into summer time stays at 10:00 local",
                 series(Repeat::kBiweekly, "2026-03-15", 10),
                 {},
                 {},
                 "2026-03-01",
                 "2026-04-30",
                 {"2026-03-15 10:00", "2026-03-29 10:00", "2026-04-12 10:00", "2026-04-26 10:00"}});
  out.push_back({"every two weeks out of summer time stays at 10:00 local",
                 series(Repeat::kBiweekly, "2026-10-11", 10),
                 {},
                 {},
                 "2026-10-01",
                 "2026-11-10",
                 {"2026-10-11 10:00", "2026-10-25 10:00", "2026-11-08 10:00"}});
  out.push_back({"the Thursday meal pauses for the summer break",
                 series(Repeat::kWeekly, "2026-06-04", 18),
                 {{day("2026-07-06"), day("2026-08-16")}},
                 {},
                 "2026-06-25",
                 "2026-08-27",
                 {"2026-06-25 18:00", "2026-07-02 18:00", "2026-08-20 18:00", "2026-08-27 18:00"}});
  out.push_back({"a cancelled occurrence is kept and marked, a moved one moves",
                 monday,
                 {},
                 {cancel("2026-03-02"), move("2026-03-09", "2026-03-10", 14)},
                 "2026-03-02",
                 "2026-03-15",
                 {"2026-03-02 10:00 cancelled", "2026-03-10 14:00 moved from 2026-03-09"}});
  out.push_back({"an occurrence moved into the window shows, one moved out of it does not",
                 monday,
                 {},
                 {move("2026-03-02", "2026-03-20", 10), move("2026-03-16", "2026-03-06", 11)},
                 "2026-03-02",
                 "2026-03-08",
                 {"2026-03-06 11:00 moved from 2026-03-16"}});
  out.push_back({"occurrences moved to before the window do not show",
                 monday,
                 {},
                 {move("2026-03-09", "2026-03-05", 10), move("2026-03-16", "2026-03-06", 11)},
                 "2026-03-09",
                 "2026-03-15",
                 {}});
  out.push_back({"a move to an earlier time the same week sorts by its new start",
                 coffee,
                 {},
                 {move("2026-03-04", "2026-03-03", 9)},
                 "2026-03-03",
                 "2026-03-04",
                 {"2026-03-03 09:00 moved from 2026-03-04", "2026-03-03 10:00"}});
  out.push_back({"changes of days that are no occurrence are ignored",
                 monday,
                 {},
                 {cancel("2026-03-04"), move("2026-03-03", "2026-03-05", 10),
                  move("2026-01-02", "2026-03-06", 10)},
                 "2026-03-02",
                 "2026-03-08",
                 {"2026-03-02 10:00"}});
  out.push_back({"a move of a paused occurrence does not bring it back",
                 monday,
                 {{day("2026-03-09"), day("2026-03-15")}},
                 {move("2026-03-09", "2026-03-04", 10)},
                 "2026-03-02",
                 "2026-03-08",
                 {"2026-03-02 10:00"}});
  {
    Schedule s = series(Repeat::kMonthly, "2026-01-06", 19);
    s.week_of_month = 1;
    out.push_back({"monthly on the first Tuesday",
                   s,
                   {},
                   {},
                   "2026-03-01",
                   "2026-05-31",
                   {"2026-03-03 19:00", "2026-04-07 19:00", "2026-05-05 19:00"}});
  }
  {
    Schedule s = series(Repeat::kMonthly, "2026-01-30", 15);
    s.week_of_month = kWeekOfMonthLast;
    out.push_back({"monthly on the last Friday, also when that is the fourth or the fifth",
                   s,
                   {},
                   {},
                   "2026-01-01",
                   "2026-05-31",
                   {"2026-01-30 15:00", "2026-02-27 15:00", "2026-03-27 15:00", "2026-04-24 15:00",
                    "2026-05-29 15:00"}});
  }
  {
    Schedule s = series(Repeat::kMonthly, "2026-01-30", 15);
    s.week_of_month = kWeekOfMonthLast;
    out.push_back({"the last Friday of July 2026 is the 31st, not the 24th",
                   s,
                   {},
                   {},
                   "2026-07-01",
                   "2026-07-31",
                   {"2026-07-31 15:00"}});
  }
  {
    Schedule s = series(Repeat::kMonthly, "2026-01-22", 15);
    s.week_of_month = 4;
    out.push_back({"the fourth Thursday is not the last one in a month of five",
                   s,
                   {},
                   {},
                   "2026-04-01",
                   "2026-04-30",
                   {"2026-04-23 15:00"}});
  }
  {
    Schedule s = monday;
    s.until_day = day("2026-03-09");
    out.push_back({"until_day is the last date an occurrence may fall on",
                   s,
                   {},
                   {},
                   "2026-03-01",
                   "2026-03-31",
                   {"2026-03-02 10:00", "2026-03-09 10:00"}});
  }
  {
    Schedule s = series(Repeat::kOnce, "2026-03-04", 18);
    s.start_minute += 30;
    out.push_back(
        {"a one-off activity", s, {}, {}, "2026-03-01", "2026-03-31", {"2026-03-04 18:30"}});
    out.push_back(
        {"a one-off activity outside the window", s, {}, {}, "2026-03-05", "2026-03-31", {}});
    out.push_back({"a one-off activity moved",
                   s,
                   {},
                   {move("2026-03-04", "2026-03-11", 18)},
                   "2026-03-01",
                   "2026-03-31",
                   {"2026-03-11 18:00 moved from 2026-03-04"}});
  }
  out.push_back({"a window that ends before it starts is empty",
                 coffee,
                 {},
                 {},
                 "2026-03-08",
                 "2026-03-02",
                 {}});
  return out;
}

TEST(Activities, ExpandShowsTheOccurrencesOfEachCase) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(shown(expand(c.schedule, c.pauses, c.changes, day(c.from), day(c.to))), c.expected);
  }
}

TEST(Activities, TenOClockLocalMovesInUtcWhenTheClocksChange) {
  // 2026-03-29 and 2026-10-25 are the Sundays the clocks change.
  const auto spring = expand(series(Repeat::kBiweekly, "2026-03-15", 10), {}, {}, day("2026-03-15"),
                             day("2026-03-29"));
  ASSERT_EQ(spring.size(), 2u);
  EXPECT_EQ(spring[0].start % 86400, 9 * 3600);  // 10:00 CET
  EXPECT_EQ(spring[1].start % 86400, 8 * 3600);  // 10:00 CEST
  EXPECT_EQ(spring[1].start - spring[0].start, 14 * 86400 - 3600);
  EXPECT_EQ(spring[1].end - spring[1].start, 60 * 60);

  const auto autumn = expand(series(Repeat::kBiweekly, "2026-10-11", 10), {}, {}, day("2026-10-11"),
                             day("2026-10-25"));
  ASSERT_EQ(autumn.size(), 2u);
  EXPECT_EQ(autumn[0].start % 86400, 8 * 3600);
  EXPECT_EQ(autumn[1].start % 86400, 9 * 3600);
  EXPECT_EQ(autumn[1].start - autumn[0].start, 14 * 86400 + 3600);
}

TEST(Activities, AHugeWindowIsCutToThreeYears) {
  const auto all = expand(series(Repeat::kWeekly, "2026-01-05", 10), {}, {}, day("2026-01-05"),
                          day("2199-12-31"));
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.size(), static_cast<std::size_t>((kExpandMaxDays + 6) / 7));
  EXPECT_LT(all.back().day, day("2026-01-05") + kExpandMaxDays);
}

TEST(Activities, OneOccurrenceIsFoundByItsDateInTheSeries) {
  Schedule s = series(Repeat::kBiweekly, "2026-03-02", 10);
  s.until_day = day("2026-06-29");
  const std::vector<Pause> pauses = {{day("2026-04-13"), day("2026-04-26")}};
  const std::vector<OccurrenceChange> changes = {cancel("2026-03-16"),
                                                 move("2026-03-30", "2026-04-01", 14)};
  auto find = [&](const char* d) {
    auto o = occurrence_of(s, pauses, changes, day(d));
    return o ? shown({*o}) : std::vector<std::string>{};
  };
  EXPECT_EQ(find("2026-03-02"), std::vector<std::string>{"2026-03-02 10:00"});
  EXPECT_EQ(find("2026-03-16"), std::vector<std::string>{"2026-03-16 10:00 cancelled"});
  // Moved: still found by the date it had, with its new time (summer time by then).
  EXPECT_EQ(find("2026-03-30"), std::vector<std::string>{"2026-04-01 14:00 moved from 2026-03-30"});
  EXPECT_TRUE(find("2026-04-01").empty());   // not a date of the series
  EXPECT_TRUE(find("2026-03-09").empty());   // the week in between
  EXPECT_TRUE(find("2026-04-13").empty());   // paused
  EXPECT_TRUE(find("2026-02-16").empty());   // before the first
  EXPECT_TRUE(find("2026-07-13").empty());   // after the end
  EXPECT_FALSE(find("2026-06-22").empty());  // the last one before the end
}

TEST(Activities, RepeatCodesRoundTrip) {
  ASSERT_EQ(all_repeats().size(), 4u);
  for (Repeat r : all_repeats()) EXPECT_EQ(parse_repeat(repeat_code(r)), r);
  EXPECT_EQ(repeat_code(Repeat::kBiweekly), "biweekly");
  EXPECT_FALSE(parse_repeat("daily"));
  EXPECT_FALSE(parse_repeat(""));
}

TEST(Activities, ScheduleProblemNamesTheFirstProblem) {
  struct ProblemCase {
    const char* what;
    void (*change)(Schedule&);
    const char* expected;
  };
  const ProblemCase problems[] = {
      {"a sound schedule", [](Schedule&) {}, ""},
      {"start before midnight", [](Schedule& s) { s.start_minute = -1; },
       "error.activity.start_time"},
      {"start at 24:00", [](Schedule& s) { s.start_minute = 24 * 60; },
       "error.activity.start_time"},
      {"start at 23:59", [](Schedule& s) { s.start_minute = 24 * 60 - 1; }, ""},
      {"four minutes", [](Schedule& s) { s.duration_minutes = 4; }, "error.activity.duration"},
      {"five minutes", [](Schedule& s) { s.duration_minutes = 5; }, ""},
      {"twelve hours", [](Schedule& s) { s.duration_minutes = kDurationMaxMinutes; }, ""},
      {"longer than twelve hours",
       [](Schedule& s) { s.duration_minutes = kDurationMaxMinutes + 1; },
       "error.activity.duration"},
      {"until before start", [](Schedule& s) { s.until_day = s.first_day - 1; },
       "error.activity.until_before_start"},
      {"until on the first day", [](Schedule& s) { s.until_day = s.first_day; }, ""},
      {"fifth week of the month", [](Schedule& s) { s.week_of_month = 5; },
       "error.activity.week_of_month"},
      {"week zero of the month", [](Schedule& s) { s.week_of_month = 0; },
       "error.activity.week_of_month"},
      {"the last week of the month", [](Schedule& s) { s.week_of_month = kWeekOfMonthLast; }, ""},
      {"an eighth weekday", [](Schedule& s) { s.weekdays = 0x80; }, "error.activity.weekdays"},
      {"every day of the week", [](Schedule& s) { s.weekdays = 0x7f; }, ""},
      {"the first problem wins",
       [](Schedule& s) {
         s.duration_minutes = 0;
         s.weekdays = 0x100;
       },
       "error.activity.duration"},
  };
  for (const auto& p : problems) {
    SCOPED_TRACE(p.what);
    Schedule s = series(Repeat::kWeekly, "2026-03-02", 10, kMon);
    p.change(s);
    EXPECT_EQ(schedule_problem(s), p.expected);
  }
}

}  // namespace
}  // namespace meedoen
