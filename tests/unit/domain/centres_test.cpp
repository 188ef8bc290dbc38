// The drop-in's count: which +1 a -1 takes back, the counts of a day part, tap keys and day parts
// (domain/centres.hpp, domain/day_part.hpp).
#include "domain/centres.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

Tap tap(std::int64_t id, int delta, DayPart part = DayPart::kMorning, std::int64_t corrects = 0) {
  Tap t;
  t.id = TapId(id);
  t.delta = delta;
  t.part = part;
  t.corrects = TapId(corrects);
  return t;
}

TEST(Centres, AMinusOneTakesBackTheLatestPlusOneNotTakenBackYet) {
  EXPECT_FALSE(tap_to_correct({}));
  EXPECT_EQ(tap_to_correct({tap(1, 1), tap(2, 1)})->id, TapId(2));
  EXPECT_EQ(tap_to_correct({tap(1, 1), tap(2, 1), tap(3, -1, DayPart::kMorning, 2)})->id, TapId(1));
  EXPECT_FALSE(tap_to_correct({tap(1, 1), tap(2, -1, DayPart::kMorning, 1)}));
}

TEST(Centres, ATallyCountsItsDayPartWithEveryTag) {
  Tap first = tap(1, 1);
  first.tags.first_visit = true;
  first.tags.with_brigade = true;
  Tap second = tap(2, 1);
  second.tags.with_someone = true;
  Tap back = tap(3, -1, DayPart::kMorning, 1);
  back.tags = first.tags;  // a correction carries the tags of the tap it takes back
  const Tap afternoon = tap(4, 1, DayPart::kAfternoon);
  const std::vector<Tap> taps{first, second, back, afternoon};
  const Tally m = tally_of(DayPart::kMorning, taps);
  EXPECT_EQ(m.visitors, 1);
  EXPECT_EQ(m.first_visits, 0);
  EXPECT_EQ(m.with_brigade, 0);
  EXPECT_EQ(m.with_someone, 1);
  EXPECT_EQ(tally_of(DayPart::kAfternoon, taps).visitors, 1);
  EXPECT_EQ(tally_of(DayPart::kEvening, taps).visitors, 0);
}

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
