// The implementation of ActivitiesStore in SQL, for SQLite and PostgreSQL alike. Internal to
// store/.
#pragma once

#include "store/activities_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlActivities final : public ActivitiesStore {
 public:
  explicit SqlActivities(Connection& conn) : conn_(&conn) {}

  ActivityId insert_activity(const Activity& a) override;
  std::vector<Activity> list_activities(CentreId centre, bool approved_only) override;
  std::optional<Activity> get_activity(ActivityId id) override;
  void set_activity_status(ActivityId id, ActivityStatus status, Timestamp at) override;
  void add_pause(ActivityId id, const Pause& p, Timestamp at) override;
  void set_change(ActivityId id, const OccurrenceChange& c, Timestamp at) override;
  Timestamp activities_changed_at(CentreId centre) override;

 private:
  // Fills in the pauses and changes of `list`, two statements whatever its length.
  void load_details(std::vector<Activity>& list);
  void touch(ActivityId id, Timestamp at);

  Connection* conn_;
};

}  // namespace meedoen::sql
