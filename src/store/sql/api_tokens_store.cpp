#include "store/sql/api_tokens_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kCols =
    "id, name, scopes, hint, created_by, created_at, revoked_at, last_used_at FROM api_tokens";

ApiToken read_token(const Stmt& s) {
  ApiToken t;
  t.id = ApiTokenId(s.i64(0));
  t.name = s.text(1);
  t.scopes = scopes_from_text(s.text(2));
  t.hint = s.text(3);
  t.created_by = UserId(s.i64(4));
  t.created_at = s.i64(5);
  t.revoked_at = s.i64(6);
  t.last_used_at = s.i64(7);
  return t;
}

}  // namespace

ApiTokenId SqlApiTokens::insert_api_token(const ApiToken& t, const std::string& digest) {
  auto s = conn_->prepare(
      "INSERT INTO api_tokens (name, scopes, hint, digest, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(t.name, scopes_to_text(t.scopes), t.hint, digest, t.created_by.value, t.created_at);
  return ApiTokenId(*inserted_id(s));
}

std::vector<ApiToken> SqlApiTokens::list_api_tokens() {
  auto s = conn_->prepare(std::string("SELECT ") + kCols + " ORDER BY created_at DESC, id DESC");
  return collect<ApiToken>(s, read_token);
}

std::optional<ApiToken> SqlApiTokens::get_api_token(ApiTokenId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kCols + " WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_token(s);
}

std::optional<ApiToken> SqlApiTokens::api_token_by_digest(const std::string& digest) {
  auto s = conn_->prepare(std::string("SELECT ") + kCols + " WHERE digest = ?");
  s.bind_all(digest);
  if (!s.step()) return std::nullopt;
  return read_token(s);
}

bool SqlApiTokens::revoke_api_token(ApiTokenId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = 0");
  s.bind_all(at, id.value);
  s.exec();
  return conn_->changes() > 0;
}

void SqlApiTokens::touch_api_token(ApiTokenId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
  s.bind_all(at, id.value);
  s.exec();
}

}  // namespace meedoen::sql
