// The activities of the Zelfregiecentra, with their pauses and the occurrences that were cancelled
// or moved. One area of the store, reached from a transaction as tx.activities().
#pragma once

#include <optional>
#include <vector>

#include "domain/activities.hpp"

namespace meedoen {

class ActivitiesStore {
 public:
  virtual ~ActivitiesStore() = default;

  // Keeps `a` with its pauses and changes (its id is ignored); returns the new id.
  virtual ActivityId insert_activity(const Activity& a) = 0;
  // A centre's activities with their pauses and changes, by first day and time; with
  // `approved_only`, only those on the calendar.
  virtual std::vector<Activity> list_activities(CentreId centre, bool approved_only) = 0;
  virtual std::optional<Activity> get_activity(ActivityId id) = 0;
  virtual void set_activity_status(ActivityId id, ActivityStatus status, Timestamp at) = 0;
  virtual void add_pause(ActivityId id, const Pause& p, Timestamp at) = 0;
  // Cancels or moves one occurrence; a later change of the same occurrence replaces it.
  virtual void set_change(ActivityId id, const OccurrenceChange& c, Timestamp at) = 0;
  // The latest updated_at of a centre's approved activities; 0 when it has none.
  virtual Timestamp activities_changed_at(CentreId centre) = 0;
};

}  // namespace meedoen
