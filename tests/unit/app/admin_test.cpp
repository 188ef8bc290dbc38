#include "app_fixture.hpp"

namespace meedoen::testing {
namespace {

using AdminTest = AppTest;

TEST_F(AdminTest, NewWijkenStartWithTheConfiguredDefaultCategoriesAndEditTheirOwnCopy) {
  auto before = app_->admin().overview(admin_);
  ASSERT_TRUE(before.ok());
  ASSERT_FALSE(before->default_categories.empty());
  const auto first = before->default_categories.front();
  ASSERT_TRUE(app_->admin().remove_default_category(admin_, first.id).ok());
  ASSERT_TRUE(app_->admin().add_default_category(admin_, "Zorgen over mantelzorg", false).ok());
  EXPECT_EQ(app_->admin()
                .add_default_category(admin_, "Zorgen over mantelzorg", false)
                .error()
                .message_key,
            "error.category.exists");
  EXPECT_EQ(app_->admin().add_default_category(chair_, "Iets", false).error().kind,
            ErrorKind::kForbidden);

  auto fresh = app_->admin().create_wijk(admin_, {WijkId(), "Merenwijk", "", "", ""}, {});
  ASSERT_TRUE(fresh.ok());
  auto cfg = app_->admin().wijk_config(admin_, *fresh);
  ASSERT_TRUE(cfg.ok());
  auto has = [](const WijkConfig& c, const std::string& label) {
    return std::any_of(c.categories.begin(), c.categories.end(),
                       [&](const Category& x) { return x.label == label; });
  };
  EXPECT_TRUE(has(*cfg, "Zorgen over mantelzorg"));
  EXPECT_FALSE(has(*cfg, first.label));
  // The wijk made before keeps its own list.
  EXPECT_TRUE(has(*app_->admin().wijk_config(admin_, meerburg_), first.label));
}

TEST_F(AdminTest, AWijkNamedTwiceForAUserIsTheSameWijk) {
  auto id = app_->admin().create_user(
      &admin_,
      {"dubbel", "Dubbel Naam", kPassword, "member", org(), {meerburg_, meerburg_}, false});
  ASSERT_TRUE(id.ok()) << id.error().message_key;
  EXPECT_EQ(login("dubbel").wijken, std::vector<WijkId>{meerburg_});
  ASSERT_TRUE(app_->admin()
                  .update_user(admin_,
                               {"dubbel",
                                "Dubbel Naam",
                                "",
                                "member",
                                org(),
                                {stevenshof_, meerburg_, stevenshof_},
                                false},
                               *id)
                  .ok());
  EXPECT_EQ(login("dubbel").wijken.size(), 2u);
}

TEST_F(AdminTest, UsersAreEditedOnlyByAnAdministrator) {
  NewUserInput in{"", "Nieuwe Naam", "", "chair", chair_.org_id, {meerburg_, stevenshof_}, true};
  EXPECT_EQ(app_->admin().update_user(chair_, in, gp_.id).error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(app_->admin().update_user(admin_, in, gp_.id).ok());
  auto again = app_->accounts().login("", "dokter", kPassword);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->user->role, Role::kChair);
  EXPECT_EQ(again->user->wijken.size(), 2u);
  EXPECT_TRUE(again->user->aandachtsfunctionaris);
  in.role = "koning";
  EXPECT_EQ(app_->admin().update_user(admin_, in, gp_.id).error().field, "role");
}

}  // namespace
}  // namespace meedoen::testing
