// A host passes on that a visitor is not doing well (app/concerns.hpp): to the brigade or the
// overleg, without a name (a new record that names no one) or with the visitor's consent (their
// record, the same each time); and follows what became of it. A call-back stays at the centre
// until it is made. Only the centre's hosts, never its tablet or another centre's host.
#include "brigade_fixture.hpp"

namespace meedoen::testing {
namespace {

class ConcernsTest : public BrigadeTest {
 protected:
  void SetUp() override {
    BrigadeTest::SetUp();
    auto zrc = app_->admin().create_org(&admin_, {OrgId(), "Zelfregiecentrum", "other"});
    ASSERT_TRUE(zrc.ok());
    add("greet", "host", *zrc, {meerburg_});
    add("karim", "host", *zrc, {meerburg_});
    add("tablet", "centre_device", *zrc, {meerburg_});
    greet_ = login("greet");
    karim_ = login("karim");
    tablet_ = login("tablet");
    auto c = app_->centres().create(admin_, {meerburg_, "Matilo", "", 0, {}});
    ASSERT_TRUE(c.ok());
    matilo_ = *c;
    ASSERT_TRUE(app_->centres().add_host(admin_, matilo_, greet_.id).ok());
    ASSERT_TRUE(app_->centres().add_host(admin_, matilo_, tablet_.id).ok());
    auto ans = app_->visitors().make_known(greet_, matilo_, {"Ans", true});
    ASSERT_TRUE(ans.ok());
    ans_ = *ans;
  }

  static NewConcern concern(const std::string& route, const std::string& text,
                            VisitorId who = VisitorId(), bool consent = false) {
    NewConcern in;
    in.route = route;
    in.text = text;
    in.visitor = who;
    in.consent = consent;
    return in;
  }

  std::vector<ConcernView> passed_on() {
    auto all = app_->concerns().of_centre(greet_, matilo_);
    EXPECT_TRUE(all.ok());
    return all.ok() ? all->passed_on : std::vector<ConcernView>{};
  }

  User greet_, karim_, tablet_;
  CentreId matilo_;
  VisitorId ans_;
};

TEST_F(ConcernsTest, WithoutANameItBecomesARequestThatNamesNoOne) {
  auto done = app_->concerns().pass_on(greet_, matilo_,
                                       concern("brigade", "Slaapt slecht, zit veel alleen thuis"));
  ASSERT_TRUE(done.ok()) << done.error().message_key;
  EXPECT_EQ(done->route, ConcernRoute::kBrigade);
  auto list = passed_on();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].progress, ConcernProgress::kWaiting);
  EXPECT_EQ(list[0].visitor_name, "");
  EXPECT_FALSE(list[0].concern.visitor.valid());
  ASSERT_TRUE(list[0].concern.request.valid());

  // The coordinator has it, from the centre, with the host's words and the centre's name.
  auto d = app_->brigade().request_detail(coord_, list[0].concern.request);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->row.request.known, "Matilo: Slaapt slecht, zit veel alleen thuis");
  EXPECT_EQ(d->row.request.source, "centre");
  EXPECT_FALSE(d->identity);

  // A peer says yes and comes by: the host sees it.
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, list[0].concern.request, {anouk_.id}).ok());
  ASSERT_TRUE(app_->brigade().respond_assignment(anouk_, list[0].concern.request, true, "").ok());
  EXPECT_EQ(passed_on().at(0).progress, ConcernProgress::kPeerGoing);
  ASSERT_TRUE(app_->brigade()
                  .log_visit(anouk_, {list[0].concern.request, "contact", "", "", "", "", "k-1"})
                  .ok());
  list = passed_on();
  EXPECT_EQ(list[0].progress, ConcernProgress::kVisited);
  EXPECT_EQ(list[0].progress_day, local_days(clock_->now()));
}

TEST_F(ConcernsTest, NoNameOfAKnownVisitorGoesOutInTheText) {
  const auto named = app_->concerns().pass_on(greet_, matilo_, concern("brigade", "ans is somber"));
  ASSERT_FALSE(named.ok());
  EXPECT_EQ(named.error().message_key, "error.concern.name_in_text");
  const auto no_consent =
      app_->concerns().pass_on(greet_, matilo_, concern("overleg", "Somber", ans_));
  EXPECT_EQ(no_consent.error().field, "consent");
  EXPECT_EQ(app_->concerns().pass_on(greet_, matilo_, concern("", "Somber")).error().field,
            "route");
  EXPECT_EQ(app_->concerns().pass_on(greet_, matilo_, concern("brigade", " ")).error().field,
            "text");
  EXPECT_TRUE(passed_on().empty());
}

TEST_F(ConcernsTest, WithConsentItIsAboutTheSameRecordEachTime) {
  auto first = app_->concerns().pass_on(greet_, matilo_,
                                        concern("overleg", "Zorgen over de huur", ans_, true));
  ASSERT_TRUE(first.ok()) << first.error().message_key;
  auto second =
      app_->concerns().pass_on(greet_, matilo_, concern("brigade", "Wil graag praten", ans_, true));
  ASSERT_TRUE(second.ok()) << second.error().message_key;
  const auto list = passed_on();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].visitor_name, "Ans");
  EXPECT_EQ(list[0].resident_code, list[1].resident_code);
  EXPECT_FALSE(list[0].resident_code.empty());
  // Two consents, one per purpose and recipient, beside the one to be known.
  const auto rec = app_->visitors().get(greet_, ans_);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->consents.size(), 3u);
  EXPECT_EQ(rec->consents[0].purpose, ConsentPurpose::kPassOn);
  EXPECT_EQ(rec->consents[0].recipient, "brigade:" + std::to_string(meerburg_.value));
  EXPECT_EQ(rec->consents[1].recipient, "overleg:" + std::to_string(meerburg_.value));
  // A second request while the first is open is refused, not doubled.
  EXPECT_EQ(app_->concerns()
                .pass_on(greet_, matilo_, concern("brigade", "Nog steeds", ans_, true))
                .error()
                .message_key,
            "error.concern.request_exists");
}

TEST_F(ConcernsTest, ToTheOverlegItGoesOnTheNextAgenda) {
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  ASSERT_TRUE(m.ok()) << m.error().message_key;
  auto done = app_->concerns().pass_on(greet_, matilo_, concern("overleg", "Ziet er moe uit"));
  ASSERT_TRUE(done.ok()) << done.error().message_key;
  EXPECT_FALSE(done->meldcode);
  auto list = passed_on();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].progress, ConcernProgress::kOnAgenda);
  EXPECT_EQ(format_days(list[0].progress_day), "2026-11-30");
  auto s = app_->signals().detail(chair_, list[0].concern.signal);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->row.signal.description, "Ziet er moe uit");

  // What points to the meldcode goes on its private track, on no agenda.
  auto meldcode = app_->concerns().pass_on(
      greet_, matilo_, concern("overleg", "Ze vertelde dat haar partner haar slaat"));
  ASSERT_TRUE(meldcode.ok());
  EXPECT_TRUE(meldcode->meldcode);
  EXPECT_EQ(passed_on().at(0).progress, ConcernProgress::kWaiting);
}

TEST_F(ConcernsTest, ACallBackWaitsOnTheDayPageUntilItIsMade) {
  EXPECT_EQ(app_->concerns()
                .pass_on(greet_, matilo_, concern("call_back", "Donderdag na 14 uur"))
                .error()
                .field,
            "visitor");
  auto done =
      app_->concerns().pass_on(greet_, matilo_, concern("call_back", "Donderdag na 14 uur", ans_));
  ASSERT_TRUE(done.ok()) << done.error().message_key;
  auto all = app_->concerns().of_centre(greet_, matilo_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->call_backs.size(), 1u);
  EXPECT_EQ(all->call_backs[0].visitor_name, "Ans");
  EXPECT_EQ(all->call_backs[0].concern.note, "Donderdag na 14 uur");
  EXPECT_FALSE(all->call_backs[0].concern.resident.valid());  // it stays at the centre
  EXPECT_TRUE(all->passed_on.empty());

  EXPECT_EQ(app_->concerns().call_back_done(karim_, done->id).error().kind, ErrorKind::kForbidden);
  ASSERT_EQ(app_->concerns().call_back_done(greet_, done->id).value(), matilo_);
  ASSERT_TRUE(app_->concerns().call_back_done(greet_, done->id).ok());  // twice: no change
  EXPECT_TRUE(app_->concerns().of_centre(greet_, matilo_)->call_backs.empty());
  EXPECT_EQ(audit().back().event, "call_back_done");
}

TEST_F(ConcernsTest, OnlyTheCentresHostsPassOn) {
  for (const User* u : {&karim_, &tablet_, &coord_, &gp_}) {
    EXPECT_EQ(app_->concerns().form(*u, matilo_).error().kind, ErrorKind::kForbidden)
        << u->username;
    EXPECT_EQ(app_->concerns().pass_on(*u, matilo_, concern("brigade", "Somber")).error().kind,
              ErrorKind::kForbidden)
        << u->username;
    EXPECT_EQ(app_->concerns().of_centre(*u, matilo_).error().kind, ErrorKind::kForbidden);
  }
  auto f = app_->concerns().form(greet_, matilo_);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->visitors.size(), 1u);
  EXPECT_EQ(f->visitors[0].visitor.name, "Ans");
}

}  // namespace
}  // namespace meedoen::testing
