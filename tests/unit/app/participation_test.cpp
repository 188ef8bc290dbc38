// Participation over time (app/participation.hpp): nothing is kept without the visitor's consent
// to it, a refusal is kept so no one asks again, withdrawal deletes every note at once, only the
// centre's own hosts (never its tablet) read or write it, and the centres' figures count the
// known visitors who went up a rung.
#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class ParticipationTest : public CentreTest {
 protected:
  void SetUp() override {
    CentreTest::SetUp();
    auto org = app_->admin().create_org(&admin_, {OrgId(), "Zelfregiecentrum Oost", "other"});
    ASSERT_TRUE(org.ok());
    add("tablet", "centre_device", *org, {meerburg_});
    tablet_ = login("tablet");
    ASSERT_TRUE(app_->centres().add_host(admin_, matilo_, tablet_.id).ok());
    ans_ = visitor("Ans");
  }

  VisitorId visitor(const std::string& name) {
    NewVisitor in;
    in.name = name;
    in.consent = true;
    auto v = app_->visitors().make_known(greet_, matilo_, in);
    EXPECT_TRUE(v.ok());
    return v.ok() ? *v : VisitorId();
  }

  static NewParticipationNote talk(const std::string& rung, const std::string& goal = "",
                                   bool consent = false) {
    NewParticipationNote in;
    in.rung = rung;
    in.goal = goal;
    in.consent = consent;
    return in;
  }

  User tablet_;
  VisitorId ans_;
};

TEST_F(ParticipationTest, NothingIsKeptWithoutConsentToIt) {
  const auto no = app_->participation().note(greet_, ans_, talk("2", "weer op tijd mijn bed uit"));
  ASSERT_FALSE(no.ok());
  EXPECT_EQ(no.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(no.error().field, "consent");
  auto r = app_->participation().get(greet_, ans_);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->consent);
  EXPECT_TRUE(r->notes.empty());
  // Being known at the centre is not consent to this.
  EXPECT_EQ(app_->visitors().get(greet_, ans_)->consents.size(), 1u);
}

TEST_F(ParticipationTest, TheFirstTalkRecordsTheConsentAndTheNextOnesFollowTheLadder) {
  auto first =
      app_->participation().note(greet_, ans_, talk("1", "weer op tijd mijn bed uit", true));
  ASSERT_TRUE(first.ok()) << first.error().message_key;
  auto r = app_->participation().get(greet_, ans_);
  ASSERT_TRUE(r->consent);
  EXPECT_EQ(r->consent->purpose, ConsentPurpose::kParticipation);
  EXPECT_EQ(r->consent->recipient, "centre:" + std::to_string(matilo_.value));
  EXPECT_EQ(r->consent->text_version, consent_text_version(ConsentPurpose::kParticipation));
  EXPECT_EQ(r->consent->recorded_by, greet_.id);

  clock_->advance(40 * 86400);
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("3")).ok())
      << "with the consent standing, no new one is asked";
  r = app_->participation().get(greet_, ans_);
  ASSERT_EQ(r->notes.size(), 2u);
  EXPECT_EQ(r->notes[0].rung, 3) << "the newest first";
  EXPECT_EQ(r->notes[0].day, local_days(clock_->now()));
  EXPECT_EQ(r->path.first, 1);
  EXPECT_EQ(r->path.latest, 3);
  EXPECT_TRUE(r->path.moved_up());
  EXPECT_EQ(r->path.goal, "weer op tijd mijn bed uit");
  int consents = 0;
  const auto rec = app_->visitors().get(greet_, ans_);
  ASSERT_TRUE(rec.ok());
  for (const auto& c : rec->consents)
    consents += c.purpose == ConsentPurpose::kParticipation ? 1 : 0;
  EXPECT_EQ(consents, 1);
}

TEST_F(ParticipationTest, ATalkNeedsARungOrAGoalAndARealRung) {
  EXPECT_EQ(app_->participation().note(greet_, ans_, talk("", "  ", true)).error().message_key,
            "error.participation.empty");
  for (const char* bad : {"0", "7", "-1", "2x", "1.5", " 9"})
    EXPECT_EQ(app_->participation().note(greet_, ans_, talk(bad, "", true)).error().field, "rung")
        << bad;
  EXPECT_EQ(app_->participation()
                .note(greet_, ans_, talk("", std::string(kGoalMax + 1, 'a'), true))
                .error()
                .field,
            "goal");
  auto by_word = talk("2", "", true);
  by_word.given_by = "representative";
  EXPECT_EQ(app_->participation().note(greet_, ans_, by_word).error().field, "consent_form");
  EXPECT_FALSE(app_->participation().get(greet_, ans_)->consent) << "nothing half-kept";
  EXPECT_TRUE(
      app_->participation().note(greet_, ans_, talk("", "iets voor anderen doen", true)).ok());
}

TEST_F(ParticipationTest, ARefusalIsKeptSoNoOneAsksAgain) {
  ASSERT_TRUE(app_->participation().refuse(greet_, ans_, talk("")).ok());
  auto r = app_->participation().get(greet_, ans_);
  EXPECT_TRUE(r->refused);
  EXPECT_FALSE(r->consent);
  // The visitor may change their mind later: a yes then stands.
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("2", "", true)).ok());
  r = app_->participation().get(greet_, ans_);
  EXPECT_FALSE(r->refused);
  EXPECT_TRUE(r->consent);
  EXPECT_EQ(app_->participation().refuse(greet_, ans_, talk("")).error().kind,
            ErrorKind::kConflict);
}

TEST_F(ParticipationTest, WithdrawingDeletesEveryNoteAndKeepsTheVisitorKnown) {
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("1", "weer naar buiten", true)).ok());
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("2")).ok());
  ASSERT_TRUE(app_->participation().withdraw(greet_, ans_).ok());
  auto r = app_->participation().get(greet_, ans_);
  EXPECT_FALSE(r->consent);
  EXPECT_TRUE(r->notes.empty());
  EXPECT_EQ(r->path.latest, 0);
  EXPECT_TRUE(app_->visitors().get(greet_, ans_).ok()) << "still known at the centre";
  EXPECT_EQ(app_->participation().withdraw(greet_, ans_).error().kind, ErrorKind::kConflict);
  // A new consent starts afresh: the old notes do not come back.
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("3", "", true)).ok());
  EXPECT_EQ(app_->participation().get(greet_, ans_)->notes.size(), 1u);
  bool noted = false, withdrawn = false;
  for (const auto& e : audit()) {
    noted |= e.event == "participation_noted";
    withdrawn |= e.event == "participation_withdrawn";
    EXPECT_EQ(e.reason.find("buiten"), std::string::npos) << "no goal in the audit trail";
  }
  EXPECT_TRUE(noted);
  EXPECT_TRUE(withdrawn);
}

TEST_F(ParticipationTest, ForgettingTheVisitorDeletesTheNotes) {
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("1", "weer naar buiten", true)).ok());
  ASSERT_TRUE(app_->visitors().withdraw(greet_, ans_).ok());
  EXPECT_EQ(app_->participation().get(greet_, ans_).error().kind, ErrorKind::kNotFound);
  auto store = open_sqlite_store((dir_ / "t.db").string());
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->begin(TxMode::kRead)->participation().notes_of_visitor(ans_).empty());
}

TEST_F(ParticipationTest, OnlyTheCentresOwnHostsNeverItsTablet) {
  ASSERT_TRUE(app_->participation().note(greet_, ans_, talk("2", "", true)).ok());
  for (const User* u : {&tablet_, &karim_, &admin_, &gp_}) {
    EXPECT_EQ(app_->participation().get(*u, ans_).error().kind, ErrorKind::kNotFound)
        << u->username;
    EXPECT_EQ(app_->participation().note(*u, ans_, talk("3")).error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(app_->participation().withdraw(*u, ans_).error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(app_->participation().refuse(*u, ans_, talk("")).error().kind, ErrorKind::kNotFound);
  }
  EXPECT_EQ(app_->participation().get(greet_, ans_)->notes.size(), 1u);
}

TEST_F(ParticipationTest, TheCentresFiguresCountTheVisitorsWhoWentUpARung) {
  add("coco", "coordinator", org(), {meerburg_});
  const User coco = login("coco");
  std::vector<VisitorId> six = {ans_};
  for (const char* n : {"Bob", "Cas", "Dirk", "Eva", "Fien"}) six.push_back(visitor(n));
  for (const auto v : six)
    ASSERT_TRUE(app_->participation().note(greet_, v, talk("1", "", true)).ok());
  clock_->advance(2 * 86400);  // still November
  for (const auto v : six) ASSERT_TRUE(app_->participation().note(greet_, v, talk("2")).ok());
  auto cell = [&](const std::vector<CentreFigureRow>& rows) {
    for (const auto& [key, value] : rows.at(0).cells)
      if (key == "figures.centre_moved_up") return value;
    return std::string("missing");
  };
  auto f = app_->centres().figures(coco, 1);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(cell(f->rows), "6");
  // One withdraws: their steps no longer count, and five stay.
  ASSERT_TRUE(app_->participation().withdraw(greet_, six[0]).ok());
  EXPECT_EQ(cell(app_->centres().figures(coco, 1)->rows), "5");
  ASSERT_TRUE(app_->visitors().withdraw(greet_, six[1]).ok());
  EXPECT_EQ(cell(app_->centres().figures(coco, 1)->rows), "<5");
}

}  // namespace
}  // namespace meedoen::testing
