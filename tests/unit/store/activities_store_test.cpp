// The activities' store: an activity with its schedule, pauses and changed occurrences, listed per
// centre (store/activities_store.hpp).
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class ActivitiesStoreContract : public StoreContract {
 protected:
  CentreId centre(const World& w) {
    return committed([&](Tx& tx) {
      Centre c;
      c.wijk_id = w.wijk;
      c.name = "Matilo";
      c.updated_at = kT0;
      return tx.centres().insert_centre(c);
    });
  }

  static Activity activity_of(CentreId centre, UserId by, const std::string& title,
                              std::int64_t first_day) {
    Activity a;
    a.centre_id = centre;
    a.title = title;
    a.description = "Koffie en de krant";
    a.for_whom = "Iedereen";
    a.schedule.first_day = first_day;
    a.schedule.start_minute = 600;
    a.schedule.duration_minutes = 90;
    a.schedule.repeat = Repeat::kBiweekly;
    a.schedule.weekdays = weekday_bit(0) | weekday_bit(2);
    a.schedule.until_day = first_day + 100;
    a.signup = true;
    a.capacity = 8;
    a.organiser = "Ans";
    a.show_organiser = true;
    a.status = ActivityStatus::kApproved;
    a.created_by = by;
    a.created_at = a.updated_at = kT0;
    return a;
  }
};

TEST_P(ActivitiesStoreContract, AnActivityKeepsItsScheduleAndDetails) {
  const World w = world();
  const CentreId c = centre(w);
  Activity a = activity_of(c, w.user, "Koffie", 20412);
  a.pauses = {{20420, 20430}};
  a.changes = {OccurrenceChange{20412, true, 0, 0}};
  const auto id = committed([&](Tx& tx) { return tx.activities().insert_activity(a); });
  auto got = read()->activities().get_activity(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->title, "Koffie");
  EXPECT_EQ(got->centre_id, c);
  EXPECT_EQ(got->schedule.first_day, 20412);
  EXPECT_EQ(got->schedule.start_minute, 600);
  EXPECT_EQ(got->schedule.duration_minutes, 90);
  EXPECT_EQ(got->schedule.repeat, Repeat::kBiweekly);
  EXPECT_EQ(got->schedule.weekdays, weekday_bit(0) | weekday_bit(2));
  EXPECT_EQ(got->schedule.until_day, 20512);
  EXPECT_TRUE(got->signup);
  EXPECT_EQ(got->capacity, 8);
  EXPECT_EQ(got->organiser, "Ans");
  EXPECT_TRUE(got->show_organiser);
  EXPECT_EQ(got->status, ActivityStatus::kApproved);
  ASSERT_EQ(got->pauses.size(), 1u);
  EXPECT_EQ(got->pauses[0].to_day, 20430);
  ASSERT_EQ(got->changes.size(), 1u);
  EXPECT_TRUE(got->changes[0].cancelled);

  // A later change of the same occurrence replaces the earlier one.
  committed([&](Tx& tx) {
    tx.activities().set_change(id, OccurrenceChange{20412, false, 20413, 660}, kT0 + 60);
  });
  got = read()->activities().get_activity(id);
  ASSERT_EQ(got->changes.size(), 1u);
  EXPECT_FALSE(got->changes[0].cancelled);
  EXPECT_EQ(got->changes[0].moved_day, 20413);
  EXPECT_EQ(got->changes[0].moved_start_minute, 660);
  EXPECT_EQ(got->updated_at, kT0 + 60);
  EXPECT_FALSE(read()->activities().get_activity(ActivityId(id.value + 9)));
}

TEST_P(ActivitiesStoreContract, AListShowsTheCalendarOrProposalsToo) {
  const World w = world();
  const CentreId c = centre(w);
  Activity later = activity_of(c, w.user, "Later", 20420);
  Activity proposal = activity_of(c, w.user, "Voorstel", 20400);
  proposal.status = ActivityStatus::kProposed;
  proposal.updated_at = kT0 + 500;
  Activity early = activity_of(c, w.user, "Vroeg", 20410);
  early.pauses = {{20411, 20412}, {20450, 20460}};
  const auto ids = committed([&](Tx& tx) {
    return std::vector<ActivityId>{tx.activities().insert_activity(later),
                                   tx.activities().insert_activity(proposal),
                                   tx.activities().insert_activity(early)};
  });
  const auto calendar = read()->activities().list_activities(c, true);
  EXPECT_EQ(ids_of(calendar), (std::vector<ActivityId>{ids[2], ids[0]})) << "by first day";
  ASSERT_EQ(calendar[0].pauses.size(), 2u);
  EXPECT_TRUE(calendar[1].pauses.empty());
  EXPECT_EQ(ids_of(read()->activities().list_activities(c, false)),
            (std::vector<ActivityId>{ids[1], ids[2], ids[0]}));
  EXPECT_EQ(read()->activities().activities_changed_at(c), kT0) << "proposals do not count";

  committed([&](Tx& tx) {
    tx.activities().set_activity_status(ids[1], ActivityStatus::kApproved, kT0 + 900);
  });
  EXPECT_EQ(read()->activities().list_activities(c, true).size(), 3u);
  EXPECT_EQ(read()->activities().activities_changed_at(c), kT0 + 900);
  committed([&](Tx& tx) { tx.activities().add_pause(ids[0], {20500, 20510}, kT0 + 950); });
  EXPECT_EQ(read()->activities().get_activity(ids[0])->pauses.size(), 1u);
  EXPECT_EQ(read()->activities().activities_changed_at(c), kT0 + 950);
  EXPECT_TRUE(read()->activities().list_activities(CentreId(c.value + 1), false).empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(ActivitiesStoreContract);

}  // namespace meedoen::testing
