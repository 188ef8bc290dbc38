// The implementation of ApiTokensStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/api_tokens_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlApiTokens final : public ApiTokensStore {
 public:
  explicit SqlApiTokens(Connection& conn) : conn_(&conn) {}

  ApiTokenId insert_api_token(const ApiToken& t, const std::string& digest) override;
  std::vector<ApiToken> list_api_tokens() override;
  std::optional<ApiToken> get_api_token(ApiTokenId id) override;
  std::optional<ApiToken> api_token_by_digest(const std::string& digest) override;
  bool revoke_api_token(ApiTokenId id, Timestamp at) override;
  void touch_api_token(ApiTokenId id, Timestamp at) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
