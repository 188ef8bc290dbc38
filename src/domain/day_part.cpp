#include "domain/day_part.hpp"

#include "domain/codes.hpp"

namespace meedoen {
namespace {

constexpr CodeTable<DayPart, 3> kDayPartCodes{{{DayPart::kMorning, "morning"},
                                               {DayPart::kAfternoon, "afternoon"},
                                               {DayPart::kEvening, "evening"}}};

}  // namespace

std::string_view to_string(DayPart p) { return code_of(kDayPartCodes, p); }
std::optional<DayPart> parse_day_part(std::string_view code) {
  return parse_code(kDayPartCodes, code);
}

const std::vector<DayPart>& all_day_parts() {
  static const std::vector<DayPart> all{DayPart::kMorning, DayPart::kAfternoon, DayPart::kEvening};
  return all;
}

DayPart day_part_at(int minute_of_day) {
  if (minute_of_day < 12 * 60) return DayPart::kMorning;
  if (minute_of_day < 17 * 60) return DayPart::kAfternoon;
  return DayPart::kEvening;
}

DayPart day_part_of(Timestamp t) {
  return day_part_at(static_cast<int>((t - start_of_local_day(t)) / 60));
}

}  // namespace meedoen
