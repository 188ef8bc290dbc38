// One occurrence of an activity (app/occurrences.hpp): the places go by the order of signing up,
// a place given back goes to the first who waits, a visitor's own link shows and cancels only
// their sign-up, sign-ups close when it begins, and the count of who came is kept afterwards.
#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class OccurrencesTest : public CentreTest {
 protected:
  void SetUp() override {
    CentreTest::SetUp();
    // The Thursday meal at 17:30 from 2026-11-26, for two people (the fixture's today is Monday
    // 2026-11-23, 09:00).
    ActivityInput in;
    in.title = "Maaltijd";
    in.room = std::to_string(room_.value);
    in.first_date = "2026-11-26";
    in.start_time = "17:30";
    in.duration_minutes = "90";
    in.repeat = "weekly";
    in.signup = true;
    in.capacity = "2";
    auto id = app_->activities().create(greet_, matilo_, in);
    ASSERT_TRUE(id.ok()) << id.error().message_key;
    meal_ = *id;
  }

  // "Ans+ Bo+ Cas:1": who has a place and who waits, as the host sees it.
  std::string list(const std::string& date = "2026-11-26") {
    auto h = app_->occurrences().for_host(greet_, meal_, date);
    EXPECT_TRUE(h.ok());
    if (!h) return "?";
    std::string out;
    for (const auto& p : h->places) {
      if (!out.empty()) out += ' ';
      out += p.signup->name + (p.has_place ? "+" : ":" + std::to_string(p.waiting));
    }
    return out;
  }

  ActivityId meal_;
};

TEST_F(OccurrencesTest, AHostWritesNamesDownAndTheThirdWaits) {
  auto a = app_->occurrences().add(greet_, meal_, "2026-11-26", "Ans");
  ASSERT_TRUE(a.ok()) << a.error().message_key;
  EXPECT_TRUE(a->has_place);
  EXPECT_EQ(format_days(a->day), "2026-11-26");
  ASSERT_TRUE(app_->occurrences().add(greet_, meal_, "2026-11-26", "Bo").ok());
  auto c = app_->occurrences().add(greet_, meal_, "2026-11-26", " Cas ");
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->has_place);
  EXPECT_EQ(c->waiting, 1);
  EXPECT_EQ(list(), "Ans+ Bo+ Cas:1");
  EXPECT_EQ(list("2026-12-03"), "");  // another Thursday has its own list

  const auto again = app_->occurrences().add(greet_, meal_, "2026-11-26", "ans");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message_key, "error.signup.already");
  EXPECT_EQ(again.error().field, "name");
  EXPECT_EQ(app_->occurrences().add(greet_, meal_, "2026-11-26", "  ").error().message_key,
            "error.signup.name_required");

  // Ans gives her place back: Cas has it now.
  auto h = app_->occurrences().for_host(greet_, meal_, "2026-11-26");
  ASSERT_TRUE(h.ok());
  ASSERT_TRUE(app_->occurrences().strike(greet_, h->places.at(0).signup->id).ok());
  EXPECT_EQ(list(), "Bo+ Cas+");
  // Struck off twice (a page sent again) changes nothing.
  ASSERT_TRUE(app_->occurrences().strike(greet_, h->places.at(0).signup->id).ok());
  EXPECT_EQ(list(), "Bo+ Cas+");
  EXPECT_EQ(app_->occurrences().for_host(greet_, meal_, "2026-11-26")->signups.size(), 3u);
}

TEST_F(OccurrencesTest, OnlyTheCentresHostsSeeAndChangeTheList) {
  ASSERT_TRUE(app_->occurrences().add(greet_, meal_, "2026-11-26", "Ans").ok());
  const auto id =
      app_->occurrences().for_host(greet_, meal_, "2026-11-26")->places.at(0).signup->id;
  for (const User* u : {&karim_, &gp_}) {
    EXPECT_EQ(app_->occurrences().for_host(*u, meal_, "2026-11-26").error().kind,
              ErrorKind::kForbidden);
    EXPECT_EQ(app_->occurrences().add(*u, meal_, "2026-11-26", "Bo").error().kind,
              ErrorKind::kForbidden);
    EXPECT_EQ(app_->occurrences().strike(*u, id).error().kind, ErrorKind::kForbidden);
    EXPECT_EQ(app_->occurrences().record_attendance(*u, meal_, "2026-11-26", "3").error().kind,
              ErrorKind::kForbidden);
  }
  EXPECT_EQ(list(), "Ans+");
}

TEST_F(OccurrencesTest, ADateTheSeriesDoesNotHaveIsNotFound) {
  for (const char* date : {"2026-11-27", "2026-11-19", "morgen", "", "2026-13-01"}) {
    EXPECT_EQ(app_->occurrences().for_host(greet_, meal_, date).error().kind, ErrorKind::kNotFound)
        << date;
    EXPECT_EQ(app_->occurrences().public_occurrence(meal_, date).error().kind, ErrorKind::kNotFound)
        << date;
  }
  EXPECT_EQ(app_->occurrences().for_host(greet_, ActivityId(999), "2026-11-26").error().kind,
            ErrorKind::kNotFound);
}

TEST_F(OccurrencesTest, AVisitorSignsUpWithANicknameAndCancelsWithTheirOwnLink) {
  ASSERT_TRUE(app_->occurrences().add(greet_, meal_, "2026-11-26", "Ans").ok());
  auto bo = app_->occurrences().sign_up(meal_, "2026-11-26", "Bo", "10.0.0.1");
  ASSERT_TRUE(bo.ok()) << bo.error().message_key;
  EXPECT_TRUE(bo->has_place);
  EXPECT_FALSE(bo->token.empty());
  EXPECT_TRUE(bo->may_cancel);
  auto cas = app_->occurrences().sign_up(meal_, "2026-11-26", "Cas", "10.0.0.2");
  ASSERT_TRUE(cas.ok());
  EXPECT_FALSE(cas->has_place);
  EXPECT_EQ(cas->waiting, 1);
  EXPECT_EQ(cas->occurrence.places_left(), 0);

  // The link shows one's own sign-up only, and no token again.
  auto seen = app_->occurrences().by_token(cas->token);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->signup.name, "Cas");
  EXPECT_TRUE(seen->token.empty());
  EXPECT_EQ(app_->occurrences().by_token("not-a-token").error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->occurrences().by_token("").error().kind, ErrorKind::kNotFound);

  // Bo cancels: Cas moves up, and Cas's link says so.
  auto gone = app_->occurrences().cancel_by_token(bo->token);
  ASSERT_TRUE(gone.ok());
  EXPECT_NE(gone->signup.cancelled_at, 0);
  EXPECT_FALSE(gone->may_cancel);
  EXPECT_TRUE(app_->occurrences().by_token(cas->token)->has_place);
  EXPECT_EQ(list(), "Ans+ Cas+");
  // The same link again: the same answer, and nothing else changes.
  auto twice = app_->occurrences().cancel_by_token(bo->token);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->signup.cancelled_at, gone->signup.cancelled_at);
  EXPECT_EQ(list(), "Ans+ Cas+");
  EXPECT_EQ(app_->occurrences().public_occurrence(meal_, "2026-11-26")->standing, 2);
}

TEST_F(OccurrencesTest, SigningUpClosesWhenItBegins) {
  auto early = app_->occurrences().sign_up(meal_, "2026-11-26", "Ans", "10.0.0.1");
  ASSERT_TRUE(early.ok());
  ASSERT_TRUE(app_->activities().cancel_occurrence(greet_, meal_, "2026-12-03").ok());
  EXPECT_EQ(app_->occurrences().sign_up(meal_, "2026-12-03", "Bo", "10.0.0.1").error().message_key,
            "error.signup.closed");
  EXPECT_FALSE(app_->occurrences().public_occurrence(meal_, "2026-12-03")->open);

  clock_->advance(3 * 86400 + 8 * 3600 + 30 * 60);  // Thursday 17:30
  EXPECT_EQ(app_->occurrences().sign_up(meal_, "2026-11-26", "Bo", "10.0.0.1").error().message_key,
            "error.signup.closed");
  EXPECT_EQ(app_->occurrences().add(greet_, meal_, "2026-11-26", "Bo").error().message_key,
            "error.signup.closed");
  EXPECT_EQ(app_->occurrences().cancel_by_token(early->token).error().message_key,
            "error.signup.begun");
  EXPECT_FALSE(app_->occurrences().for_host(greet_, meal_, "2026-11-26")->open);
  // Next week's is still open.
  EXPECT_TRUE(app_->occurrences().sign_up(meal_, "2026-12-10", "Bo", "10.0.0.1").ok());
}

TEST_F(OccurrencesTest, OnlyApprovedActivitiesWithSignUpTakeVisitors) {
  ActivityInput in;
  in.title = "Koffie";
  in.first_date = "2026-11-24";
  in.start_time = "10:00";
  in.duration_minutes = "60";
  in.repeat = "once";
  auto coffee = app_->activities().create(greet_, matilo_, in);
  ASSERT_TRUE(coffee.ok());
  EXPECT_EQ(app_->occurrences().sign_up(*coffee, "2026-11-24", "Ans", "10.0.0.1").error().kind,
            ErrorKind::kNotFound);
  in.title = "Gitaar";
  in.signup = true;
  in.proposal = true;
  auto guitar = app_->activities().create(greet_, matilo_, in);
  ASSERT_TRUE(guitar.ok());
  EXPECT_EQ(app_->occurrences().sign_up(*guitar, "2026-11-24", "Ans", "10.0.0.1").error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app_->occurrences().public_occurrence(*guitar, "2026-11-24").error().kind,
            ErrorKind::kNotFound);
}

TEST_F(OccurrencesTest, OneAddressSignsUpTenTimesAnHour) {
  for (int i = 0; i < 10; ++i) {
    const std::string date = format_days(*parse_date("2026-11-26") + 7 * (i / 2));
    ASSERT_TRUE(app_->occurrences().sign_up(meal_, date, "n" + std::to_string(i), "10.0.0.9").ok())
        << i;
  }
  const auto refused = app_->occurrences().sign_up(meal_, "2026-11-26", "Eva", "10.0.0.9");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kTooMany);
  // Another address is not held up, and a wrong name does not count.
  EXPECT_TRUE(app_->occurrences().sign_up(meal_, "2026-11-26", "Eva", "10.0.0.8").ok());
  clock_->advance(3600);
  EXPECT_TRUE(app_->occurrences().sign_up(meal_, "2026-11-26", "Fien", "10.0.0.9").ok());
}

TEST_F(OccurrencesTest, TheCountOfWhoCameIsKeptOnceItHasBegun) {
  EXPECT_EQ(
      app_->occurrences().record_attendance(greet_, meal_, "2026-11-26", "9").error().message_key,
      "error.attendance.not_begun");
  clock_->advance(3 * 86400 + 9 * 3600);  // Thursday 18:00
  for (const char* bad : {"", "-1", "1001", "twaalf", "3.5"})
    EXPECT_EQ(
        app_->occurrences().record_attendance(greet_, meal_, "2026-11-26", bad).error().message_key,
        "error.attendance.count")
        << bad;
  ASSERT_TRUE(app_->occurrences().record_attendance(greet_, meal_, "2026-11-26", "9").ok());
  ASSERT_TRUE(app_->occurrences().record_attendance(greet_, meal_, "2026-11-26", " 11 ").ok());
  auto h = app_->occurrences().for_host(greet_, meal_, "2026-11-26");
  ASSERT_TRUE(h.ok());
  ASSERT_TRUE(h->headcount);
  EXPECT_EQ(h->headcount->count, 11);
  EXPECT_EQ(h->headcount->recorded_by, greet_.id);
  EXPECT_TRUE(h->begun);
}

TEST_F(OccurrencesTest, TheHostTicksTheKnownVisitorsWhoCame) {
  auto ans = app_->visitors().make_known(greet_, matilo_, {"Ans", true});
  auto bo = app_->visitors().make_known(greet_, matilo_, {"Bo", true});
  ASSERT_TRUE(ans.ok() && bo.ok());
  EXPECT_TRUE(app_->occurrences().for_host(greet_, meal_, "2026-11-26")->known.empty());
  clock_->advance(3 * 86400 + 9 * 3600);  // Thursday 18:00
  auto h = app_->occurrences().for_host(greet_, meal_, "2026-11-26");
  ASSERT_TRUE(h.ok());
  ASSERT_EQ(h->known.size(), 2u);  // once it has begun, to tick
  EXPECT_EQ(h->known[0].visitor.name, "Ans");

  // More known visitors than people is a slip of the host's.
  EXPECT_EQ(app_->occurrences()
                .record_attendance(greet_, meal_, "2026-11-26", "1", {*ans, *bo})
                .error()
                .message_key,
            "error.attendance.fewer_than_known");
  ASSERT_TRUE(
      app_->occurrences().record_attendance(greet_, meal_, "2026-11-26", "8", {*ans, *ans}).ok());
  h = app_->occurrences().for_host(greet_, meal_, "2026-11-26");
  EXPECT_EQ(h->headcount->visitors, std::vector<VisitorId>{*ans});
  EXPECT_EQ(app_->visitors().get(greet_, *ans)->visits.activities, 1);
  EXPECT_EQ(audit().back().event, "record_attendance");

  // A visitor another centre knows is no choice here.
  auto other = app_->centres().create(admin_, {stevenshof_, "Stevenshof", "Stevensh. 1", 0, {}});
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(app_->centres().add_host(admin_, *other, greet_.id).ok());
  auto cor = app_->visitors().make_known(greet_, *other, {"Cor", true});
  ASSERT_TRUE(cor.ok());
  EXPECT_EQ(app_->occurrences()
                .record_attendance(greet_, meal_, "2026-11-26", "8", {*cor})
                .error()
                .message_key,
            "error.invalid_choice");

  // Once Ans withdraws her consent, she is no longer among those who came; the count stays.
  ASSERT_TRUE(app_->visitors().withdraw(greet_, *ans).ok());
  h = app_->occurrences().for_host(greet_, meal_, "2026-11-26");
  EXPECT_TRUE(h->headcount->visitors.empty());
  EXPECT_EQ(h->headcount->count, 8);
  ASSERT_EQ(h->known.size(), 1u);
  EXPECT_EQ(h->known[0].visitor.name, "Bo");
}

TEST_F(OccurrencesTest, TheActivitysPublicPageCountsTheSignUpsWithoutNames) {
  const auto before = app_->activities().public_activity(meal_)->changed_at;
  clock_->advance(60);
  ASSERT_TRUE(app_->occurrences().sign_up(meal_, "2026-11-26", "Ans", "10.0.0.1").ok());
  auto cal = app_->activities().public_activity(meal_);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(cal->signed_up.at(*parse_date("2026-11-26")), 1);
  EXPECT_EQ(cal->signed_up.count(*parse_date("2026-12-03")), 0u);
  EXPECT_GT(cal->changed_at, before);
}

}  // namespace
}  // namespace meedoen::testing
