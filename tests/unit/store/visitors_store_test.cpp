// The known visitors of a centre with their check-ins, and their consents
// (store/visitors_store.hpp, store/consents_store.hpp).
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class VisitorsStoreContract : public StoreContract {
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

  VisitorId visitor(const World& w, CentreId c, const std::string& name) {
    return committed([&](Tx& tx) {
      Visitor v;
      v.centre_id = c;
      v.name = name;
      v.created_by = w.user;
      v.created_at = kT0;
      return tx.visitors().insert_visitor(v);
    });
  }

  TapId tap(const World& w, CentreId c, VisitorId v, std::int64_t day, const std::string& key,
            int delta = 1, TapId corrects = TapId()) {
    return committed([&](Tx& tx) {
      Tap t;
      t.centre_id = c;
      t.day = day;
      t.part = DayPart::kMorning;
      t.delta = delta;
      t.corrects = corrects;
      t.visitor = v;
      t.key = key;
      t.by = w.user;
      t.at = kT0;
      return tx.centres().insert_tap(t);
    });
  }
};

TEST_P(VisitorsStoreContract, AKnownVisitorHasTheirCheckInsAndTheCountKnowsThem) {
  const World w = world();
  const CentreId c = centre(w);
  const VisitorId ans = visitor(w, c, "Ans");
  const VisitorId bo = visitor(w, c, "bo");
  tap(w, c, ans, 20410, "key-ans-01");
  tap(w, c, ans, 20415, "key-ans-02");
  tap(w, c, VisitorId(), 20415, "key-anon-1");
  const TapId bo_in = tap(w, c, bo, 20415, "key-bo-001");
  tap(w, c, bo, 20415, "key-bo-002", -1, bo_in);  // taken back

  auto list = read()->visitors().known_visitors(c, 20415);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].visitor.name, "Ans");
  EXPECT_EQ(list[0].visits, 2);
  EXPECT_EQ(list[0].first_day, 20410);
  EXPECT_EQ(list[0].last_day, 20415);
  EXPECT_TRUE(list[0].in_today);
  EXPECT_EQ(list[1].visitor.name, "bo");
  EXPECT_EQ(list[1].visits, 0);
  EXPECT_FALSE(list[1].in_today);
  EXPECT_TRUE(read()->visitors().checked_in(ans, 20415, DayPart::kMorning));
  EXPECT_FALSE(read()->visitors().checked_in(ans, 20415, DayPart::kAfternoon));
  EXPECT_FALSE(read()->visitors().checked_in(bo, 20415, DayPart::kMorning));

  auto tallies = read()->centres().tallies_of_day(c, 20415);
  ASSERT_EQ(tallies.size(), 1u);
  EXPECT_EQ(tallies[0].visitors, 2);  // Ans and the anonymous one; Bo was taken back
  EXPECT_EQ(tallies[0].known, 1);
}

TEST_P(VisitorsStoreContract, ANameIsTakenOncePerCentreWhateverTheCase) {
  const World w = world();
  const CentreId c = centre(w);
  visitor(w, c, "Ans de Wit");
  EXPECT_TRUE(read()->visitors().name_taken(c, " ans  DE wit"));
  EXPECT_FALSE(read()->visitors().name_taken(c, "Ans"));
  auto tx = write();
  Visitor twin;
  twin.centre_id = c;
  twin.name = "ANS de wit";
  twin.created_by = w.user;
  EXPECT_ANY_THROW(tx->visitors().insert_visitor(twin));
}

TEST_P(VisitorsStoreContract, AForgottenVisitorLosesTheNameAndTheirVisitsStayAsCounts) {
  const World w = world();
  const CentreId c = centre(w);
  const VisitorId ans = visitor(w, c, "Ans");
  tap(w, c, ans, 20415, "key-ans-01");
  committed([&](Tx& tx) { tx.visitors().forget_visitor(ans, kT0 + 60); });

  const auto v = read()->visitors().get_visitor(ans);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->name, "");
  EXPECT_FALSE(v->known());
  EXPECT_EQ(v->ended_at, kT0 + 60);
  EXPECT_TRUE(read()->visitors().known_visitors(c, 20415).empty());
  EXPECT_FALSE(read()->visitors().name_taken(c, "Ans"));
  auto taps = read()->centres().taps_of_day(c, 20415);
  ASSERT_EQ(taps.size(), 1u);
  EXPECT_EQ(taps[0].visitor, VisitorId());
  EXPECT_EQ(read()->centres().tallies_of_day(c, 20415).at(0).visitors, 1);
  EXPECT_EQ(read()->centres().tallies_of_day(c, 20415).at(0).known, 0);
  visitor(w, c, "Ans");  // the name is free again
}

TEST_P(VisitorsStoreContract, TheActivitiesAVisitorCameToAreCountedUntilTheyAreForgotten) {
  const World w = world();
  const CentreId c = centre(w);
  const VisitorId ans = visitor(w, c, "Ans");
  const VisitorId bo = visitor(w, c, "Bo");
  const ActivityId knit = committed([&](Tx& tx) {
    Activity a;
    a.centre_id = c;
    a.title = "Breigroep";
    a.schedule.first_day = 20412;
    a.schedule.start_minute = 840;
    a.schedule.repeat = Repeat::kWeekly;
    a.created_by = w.user;
    a.created_at = a.updated_at = kT0;
    return tx.activities().insert_activity(a);
  });
  committed([&](Tx& tx) {
    tx.occurrences().put_attendance({knit, 20412, 6, {ans, bo}, w.user, kT0});
  });
  committed([&](Tx& tx) { tx.occurrences().put_attendance({knit, 20419, 5, {ans}, w.user, kT0}); });
  // A second count of the same afternoon replaces who came, too.
  committed([&](Tx& tx) { tx.occurrences().put_attendance({knit, 20412, 7, {ans}, w.user, kT0}); });
  EXPECT_EQ(read()->occurrences().attendance_of(knit, 20412)->visitors,
            std::vector<VisitorId>{ans});
  EXPECT_EQ(read()->visitors().visits_of(ans, 20419)->activities, 2);
  EXPECT_EQ(read()->visitors().visits_of(bo, 20419)->activities, 0);
  EXPECT_EQ(read()->visitors().known_visitors(c, 20419).at(0).activities, 2);
  // Their days: the check-ins (one taken back) and the activities, from the day asked on.
  tap(w, c, ans, 20412, "key-ans-day1");
  const TapId wrong = tap(w, c, ans, 20413, "key-ans-day2");
  tap(w, c, ans, 20413, "key-ans-day3", -1, wrong);
  tap(w, c, ans, 20400, "key-ans-day0");  // before
  const auto days = read()->visitors().days_of(ans, 20410);
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].day, 20412);
  EXPECT_EQ(days[0].visits, 1);
  EXPECT_EQ(days[0].activities, 1);
  EXPECT_EQ(days[1].day, 20413);
  EXPECT_EQ(days[1].visits, 0) << "taken back";
  EXPECT_EQ(days[2].day, 20419);
  EXPECT_EQ(days[2].visits, 0);
  EXPECT_EQ(days[2].activities, 1);

  committed([&](Tx& tx) { tx.visitors().forget_visitor(ans, kT0 + 60); });
  EXPECT_TRUE(read()->occurrences().attendance_of(knit, 20419)->visitors.empty());
  EXPECT_EQ(read()->occurrences().attendance_of(knit, 20419)->count, 5);  // the count stays
  EXPECT_EQ(read()->visitors().visits_of(ans, 20419)->activities, 0);
  for (const auto& d : read()->visitors().days_of(ans, 0))
    EXPECT_EQ(d.activities, 0) << "forgotten: in no activity any more";
}

TEST_P(VisitorsStoreContract, AConsentIsKeptAndWithdrawnOnce) {
  const World w = world();
  const CentreId c = centre(w);
  const VisitorId ans = visitor(w, c, "Ans");
  ConsentRecord k;
  k.visitor = ans;
  k.recipient = "centre:" + std::to_string(c.value);
  k.given_by = "representative";
  k.form = ConsentForm::kWritten;
  k.text_version = 1;
  k.recorded_by = w.user;
  k.given_at = kT0;
  const auto id = committed([&](Tx& tx) { return tx.consents().insert_consent(k); });
  auto list = read()->consents().consents_of_visitor(ans);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, id);
  EXPECT_EQ(list[0].purpose, ConsentPurpose::kKnownAtCentre);
  EXPECT_EQ(list[0].given_by, "representative");
  EXPECT_EQ(list[0].form, ConsentForm::kWritten);
  EXPECT_EQ(list[0].text_version, 1);
  EXPECT_TRUE(list[0].in_force());
  EXPECT_TRUE(
      committed([&](Tx& tx) { return tx.consents().withdraw_consent(id, kT0 + 5, w.user); }));
  EXPECT_FALSE(
      committed([&](Tx& tx) { return tx.consents().withdraw_consent(id, kT0 + 9, w.user); }));
  const auto got = read()->consents().get_consent(id);
  ASSERT_TRUE(got);
  EXPECT_FALSE(got->in_force());
  EXPECT_EQ(got->withdrawn_at, kT0 + 5);
  EXPECT_EQ(got->withdrawn_by, w.user);
}

}  // namespace

MEEDOEN_STORE_CONTRACT(VisitorsStoreContract);

}  // namespace meedoen::testing
