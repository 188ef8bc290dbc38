// The SQLite implementation of FiguresStore. Internal to store/sqlite.
#pragma once

#include "store/figures_store.hpp"
#include "store/sqlite/connection.hpp"

namespace meedoen::sqlite {

class SqliteFigures final : public FiguresStore {
 public:
  explicit SqliteFigures(Connection& conn) : conn_(&conn) {}

  std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from,
                                Timestamp to) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sqlite
