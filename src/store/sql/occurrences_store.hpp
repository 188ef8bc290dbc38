// The implementation of OccurrencesStore in SQL, for SQLite and PostgreSQL alike. Internal to
// store/.
#pragma once

#include "store/occurrences_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlOccurrences final : public OccurrencesStore {
 public:
  explicit SqlOccurrences(Connection& conn) : conn_(&conn) {}

  void lock_activity(ActivityId id) override;
  SignupId insert_signup(const Signup& s, const std::string& token_digest) override;
  std::vector<Signup> signups_of(ActivityId activity, std::int64_t day) override;
  std::optional<Signup> get_signup(SignupId id) override;
  std::optional<Signup> signup_by_token(const std::string& token_digest) override;
  bool cancel_signup(SignupId id, Timestamp at) override;
  std::map<std::int64_t, int> standing_counts(ActivityId activity, std::int64_t from_day,
                                              std::int64_t to_day) override;
  Timestamp signups_changed_at(ActivityId activity) override;
  void put_attendance(const Headcount& a) override;
  std::optional<Headcount> attendance_of(ActivityId activity, std::int64_t day) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
