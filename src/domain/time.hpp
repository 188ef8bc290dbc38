// Time as seconds since the Unix epoch (UTC), and an injectable clock so tests are deterministic.
// Dates shown to people are in Europe/Amsterdam local time; the web layer formats them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meedoen {

using Timestamp = std::int64_t;  // seconds since epoch, UTC

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp t) : t_(t) {}
  Timestamp now() const override { return t_; }
  void advance(std::int64_t seconds) { t_ += seconds; }

 private:
  Timestamp t_;
};

// A calendar date as "YYYY-MM-DD" text is parsed into days since epoch; nullopt when malformed.
std::optional<std::int64_t> parse_date(std::string_view text);
// "YYYY-MM-DDTHH:MM" (the value of <input type="datetime-local">) in local time → Timestamp.
std::optional<Timestamp> parse_local_datetime(std::string_view text);
std::string format_date(Timestamp t);            // "2026-11-23" local
std::string format_datetime(Timestamp t);        // "2026-11-23 14:05" local
std::string format_datetime_input(Timestamp t);  // "2026-11-23T14:05" local
Timestamp start_of_local_day(Timestamp t);
// Monday 00:00 local time of the week that contains `t`.
Timestamp start_of_local_week(Timestamp t);
// Days since epoch → "YYYY-MM-DD", and the day of the week of such a day (0 = Monday).
std::string format_days(std::int64_t days);
int weekday_of_days(std::int64_t days);
// A local date (days since epoch) and time of day (minutes after midnight) → Timestamp. The hour
// skipped in spring (02:00-02:59) does not exist: it is read as if the clocks had already gone
// forward, so 02:30 gives 03:30 summer time. The hour that comes twice in autumn gives the first,
// summer-time one. Both as RFC 5545 (3.3.5) reads such times, so a calendar feed agrees.
Timestamp local_timestamp(std::int64_t days, int minute_of_day);
// The local date (days since epoch) of an instant.
std::int64_t local_days(Timestamp t);

}  // namespace meedoen
