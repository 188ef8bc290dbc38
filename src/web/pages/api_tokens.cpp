// The administrator's page of the JSON API's tokens (/beheer/api-sleutels): the list, a form for
// a new token, whose secret is shown once on the answer to that form, and revoking one.
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

Response render(Ctx& c, json::object extra, int status) {
  auto list = c.app.api_tokens().list(c.user());
  if (!list) return error_page(c, list.error());
  json::object m = std::move(extra);
  json::array tokens;
  for (const auto& t : *list) {
    json::object o;
    o["id"] = t.id.value;
    o["name"] = t.name;
    o["hint"] = t.hint;
    std::string scopes;
    for (auto s : t.scopes)
      scopes += (scopes.empty() ? "" : ", ") +
                std::string(label(c, labels::kApiScopes, api_scope_code(s)));
    o["scopes"] = scopes;
    o["created"] = format_datetime(t.created_at);
    o["used"] = t.last_used_at ? format_datetime(t.last_used_at) : c.t("api_token_never_used");
    o["active"] = t.active();
    if (!t.active()) o["revoked"] = format_datetime(t.revoked_at);
    tokens.push_back(std::move(o));
  }
  json::array scopes;
  for (auto s : all_api_scopes()) {
    json::object o;
    const std::string code(api_scope_code(s));
    o["value"] = code;
    o["label"] = std::string(label(c, labels::kApiScopes, code));
    o["help"] = std::string(label(c, labels::kApiScopeHelp, code));
    scopes.push_back(std::move(o));
  }
  m["tokens"] = std::move(tokens);
  m["empty"] = list->empty();
  m["scopes"] = std::move(scopes);
  m["saved_text"] = saved_text(c);
  return page(c, "api_tokens/list", std::move(m), c.t("api_tokens_title"), status);
}

}  // namespace

Response api_tokens_page(Ctx& c) { return render(c, {}, 200); }

// The secret is shown in the answer to the post itself (no redirect), once: the page is not
// cached (Cache-Control: no-store on every page) and the database keeps only its digest.
Response api_token_create(Ctx& c) {
  auto made = c.app.api_tokens().create(c.user(), c.req.form.get("name"), c.req.form.all("scopes"));
  if (!made) {
    if (made.error().kind != ErrorKind::kInvalid) return error_page(c, made.error());
    json::object extra;
    extra["error"] = c.t(made.error().message_key);
    extra["errors"] = field_errors(c, made.error());
    json::object v;
    v["name"] = c.req.form.get("name");
    extra["v"] = std::move(v);
    return render(c, std::move(extra), 422);
  }
  json::object extra;
  extra["secret"] = made->secret;
  extra["secret_name"] = made->token.name;
  return render(c, std::move(extra), 201);
}

Response api_token_revoke(Ctx& c) {
  auto id = parse_id(c.params.at(0));
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.api_tokens().revoke(c.user(), ApiTokenId(*id));
  if (!st) return error_page(c, st.error());
  return redirect("/beheer/api-sleutels?opgeslagen=ingetrokken");
}

}  // namespace meedoen::web
