// The implementation of VisitorsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/sql/connection.hpp"
#include "store/visitors_store.hpp"

namespace meedoen::sql {

class SqlVisitors final : public VisitorsStore {
 public:
  explicit SqlVisitors(Connection& conn) : conn_(&conn) {}

  VisitorId insert_visitor(const Visitor& v) override;
  std::optional<Visitor> get_visitor(VisitorId id) override;
  bool name_taken(CentreId centre, const std::string& name) override;
  std::vector<VisitorVisits> known_visitors(CentreId centre, std::int64_t today) override;
  std::optional<VisitorVisits> visits_of(VisitorId id, std::int64_t today) override;
  std::vector<VisitorDay> days_of(VisitorId id, std::int64_t from_day) override;
  std::optional<Visitor> visitor_of_resident(ResidentId resident) override;
  bool checked_in(VisitorId id, std::int64_t day, DayPart part) override;
  void forget_visitor(VisitorId id, Timestamp at) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
