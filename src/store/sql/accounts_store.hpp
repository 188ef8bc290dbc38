// The implementation of AccountsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/accounts_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlAccounts final : public AccountsStore {
 public:
  explicit SqlAccounts(Connection& conn) : conn_(&conn) {}

  std::optional<UserAuth> find_user_auth(const std::string& username) override;
  std::optional<User> get_user(UserId id) override;
  std::optional<std::string> user_display_name(UserId id) override;
  std::vector<User> list_users() override;
  std::vector<User> users_in_wijk(WijkId wijk) override;
  Result<UserId> insert_user(const User& user, const std::string& password_hash) override;
  void update_user(const User& user) override;
  void set_password(UserId id, const std::string& password_hash) override;
  void set_login_failures(UserId id, int failures, Timestamp locked_until) override;
  void insert_session(const SessionRecord& s) override;
  std::optional<SessionRecord> find_session(const std::string& digest) override;
  void touch_session(const std::string& digest, Timestamp at) override;
  void set_session_lang(const std::string& digest, const std::string& lang) override;
  void delete_session(const std::string& digest) override;
  void delete_sessions_idle_since(Timestamp before) override;
  std::vector<ThrottleRow> throttle_rows(const std::vector<std::string>& keys) override;
  void put_throttle_row(const ThrottleRow& row) override;
  void delete_throttle_row(const std::string& key) override;
  void purge_throttle(Timestamp before) override;

 private:
  std::vector<WijkId> user_wijken(UserId id);

  Connection* conn_;
};

}  // namespace meedoen::sql
