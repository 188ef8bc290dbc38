// The JSON API's tokens and calls: an administrator makes and revokes tokens, a call needs a
// working token with the scope, and every call is in the audit trail under the token's name.
#include "app_fixture.hpp"

namespace meedoen::testing {
namespace {

class ApiTest : public AppTest {};

TEST_F(ApiTest, OnlyAnAdministratorMakesTokensWithANameAndAScope) {
  EXPECT_EQ(app_->api_tokens().create(chair_, "Dashboard", {"figures"}).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app_->api_tokens().list(gp_).error().kind, ErrorKind::kForbidden);
  auto e = app_->api_tokens().create(admin_, "   ", {}).error();
  EXPECT_EQ(e.kind, ErrorKind::kInvalid);
  ASSERT_EQ(e.fields.size(), 2u) << "both fields at once";
  EXPECT_EQ(e.fields[0],
            (std::pair<std::string, std::string>{"name", "error.api_token.name_required"}));
  EXPECT_EQ(e.fields[1],
            (std::pair<std::string, std::string>{"scopes", "error.api_token.scope_required"}));
  EXPECT_EQ(
      app_->api_tokens().create(admin_, std::string(81, 'x'), {"figures"}).error().fields[0].second,
      "error.too_long");
  EXPECT_EQ(app_->api_tokens().create(admin_, "Dashboard", {"alles"}).error().message_key,
            "error.invalid_choice");

  auto made = app_->api_tokens().create(admin_, "  Dashboard gemeente ", {"figures", "figures"});
  ASSERT_TRUE(made.ok()) << made.error().message_key;
  EXPECT_EQ(made->token.name, "Dashboard gemeente");
  EXPECT_EQ(made->token.scopes, std::vector<ApiScope>{ApiScope::kFigures});
  EXPECT_EQ(made->secret.rfind("mdn_", 0), 0u);
  EXPECT_GE(made->secret.size(), 40u);
  EXPECT_EQ(made->token.hint, made->secret.substr(0, 8));
  auto list = app_->api_tokens().list(admin_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().hint, made->token.hint);
  EXPECT_EQ(raw_database().find(made->secret), std::string::npos)
      << "the database keeps a digest, never the secret";
}

TEST_F(ApiTest, ACallNeedsAWorkingTokenAndIsAuditedUnderItsName) {
  auto made = app_->api_tokens().create(admin_, "Dashboard", {"figures"});
  ASSERT_TRUE(made.ok());
  const auto before = audit().size();

  auto wijken = app_->api().wijken(made->secret, "GET /api/v1/wijken");
  ASSERT_TRUE(wijken.ok()) << wijken.error().message_key;
  EXPECT_EQ(wijken->size(), 2u);
  auto figures = app_->api().signal_figures(made->secret, "GET /api/v1/cijfers/signalen");
  ASSERT_TRUE(figures.ok());
  EXPECT_EQ(figures->size(), 2u);
  auto funnel = app_->api().brigade_figures(made->secret, 3, "GET /api/v1/cijfers/brigade");
  ASSERT_TRUE(funnel.ok());
  EXPECT_EQ(funnel->months, 3);

  const auto entries = audit();
  ASSERT_EQ(entries.size(), before + 3) << "one entry per call";
  const auto& last = entries.back();
  EXPECT_EQ(last.event, "api_call");
  EXPECT_EQ(last.user_label, "api:Dashboard (token " + std::to_string(made->token.id.value) + ")");
  EXPECT_EQ(last.object, "GET /api/v1/cijfers/brigade");
  EXPECT_EQ(last.reason, "figures");
  EXPECT_FALSE(last.user_id.valid());
  EXPECT_TRUE(app_->audit().verify().ok);
  EXPECT_EQ(app_->api_tokens().list(admin_)->front().last_used_at, clock_->now());

  for (const std::string& secret : {std::string(), std::string("mdn_verkeerd"), made->secret + "x"})
    EXPECT_EQ(app_->api().wijken(secret, "GET /api/v1/wijken").error().kind,
              ErrorKind::kUnauthenticated)
        << secret;
  EXPECT_EQ(audit().size(), before + 3) << "a refused call reads nothing and writes nothing";

  ASSERT_TRUE(app_->api_tokens().revoke(admin_, made->token.id).ok());
  EXPECT_EQ(app_->api().wijken(made->secret, "GET /api/v1/wijken").error().message_key,
            "error.api.token");
  EXPECT_EQ(app_->api_tokens().revoke(admin_, made->token.id).error().kind, ErrorKind::kConflict);
  EXPECT_EQ(app_->api_tokens().revoke(admin_, ApiTokenId(999)).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(app_->api_tokens().revoke(chair_, made->token.id).error().kind, ErrorKind::kForbidden);
  const auto after = audit();
  EXPECT_EQ(after.back().event, "revoke_api_token");
  EXPECT_EQ(after.back().user_id, admin_.id);
}

}  // namespace
}  // namespace meedoen::testing
