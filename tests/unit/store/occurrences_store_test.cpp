// The store of one occurrence: its sign-ups with their cancel links, and its attendance
// (store/occurrences_store.hpp).
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class OccurrencesStoreContract : public StoreContract {
 protected:
  ActivityId activity(const World& w) {
    return committed([&](Tx& tx) {
      Centre c;
      c.wijk_id = w.wijk;
      c.name = "Matilo";
      c.updated_at = kT0;
      Activity a;
      a.centre_id = tx.centres().insert_centre(c);
      a.title = "Maaltijd";
      a.schedule.first_day = 20412;
      a.schedule.start_minute = 1020;
      a.schedule.repeat = Repeat::kWeekly;
      a.signup = true;
      a.capacity = 2;
      a.created_by = w.user;
      a.created_at = a.updated_at = kT0;
      return tx.activities().insert_activity(a);
    });
  }

  static Signup signup_of(ActivityId a, std::int64_t day, const std::string& name, UserId by,
                          Timestamp at) {
    Signup s;
    s.activity_id = a;
    s.day = day;
    s.name = name;
    s.by = by;
    s.created_at = at;
    return s;
  }
};

TEST_P(OccurrencesStoreContract, SignupsAreKeptPerOccurrenceInTheOrderTheyCame) {
  const World w = world();
  const ActivityId a = activity(w);
  const auto ids = committed([&](Tx& tx) {
    tx.occurrences().lock_activity(a);
    std::vector<SignupId> out;
    out.push_back(tx.occurrences().insert_signup(signup_of(a, 20419, "Bo", w.user, kT0 + 20), ""));
    out.push_back(tx.occurrences().insert_signup(signup_of(a, 20419, "Ans", UserId(), kT0 + 10),
                                                 "digest-ans"));
    out.push_back(tx.occurrences().insert_signup(signup_of(a, 20426, "Cas", w.user, kT0 + 5), ""));
    return out;
  });
  auto list = read()->occurrences().signups_of(a, 20419);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "Ans");
  EXPECT_EQ(list[0].by, UserId());
  EXPECT_EQ(list[1].name, "Bo");
  EXPECT_EQ(list[1].by, w.user);
  EXPECT_EQ(list[1].day, 20419);
  EXPECT_EQ(list[1].activity_id, a);
  EXPECT_EQ(list[1].created_at, kT0 + 20);
  EXPECT_EQ(list[1].cancelled_at, 0);

  auto by_token = read()->occurrences().signup_by_token("digest-ans");
  ASSERT_TRUE(by_token);
  EXPECT_EQ(by_token->id, ids[1]);
  EXPECT_FALSE(read()->occurrences().signup_by_token("digest-other"));
  EXPECT_FALSE(read()->occurrences().signup_by_token(""));

  EXPECT_EQ(read()->occurrences().standing_counts(a, 20400, 20440),
            (std::map<std::int64_t, int>{{20419, 2}, {20426, 1}}));
  EXPECT_EQ(read()->occurrences().standing_counts(a, 20420, 20440),
            (std::map<std::int64_t, int>{{20426, 1}}));
  EXPECT_EQ(read()->occurrences().signups_changed_at(a), kT0 + 20);
}

TEST_P(OccurrencesStoreContract, ACancelledSignupStopsCountingOnce) {
  const World w = world();
  const ActivityId a = activity(w);
  const auto id = committed([&](Tx& tx) {
    return tx.occurrences().insert_signup(signup_of(a, 20419, "Ans", w.user, kT0), "");
  });
  EXPECT_TRUE(committed([&](Tx& tx) { return tx.occurrences().cancel_signup(id, kT0 + 60); }));
  EXPECT_FALSE(committed([&](Tx& tx) { return tx.occurrences().cancel_signup(id, kT0 + 90); }));
  EXPECT_EQ(read()->occurrences().get_signup(id)->cancelled_at, kT0 + 60);
  EXPECT_TRUE(read()->occurrences().standing_counts(a, 20400, 20440).empty());
  EXPECT_EQ(read()->occurrences().signups_of(a, 20419).size(), 1u);
  EXPECT_EQ(read()->occurrences().signups_changed_at(a), kT0 + 60);
  EXPECT_FALSE(read()->occurrences().get_signup(SignupId(id.value + 100)));
  EXPECT_EQ(read()->occurrences().signups_changed_at(ActivityId(a.value + 1)), 0);
}

TEST_P(OccurrencesStoreContract, ALaterAttendanceCountReplacesTheFirst) {
  const World w = world();
  const ActivityId a = activity(w);
  EXPECT_FALSE(read()->occurrences().attendance_of(a, 20419));
  committed([&](Tx& tx) { tx.occurrences().put_attendance({a, 20419, 12, {}, w.user, kT0}); });
  committed([&](Tx& tx) { tx.occurrences().put_attendance({a, 20419, 14, {}, w.user, kT0 + 30}); });
  committed([&](Tx& tx) { tx.occurrences().put_attendance({a, 20426, 9, {}, w.user, kT0 + 40}); });
  auto got = read()->occurrences().attendance_of(a, 20419);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->count, 14);
  EXPECT_EQ(got->recorded_by, w.user);
  EXPECT_EQ(got->recorded_at, kT0 + 30);
  EXPECT_EQ(read()->occurrences().attendance_of(a, 20426)->count, 9);
}

}  // namespace

MEEDOEN_STORE_CONTRACT(OccurrencesStoreContract);

}  // namespace meedoen::testing
