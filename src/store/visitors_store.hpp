// Known visitors of the Zelfregiecentra, with their visits (the check-ins among the centre's
// taps). One area of the store, reached from a transaction as tx.visitors().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/visitors.hpp"

namespace meedoen {

class VisitorsStore {
 public:
  virtual ~VisitorsStore() = default;

  // Keeps `v` (its id is ignored); returns the new id. The name of a visitor the centre knows
  // already (comparable_name) is a DbError.
  virtual VisitorId insert_visitor(const Visitor& v) = 0;
  virtual std::optional<Visitor> get_visitor(VisitorId id) = 0;
  // Whether the centre knows a visitor by this name now (comparable_name: case and spaces aside).
  virtual bool name_taken(CentreId centre, const std::string& name) = 0;
  // The visitors the centre knows now, by name, each with their visits; `today` is a local date.
  virtual std::vector<VisitorVisits> known_visitors(CentreId centre, std::int64_t today) = 0;
  virtual std::optional<VisitorVisits> visits_of(VisitorId id, std::int64_t today) = 0;
  // The days the visitor came from `from_day` (a local date) on, oldest first: their check-ins
  // and the occurrences they came to.
  virtual std::vector<VisitorDay> days_of(VisitorId id, std::int64_t from_day) = 0;
  // The known visitor linked to this resident's pseudonymous record, at any centre.
  virtual std::optional<Visitor> visitor_of_resident(ResidentId resident) = 0;
  // Whether the visitor is checked in on `day` in day part `part` (and not taken back).
  virtual bool checked_in(VisitorId id, std::int64_t day, DayPart part) = 0;
  // The visitor is no longer known: the name goes, their check-ins stay as anonymous counts, and
  // they are taken out of the activities' attendance (its counts stay) and out of what the hosts
  // passed on (a call-back that waits is closed).
  virtual void forget_visitor(VisitorId id, Timestamp at) = 0;
};

}  // namespace meedoen
