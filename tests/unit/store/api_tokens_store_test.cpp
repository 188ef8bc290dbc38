// The API tokens' store: a token is found by the digest of its secret, revoked once, and listed
// newest first (store/api_tokens_store.hpp).
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class ApiTokensStoreContract : public StoreContract {
 protected:
  ApiToken token(UserId by, const std::string& name, Timestamp at) {
    ApiToken t;
    t.name = name;
    t.scopes = {ApiScope::kFigures};
    t.hint = "mdn_abcd";
    t.created_by = by;
    t.created_at = at;
    return t;
  }
};

TEST_P(ApiTokensStoreContract, ATokenIsFoundByItsDigestAndRevokedOnce) {
  const World w = world();
  const auto id = committed([&](Tx& tx) {
    return tx.api_tokens().insert_api_token(token(w.user, "Dashboard", kT0), "digest-1");
  });
  ASSERT_TRUE(id.valid());
  auto found = read()->api_tokens().api_token_by_digest("digest-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->name, "Dashboard");
  EXPECT_EQ(found->scopes, std::vector<ApiScope>{ApiScope::kFigures});
  EXPECT_EQ(found->hint, "mdn_abcd");
  EXPECT_EQ(found->created_by, w.user);
  EXPECT_EQ(found->created_at, kT0);
  EXPECT_TRUE(found->active());
  EXPECT_EQ(found->last_used_at, 0);
  EXPECT_FALSE(read()->api_tokens().api_token_by_digest("digest-2"));

  committed([&](Tx& tx) { tx.api_tokens().touch_api_token(id, kT0 + 5); });
  EXPECT_EQ(read()->api_tokens().get_api_token(id)->last_used_at, kT0 + 5);

  EXPECT_TRUE(committed([&](Tx& tx) { return tx.api_tokens().revoke_api_token(id, kT0 + 9); }));
  EXPECT_FALSE(committed([&](Tx& tx) { return tx.api_tokens().revoke_api_token(id, kT0 + 10); }))
      << "revoked before";
  EXPECT_FALSE(committed([&](Tx& tx) {
    return tx.api_tokens().revoke_api_token(ApiTokenId(id.value + 1), kT0);
  })) << "no such token";
  found = read()->api_tokens().api_token_by_digest("digest-1");
  ASSERT_TRUE(found) << "a revoked token is still found, so that it can be refused";
  EXPECT_EQ(found->revoked_at, kT0 + 9);
  EXPECT_FALSE(found->active());
}

TEST_P(ApiTokensStoreContract, TokensAreListedNewestFirstAndADigestIsUnique) {
  const World w = world();
  committed([&](Tx& tx) {
    tx.api_tokens().insert_api_token(token(w.user, "Oud", kT0), "d-old");
    tx.api_tokens().insert_api_token(token(w.user, "Nieuw", kT0 + kDay), "d-new");
    tx.api_tokens().insert_api_token(token(w.user, "Ook nieuw", kT0 + kDay), "d-new-2");
  });
  std::vector<std::string> names;
  for (const auto& t : read()->api_tokens().list_api_tokens()) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Ook nieuw", "Nieuw", "Oud"}));
  auto tx = write();
  EXPECT_ANY_THROW(tx->api_tokens().insert_api_token(token(w.user, "Dubbel", kT0), "d-old"));
}

}  // namespace

MEEDOEN_STORE_CONTRACT(ApiTokensStoreContract);

}  // namespace meedoen::testing
