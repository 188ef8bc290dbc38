#include "store/sql/accounts_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

std::vector<WijkId> SqlAccounts::user_wijken(UserId id) {
  auto s = conn_->prepare("SELECT wijk_id FROM user_wijken WHERE user_id = ? ORDER BY wijk_id");
  s.bind_all(id.value);
  std::vector<WijkId> out;
  while (s.step()) out.emplace_back(s.i64(0));
  return out;
}

std::optional<UserAuth> SqlAccounts::find_user_auth(const std::string& username) {
  std::optional<UserAuth> out;
  {
    auto s = conn_->prepare(std::string("SELECT ") + kUserCols +
                            ", password_hash, failed_logins, locked_until FROM users "
                            "WHERE username = ?");
    s.bind_all(username);
    if (!s.step()) return std::nullopt;
    out = UserAuth{read_user(s), s.text(8), s.i32(9), s.i64(10)};
  }
  out->user.wijken = user_wijken(out->user.id);
  auto s = conn_->prepare(
      "SELECT w.wijk_id FROM user_wijken w JOIN wijk_partners p ON p.wijk_id = w.wijk_id "
      "AND p.org_id = ? WHERE w.user_id = ? ORDER BY w.wijk_id");
  s.bind_all(out->user.org_id.value, out->user.id.value);
  while (s.step()) out->user.overleg_wijken.emplace_back(s.i64(0));
  return out;
}

std::optional<std::string> SqlAccounts::user_display_name(UserId id) {
  auto s = conn_->prepare("SELECT display_name FROM users WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<User> SqlAccounts::get_user(UserId id) {
  // Every request resumes a session with its user: one statement for the user and their wijken.
  auto s = conn_->prepare(std::string("SELECT ") + kUserCols + ", " + kUserWijkenCol +
                          " FROM users WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_user_with_wijken(s);
}

std::vector<User> SqlAccounts::list_users() {
  std::vector<User> out;
  auto s = conn_->prepare(std::string("SELECT ") + kUserCols + ", " + kUserWijkenCol +
                          " FROM users ORDER BY username");
  while (s.step()) out.push_back(read_user_with_wijken(s));
  return out;
}

std::vector<User> SqlAccounts::users_in_wijk(WijkId wijk) {
  std::vector<User> out;
  {
    auto s = conn_->prepare(
        "SELECT u.id, u.username, u.display_name, u.role, u.org_id, u.active, "
        "u.aandachtsfunctionaris, u.lang FROM users u JOIN user_wijken w ON w.user_id = u.id "
        "WHERE w.wijk_id = ? AND u.active = 1 ORDER BY u.display_name");
    s.bind_all(wijk.value);
    while (s.step()) out.push_back(read_user(s));
  }
  return out;
}

Result<UserId> SqlAccounts::insert_user(const User& u, const std::string& hash) {
  UserId id;
  {
    auto s = conn_->prepare(
        "INSERT INTO users (username, display_name, role, org_id, active, "
        "aandachtsfunctionaris, lang, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING RETURNING id");
    s.bind_all(u.username, u.display_name, std::string(to_string(u.role)), u.org_id.value, u.active,
               u.aandachtsfunctionaris, u.lang, hash);
    const auto inserted = inserted_id(s);
    if (!inserted) return Error::invalid("error.user.username_taken", "username");
    id = UserId(*inserted);
  }
  for (auto w : u.wijken) {
    auto s = conn_->prepare("INSERT INTO user_wijken (user_id, wijk_id) VALUES (?, ?)");
    s.bind_all(id.value, w.value);
    s.exec();
  }
  return id;
}

void SqlAccounts::update_user(const User& u) {
  {
    auto s = conn_->prepare(
        "UPDATE users SET display_name = ?, role = ?, org_id = ?, active = ?, "
        "aandachtsfunctionaris = ?, lang = ? WHERE id = ?");
    s.bind_all(u.display_name, std::string(to_string(u.role)), u.org_id.value, u.active,
               u.aandachtsfunctionaris, u.lang, u.id.value);
    s.exec();
  }
  {
    auto s = conn_->prepare("DELETE FROM user_wijken WHERE user_id = ?");
    s.bind_all(u.id.value);
    s.exec();
  }
  for (auto w : u.wijken) {
    auto s = conn_->prepare("INSERT INTO user_wijken (user_id, wijk_id) VALUES (?, ?)");
    s.bind_all(u.id.value, w.value);
    s.exec();
  }
}

void SqlAccounts::set_password(UserId id, const std::string& hash) {
  auto s = conn_->prepare(
      "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?");
  s.bind_all(hash, id.value);
  s.exec();
}

void SqlAccounts::set_login_failures(UserId id, int failures, Timestamp locked_until) {
  auto s = conn_->prepare("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?");
  s.bind_all(failures, locked_until, id.value);
  s.exec();
}

void SqlAccounts::insert_session(const SessionRecord& r) {
  auto s = conn_->prepare(
      "INSERT INTO sessions (digest, user_id, csrf, lang, created_at, last_seen) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.bind_all(r.digest, raw(r.user_id), r.csrf, r.lang, r.created_at, r.last_seen);
  s.exec();
}

std::optional<SessionRecord> SqlAccounts::find_session(const std::string& digest) {
  auto s = conn_->prepare(
      "SELECT digest, user_id, csrf, lang, created_at, last_seen FROM sessions WHERE digest = ?");
  s.bind_all(digest);
  if (!s.step()) return std::nullopt;
  return SessionRecord{s.text(0), opt_id<UserId>(s, 1), s.text(2), s.text(3), s.i64(4), s.i64(5)};
}

void SqlAccounts::touch_session(const std::string& digest, Timestamp at) {
  auto s = conn_->prepare("UPDATE sessions SET last_seen = ? WHERE digest = ?");
  s.bind_all(at, digest);
  s.exec();
}

void SqlAccounts::set_session_lang(const std::string& digest, const std::string& lang) {
  auto s = conn_->prepare("UPDATE sessions SET lang = ? WHERE digest = ?");
  s.bind_all(lang, digest);
  s.exec();
}

void SqlAccounts::delete_session(const std::string& digest) {
  auto s = conn_->prepare("DELETE FROM sessions WHERE digest = ?");
  s.bind_all(digest);
  s.exec();
}

void SqlAccounts::delete_sessions_idle_since(Timestamp before) {
  auto s = conn_->prepare("DELETE FROM sessions WHERE last_seen < ?");
  s.bind_all(before);
  s.exec();
}

std::vector<ThrottleRow> SqlAccounts::throttle_rows(const std::vector<std::string>& keys) {
  std::vector<ThrottleRow> out;
  for (const auto& k : keys) {  // three keys at most: one statement each is fine
    auto s = conn_->prepare(
        "SELECT key, failures, window_start, locked_until FROM login_throttle WHERE key = ?");
    s.bind_all(k);
    if (s.step()) out.push_back({s.text(0), s.i32(1), s.i64(2), s.i64(3)});
  }
  return out;
}

void SqlAccounts::put_throttle_row(const ThrottleRow& r) {
  auto s = conn_->prepare(
      "INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = "
      "excluded.window_start, "
      "locked_until = excluded.locked_until");
  s.bind_all(r.key, r.failures, r.window_start, r.locked_until);
  s.exec();
}

void SqlAccounts::delete_throttle_row(const std::string& key) {
  auto s = conn_->prepare("DELETE FROM login_throttle WHERE key = ?");
  s.bind_all(key);
  s.exec();
}

void SqlAccounts::purge_throttle(Timestamp before) {
  auto s = conn_->prepare("DELETE FROM login_throttle WHERE window_start < ? AND locked_until < ?");
  s.bind_all(before, before);
  s.exec();
}

}  // namespace meedoen::sql
