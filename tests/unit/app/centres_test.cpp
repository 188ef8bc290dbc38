// The drop-in's count as a host uses it (app/centres.hpp): only a centre's own hosts count, a tap
// sent twice is counted once, a -1 takes back the latest +1, and the counts follow the day part.
#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class CentresTest : public CentreTest {
 protected:
  Result<DayTally> tap(const std::string& key, int delta = 1, TapTags tags = {}) {
    TapInput in;
    in.key = key;
    in.delta = delta;
    in.tags = std::move(tags);
    return app_->centres().tap(greet_, matilo_, in);
  }
};

TEST_F(CentresTest, OnlyTheAdministratorMakesCentresAndNamesHosts) {
  EXPECT_EQ(app_->centres().create(greet_, {meerburg_, "Eigen", "", 0, {}}).error().kind,
            ErrorKind::kForbidden);
  const auto empty = app_->centres().create(admin_, {meerburg_, "  ", "", 0, {}});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message_key, "error.centre.name_required");
  EXPECT_EQ(app_->centres().create(admin_, {WijkId(999), "Nergens", "", 0, {}}).error().field,
            "wijk");
  EXPECT_EQ(app_->centres().add_host(admin_, matilo_, gp_.id).error().message_key,
            "error.centre.not_a_host")
      << "a GP is no host";
  EXPECT_EQ(app_->centres().add_host(greet_, matilo_, karim_.id).error().kind,
            ErrorKind::kForbidden);
  auto hosted = app_->centres().hosted(greet_);
  ASSERT_TRUE(hosted.ok());
  ASSERT_EQ(hosted->size(), 1u);
  EXPECT_EQ(hosted->front().name, "Matilo");
  EXPECT_TRUE(app_->centres().hosted(karim_)->empty());
  EXPECT_TRUE(app_->centres().hosted(gp_)->empty());
}

TEST_F(CentresTest, OnlyItsHostsCountAtACentre) {
  TapInput in;
  in.key = "key-karim-1";
  EXPECT_EQ(app_->centres().tap(karim_, matilo_, in).error().kind, ErrorKind::kForbidden)
      << "a host of another centre";
  EXPECT_EQ(app_->centres().tap(gp_, matilo_, in).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->centres().today(karim_, matilo_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->centres().tap(greet_, CentreId(999), in).error().kind, ErrorKind::kForbidden);
}

TEST_F(CentresTest, FiveTapsAndACorrectionCountFour) {
  for (int i = 0; i < 5; ++i) {
    auto d = tap("key-plus-" + std::to_string(i));
    ASSERT_TRUE(d.ok()) << d.error().message_key;
    EXPECT_EQ(d->total, i + 1);
  }
  auto d = tap("key-minus-1", -1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->total, 4);
  EXPECT_EQ(d->current, DayPart::kMorning) << "09:00";
  EXPECT_EQ(d->parts[0].visitors, 4);
  EXPECT_EQ(app_->centres().today(greet_, matilo_)->total, 4);
}

TEST_F(CentresTest, ATapSentAgainIsCountedOnce) {
  ASSERT_TRUE(tap("key-same-1").ok());
  auto again = tap("key-same-1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->repeated);
  EXPECT_EQ(again->total, 1);
  // The same key as a -1 is still the +1 it was: a key counts once, whatever comes with it.
  auto minus = tap("key-same-1", -1);
  ASSERT_TRUE(minus.ok());
  EXPECT_EQ(minus->total, 1);
  // Sent again the next day, it is still the tap of the day it was counted on, and the answer is
  // the count the page shows: today's.
  clock_->advance(86400);
  auto late = tap("key-same-1");
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(late->repeated);
  EXPECT_EQ(late->total, 0) << "counted yesterday, not again today";
  EXPECT_EQ(app_->centres().today(greet_, matilo_)->total, 0) << "a new day starts at 0";
}

TEST_F(CentresTest, ACorrectionTakesTheTagsBackAndNeedsSomethingToTakeBack) {
  auto none = tap("key-minus-0", -1);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, ErrorKind::kConflict);
  TapTags tags;
  tags.first_visit = true;
  tags.with_brigade = true;
  tags.age_band = "65_plus";
  tags.gender = "female";
  ASSERT_TRUE(tap("key-tagged-1", 1, tags).ok());
  ASSERT_TRUE(tap("key-plain-1").ok());
  auto d = tap("key-minus-1", -1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->parts[0].first_visits, 1) << "the plain tap was taken back, not the tagged one";
  d = tap("key-minus-2", -1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->total, 0);
  EXPECT_EQ(d->parts[0].first_visits, 0);
  EXPECT_EQ(d->parts[0].with_brigade, 0);
}

TEST_F(CentresTest, ATapOutsideTheRulesIsRefused) {
  EXPECT_EQ(tap("short").error().field, "key");
  EXPECT_EQ(tap("key with space").error().field, "key");
  EXPECT_EQ(tap("key-delta-2", 2).error().field, "delta");
  TapTags odd;
  odd.age_band = "unknown";
  EXPECT_EQ(tap("key-odd-1", 1, odd).error().field, "tags") << "not noted is empty";
  TapInput in;
  in.key = "key-part-1";
  in.part = "night";
  EXPECT_EQ(app_->centres().tap(greet_, matilo_, in).error().field, "part");
  in.part = "evening";
  auto d = app_->centres().tap(greet_, matilo_, in);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->parts[2].visitors, 1) << "a host may count a day part other than now's";
}

// A tap made offline may arrive days later: it counts on the day the page says it was made, within
// a week; a date outside that (a phone whose clock is wrong) counts today rather than not at all.
TEST_F(CentresTest, ATapSentLaterCountsOnTheDayItWasMade) {
  EXPECT_EQ(tap_day("", 20000), 20000);  // day 20000 is 2024-10-04
  EXPECT_EQ(tap_day("2024-10-04", 20000), 20000);
  EXPECT_EQ(tap_day("2024-10-03", 20000), 20000 - 1);
  EXPECT_EQ(tap_day("2024-09-27", 20000), 20000 - 7);
  EXPECT_EQ(tap_day("2024-09-26", 20000), 20000) << "over a week: today";
  EXPECT_EQ(tap_day("2024-10-05", 20000), 20000) << "tomorrow: today";
  EXPECT_FALSE(tap_day("gisteren", 20000));

  const auto today = local_days(clock_->now());
  TapInput in;
  in.key = "key-late-day-1";
  in.day = format_days(today - 1);
  auto d = app_->centres().tap(greet_, matilo_, in);
  ASSERT_TRUE(d.ok()) << d.error().message_key;
  EXPECT_EQ(d->day, today) << "the answer is today's count";
  EXPECT_EQ(d->total, 0) << "yesterday's visitor is not today's";
  in.key = "key-late-day-2";
  in.day = "gisteren";
  EXPECT_EQ(app_->centres().tap(greet_, matilo_, in).error().field, "day");

  NewVisitor ans{"Ans", true};
  const auto v = app_->visitors().make_known(greet_, matilo_, ans);
  ASSERT_TRUE(v.ok());
  auto in_yesterday =
      app_->visitors().check_in(greet_, *v, "key-late-day-3", "morning", format_days(today - 1));
  ASSERT_TRUE(in_yesterday.ok()) << in_yesterday.error().message_key;
  EXPECT_FALSE(in_yesterday->visitor.in_today);
  EXPECT_EQ(in_yesterday->visitor.last_day, today - 1);
  EXPECT_FALSE(app_->visitors().check_in(greet_, *v, "key-late-day-4", "morning")->already)
      << "in yesterday morning is not in this morning";
  EXPECT_EQ(app_->centres().today(greet_, matilo_)->total, 1);
}

TEST_F(CentresTest, AHostFollowsWhatBecameOfWhatTheyAskedTheBrigade) {
  NewRequestInput in;
  in.wijk = meerburg_;
  in.identity.name = "Bea Bezoeker";
  in.known = "Vertelde dat ze niemand meer spreekt en graag bezoek wil.";
  auto id = app_->brigade().create_request(greet_, in);
  ASSERT_TRUE(id.ok()) << id.error().message_key;
  auto asked = app_->brigade().asked(greet_);
  ASSERT_TRUE(asked.ok());
  ASSERT_EQ(asked->size(), 1u);
  EXPECT_EQ(asked->front().id, *id);
  EXPECT_FALSE(asked->front().resident_code.empty());
  EXPECT_EQ(asked->front().outcome, Outcome::kOpen);
  EXPECT_FALSE(asked->front().peer_going);
  EXPECT_EQ(asked->front().visits, 0);
  EXPECT_TRUE(app_->brigade().asked(gp_)->empty()) << "only who asked follows it";
  clock_->advance(31 * 86400);
  EXPECT_TRUE(app_->brigade().asked(greet_)->empty()) << "a month back at most";
}

}  // namespace
}  // namespace meedoen::testing
