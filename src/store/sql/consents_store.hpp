// The implementation of ConsentsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/consents_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlConsents final : public ConsentsStore {
 public:
  explicit SqlConsents(Connection& conn) : conn_(&conn) {}

  ConsentId insert_consent(const ConsentRecord& c) override;
  std::optional<ConsentRecord> get_consent(ConsentId id) override;
  std::vector<ConsentRecord> consents_of_visitor(VisitorId visitor) override;
  bool withdraw_consent(ConsentId id, Timestamp at, UserId by) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
