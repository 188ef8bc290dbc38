// Sessions and log-in.
// One area of the use cases, reached as app.accounts().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/io.hpp"
#include "domain/capabilities.hpp"

namespace meedoen {

class Accounts {
 public:
  explicit Accounts(AppContext& ctx) : ctx_(ctx) {}

  // A session without a user, so the log-in form has a CSRF token. Returns the cookie value.
  SessionView start_session(const std::string& lang);
  // The session for a cookie value; nullopt when unknown or idle for too long.
  std::optional<SessionView> resume_session(const std::string& token);
  // Checks the password and replaces the session by a new one (a new id) for the user.
  // `client` is the client's address, for throttling guesses per client and account.
  Result<SessionView> login(const std::string& old_token, const std::string& username,
                            const std::string& password, const std::string& client = {});
  void logout(const std::string& token);
  // `lang` is a language code that web offers (a catalogue in messages/); a string of any other
  // shape is ignored, as is an empty token. start_session takes Dutch for one.
  void set_language(const std::string& token, const std::string& lang);
  // Whether the user reads a wijk's signals and meetings, not only raises signals (for menus).
  static Capabilities capabilities(const User& user);
  // Whether `user` may open a page at all (privacy's may_open_page): a centre's tablet only the
  // pages marked for it.
  static bool may_open_page(const User& user, bool device_page);
  // Whether `token` is the session's CSRF token (constant-time).
  static bool csrf_matches(const SessionView& session, const std::string& token);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
