// Parts of a day: when a peer is on call, and when a centre is open and counts its visitors.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/time.hpp"

namespace meedoen {

// Stored as its code ("morning").
enum class DayPart { kMorning, kAfternoon, kEvening };
std::string_view to_string(DayPart p);
std::optional<DayPart> parse_day_part(std::string_view code);
inline constexpr int kDayParts = 3;
const std::vector<DayPart>& all_day_parts();
// The day part of a local time of day: morning until 12:00, afternoon until 17:00, then evening.
DayPart day_part_at(int minute_of_day);
// The day part that local time `t` falls in.
DayPart day_part_of(Timestamp t);

}  // namespace meedoen
