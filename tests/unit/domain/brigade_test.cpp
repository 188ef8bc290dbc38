#include "domain/brigade.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/entities.hpp"

namespace meedoen {
namespace {

// The outcome state machine as a table: from × to → allowed.
TEST(Outcome, TransitionTable) {
  using O = Outcome;
  struct Row {
    O from, to;
    bool ok;
  };
  const Row rows[] = {
      {O::kOpen, O::kContact, true},
      {O::kOpen, O::kCameAlong, true},
      {O::kOpen, O::kReferredWijkteam, true},
      {O::kOpen, O::kDeclined, true},
      {O::kOpen, O::kUnreachable, true},
      {O::kOpen, O::kClosed, true},
      {O::kContact, O::kCameAlong, true},
      {O::kContact, O::kReferredOther, true},
      {O::kCameAlong, O::kReferredWijkteam, true},
      {O::kCameAlong, O::kContact, true},
      {O::kReferredWijkteam, O::kCameAlong, true},
      {O::kReferredOther, O::kDeclined, true},
      {O::kUnreachable, O::kContact, true},
      {O::kUnreachable, O::kClosed, true},
      {O::kUnreachable, O::kDeclined, false},
      {O::kDeclined, O::kContact, false},
      {O::kDeclined, O::kClosed, true},
      {O::kClosed, O::kContact, false},
      {O::kClosed, O::kClosed, false},
      {O::kContact, O::kContact, false},
      {O::kContact, O::kOpen, false},
      {O::kOpen, O::kOpen, false},
  };
  for (const auto& r : rows)
    EXPECT_EQ(outcome_transition(r.from, r.to).ok(), r.ok)
        << to_string(r.from) << " -> " << to_string(r.to);
}

TEST(Outcome, CodesRoundTrip) {
  for (auto o : all_outcomes()) EXPECT_EQ(parse_outcome(to_string(o)), o);
  EXPECT_FALSE(parse_outcome("weg").has_value());
  EXPECT_TRUE(outcome_is_final(Outcome::kClosed));
  EXPECT_FALSE(outcome_is_final(Outcome::kDeclined));
}

// A resident may prefer any gender a resident can have, but not "unknown".
TEST(Genders, APreferenceIsAnyGenderButUnknown) {
  std::vector<std::string> expected;
  for (const char* g : kGenders)
    if (std::string(g) != "unknown") expected.emplace_back(g);
  EXPECT_EQ(std::vector<std::string>(std::begin(kPreferredGenders), std::end(kPreferredGenders)),
            expected);
}

TEST(Visit, OnlyContactAndAShortTalkCountAsContact) {
  EXPECT_TRUE(made_contact(VisitResult::kContact));
  EXPECT_TRUE(made_contact(VisitResult::kShortTalk));
  EXPECT_FALSE(made_contact(VisitResult::kNotHome));
  EXPECT_FALSE(made_contact(VisitResult::kNoAnswer));
  EXPECT_FALSE(made_contact(VisitResult::kRefused));
  for (auto r : all_visit_results()) EXPECT_EQ(parse_visit_result(to_string(r)), r);
}

TEST(Checkin, IsOverdueOnlyAfterTheGraceTime) {
  Checkin c;
  c.started_at = 1000;
  c.expected_back = 1000 + 3600;
  EXPECT_FALSE(c.overdue(1000 + 3600 + 15 * 60, 15));
  EXPECT_TRUE(c.overdue(1000 + 3600 + 15 * 60 + 1, 15));
  c.ended_at = 5000;
  EXPECT_FALSE(c.overdue(1000000, 15)) << "checked out: never overdue";
}

TEST(Availability, WindowFollowsUrgency) {
  EXPECT_LT(availability_window_days(Urgency::kUrgent), availability_window_days(Urgency::kSoon));
  EXPECT_LT(availability_window_days(Urgency::kSoon), availability_window_days(Urgency::kNormal));
}

TEST(Week, StartsOnMondayLocalTimeAcrossSummerTime) {
  // Thursday 26 March 2026 lies in the week that turns to summer time on Sunday 29 March.
  const Timestamp thu = *parse_local_datetime("2026-03-26T15:00");
  EXPECT_EQ(format_datetime(start_of_local_week(thu)), "2026-03-23 00:00");
  const Timestamp sun = *parse_local_datetime("2026-03-29T23:30");
  EXPECT_EQ(format_datetime(start_of_local_week(sun)), "2026-03-23 00:00");
  const Timestamp mon = *parse_local_datetime("2026-11-23T00:00");
  EXPECT_EQ(format_datetime(start_of_local_week(mon)), "2026-11-23 00:00");
  EXPECT_EQ(weekday_of_days(*parse_date("2026-11-23")), 0);
  EXPECT_EQ(weekday_of_days(*parse_date("2026-11-29")), 6);
  EXPECT_EQ(format_days(*parse_date("2024-02-29")), "2024-02-29");
}

}  // namespace
}  // namespace meedoen
