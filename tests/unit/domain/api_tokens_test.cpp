// A token's scopes as stored: codes joined by ',', read back with unknown codes left out.
#include "domain/api_tokens.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

TEST(ApiTokens, ScopesAreStoredAsTheirCodesAndReadBack) {
  EXPECT_EQ(scopes_to_text({ApiScope::kFigures, ApiScope::kFigures}), "figures");
  EXPECT_EQ(scopes_to_text({}), "");
  EXPECT_EQ(scopes_from_text("figures"), std::vector<ApiScope>{ApiScope::kFigures});
  EXPECT_EQ(scopes_from_text("calendar,figures,"), std::vector<ApiScope>{ApiScope::kFigures})
      << "a code this version does not know gives no right";
  EXPECT_TRUE(scopes_from_text("").empty());
  for (ApiScope s : all_api_scopes()) EXPECT_EQ(parse_api_scope(api_scope_code(s)), s);
  EXPECT_FALSE(parse_api_scope("Figures"));
}

TEST(ApiTokens, ATokenHasOnlyItsOwnScopesAndWorksUntilRevoked) {
  ApiToken t;
  EXPECT_FALSE(t.has(ApiScope::kFigures));
  t.scopes = {ApiScope::kFigures};
  EXPECT_TRUE(t.has(ApiScope::kFigures));
  EXPECT_TRUE(t.active());
  t.revoked_at = 1;
  EXPECT_FALSE(t.active());
}

}  // namespace
}  // namespace meedoen
