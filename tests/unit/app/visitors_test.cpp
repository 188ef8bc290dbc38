// Known visitors as a centre's hosts keep them (app/visitors.hpp): only under consent, only for
// that centre's hosts, checked in once per day part with a tap that counts, and gone at once when
// the consent is withdrawn, while their visits stay as counts.
#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class VisitorsTest : public CentreTest {
 protected:
  Result<VisitorId> make(const std::string& name, bool consent = true) {
    NewVisitor in;
    in.name = name;
    in.consent = consent;
    return app_->visitors().make_known(greet_, matilo_, in);
  }
};

TEST_F(VisitorsTest, WithoutConsentNobodyIsKept) {
  const auto no = make("Ans", false);
  ASSERT_FALSE(no.ok());
  EXPECT_EQ(no.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(no.error().field, "consent") << no.error().message_key;
  EXPECT_TRUE(app_->visitors().known(greet_, matilo_)->visitors.empty());

  NewVisitor by_word;
  by_word.name = "Bo";
  by_word.consent = true;
  by_word.given_by = "representative";  // a representative's word must be on paper
  EXPECT_EQ(app_->visitors().make_known(greet_, matilo_, by_word).error().field, "consent_form");
  by_word.form = "written";
  EXPECT_TRUE(app_->visitors().make_known(greet_, matilo_, by_word).ok());
  by_word.name = "Cas";
  by_word.form = "telepathic";
  EXPECT_EQ(app_->visitors().make_known(greet_, matilo_, by_word).error().field, "consent_form");
}

TEST_F(VisitorsTest, ANameIsKnownOnceAtACentre) {
  ASSERT_TRUE(make("Ans").ok());
  const auto twin = make("  ans ");
  ASSERT_FALSE(twin.ok());
  EXPECT_EQ(twin.error().message_key, "error.visitor.name_taken");
  EXPECT_EQ(make("").error().message_key, "error.visitor.name_required");
  EXPECT_EQ(make(std::string(41, 'x')).error().message_key, "error.too_long");
}

TEST_F(VisitorsTest, OnlyTheCentresOwnHostsSeeTheNames) {
  const auto ans = make("Ans");
  ASSERT_TRUE(ans.ok());
  NewVisitor in{"Bo", true};
  EXPECT_EQ(app_->visitors().make_known(karim_, matilo_, in).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->visitors().known(karim_, matilo_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->visitors().known(gp_, matilo_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->visitors().get(karim_, *ans).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->visitors().get(admin_, *ans).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->visitors().check_in(karim_, *ans, "key-karim-1").error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(app_->visitors().withdraw(karim_, *ans).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->visitors().get(greet_, VisitorId(999)).error().kind, ErrorKind::kNotFound);
}

TEST_F(VisitorsTest, ACheckInCountsOncePerDayPartAndTheFirstIsAFirstVisit) {
  const auto ans = make("Ans");
  ASSERT_TRUE(ans.ok());
  auto in = app_->visitors().check_in(greet_, *ans, "key-ans-0001");
  ASSERT_TRUE(in.ok()) << in.error().message_key;
  EXPECT_FALSE(in->already);
  EXPECT_EQ(in->part, DayPart::kMorning);
  EXPECT_EQ(in->visitor.visits, 1);
  EXPECT_TRUE(in->visitor.in_today);
  auto again = app_->visitors().check_in(greet_, *ans, "key-ans-0001");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->repeated) << "the same key is the same tap";
  auto twice = app_->visitors().check_in(greet_, *ans, "key-ans-0002");
  ASSERT_TRUE(twice.ok());
  EXPECT_TRUE(twice->already) << "once per day part";
  EXPECT_EQ(app_->visitors().check_in(greet_, *ans, "x").error().field, "key");

  auto day = app_->centres().today(greet_, matilo_);
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->total, 1);
  EXPECT_EQ(day->parts[0].known, 1);
  EXPECT_EQ(day->parts[0].first_visits, 1);

  clock_->advance(5 * 3600);  // the afternoon: in again, no first visit now
  auto later = app_->visitors().check_in(greet_, *ans, "key-ans-0003");
  ASSERT_TRUE(later.ok());
  EXPECT_FALSE(later->already);
  EXPECT_EQ(later->part, DayPart::kAfternoon);
  EXPECT_EQ(later->visitor.visits, 2);
  day = app_->centres().today(greet_, matilo_);
  EXPECT_EQ(day->parts[1].known, 1);
  EXPECT_EQ(day->parts[1].first_visits, 0);

  // A -1 of the tally takes the check-in back with its visitor.
  TapInput minus;
  minus.key = "key-minus-01";
  minus.delta = -1;
  ASSERT_TRUE(app_->centres().tap(greet_, matilo_, minus).ok());
  day = app_->centres().today(greet_, matilo_);
  EXPECT_EQ(day->parts[1].known, 0);
  EXPECT_EQ(app_->visitors().get(greet_, *ans)->visits.visits, 1);
}

// A check-in made offline arrives later: it carries the day part that the host had chosen, as an
// anonymous tap does, so the visit is counted where it happened.
TEST_F(VisitorsTest, ACheckInSentLaterKeepsTheDayPartItWasMadeIn) {
  const auto ans = make("Ans");
  ASSERT_TRUE(ans.ok());
  clock_->advance(5 * 3600);  // sent in the afternoon
  EXPECT_EQ(app_->visitors().check_in(greet_, *ans, "key-late-0001", "night").error().field,
            "part");
  auto late = app_->visitors().check_in(greet_, *ans, "key-late-0001", "morning");
  ASSERT_TRUE(late.ok()) << late.error().message_key;
  EXPECT_EQ(late->part, DayPart::kMorning);
  auto again = app_->visitors().check_in(greet_, *ans, "key-late-0002", "morning");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already) << "once per day part, the part it was made in";
  EXPECT_FALSE(app_->visitors().check_in(greet_, *ans, "key-late-0003")->already)
      << "without a part, now's part: the afternoon";
  auto day = app_->centres().today(greet_, matilo_);
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->parts[0].known, 1);
  EXPECT_EQ(day->parts[1].known, 1);
}

TEST_F(VisitorsTest, WithdrawingTheConsentTakesTheNameAndKeepsTheCount) {
  const auto ans = make("Ans");
  ASSERT_TRUE(ans.ok());
  ASSERT_TRUE(app_->visitors().check_in(greet_, *ans, "key-ans-0001").ok());
  auto rec = app_->visitors().get(greet_, *ans);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->consents.size(), 1u);
  EXPECT_TRUE(rec->consents[0].in_force());
  EXPECT_EQ(rec->consents[0].text_version, consent_text_version(ConsentPurpose::kKnownAtCentre));
  EXPECT_EQ(rec->consents[0].recipient, "centre:" + std::to_string(matilo_.value));

  const auto gone = app_->visitors().withdraw(greet_, *ans);
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(*gone, matilo_) << "the centre to go back to";
  EXPECT_EQ(app_->visitors().get(greet_, *ans).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->visitors().check_in(greet_, *ans, "key-ans-0002").error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(app_->visitors().known(greet_, matilo_)->visitors.empty());
  auto day = app_->centres().today(greet_, matilo_);
  EXPECT_EQ(day->total, 1) << "the visit still counts";
  EXPECT_EQ(day->parts[0].known, 0) << "without anyone in it";
  EXPECT_TRUE(make("Ans").ok()) << "the name is free again";

  bool known = false, withdrawn = false;
  for (const auto& e : audit()) {
    known |= e.event == "visitor_known" && e.object == "visitor:" + std::to_string(ans->value);
    withdrawn |= e.event == "visitor_consent_withdrawn" &&
                 e.object == "visitor:" + std::to_string(ans->value);
    EXPECT_EQ(e.reason.find("Ans"), std::string::npos) << "no name in the audit trail";
  }
  EXPECT_TRUE(known);
  EXPECT_TRUE(withdrawn);
}

}  // namespace
}  // namespace meedoen::testing
