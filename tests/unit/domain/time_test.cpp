#include "domain/time.hpp"

#include <gtest/gtest.h>

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
