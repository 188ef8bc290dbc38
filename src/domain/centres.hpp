// The Zelfregiecentrum: a permanent, low-threshold drop-in in a wijk, run by peers. Nobody has to
// register to come in, so the centre counts its visitors anonymously: a host taps +1 per visitor
// (and -1 to correct a mistake) per day part, with optional one-tap tags. Each tap carries an
// idempotency key, so that a tap sent twice over a bad connection is counted once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/day_part.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

using CentreId = Id<struct CentreTag>;
using RoomId = Id<struct RoomTag>;
using TapId = Id<struct TapTag>;

// Opening hours as day parts per weekday: bit weekday * 3 + part (weekday 0 = Monday).
inline constexpr unsigned opening_bit(int weekday, DayPart p) {
  return 1u << (weekday * 3 + static_cast<int>(p));
}

struct Room {
  RoomId id;
  std::string name;
  int capacity = 0;  // people; 0 when not known
};

struct Centre {
  CentreId id;
  WijkId wijk_id;
  std::string name;
  std::string address;
  unsigned opening = 0;  // opening_bit()s
  std::vector<Room> rooms;
  Timestamp updated_at = 0;

  bool open_at(int weekday, DayPart p) const { return (opening & opening_bit(weekday, p)) != 0; }
  const Room* room(RoomId id) const;
};

inline constexpr std::size_t kCentreNameMax = 80;
inline constexpr std::size_t kCentreAddressMax = 160;

// The one-tap tags of a visitor count; each is optional.
struct TapTags {
  bool first_visit = false;
  bool with_brigade = false;  // came along with a peer of the brigade
  bool with_someone = false;  // came with someone they know
  std::string age_band;       // one of kAgeBands, or empty when the host did not note it
  std::string gender;         // one of kGenders, or empty
};

// A tap's idempotency key: made by the page, 8 to 64 letters, digits, '-' or '_'.
bool valid_tap_key(std::string_view key);

struct Tap {
  TapId id;
  CentreId centre_id;
  std::int64_t day = 0;  // local date
  DayPart part = DayPart::kMorning;
  int delta = 1;   // +1 a visitor, -1 the correction of an earlier +1
  TapId corrects;  // for -1: the +1 it takes back
  TapTags tags;
  VisitorId visitor;  // a known visitor checked in; 0 for an anonymous count
  std::string key;
  UserId by;
  Timestamp at = 0;
};

// The count of one day part, and of its tags. A -1 carries the tags of the +1 it takes back
// (store: tap_to_take_back), so every count is the sum of its taps' deltas.
struct Tally {
  DayPart part = DayPart::kMorning;
  int visitors = 0;
  int first_visits = 0;
  int with_brigade = 0;
  int with_someone = 0;
  int known = 0;  // known visitors checked in
};

// For the figures: one day part of one centre, counted as the tally counts it, with its known
// visitors' check-ins.
struct CentreDayCount {
  CentreId centre;
  std::int64_t day = 0;
  Tally tally;
};

// For the figures: an occurrence whose attendance a host recorded, and whether a visitor
// organises the activity.
struct HeldActivity {
  CentreId centre;
  std::int64_t day = 0;
  int attendance = 0;
  bool by_visitor = false;
};

}  // namespace meedoen
