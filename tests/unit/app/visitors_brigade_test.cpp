// The brigade's "came along to the centre", measured (app/visitors.hpp): the peer who holds a
// request makes its resident known at a centre of the wijk under two consents, the host sees only
// the chosen name, and the resident's first check-in after the request counts in the funnel
// until the consent is withdrawn.
#include "brigade_fixture.hpp"
#include "store/store.hpp"

namespace meedoen::testing {
namespace {

class VisitorsBrigadeTest : public BrigadeTest {
 protected:
  void SetUp() override {
    BrigadeTest::SetUp();
    auto zrc = app_->admin().create_org(&admin_, {OrgId(), "Zelfregiecentrum", "other"});
    ASSERT_TRUE(zrc.ok());
    add("greet", "host", *zrc, {meerburg_});
    greet_ = login("greet");
    auto c = app_->centres().create(admin_, {meerburg_, "Matilo", "", 0, {}});
    auto far = app_->centres().create(admin_, {stevenshof_, "Elders", "", 0, {}});
    ASSERT_TRUE(c.ok() && far.ok());
    matilo_ = *c;
    elders_ = *far;
    ASSERT_TRUE(app_->centres().add_host(admin_, matilo_, greet_.id).ok());
  }

  static NewVisitor yes(const std::string& name) {
    NewVisitor in;
    in.name = name;
    in.consent = true;
    return in;
  }

  std::vector<FunnelRow> funnel() {
    auto store = open_sqlite_store((dir_ / "t.db").string());
    EXPECT_TRUE(store.ok());
    return (*store)->begin(TxMode::kRead)->figures().funnel({meerburg_}, 0, clock_->now() + 1);
  }

  User greet_;
  CentreId matilo_, elders_;
};

TEST_F(VisitorsBrigadeTest, ThePeerWhoCameAlongMakesTheResidentKnownAndTheCheckInCounts) {
  const RequestId r = assigned(anouk_);
  auto link = app_->visitors().for_request(anouk_, r);
  ASSERT_TRUE(link.ok());
  EXPECT_TRUE(link->may_link);
  ASSERT_EQ(link->centres.size(), 1u) << "the centres of the request's wijk";
  EXPECT_EQ(link->centres[0].name, "Matilo");
  EXPECT_FALSE(link->visitor);
  EXPECT_EQ(app_->visitors().for_request(mo_, r).error().kind, ErrorKind::kForbidden)
      << "another peer";
  EXPECT_EQ(app_->visitors().for_request(greet_, r).error().kind, ErrorKind::kForbidden);
  EXPECT_FALSE(app_->visitors().for_request(coord_, r)->may_link) << "not at the centre";

  EXPECT_EQ(app_->visitors().from_request(mo_, r, matilo_, yes("Gerrit")).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app_->visitors().from_request(anouk_, r, elders_, yes("Gerrit")).error().field,
            "centre");
  NewVisitor no = yes("Gerrit");
  no.consent = false;
  EXPECT_EQ(app_->visitors().from_request(anouk_, r, matilo_, no).error().field, "consent");
  const auto v = app_->visitors().from_request(anouk_, r, matilo_, yes("Gerrit"));
  ASSERT_TRUE(v.ok()) << v.error().message_key;
  EXPECT_EQ(app_->visitors().from_request(anouk_, r, matilo_, yes("Ge")).error().message_key,
            "error.visitor.already_linked");

  auto rec = app_->visitors().get(greet_, *v);
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->visits.visitor.name, "Gerrit");
  ASSERT_EQ(rec->consents.size(), 2u);
  EXPECT_TRUE(std::any_of(rec->consents.begin(), rec->consents.end(), [](const ConsentRecord& c) {
    return c.purpose == ConsentPurpose::kBrigadeLink && c.in_force();
  }));
  ASSERT_EQ(funnel().size(), 1u);
  EXPECT_FALSE(funnel()[0].checked_in) << "known is not yet come";

  clock_->advance(3600);
  auto in = app_->visitors().check_in(greet_, *v, "key-gerrit-01");
  ASSERT_TRUE(in.ok());
  EXPECT_TRUE(funnel()[0].checked_in);
  link = app_->visitors().for_request(anouk_, r);
  ASSERT_TRUE(link->visitor);
  EXPECT_EQ(link->visitor->visits, 1);
  EXPECT_EQ(link->centre_name, "Matilo");

  ASSERT_TRUE(app_->visitors().withdraw(greet_, *v).ok());
  EXPECT_FALSE(funnel()[0].checked_in) << "without the consent the link is gone";
  EXPECT_FALSE(app_->visitors().for_request(anouk_, r)->visitor);
}

}  // namespace
}  // namespace meedoen::testing
