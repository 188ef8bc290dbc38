// Users, their log-in and sessions, and log-in throttling.
// One area of the store, reached from a transaction as tx.accounts().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

struct UserAuth {
  User user;
  std::string password_hash;
  int failed_logins = 0;
  Timestamp locked_until = 0;
};

// Wrong passwords counted under one key (a digest of client, client and name, or name).
struct ThrottleRow {
  std::string key;
  int failures = 0;
  Timestamp window_start = 0;
  Timestamp locked_until = 0;
};

struct SessionRecord {
  std::string digest;  // BLAKE2b of the cookie value; the value itself is never stored
  std::optional<UserId> user_id;
  std::string csrf;
  std::string lang = "nl";
  Timestamp created_at = 0;
  Timestamp last_seen = 0;
};

class AccountsStore {
 public:
  virtual ~AccountsStore() = default;

  virtual std::optional<UserAuth> find_user_auth(const std::string& username) = 0;
  virtual std::optional<User> get_user(UserId id) = 0;
  // Only the name, for lists: get_user also reads the user's wijken.
  virtual std::optional<std::string> user_display_name(UserId id) = 0;
  // Every user, active or not, by username, with their wijken.
  virtual std::vector<User> list_users() = 0;
  // Active users of the wijk, by name; their own lists of wijken are not filled (one query
  // instead of one per user: the callers want names and roles for a choice or a list).
  virtual std::vector<User> users_in_wijk(WijkId wijk) = 0;
  // An invalid-input error on "username" when the name is taken.
  virtual Result<UserId> insert_user(const User& user, const std::string& password_hash) = 0;
  // Changes everything of the user but the username and the password.
  virtual void update_user(const User& user) = 0;
  // Also clears the failed log-ins and the lock.
  virtual void set_password(UserId id, const std::string& password_hash) = 0;
  virtual void set_login_failures(UserId id, int failures, Timestamp locked_until) = 0;
  virtual void insert_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> find_session(const std::string& digest) = 0;
  virtual void touch_session(const std::string& digest, Timestamp at) = 0;
  virtual void set_session_lang(const std::string& digest, const std::string& lang) = 0;
  virtual void delete_session(const std::string& digest) = 0;
  // The sessions last seen before `before`.
  virtual void delete_sessions_idle_since(Timestamp before) = 0;
  // Log-in throttling: the rows for `keys` that exist (in no particular order), a row written
  // whole, and rows whose window began and whose lock ended before `before` removed.
  virtual std::vector<ThrottleRow> throttle_rows(const std::vector<std::string>& keys) = 0;
  virtual void put_throttle_row(const ThrottleRow& row) = 0;
  virtual void delete_throttle_row(const std::string& key) = 0;
  virtual void purge_throttle(Timestamp before) = 0;
};

}  // namespace meedoen
