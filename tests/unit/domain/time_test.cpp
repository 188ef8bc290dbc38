#include "domain/time.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace meedoen {
namespace {

TEST(Time, ParsesAndFormatsLocalAmsterdamTime) {
  // 2026-11-23 10:00 CET is 09:00 UTC; 2026-07-01 10:00 CEST is 08:00 UTC.
  auto winter = parse_local_datetime("2026-11-23T10:00");
  ASSERT_TRUE(winter);
  EXPECT_EQ(format_datetime(*winter), "2026-11-23 10:00");
  EXPECT_EQ(*winter % 86400, 9 * 3600);
  auto summer = parse_local_datetime("2026-07-01T10:00");
  ASSERT_TRUE(summer);
  EXPECT_EQ(*summer % 86400, 8 * 3600);
  EXPECT_EQ(format_datetime_input(*summer), "2026-07-01T10:00");
}

TEST(Time, RejectsMalformedDates) {
  EXPECT_FALSE(parse_date("2026-02-30"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("26-1-1"));
  EXPECT_FALSE(parse_date("2026-01-01x"));
  EXPECT_FALSE(parse_local_datetime("2026-01-01T25:00"));
  EXPECT_TRUE(parse_date("2028-02-29"));
}

}  // namespace
}  // namespace meedoen

namespace meedoen {
namespace {

TEST(Time, StartOfLocalDayOnTheDaysTheClocksChange) {
  EXPECT_EQ(format_datetime(start_of_local_day(*parse_local_datetime("2026-03-29T23:30"))),
            "2026-03-29 00:00");
  EXPECT_EQ(format_datetime(start_of_local_day(*parse_local_datetime("2026-10-25T23:30"))),
            "2026-10-25 00:00");
  EXPECT_EQ(format_datetime(start_of_local_day(*parse_local_datetime("2026-11-23T09:00"))),
            "2026-11-23 00:00");
}

}  // namespace
}  // namespace meedoen

namespace meedoen {
namespace {

std::string utc(Timestamp t) {
  const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const auto secs = t - days * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(secs / 3600),
                static_cast<int>(secs % 3600 / 60));
  return format_days(days) + "T" + buf + "Z";
}

TEST(Time, LocalTimestampOnTheDaysTheClocksChange) {
  struct Case {
    const char* day;
    int minute;
    const char* expected_utc;
  };
  const Case cases[] = {
      {"2026-11-23", 10 * 60, "2026-11-23T09:00Z"},
      {"2026-07-01", 10 * 60, "2026-07-01T08:00Z"},
      {"2026-03-29", 0, "2026-03-28T23:00Z"},
      {"2026-03-29", 1 * 60 + 59, "2026-03-29T00:59Z"},
      {"2026-03-29", 2 * 60 + 30, "2026-03-29T01:30Z"},  // does not exist: read as 03:30 CEST
      {"2026-03-29", 3 * 60, "2026-03-29T01:00Z"},
      {"2026-03-29", 10 * 60, "2026-03-29T08:00Z"},
      {"2026-10-25", 0, "2026-10-24T22:00Z"},
      {"2026-10-25", 1 * 60 + 59, "2026-10-24T23:59Z"},
      {"2026-10-25", 2 * 60 + 30, "2026-10-25T00:30Z"},  // twice: the first, summer-time one
      {"2026-10-25", 3 * 60, "2026-10-25T02:00Z"},
      {"2026-10-25", 10 * 60, "2026-10-25T09:00Z"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.day) + " minute " + std::to_string(c.minute));
    EXPECT_EQ(utc(local_timestamp(*parse_date(c.day), c.minute)), c.expected_utc);
  }
  EXPECT_EQ(format_datetime(local_timestamp(*parse_date("2026-03-29"), 2 * 60 + 30)),
            "2026-03-29 03:30");
}

TEST(Time, LocalTimestampAndLocalDaysRoundTrip) {
  const std::int64_t first = *parse_date("2025-12-25"), last = *parse_date("2027-01-05");
  for (std::int64_t d = first; d <= last; ++d) {
    for (int minute : {0, 59, 60, 150, 179, 600, 1439}) {
      const Timestamp t = local_timestamp(d, minute);
      ASSERT_EQ(local_days(t), d) << format_days(d) << " minute " << minute;
      char hm[16];
      std::snprintf(hm, sizeof hm, "%02d:%02d", minute / 60, minute % 60);
      const bool skipped = format_days(d) == "2026-03-29" && minute >= 120 && minute < 180;
      if (!skipped) {
        ASSERT_EQ(format_datetime(t), format_days(d) + " " + hm);
      }
      // parse_local_datetime reads the repeated autumn hour as winter time, local_timestamp as
      // summer time.
      const bool repeated = format_days(d) == "2026-10-25" && minute >= 120 && minute < 180;
      if (!repeated) {
        ASSERT_EQ(parse_local_datetime(format_datetime_input(t)), t);
      }
    }
  }
  EXPECT_EQ(local_days(-1), 0);  // 1970-01-01 00:59:59 CET
  EXPECT_EQ(local_days(*parse_local_datetime("2026-10-25T00:00")), *parse_date("2026-10-25"));
  EXPECT_EQ(local_days(*parse_local_datetime("2026-10-25T00:00") - 1), *parse_date("2026-10-24"));
  EXPECT_EQ(local_days(*parse_local_datetime("2026-03-29T00:00") - 1), *parse_date("2026-03-28"));
}

}  // namespace
}  // namespace meedoen
