// Log-in, log-out and the choice of language.
#include "app/app.hpp"
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

Response render_login(Ctx& c, const std::string& username, const std::string& error, int status) {
  if (c.session.user) return redirect("/");
  ensure_session(c);
  json::object m;
  m["username"] = username;
  if (!error.empty()) m["error"] = error;
  return page(c, "accounts/login", std::move(m), c.t("login_title"), status);
}

}  // namespace

Response login_page(Ctx& c) { return render_login(c, {}, {}, 200); }

Response login(Ctx& c) {
  const std::string username = c.req.form.get("username");
  auto r =
      c.app.accounts().login(c.req.cookie(kCookie), username, c.req.form.get("password"), c.client);
  if (!r) {
    const int status = r.error().kind == ErrorKind::kTooMany
                           ? 429
                           : (r.error().kind == ErrorKind::kInvalid ? 422 : 401);
    return render_login(c, username, c.t(r.error().message_key, r.error().detail), status);
  }
  c.session = *r;
  c.new_cookie = r->token;
  return redirect("/");
}

Response logout(Ctx& c) {
  c.app.accounts().logout(c.req.cookie(kCookie));
  // The log-in page makes a new session when it is shown; the old cookie is cleared.
  c.session = SessionView{};
  c.new_cookie = "deleted; Max-Age=0";
  return redirect("/login");
}

Response language(Ctx& c) {
  const std::string lang = c.req.form.get("lang");
  if (c.views.offers(lang)) c.app.accounts().set_language(c.req.cookie(kCookie), lang);
  return redirect(local_path(c.req.form.get("back"), "/"));
}

}  // namespace meedoen::web
