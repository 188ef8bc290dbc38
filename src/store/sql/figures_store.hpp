// The implementation of FiguresStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/figures_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlFigures final : public FiguresStore {
 public:
  explicit SqlFigures(Connection& conn) : conn_(&conn) {}

  std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from,
                                Timestamp to) override;
  std::vector<CentreDayCount> centre_days(const std::vector<WijkId>& wijken, std::int64_t from_day,
                                          std::int64_t to_day) override;
  std::vector<HeldActivity> held_activities(const std::vector<WijkId>& wijken,
                                            std::int64_t from_day, std::int64_t to_day) override;
  std::vector<CentreLadderNote> ladder_notes(const std::vector<WijkId>& wijken,
                                             std::int64_t to_day) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
