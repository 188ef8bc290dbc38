// Sessions and log-in: server-side sessions keyed by a digest of the cookie value, a new id at
// log-in, an idle time-out, and a growing wait after repeated wrong passwords.
#include <algorithm>

#include "app/internals.hpp"
#include "app/session_cache.hpp"
#include "privacy/password.hpp"

namespace meedoen {
namespace {
constexpr Timestamp kTouchEvery = 60;  // write last_seen at most once a minute per session
const std::string& dummy_hash() {
  // Verifying against a real hash when the user is unknown keeps the timing the same.
  static const std::string h = hash_password("not a real password");
  return h;
}
}  // namespace

SessionView App::start_session(const std::string& lang) {
  SessionView v;
  v.token = random_token();
  v.csrf = random_token();
  v.lang = lang == "en" ? "en" : "nl";
  SessionRecord rec{token_digest(v.token), std::nullopt, v.csrf, v.lang, now(), now()};
  auto tx = store_->begin(TxMode::kWrite);
  tx->insert_session(rec);
  (void)tx->commit();
  return v;
}

std::optional<SessionView> App::resume_session(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const std::string digest = token_digest(token);
  const Timestamp t = now();
  auto touch = [&] {
    auto tx = store_->begin(TxMode::kWrite);
    tx->touch_session(digest, t);
    (void)tx->commit();
  };
  if (auto hit = sessions_->get(digest, t); hit && t - hit->last_seen <= config_.idle_timeout_seconds) {
    if (t - hit->last_seen >= kTouchEvery) {
      touch();
      sessions_->touched(digest, t);
    }
    return hit->view;
  }
  sessions_->erase(digest);
  std::optional<SessionRecord> rec;
  std::optional<User> user;
  {
    auto tx = store_->begin(TxMode::kRead);
    rec = tx->find_session(digest);
    if (!rec) return std::nullopt;
    if (rec->user_id) user = tx->get_user(*rec->user_id);
  }
  if (t - rec->last_seen > config_.idle_timeout_seconds || (rec->user_id && (!user || !user->active))) {
    auto tx = store_->begin(TxMode::kWrite);
    tx->delete_session(digest);
    (void)tx->commit();
    return std::nullopt;
  }
  Timestamp last_seen = rec->last_seen;
  if (t - last_seen >= kTouchEvery) {
    touch();
    last_seen = t;
  }
  SessionView v;
  v.user = user;
  v.csrf = rec->csrf;
  v.lang = rec->lang;
  sessions_->put(digest, {v, last_seen, t});
  return v;
}

Result<SessionView> App::login(const std::string& old_token, const std::string& username,
                               const std::string& password) {
  if (username.empty() || password.empty())
    return Error::invalid("error.login.missing", username.empty() ? "username" : "password");
  if (username.size() > kMaxShortText || password.size() > 1024)
    return Error::invalid("error.login.failed");
  const Timestamp t = now();
  std::optional<UserAuth> auth;
  {
    auto tx = store_->begin(TxMode::kRead);
    auth = tx->find_user_auth(username);
  }
  if (auth && auth->locked_until > t) {
    Error e{ErrorKind::kTooMany, "error.login.wait", {}, {}};
    e.detail = std::to_string((auth->locked_until - t + 59) / 60);
    return e;
  }
  const bool ok = verify_password(auth ? auth->password_hash : dummy_hash(), password);
  auto tx = store_->begin(TxMode::kWrite);
  if (!auth || !ok || !auth->user.active) {
    if (auth) {
      const int failures = auth->failed_logins + 1;
      Timestamp locked = 0;
      if (failures >= config_.max_failed_logins) {
        const int extra = std::min(failures - config_.max_failed_logins, 5);
        locked = t + (30LL << extra);  // 30 s, 1 min, 2 min, ... up to 16 min
      }
      tx->set_login_failures(auth->user.id, failures, locked);
      Internals::audit(*tx, t, &auth->user, "login_failed", ResidentId(), "user:" + username, "");
      (void)tx->commit();
      if (locked) {
        Error e{ErrorKind::kTooMany, "error.login.wait", {}, {}};
        e.detail = std::to_string((locked - t + 59) / 60);
        return e;
      }
    }
    return Error{ErrorKind::kUnauthenticated, "error.login.failed", {}, {}};
  }
  std::string lang = auth->user.lang;
  if (!old_token.empty()) {
    const std::string old_digest = token_digest(old_token);
    if (auto old = tx->find_session(old_digest)) lang = old->lang;
    tx->delete_session(old_digest);
    sessions_->erase(old_digest);
  }
  tx->set_login_failures(auth->user.id, 0, 0);
  SessionView v;
  v.token = random_token();
  v.csrf = random_token();
  v.lang = lang;
  v.user = auth->user;
  tx->insert_session({token_digest(v.token), auth->user.id, v.csrf, v.lang, t, t});
  tx->delete_sessions_idle_since(t - config_.idle_timeout_seconds);
  Internals::audit(*tx, t, &auth->user, "login", ResidentId(), "user:" + username, "");
  (void)tx->commit();
  return v;
}

bool App::csrf_matches(const SessionView& session, const std::string& token) {
  return secrets_equal(session.csrf, token);
}

void App::logout(const std::string& token) {
  if (token.empty()) return;
  auto tx = store_->begin(TxMode::kWrite);
  tx->delete_session(token_digest(token));
  (void)tx->commit();
  sessions_->erase(token_digest(token));
}

void App::set_language(const std::string& token, const std::string& lang) {
  if (token.empty() || (lang != "nl" && lang != "en")) return;
  auto tx = store_->begin(TxMode::kWrite);
  tx->set_session_lang(token_digest(token), lang);
  (void)tx->commit();
  sessions_->erase(token_digest(token));
}

}  // namespace meedoen
