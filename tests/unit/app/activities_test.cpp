// The activities of a centre (app/activities.hpp): a host keeps them, a visitor's proposal reaches
// the public calendar only once approved, the public sees an organiser's name only when they want
// it, and an occurrence cancelled, moved or paused shows as such.
#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class ActivitiesTest : public CentreTest {
 protected:
  // Coffee on weekdays at 10:00 from Monday 2026-11-23 (the fixture's today).
  ActivityInput coffee() {
    ActivityInput in;
    in.title = "Koffie-ochtend";
    in.room = std::to_string(room_.value);
    in.first_date = "2026-11-23";
    in.start_time = "10:00";
    in.duration_minutes = "120";
    in.repeat = "weekly";
    in.weekdays = {"0", "1", "2", "3", "4"};
    return in;
  }
};

TEST_F(ActivitiesTest, AWeeklySeriesFillsThisWeekAndNext) {
  auto id = app_->activities().create(greet_, matilo_, coffee());
  ASSERT_TRUE(id.ok()) << id.error().message_key << " " << id.error().field;
  auto cal = app_->activities().public_calendar(matilo_);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(format_days(cal->from_day), "2026-11-23");
  EXPECT_EQ(format_days(cal->to_day), "2026-12-06");
  ASSERT_EQ(cal->entries.size(), 10u);
  EXPECT_EQ(format_datetime(cal->entries[0].occurrence.start), "2026-11-23 10:00");
  EXPECT_EQ(cal->entries[0].room, "Huiskamer");
  EXPECT_EQ(format_datetime(cal->entries[9].occurrence.end), "2026-12-04 12:00");
  EXPECT_GT(cal->changed_at, 0);
}

TEST_F(ActivitiesTest, OnlyItsHostsKeepACentresActivities) {
  EXPECT_EQ(app_->activities().create(karim_, matilo_, coffee()).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app_->activities().create(gp_, matilo_, coffee()).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->activities().list(karim_, matilo_).error().kind, ErrorKind::kForbidden);
  auto id = app_->activities().create(greet_, matilo_, coffee());
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(app_->activities().cancel_occurrence(karim_, *id, "2026-11-24").error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app_->activities().public_calendar(CentreId(999)).error().kind, ErrorKind::kNotFound);
}

TEST_F(ActivitiesTest, AProposalIsOnTheCalendarOnlyOnceApproved) {
  ActivityInput in = coffee();
  in.title = "Breigroep";
  in.repeat = "once";
  in.weekdays.clear();
  in.first_date = "2026-11-27";
  in.organiser = "Ans";
  in.proposal = true;
  auto id = app_->activities().create(greet_, matilo_, in);
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(app_->activities().public_calendar(matilo_)->entries.empty());
  EXPECT_EQ(app_->activities().public_activity(*id).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->activities().list(greet_, matilo_)->front().status, ActivityStatus::kProposed);
  ASSERT_TRUE(app_->activities().decide(greet_, *id, true).ok());
  EXPECT_EQ(app_->activities().decide(greet_, *id, false).error().message_key,
            "error.activity.decided");
  auto cal = app_->activities().public_calendar(matilo_);
  ASSERT_EQ(cal->entries.size(), 1u);
  EXPECT_EQ(cal->entries[0].activity->organiser, "") << "Ans did not ask to be named";
}

TEST_F(ActivitiesTest, TheOrganiserIsNamedOnlyWhenTheyWantIt) {
  ActivityInput in = coffee();
  in.organiser = "Ans";
  in.show_organiser = true;
  ASSERT_TRUE(app_->activities().create(greet_, matilo_, in).ok());
  in.title = "Zonder naam";
  in.show_organiser = false;
  ASSERT_TRUE(app_->activities().create(greet_, matilo_, in).ok());
  auto cal = app_->activities().public_calendar(matilo_);
  ASSERT_EQ(cal->activities.size(), 2u);
  EXPECT_EQ(cal->activities[0].organiser, "Ans");
  EXPECT_EQ(cal->activities[1].organiser, "");
  EXPECT_EQ(app_->activities().list(greet_, matilo_)->at(1).organiser, "Ans")
      << "the host still knows who organises it";
}

TEST_F(ActivitiesTest, AnOccurrenceIsCancelledMovedOrPaused) {
  auto id = app_->activities().create(greet_, matilo_, coffee());
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(app_->activities().cancel_occurrence(greet_, *id, "2026-11-24").ok());
  ASSERT_TRUE(
      app_->activities().move_occurrence(greet_, *id, "2026-11-25", "2026-11-29", "14:00").ok());
  ASSERT_TRUE(app_->activities().pause(greet_, *id, "2026-12-01", "2026-12-03").ok());
  auto cal = app_->activities().public_calendar(matilo_);
  ASSERT_TRUE(cal.ok());
  std::vector<std::string> seen;
  for (const auto& e : cal->entries)
    seen.push_back(format_datetime(e.occurrence.start) + (e.occurrence.cancelled ? " x" : "") +
                   (e.occurrence.moved ? " m" : ""));
  EXPECT_EQ(seen,
            (std::vector<std::string>{"2026-11-23 10:00", "2026-11-24 10:00 x", "2026-11-26 10:00",
                                      "2026-11-27 10:00", "2026-11-29 14:00 m", "2026-11-30 10:00",
                                      "2026-12-04 10:00"}));
  EXPECT_EQ(app_->activities().cancel_occurrence(greet_, *id, "2026-11-28").error().message_key,
            "error.activity.no_occurrence")
      << "a Saturday is no occurrence";
  EXPECT_EQ(app_->activities().pause(greet_, *id, "2026-12-03", "2026-12-01").error().field, "to");
  EXPECT_EQ(app_->activities().cancel_occurrence(greet_, *id, "morgen").error().field, "date");
}

TEST_F(ActivitiesTest, EveryProblemOfTheFormIsNamed) {
  ActivityInput in;
  in.repeat = "daily";
  in.room = "999";
  auto bad = app_->activities().create(greet_, matilo_, in);
  ASSERT_FALSE(bad.ok());
  std::set<std::string> fields;
  for (const auto& [f, key] : bad.error().fields) fields.insert(f);
  EXPECT_EQ(fields, (std::set<std::string>{"title", "room", "first_date", "start_time",
                                           "duration_minutes", "repeat"}));
  in = coffee();
  in.until_date = "2026-11-01";
  EXPECT_EQ(app_->activities().create(greet_, matilo_, in).error().message_key,
            "error.activity.until_before_start");
  in = coffee();
  in.signup = true;
  in.capacity = "0";
  EXPECT_EQ(app_->activities().create(greet_, matilo_, in).error().field, "capacity");
  in = coffee();
  in.title = std::string(81, 'x');
  EXPECT_EQ(app_->activities().create(greet_, matilo_, in).error().message_key, "error.too_long");
}

}  // namespace
}  // namespace meedoen::testing
