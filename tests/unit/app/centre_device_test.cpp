// The centre's shared tablet (the centre device log-in): it counts and checks known visitors in at
// the centre it is named for, and does nothing else a host does (privacy's may_count).
#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class CentreDeviceTest : public CentreTest {
 protected:
  void SetUp() override {
    CentreTest::SetUp();
    auto org = app_->admin().create_org(&admin_, {OrgId(), "Huis van de Buurt", "other"});
    ASSERT_TRUE(org.ok());
    add("tablet", "centre_device", *org, {meerburg_});
    tablet_ = login("tablet");
    ASSERT_TRUE(app_->centres().add_host(admin_, matilo_, tablet_.id).ok());
    NewVisitor ans;
    ans.name = "Ans";
    ans.consent = true;
    auto v = app_->visitors().make_known(greet_, matilo_, ans);
    ASSERT_TRUE(v.ok());
    ans_ = *v;
  }

  User tablet_;
  VisitorId ans_;
};

TEST_F(CentreDeviceTest, TheTabletCountsAndChecksIn) {
  auto hosted = app_->centres().hosted(tablet_);
  ASSERT_TRUE(hosted.ok());
  ASSERT_EQ(hosted->size(), 1u);
  TapInput in;
  in.key = "key-tablet-01";
  auto d = app_->centres().tap(tablet_, matilo_, in);
  ASSERT_TRUE(d.ok()) << d.error().message_key;
  EXPECT_EQ(d->total, 1);
  auto known = app_->visitors().known(tablet_, matilo_);
  ASSERT_TRUE(known.ok());
  ASSERT_EQ(known->visitors.size(), 1u);
  EXPECT_EQ(known->visitors[0].visitor.name, "Ans") << "the name to tap";
  auto c = app_->visitors().check_in(tablet_, ans_, "key-tablet-02");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(app_->centres().today(tablet_, matilo_)->total, 2);
}

TEST_F(CentreDeviceTest, TheTabletDoesNothingElseAHostDoes) {
  NewVisitor bo;
  bo.name = "Bo";
  bo.consent = true;
  EXPECT_EQ(app_->visitors().make_known(tablet_, matilo_, bo).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->visitors().get(tablet_, ans_).error().kind, ErrorKind::kNotFound)
      << "no record, no consents";
  EXPECT_EQ(app_->visitors().withdraw(tablet_, ans_).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->activities().list(tablet_, matilo_).error().kind, ErrorKind::kForbidden);
  const auto may = Accounts::capabilities(tablet_);
  EXPECT_TRUE(may.counts_at_centre);
  EXPECT_FALSE(may.hosts_centre);
  EXPECT_FALSE(may.asks_brigade);
  EXPECT_FALSE(may.in_overleg);
  EXPECT_FALSE(may.reads_overleg);
  EXPECT_FALSE(may.has_referral_inbox);
  EXPECT_FALSE(Accounts::may_open_page(tablet_, false));
  EXPECT_TRUE(Accounts::may_open_page(tablet_, true));
  EXPECT_TRUE(Accounts::may_open_page(greet_, false));
}

TEST_F(CentreDeviceTest, TheTabletCountsOnlyWhereItIsNamed) {
  auto other = app_->centres().create(admin_, {meerburg_, "Ander", "", 0, {}});
  ASSERT_TRUE(other.ok());
  TapInput in;
  in.key = "key-tablet-03";
  EXPECT_EQ(app_->centres().tap(tablet_, *other, in).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->visitors().known(tablet_, *other).error().kind, ErrorKind::kForbidden);
}

}  // namespace
}  // namespace meedoen::testing
