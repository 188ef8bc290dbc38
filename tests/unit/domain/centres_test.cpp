// The drop-in's tap keys and day parts (domain/centres.hpp, domain/day_part.hpp); the counts
// themselves are the store's (centres_store_test.cpp).
#include "domain/centres.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

TEST(Centres, ATapKeyIsEightToSixtyFourSafeCharacters) {
  EXPECT_TRUE(valid_tap_key("abcdEFGH"));
  EXPECT_TRUE(valid_tap_key("t0123456789abcdef-_"));
  EXPECT_TRUE(valid_tap_key(std::string(64, 'a')));
  EXPECT_FALSE(valid_tap_key("short"));
  EXPECT_FALSE(valid_tap_key(std::string(65, 'a')));
  EXPECT_FALSE(valid_tap_key("abcd efgh"));
  EXPECT_FALSE(valid_tap_key("abcd'efgh"));
  EXPECT_FALSE(valid_tap_key(""));
}

TEST(Centres, TheDayPartFollowsTheLocalTimeOfDay) {
  EXPECT_EQ(day_part_at(0), DayPart::kMorning);
  EXPECT_EQ(day_part_at(11 * 60 + 59), DayPart::kMorning);
  EXPECT_EQ(day_part_at(12 * 60), DayPart::kAfternoon);
  EXPECT_EQ(day_part_at(16 * 60 + 59), DayPart::kAfternoon);
  EXPECT_EQ(day_part_at(17 * 60), DayPart::kEvening);
  // 2026-07-01 10:30 in Amsterdam is 08:30 UTC (summer time).
  EXPECT_EQ(day_part_of(1782894600), DayPart::kMorning);
  EXPECT_EQ(day_part_of(1782894600 + 4 * 3600), DayPart::kAfternoon);
  for (auto p : all_day_parts()) EXPECT_EQ(parse_day_part(to_string(p)), p);
  EXPECT_FALSE(parse_day_part("night"));
  Centre c;
  c.rooms = {{RoomId(4), "Huiskamer", 30}};
  EXPECT_EQ(c.room(RoomId(4))->name, "Huiskamer");
  EXPECT_EQ(c.room(RoomId(5)), nullptr);
}

}  // namespace
}  // namespace meedoen
