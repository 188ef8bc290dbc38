// Sessions and log-in: server-side sessions keyed by a digest of the cookie value, a new id at
// log-in, an idle time-out, and a growing wait after repeated wrong passwords.
#include "app/accounts.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/session_cache.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {
constexpr Timestamp kTouchEvery = 60;  // write last_seen at most once a minute per session
const std::string& dummy_hash() {
  // Verifying against a real hash when the user is unknown keeps the timing the same.
  static const std::string h = hash_password("not a real password");
  return h;
}
// Whether `s` has the shape of a language code ("nl", "en", "pt-br"). Which languages exist is
// web's to know (a catalogue in messages/ each); this keeps anything else out of the store.
bool language_code(const std::string& s) {
  return s.size() >= 2 && s.size() <= 12 && s[0] >= 'a' && s[0] <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char ch) {
           return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
         });
}
}  // namespace

SessionView Accounts::start_session(const std::string& lang) {
  SessionView v;
  v.token = random_token();
  v.csrf = random_token();
  v.lang = language_code(lang) ? lang : "nl";
  SessionRecord rec{token_digest(v.token), std::nullopt, v.csrf, v.lang, now(), now()};
  auto tx = ctx_.store->begin(TxMode::kWrite);
  tx->accounts().insert_session(rec);
  (void)tx->commit();
  return v;
}

std::optional<SessionView> Accounts::resume_session(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const std::string digest = token_digest(token);
  const Timestamp t = now();
  auto touch = [&] {
    auto tx = ctx_.store->begin(TxMode::kWrite);
    tx->accounts().touch_session(digest, t);
    (void)tx->commit();
  };
  if (auto hit = ctx_.sessions->get(digest, t);
      hit && t - hit->last_seen <= ctx_.config.idle_timeout_seconds) {
    if (t - hit->last_seen >= kTouchEvery) {
      touch();
      ctx_.sessions->touched(digest, t);
    }
    return hit->view;
  }
  ctx_.sessions->erase(digest);
  std::optional<SessionRecord> rec;
  std::optional<User> user;
  {
    auto tx = ctx_.store->begin(TxMode::kRead);
    rec = tx->accounts().find_session(digest);
    if (!rec) return std::nullopt;
    if (rec->user_id) user = tx->accounts().get_user(*rec->user_id);
  }
  if (t - rec->last_seen > ctx_.config.idle_timeout_seconds ||
      (rec->user_id && (!user || !user->active))) {
    auto tx = ctx_.store->begin(TxMode::kWrite);
    tx->accounts().delete_session(digest);
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
  ctx_.sessions->put(digest, {v, last_seen, t});
  return v;
}

namespace {

// Wrong passwords are counted in windows of 15 minutes, under three keys: the client and the name
// together (the ordinary case: a lock after max_failed_logins, growing to 16 minutes), the client
// alone (many names tried from one place), and the name alone (one name tried from many places).
// A lock never stops a client that has not failed itself, so nobody can lock a person out, and
// known and unknown names are counted and answered alike. Attempts while locked are refused
// without being counted, so guessing on does not make the lock longer.
constexpr Timestamp kWindow = 15 * 60;
constexpr int kClientMax = 20;  // failures of one client, any names, before it waits
constexpr int kNameMax = 50;    // failures on one name, all clients, before failing clients wait

struct Throttle {
  ThrottleRow pair, client, name;

  static Throttle load(Tx& tx, const std::string& client, const std::string& username,
                       Timestamp t) {
    Throttle th;
    th.pair.key = token_digest("pair\n" + client + "\n" + username);
    th.client.key = token_digest("client\n" + client);
    th.name.key = token_digest("name\n" + username);
    for (auto& row : tx.accounts().throttle_rows({th.pair.key, th.client.key, th.name.key})) {
      for (ThrottleRow* mine : {&th.pair, &th.client, &th.name})
        if (mine->key == row.key) *mine = row;
    }
    for (ThrottleRow* r : {&th.pair, &th.client, &th.name}) {
      if (t - r->window_start >= kWindow && r->locked_until <= t) {
        r->failures = 0;
        r->window_start = t;
        r->locked_until = 0;
      }
    }
    return th;
  }

  // When this client may try this name again; 0 when it may now.
  Timestamp locked_until(Timestamp t) const {
    Timestamp until = 0;
    if (pair.locked_until > t) until = std::max(until, pair.locked_until);
    if (client.locked_until > t) until = std::max(until, client.locked_until);
    if (name.locked_until > t && pair.failures > 0) until = std::max(until, name.locked_until);
    return until;
  }

  // Counts one failure; returns the lock it sets for this client, or 0.
  Timestamp fail(Tx& tx, Timestamp t, int pair_max) {
    ++pair.failures;
    ++client.failures;
    ++name.failures;
    if (pair.failures >= pair_max) {
      const int extra = std::min(pair.failures - pair_max, 5);
      pair.locked_until = t + (30LL << extra);  // 30 s, 1 min, 2 min, ... up to 16 min
    }
    if (client.failures >= kClientMax) client.locked_until = t + kWindow;
    if (name.failures >= kNameMax) name.locked_until = t + kWindow;
    for (const ThrottleRow* r : {&pair, &client, &name}) tx.accounts().put_throttle_row(*r);
    return locked_until(t);
  }
};

Error wait_error(Timestamp until, Timestamp t) {
  Error e{ErrorKind::kTooMany, "error.login.wait", {}, {}};
  e.detail = std::to_string((until - t + 59) / 60);
  return e;
}

}  // namespace

Result<SessionView> Accounts::login(const std::string& old_token, const std::string& username,
                                    const std::string& password, const std::string& client) {
  if (username.empty() || password.empty())
    return Error::invalid("error.login.missing", username.empty() ? "username" : "password");
  if (username.size() > kMaxShortText || password.size() > 1024)
    return Error::invalid("error.login.failed");
  const Timestamp t = now();
  std::optional<UserAuth> auth;
  Throttle th;
  {
    auto tx = ctx_.store->begin(TxMode::kRead);
    th = Throttle::load(*tx, client, username, t);
    auth = tx->accounts().find_user_auth(username);
  }
  // The same answer, known name or not, and before the password is looked at.
  if (const Timestamp until = th.locked_until(t)) return wait_error(until, t);
  const bool ok = verify_password(auth ? auth->password_hash : dummy_hash(), password);
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!auth || !ok || !auth->user.active) {
    const Timestamp until = th.fail(*tx, t, ctx_.config.max_failed_logins);
    if (auth)
      append_audit(*tx, t, &auth->user, "login_failed", ResidentId(), "user:" + username, "");
    (void)tx->commit();
    if (until) return wait_error(until, t);
    return Error{ErrorKind::kUnauthenticated, "error.login.failed", {}, {}};
  }
  tx->accounts().delete_throttle_row(th.pair.key);
  std::string lang = auth->user.lang;
  if (!old_token.empty()) {
    const std::string old_digest = token_digest(old_token);
    if (auto old = tx->accounts().find_session(old_digest)) lang = old->lang;
    tx->accounts().delete_session(old_digest);
    ctx_.sessions->erase(old_digest);
  }
  SessionView v;
  v.token = random_token();
  v.csrf = random_token();
  v.lang = lang;
  v.user = auth->user;
  tx->accounts().insert_session({token_digest(v.token), auth->user.id, v.csrf, v.lang, t, t});
  tx->accounts().delete_sessions_idle_since(t - ctx_.config.idle_timeout_seconds);
  append_audit(*tx, t, &auth->user, "login", ResidentId(), "user:" + username, "");
  (void)tx->commit();
  return v;
}

bool Accounts::csrf_matches(const SessionView& session, const std::string& token) {
  return secrets_equal(session.csrf, token);
}

void Accounts::logout(const std::string& token) {
  if (token.empty()) return;
  auto tx = ctx_.store->begin(TxMode::kWrite);
  tx->accounts().delete_session(token_digest(token));
  (void)tx->commit();
  ctx_.sessions->erase(token_digest(token));
}

void Accounts::set_language(const std::string& token, const std::string& lang) {
  if (token.empty() || !language_code(lang)) return;
  auto tx = ctx_.store->begin(TxMode::kWrite);
  tx->accounts().set_session_lang(token_digest(token), lang);
  (void)tx->commit();
  ctx_.sessions->erase(token_digest(token));
}

Capabilities Accounts::capabilities(const User& user) { return meedoen::capabilities(user); }
bool Accounts::may_open_page(const User& user, bool device_page) {
  return meedoen::may_open_page(user, device_page);
}

}  // namespace meedoen
