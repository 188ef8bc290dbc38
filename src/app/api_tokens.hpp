// The JSON API's tokens, as the administrator manages them: make one for a named integration with
// the scopes it needs (its secret is shown once, then only its hint), list them, revoke one.
// One area of the use cases, reached as app.api_tokens(). The API's calls are in app/api.hpp.
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/api_tokens.hpp"
#include "domain/entities.hpp"

namespace meedoen {

struct NewApiToken {
  ApiToken token;
  std::string secret;  // the only time it is known: the database keeps its digest
};

class ApiTokens {
 public:
  explicit ApiTokens(AppContext& ctx) : ctx_(ctx) {}

  // Every token, newest first, revoked ones included.
  Result<std::vector<ApiToken>> list(const User& admin);
  // `scopes` are codes ("figures"); at least one, each known.
  Result<NewApiToken> create(const User& admin, const std::string& name,
                             const std::vector<std::string>& scopes);
  // From now on, every call with it is refused. A token revoked before is a conflict.
  Status revoke(const User& admin, ApiTokenId id);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
