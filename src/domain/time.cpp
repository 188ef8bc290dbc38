#include "domain/time.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace meedoen {
namespace {

// Europe/Amsterdam: CET (UTC+1), CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC. Written out so the result does not depend on the machine's TZ.
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yy + (m <= 2));
}

std::int64_t last_sunday(int y, unsigned m) {
  const unsigned last_day = m == 3 || m == 10 ? 31 : 30;
  const std::int64_t days = days_from_civil(y, m, last_day);
  const std::int64_t weekday = ((days % 7) + 11) % 7;  // 0 = Sunday (1970-01-01 was a Thursday)
  return days - weekday;
}

int utc_offset_seconds(Timestamp utc) {
  int y;
  unsigned m, d;
  civil_from_days(utc >= 0 ? utc / 86400 : (utc - 86399) / 86400, y, m, d);
  const Timestamp dst_start = last_sunday(y, 3) * 86400 + 3600;
  const Timestamp dst_end = last_sunday(y, 10) * 86400 + 3600;
  return (utc >= dst_start && utc < dst_end) ? 7200 : 3600;
}

bool parse_ints(std::string_view text, const char* format, int* a, int* b, int* c, int* d, int* e,
                int expected) {
  std::string s(text);
  char tail = 0;
  const int n = std::sscanf(s.c_str(), format, a, b, c, d, e, &tail);
  return n == expected;
}

}  // namespace

Timestamp SystemClock::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::int64_t> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  int y = 0, m = 0, d = 0, unused = 0;
  if (!parse_ints(text, "%4d-%2d-%2d%c", &y, &m, &d, &unused, &unused, 3)) return std::nullopt;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  int yy;
  unsigned mm, dd;
  civil_from_days(days, yy, mm, dd);
  if (static_cast<int>(mm) != m) return std::nullopt;  // 2026-02-30 and friends
  return days;
}

std::optional<Timestamp> parse_local_datetime(std::string_view text) {
  if (text.size() != 16 || text[10] != 'T') return std::nullopt;
  const auto days = parse_date(text.substr(0, 10));
  if (!days) return std::nullopt;
  int h = 0, mi = 0, unused = 0;
  if (!parse_ints(text.substr(11), "%2d:%2d%c", &h, &mi, &unused, &unused, &unused, 2))
    return std::nullopt;
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
  const Timestamp local = *days * 86400 + h * 3600 + mi * 60;
  // Guess with the offset at that moment; good except inside the one ambiguous hour a year.
  return local - utc_offset_seconds(local - 3600);
}

static std::string format(Timestamp t, bool time, char sep) {
  const Timestamp local = t + utc_offset_seconds(t);
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  const auto secs = local - days * 86400;
  if (y < 0 || y > 9999) {  // wider than the fixed-width path below
    char buf[48];
    if (!time)
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    else
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u%c%02d:%02d", y, m, d, sep,
                    static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60));
    return buf;
  }
  // By hand: list pages format hundreds of dates, and snprintf is most of their cost.
  char buf[16];
  auto put = [&](int at, unsigned v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) buf[at + i] = static_cast<char>('0' + v % 10);
  };
  put(0, static_cast<unsigned>(y), 4);
  buf[4] = '-';
  put(5, m, 2);
  buf[7] = '-';
  put(8, d, 2);
  if (!time) return std::string(buf, 10);
  buf[10] = sep;
  put(11, static_cast<unsigned>(secs / 3600), 2);
  buf[13] = ':';
  put(14, static_cast<unsigned>(secs % 3600 / 60), 2);
  return std::string(buf, 16);
}

std::string format_date(Timestamp t) { return format(t, false, ' '); }
std::string format_datetime(Timestamp t) { return format(t, true, ' '); }
std::string format_datetime_input(Timestamp t) { return format(t, true, 'T'); }

Timestamp start_of_local_day(Timestamp t) {
  const Timestamp local = t + utc_offset_seconds(t);
  const Timestamp day = (local >= 0 ? local / 86400 : (local - 86399) / 86400) * 86400;
  // The offset that holds at midnight itself, not at `t`: on the days the clocks change they
  // differ (as in parse_local_datetime).
  return day - utc_offset_seconds(day - 3600);
}

Timestamp start_of_local_week(Timestamp t) {
  Timestamp day = start_of_local_day(t);
  const Timestamp local = day + utc_offset_seconds(day);
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const int back = weekday_of_days(days);
  // Step back whole days through local midnights, so a change to or from summer time is honoured.
  return start_of_local_day(day - back * 86400 + 43200);
}

std::string format_days(std::int64_t days) {
  int y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Timestamp local_timestamp(std::int64_t days, int minute_of_day) {
  const Timestamp local = days * 86400 + static_cast<Timestamp>(minute_of_day) * 60;
  // Summer time when that reading is consistent; otherwise winter time, which also maps the
  // skipped spring hour an hour on (02:30 CET is 01:30 UTC is 03:30 CEST).
  const Timestamp summer = local - 7200;
  if (utc_offset_seconds(summer) == 7200) return summer;
  return local - 3600;
}

std::int64_t local_days(Timestamp t) {
  const Timestamp local = t + utc_offset_seconds(t);
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

int weekday_of_days(std::int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

}  // namespace meedoen
