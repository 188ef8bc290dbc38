// Tokens of the JSON API's integrations, found by the digest of their secret.
// One area of the store, reached from a transaction as tx.api_tokens().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/api_tokens.hpp"

namespace meedoen {

class ApiTokensStore {
 public:
  virtual ~ApiTokensStore() = default;

  // Keeps `t` (its id is ignored) with the digest of its secret; returns the new id.
  virtual ApiTokenId insert_api_token(const ApiToken& t, const std::string& digest) = 0;
  // Every token, revoked ones included, newest first.
  virtual std::vector<ApiToken> list_api_tokens() = 0;
  virtual std::optional<ApiToken> get_api_token(ApiTokenId id) = 0;
  // The token whose secret has this digest, revoked or not; nullopt when none.
  virtual std::optional<ApiToken> api_token_by_digest(const std::string& digest) = 0;
  // False when there is no such token or it was revoked before.
  virtual bool revoke_api_token(ApiTokenId id, Timestamp at) = 0;
  virtual void touch_api_token(ApiTokenId id, Timestamp at) = 0;
};

}  // namespace meedoen
