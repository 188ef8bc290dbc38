#include "app_fixture.hpp"

namespace meedoen::testing {
namespace {

using SignalsTest = AppTest;

TEST_F(SignalsTest, RaisingMakesAPseudonymousResidentAndAnAuditEntry) {
  auto r = app_->signals().raise(gp_, signal_in("Jan Pietersen"));
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  EXPECT_TRUE(is_valid_pseudonym(r->resident_code));
  EXPECT_FALSE(r->meldcode);
  EXPECT_TRUE(app_->audit().verify().ok);
  EXPECT_GE(app_->audit().verify().checked, 3);
}

TEST_F(SignalsTest, TheRawDatabaseNeverHoldsAResidentsName) {
  // The signal's text is pseudonymous and stored as written: finding it shows that the search
  // below reads where the data is (the database file and its write-ahead log), so it could fail.
  RaiseSignalInput in = signal_in("Wilhelmina Zonderland", "Gordijnen dicht sinds Pinksteren-7Q");
  in.identity.address = "Kaarsenmakersstraat 77";
  ASSERT_TRUE(app_->signals().raise(gp_, in).ok());
  const std::string raw = raw_database();
  ASSERT_NE(raw.find("Gordijnen dicht sinds Pinksteren-7Q"), std::string::npos);
  EXPECT_EQ(raw.find("Wilhelmina"), std::string::npos);
  EXPECT_EQ(raw.find("Zonderland"), std::string::npos);
  EXPECT_EQ(raw.find("Kaarsenmakersstraat"), std::string::npos);
}

TEST_F(SignalsTest, ASecondSignalAboutAResidentWithAnOpenCaseIsLinked) {
  auto first = app_->signals().raise(gp_, signal_in("Kees"));
  ASSERT_TRUE(first.ok());
  RaiseSignalInput again = signal_in({}, "Weer niet gezien");
  again.resident_code = first->resident_code;
  again.urgent = true;
  auto second = app_->signals().raise(agent_, again);
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(second->linked_to.has_value());
  EXPECT_EQ(*second->linked_to, first->signal_id);
  auto detail = app_->signals().detail(chair_, first->signal_id);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->linked.size(), 1u);
  EXPECT_TRUE(detail->row.signal.urgent);  // the urgent addition made the case urgent
  SignalQuery q;
  auto list = app_->signals().list(chair_, q);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 1);  // one case, not two
}

// The list's total comes from counts that triggers keep (signal_counts); its rows come from the
// signals themselves. Through raising, linking, urgency and closing, the two must agree.
TEST_F(SignalsTest, TheListTotalAgreesWithItsRowsThroughASignalsLife) {
  auto expect_agree = [&](const char* when) {
    for (std::optional<SignalState> state :
         {std::optional<SignalState>{}, std::optional(SignalState::kNew),
          std::optional(SignalState::kClosed), std::optional(SignalState::kLinked)}) {
      for (bool urgent : {false, true}) {
        SignalQuery q;
        q.wijk = meerburg_;
        q.state = state;
        q.urgent_only = urgent;
        auto list = app_->signals().list(chair_, q);
        ASSERT_TRUE(list.ok()) << when;
        EXPECT_EQ(list->total, static_cast<int>(list->rows.size()))
            << when << ", state " << (state ? to_string(*state) : "any") << ", urgent " << urgent;
      }
    }
  };
  expect_agree("empty");
  auto a = app_->signals().raise(gp_, signal_in("Anna"));
  auto b = app_->signals().raise(agent_, signal_in("Bert"));
  ASSERT_TRUE(a.ok() && b.ok());
  RaiseSignalInput urgent = signal_in("Carla");
  urgent.urgent = true;
  ASSERT_TRUE(app_->signals().raise(gp_, urgent).ok());
  expect_agree("after raising three");
  RaiseSignalInput again = signal_in({}, "Weer niet gezien");
  again.resident_code = a->resident_code;
  again.urgent = true;  // makes the case urgent too
  ASSERT_TRUE(app_->signals().raise(agent_, again).ok());
  expect_agree("after linking one");
  ASSERT_TRUE(app_->signals().close(chair_, b->signal_id, "Verhuisd naar een andere stad").ok());
  expect_agree("after closing one");
  SignalQuery all;
  all.wijk = meerburg_;
  EXPECT_EQ(app_->signals().list(chair_, all)->total, 3);  // the linked one counts with its case
}

TEST_F(SignalsTest, IdentityIsShownOnlyAsThePolicySaysAndEveryRevealIsAudited) {
  auto r = app_->signals().raise(gp_, signal_in("Marietje Zorg"));
  ASSERT_TRUE(r.ok());
  auto raiser = app_->signals().detail(gp_, r->signal_id);
  ASSERT_TRUE(raiser.ok());
  ASSERT_TRUE(raiser->identity.has_value());
  EXPECT_EQ(raiser->identity->name, "Marietje Zorg");
  auto colleague = app_->signals().detail(agent_, r->signal_id);
  ASSERT_TRUE(colleague.ok());
  EXPECT_FALSE(colleague->identity.has_value());
  EXPECT_TRUE(colleague->may_break_glass);
  EXPECT_EQ(app_->signals().detail(agent_, r->signal_id, "kort").error().field, "reason");
  auto glass =
      app_->signals().detail(agent_, r->signal_id, "Ik moet vandaag langs voor een huisbezoek");
  ASSERT_TRUE(glass.ok());
  ASSERT_TRUE(glass->identity.has_value());
  auto log = app_->audit().for_resident(admin_, glass->row.resident.id);
  ASSERT_TRUE(log.ok());
  int reads = 0;
  bool glass_logged = false;
  for (const auto& e : *log) {
    if (e.event != "read_identity" && e.event != "break_glass") continue;
    ++reads;
    glass_logged = glass_logged ||
                   (e.event == "break_glass" && e.reason.find("huisbezoek") != std::string::npos);
  }
  EXPECT_EQ(reads, 2);
  EXPECT_TRUE(glass_logged);
  EXPECT_EQ(app_->signals().detail(other_, r->signal_id).error().kind, ErrorKind::kForbidden);
}

TEST_F(SignalsTest, BadInputIsRefusedWithAFieldAndNothingIsSaved) {
  RaiseSignalInput in = signal_in("Iemand", "");
  EXPECT_EQ(app_->signals().raise(gp_, in).error().field, "description");
  in = signal_in("Iemand", std::string(kMaxDescription + 1, 'x'));
  EXPECT_EQ(app_->signals().raise(gp_, in).error().message_key, "error.too_long");
  in = signal_in("Iemand");
  in.identity.birth_year = "19x0";
  EXPECT_EQ(app_->signals().raise(gp_, in).error().field, "birth_year");
  in = signal_in("Iemand");
  in.resident_code = "R-ZZZZ";
  EXPECT_EQ(app_->signals().raise(gp_, in).error().field, "resident_code");
  in = signal_in("Iemand");
  in.wijk = stevenshof_;
  EXPECT_EQ(app_->signals().raise(gp_, in).error().kind, ErrorKind::kForbidden);
  SignalQuery q;
  EXPECT_EQ(app_->signals().list(chair_, q)->total, 0);
  EXPECT_EQ(raw_database().find("Iemand"), std::string::npos);
}

TEST_F(SignalsTest, MeldcodeSignalAsksForAChoiceThenStaysOffTheAgendaUntilWeighed) {
  RaiseSignalInput in = signal_in("Sara", "Buren denken dat mevrouw geslagen wordt");
  auto ask = app_->signals().raise(gp_, in);
  ASSERT_TRUE(ask.ok());
  EXPECT_TRUE(ask->meldcode_needs_choice);
  EXPECT_FALSE(ask->signal_id.valid());
  in.meldcode_confirmed = true;
  auto r = app_->signals().raise(gp_, in);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->meldcode);
  EXPECT_EQ(app_->signals().detail(chair_, r->signal_id).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->signals().close(gp_, r->signal_id, "Hulp geregeld").error().message_key,
            "error.signal.meldcode_not_weighed");
  ASSERT_TRUE(app_->signals()
                  .record_meldcode_step(gp_, r->signal_id, 4, "2026-11-23", "Gewogen met collega")
                  .ok());
  EXPECT_TRUE(app_->signals().close(gp_, r->signal_id, "Hulp geregeld").ok());
}

}  // namespace
}  // namespace meedoen::testing

namespace meedoen::testing {
namespace {

class OverlegMembershipTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    auto brigade_org = app_->admin().create_org(&admin_, {OrgId(), "Brigade", "centre"});
    ASSERT_TRUE(brigade_org.ok());
    brigade_org_ = *brigade_org;
    add("peer", "peer", brigade_org_, {meerburg_});
    add("host", "host", brigade_org_, {meerburg_});
    add("coord", "coordinator", brigade_org_, {meerburg_});
    peer_ = login("peer");
    host_ = login("host");
    coord_ = login("coord");
    auto r = app_->signals().raise(gp_, signal_in("Marietje Zorg"));
    ASSERT_TRUE(r.ok());
    signal_ = r->signal_id;
  }
  // Names (or stops naming) the brigade's organisation as a member of Meerburg's overleg.
  void brigade_in_overleg(bool member) {
    WijkConfigInput in{meerburg_, "", "", {}};
    if (member) in.partners.push_back(brigade_org_);
    ASSERT_TRUE(app_->admin().update_wijk_config(admin_, in).ok());
    peer_ = login("peer");
    host_ = login("host");
  }
  OrgId brigade_org_;
  User peer_, host_, coord_;
  SignalId signal_;
};

TEST_F(OverlegMembershipTest, PeersAndHostsRaiseSignalsButReadTheWijkOnlyAsOverlegMembers) {
  brigade_in_overleg(false);
  for (const User* u : {&peer_, &host_}) {
    SCOPED_TRACE(u->username);
    EXPECT_EQ(app_->signals().list(*u, {}).error().kind, ErrorKind::kForbidden);
    EXPECT_EQ(app_->signals().detail(*u, signal_).error().kind, ErrorKind::kForbidden);
    EXPECT_EQ(app_->meetings().list(*u).error().kind, ErrorKind::kForbidden);
    EXPECT_EQ(app_->start().wijk_overview(*u, meerburg_).error().kind, ErrorKind::kForbidden);
    EXPECT_FALSE(Accounts::capabilities(*u).reads_overleg);
    auto own = app_->signals().raise(*u, signal_in({}, "Ik zag haar al weken niet meer"));
    ASSERT_TRUE(own.ok());
    EXPECT_TRUE(app_->signals().detail(*u, own->signal_id).ok())
        << "one's own signal stays readable";
    SignalQuery mine;
    mine.mine = true;
    EXPECT_TRUE(app_->signals().list(*u, mine).ok());
  }
  brigade_in_overleg(true);
  for (const User* u : {&peer_, &host_}) {
    SCOPED_TRACE(u->username);
    EXPECT_TRUE(app_->signals().list(*u, {}).ok());
    EXPECT_TRUE(app_->signals().detail(*u, signal_).ok());
    EXPECT_TRUE(Accounts::capabilities(*u).reads_overleg);
  }
}

TEST_F(OverlegMembershipTest, OnlyTheOverlegsActingRolesMayBreakTheGlass) {
  brigade_in_overleg(true);
  const std::string reason = "Ik moet vandaag langs voor een huisbezoek bij deze bewoner";
  for (const User* u : {&peer_, &host_, &coord_}) {
    SCOPED_TRACE(u->username);
    auto d = app_->signals().detail(*u, signal_);
    ASSERT_TRUE(d.ok());
    EXPECT_FALSE(d->may_break_glass);
    EXPECT_EQ(app_->signals().detail(*u, signal_, reason).error().kind, ErrorKind::kForbidden);
  }
  EXPECT_EQ(app_->signals().detail(agent_, signal_, "Moet dit weten nu").error().field, "reason")
      << "not a sentence";
  EXPECT_EQ(app_->signals().detail(agent_, signal_, "aaaaaaaaaaaaaaaaaaaaaaaaa").error().field,
            "reason")
      << "one word";
  ASSERT_TRUE(app_->signals().detail(agent_, signal_, reason).ok());
  auto review = app_->audit().break_glass_reviews(chair_);
  ASSERT_TRUE(review.ok());
  ASSERT_EQ(review->size(), 1u);
  EXPECT_NE(review->front().entry.reason.find("huisbezoek"), std::string::npos);
  EXPECT_NE(review->front().entry.user_label.find("agent"), std::string::npos);
  EXPECT_TRUE(app_->audit().break_glass_reviews(admin_).ok());
  EXPECT_EQ(app_->audit().break_glass_reviews(agent_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->audit().break_glass_reviews(peer_).error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(app_->audit().break_glass_reviews(other_).ok());
  EXPECT_TRUE(app_->audit().break_glass_reviews(other_)->empty())
      << "a chair of another wijk sees none of Meerburg's";
}

}  // namespace
}  // namespace meedoen::testing
