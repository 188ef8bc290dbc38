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

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
