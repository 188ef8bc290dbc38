// The request context: everything a page handler needs for one request (the request, the app,
// the session and its texts, the path parameters, the arena for the page's view model).
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts.hpp"
#include "web/http.hpp"
#include "web/view.hpp"

namespace meedoen {
class App;
}

namespace meedoen::web {

namespace json = boost::json;

// The name of the session cookie.
inline constexpr const char* kCookie = "meedoen_session";

// Everything a handler needs for one request.
struct Ctx {
  const Request& req;
  App& app;
  const Views& views;
  SessionView session;
  std::vector<std::string> params;  // path parameters in order
  std::string new_cookie;           // set when the session was created or replaced
  // Where the page's JSON view model lives: a per-request arena (monotonic resource), so the
  // many small strings and objects of a list page cost a pointer bump instead of malloc/free.
  // Build hot models with `json::object o(c.sp)` and move them into containers of the same arena.
  json::storage_ptr sp;

  // catalogue()'s memo (public only so that Ctx stays an aggregate).
  mutable const json::object* catalogue_ = nullptr;
  mutable std::string catalogue_lang_;
  // The client's address (behind the trusted proxy, from X-Forwarded-For), for log-in throttling.
  std::string client;
  // may()'s memo, as catalogue_ (last, so that the aggregate's positional initialisers stay).
  mutable std::optional<Capabilities> may_;
  // SiteOptions::base_url, without a trailing '/'.
  std::string_view base_url;

  const User& user() const { return *session.user; }
  // The catalogue for this request: the session's language, and in Dutch the informal form of
  // address ("je", messages/nl-je.po) for peer workers, the formal "u" for every other role.
  const std::string& text_lang() const {
    return session.user ? text_lang_for(session.lang, session.user->role) : session.lang;
  }
  std::string t(const std::string& key, const std::string& arg = {}) const {
    return views.message(text_lang(), key, arg);
  }
  // The form of plural text `key` for number `n` ("{n}" filled in), see Views::plural.
  std::string plural(const std::string& key, std::int64_t n,
                     const std::map<std::string, std::string>& values = {}) const {
    return views.plural(text_lang(), key, n, values);
  }
  // What the access policy lets the logged-in user do, decided once per request (the layout's
  // menu and the page itself both ask).
  const Capabilities& may() const {
    if (!may_) may_ = Accounts::capabilities(user());
    return *may_;
  }
  // The path parameter `i` as an id; nullopt when it is not a positive number.
  std::optional<std::int64_t> id_param(std::size_t i) const;
  // The message catalogue of the session's language, found once per request (lists look up
  // labels for every row).
  const json::object& catalogue() const {
    if (!catalogue_ || catalogue_lang_ != text_lang()) {
      catalogue_ = &views.catalogue(text_lang());
      catalogue_lang_ = text_lang();
    }
    return *catalogue_;
  }
};

// Makes sure the request has a stored session, so a form gets its CSRF token; for pages with a
// form that anonymous visitors post (log-in, a partner's one-time link).
void ensure_session(Ctx& c);

}  // namespace meedoen::web
