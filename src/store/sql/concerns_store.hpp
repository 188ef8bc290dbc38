// The implementation of ConcernsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/concerns_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlConcerns final : public ConcernsStore {
 public:
  explicit SqlConcerns(Connection& conn) : conn_(&conn) {}

  ConcernId insert_concern(const Concern& c) override;
  std::optional<Concern> get_concern(ConcernId id) override;
  std::vector<Concern> concerns_of_centre(CentreId centre, Timestamp since) override;
  std::optional<ResidentId> resident_of_visitor(VisitorId visitor) override;
  bool mark_done(ConcernId id, Timestamp at, UserId by) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
