// What happens at one occurrence of an activity: who signed up for it, who is on its waiting
// list, and who came. Nobody needs an account to sign up: a first name or nickname will do, given
// to a host or on the public page. The places go by the order of signing up; when someone with a
// place cancels, the first on the waiting list has it. Afterwards the host records how many came,
// and which of the centre's known visitors were among them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/activities.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

using SignupId = Id<struct SignupTag>;

inline constexpr std::size_t kSignupNameMax = 40;
// The longest waiting list: kWaitingMin names, or as many as there are places when there are more.
inline constexpr int kWaitingMin = 10;
// An activity without a limit still takes no more than this many names per occurrence.
inline constexpr int kSignupsMax = 500;
// The most people an attendance count may give.
inline constexpr int kAttendanceMax = 1000;

struct Signup {
  SignupId id;
  ActivityId activity_id;
  std::int64_t day = 0;  // the occurrence's date in the series (Occurrence::day)
  std::string name;      // a first name or nickname of the visitor's own choice
  UserId by;             // the host who wrote it down; 0 when the visitor did it on the public page
  Timestamp created_at = 0;
  Timestamp cancelled_at = 0;  // 0 while it stands
};

// Where a sign-up stands: with a place, or on the waiting list at `waiting` (1 = next in line).
struct Place {
  const Signup* signup = nullptr;
  bool has_place = false;
  int waiting = 0;
};

// The standing sign-ups of one occurrence, in the order they came (by created_at, then id), each
// with its place. Cancelled sign-ups are left out, so the first on the waiting list moves up as
// soon as someone with a place cancels. `capacity` 0 means there is no limit.
std::vector<Place> places(int capacity, const std::vector<Signup>& signups);

// How many more names the occurrence takes: places plus the waiting list (kWaitingMin, or
// `capacity` when that is more), or kSignupsMax without a limit.
int signup_room(int capacity, int standing);

// The first reason `name` may not be added to the standing sign-ups, as a message key, or empty:
// an empty or too long name, the same name standing already (letter case and spaces aside), or
// no room left.
std::string signup_problem(int capacity, const std::vector<Signup>& standing,
                           std::string_view name);

// How many came to one occurrence, recorded by a host once it has begun.
struct Headcount {
  ActivityId activity_id;
  std::int64_t day = 0;
  int count = 0;
  std::vector<VisitorId> visitors;  // the known visitors among them, by id; never more than count
  UserId recorded_by;
  Timestamp recorded_at = 0;
};

}  // namespace meedoen
