// The Zelfregiecentra: centres with their rooms and hosts, and the drop-in's anonymous taps.
// One area of the store, reached from a transaction as tx.centres().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/centres.hpp"

namespace meedoen {

class CentresStore {
 public:
  virtual ~CentresStore() = default;

  // Keeps `c` with its rooms (their ids are ignored); returns the new id.
  virtual CentreId insert_centre(const Centre& c) = 0;
  // Every centre with its rooms, by name.
  virtual std::vector<Centre> list_centres() = 0;
  virtual std::optional<Centre> get_centre(CentreId id) = 0;
  // Marks a centre changed (its public page's Last-Modified).
  virtual void touch_centre(CentreId id, Timestamp at) = 0;

  virtual void add_host(CentreId centre, UserId user) = 0;
  // The centres that `user` is a host of.
  virtual std::vector<CentreId> centres_of_host(UserId user) = 0;

  // The tap with this key at this centre, when one was kept before.
  virtual std::optional<Tap> tap_by_key(CentreId centre, const std::string& key) = 0;
  // Keeps `t` (its id is ignored); returns the new id. A key kept before is a DbError.
  virtual TapId insert_tap(const Tap& t) = 0;
  // The taps of one local date, oldest first.
  virtual std::vector<Tap> taps_of_day(CentreId centre, std::int64_t day) = 0;
  // The counts of one local date per day part (only parts with taps), counted in the database so
  // that a tap costs the same on a busy day.
  virtual std::vector<Tally> tallies_of_day(CentreId centre, std::int64_t day) = 0;
  // The +1 that a -1 takes back: the latest of that day part not taken back yet; nullopt when
  // none is left.
  virtual std::optional<Tap> tap_to_take_back(CentreId centre, std::int64_t day, DayPart part) = 0;
};

}  // namespace meedoen
