#include "app/api_tokens.hpp"

#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// "mdn_" tells a Meedoen token apart in a secrets scanner or a configuration file.
constexpr const char* kSecretPrefix = "mdn_";
constexpr std::size_t kHintLength = 8;

}  // namespace

Result<std::vector<ApiToken>> ApiTokens::list(const User& admin) {
  if (!may_manage_api_tokens(admin)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  return tx->api_tokens().list_api_tokens();
}

Result<NewApiToken> ApiTokens::create(const User& admin, const std::string& name,
                                      const std::vector<std::string>& scopes) {
  if (!may_manage_api_tokens(admin)) return Error::forbidden();
  std::vector<std::pair<std::string, std::string>> problems;
  ApiToken t;
  t.name = trim(name);
  if (t.name.empty())
    problems.emplace_back("name", "error.api_token.name_required");
  else if (t.name.size() > kApiTokenNameMax)
    problems.emplace_back("name", "error.too_long");
  for (const auto& code : scopes) {
    const auto s = parse_api_scope(code);
    if (!s) return Error::invalid("error.invalid_choice", "scopes");
    if (!t.has(*s)) t.scopes.push_back(*s);
  }
  if (t.scopes.empty()) problems.emplace_back("scopes", "error.api_token.scope_required");
  if (!problems.empty()) return Error::invalid_fields(std::move(problems));

  NewApiToken out;
  out.secret = kSecretPrefix + random_token();
  t.hint = out.secret.substr(0, kHintLength);
  t.created_by = admin.id;
  t.created_at = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  t.id = tx->api_tokens().insert_api_token(t, token_digest(out.secret));
  append_audit(*tx, t.created_at, &admin, "create_api_token", ResidentId(),
               "api_token:" + std::to_string(t.id.value), scopes_to_text(t.scopes));
  if (auto st = tx->commit(); !st) return st.error();
  out.token = std::move(t);
  return out;
}

Status ApiTokens::revoke(const User& admin, ApiTokenId id) {
  if (!may_manage_api_tokens(admin)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto t = tx->api_tokens().get_api_token(id);
  if (!t) return Error::not_found();
  if (!tx->api_tokens().revoke_api_token(id, now()))
    return Error::conflict("error.api_token.already_revoked");
  append_audit(*tx, now(), &admin, "revoke_api_token", ResidentId(),
               "api_token:" + std::to_string(id.value), "");
  return tx->commit();
}

}  // namespace meedoen
