// The implementation of CentresStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/centres_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlCentres final : public CentresStore {
 public:
  explicit SqlCentres(Connection& conn) : conn_(&conn) {}

  CentreId insert_centre(const Centre& c) override;
  std::vector<Centre> list_centres() override;
  std::optional<Centre> get_centre(CentreId id) override;
  void touch_centre(CentreId id, Timestamp at) override;
  void add_host(CentreId centre, UserId user) override;
  std::vector<CentreId> centres_of_host(UserId user) override;
  std::optional<Tap> tap_by_key(CentreId centre, const std::string& key) override;
  TapId insert_tap(const Tap& t) override;
  std::vector<Tap> taps_of_day(CentreId centre, std::int64_t day) override;
  std::vector<Tally> tallies_of_day(CentreId centre, std::int64_t day) override;
  std::optional<Tap> tap_to_take_back(CentreId centre, std::int64_t day, DayPart part) override;

 private:
  void load_rooms(std::vector<Centre>& centres);

  Connection* conn_;
};

}  // namespace meedoen::sql
