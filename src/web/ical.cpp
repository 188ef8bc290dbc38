#include "web/ical.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace meedoen::web {
namespace {

constexpr std::string_view kTzid = "Europe/Amsterdam";
constexpr std::size_t kLineOctets = 75;
// A pause's EXDATEs are written for at most this many days: a pause "until further notice" with
// a far end date would otherwise fill the feed with thousands of lines nobody's phone needs.
constexpr std::int64_t kPauseExdateDays = 10 * 366;
// The first occurrence of a series is at most this many days after first_day (a monthly one can
// be a month and a week away when first_day is just past its day).
constexpr std::int64_t kFirstOccurrenceDays = 70;

// "20261123T090000Z".
std::string utc_stamp(Timestamp t) {
  const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  std::string out;
  for (char c : format_days(days))
    if (c != '-') out += c;
  out += 'T';
  for (std::int64_t v : {secs / 3600, secs % 3600 / 60, secs % 60}) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
  }
  out += 'Z';
  return out;
}

// Local wall-clock time in Europe/Amsterdam, "20261123T100000", for ;TZID= values. The times of
// activities are whole minutes.
std::string local_stamp(Timestamp t) {
  std::string out;
  for (char c : format_datetime_input(t))
    if (c != '-' && c != ':') out += c;
  return out + "00";
}

// A value that is no TEXT (a URI) keeps its characters, but a line break in it would start a
// property of its own.
std::string without_controls(std::string_view value) {
  std::string out;
  for (char c : value)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  return out;
}

constexpr std::string_view kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string by_day(unsigned mask) {
  std::string out;
  for (int d = 0; d < 7; ++d) {
    if ((mask & weekday_bit(d)) == 0) continue;
    if (!out.empty()) out += ',';
    out += kDayCodes[d];
  }
  return out;
}

std::string rrule(const Schedule& s) {
  const unsigned mask = s.weekdays != 0 ? s.weekdays : weekday_bit(weekday_of_days(s.first_day));
  std::string out;
  switch (s.repeat) {
    case Repeat::kOnce:
      return {};
    case Repeat::kWeekly:
      out = "FREQ=WEEKLY;BYDAY=" + by_day(mask);
      break;
    case Repeat::kBiweekly:
      // WKST=MO is the default, but the weeks of an INTERVAL=2 series depend on it, and not
      // every client keeps to the default.
      out = "FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=" + by_day(mask);
      break;
    case Repeat::kMonthly:
      out = "FREQ=MONTHLY;BYDAY=" + std::to_string(s.week_of_month) +
            std::string(kDayCodes[weekday_of_days(s.first_day)]);
      break;
  }
  // RFC 5545: with a DTSTART in a time zone, UNTIL is in UTC; inclusive, so the day's last second.
  if (s.until_day != 0) out += ";UNTIL=" + utc_stamp(local_timestamp(s.until_day + 1, 0) - 1);
  return out;
}

// The occurrence the series has on `day`, before pauses and changes; nullopt when it has none.
std::optional<Occurrence> series_occurrence(const Schedule& s, std::int64_t day) {
  const auto found = expand(s, {}, {}, day, day);
  if (found.empty()) return std::nullopt;
  return found.front();
}

bool paused(const std::vector<Pause>& pauses, std::int64_t day) {
  for (const auto& p : pauses)
    if (day >= p.from_day && day <= p.to_day) return true;
  return false;
}

class Writer {
 public:
  explicit Writer(Timestamp stamp) : stamp_(utc_stamp(stamp)) {}

  void line(std::string_view content) { out_ += ical_fold(content); }
  void line(std::string_view name, std::string_view value) {
    line(std::string(name) + ":" + std::string(value));
  }
  void text(std::string_view name, std::string_view value) { line(name, ical_escape_text(value)); }
  void local(std::string_view name, Timestamp t) {
    line(std::string(name) + ";TZID=" + std::string(kTzid), local_stamp(t));
  }

  void timezone() {
    // The rules since 1981, which time.cpp applies to every year; TZID is the IANA name, so
    // clients that know it use their own tables.
    line("BEGIN", "VTIMEZONE");
    line("TZID", kTzid);
    line("BEGIN", "DAYLIGHT");
    line("TZOFFSETFROM", "+0100");
    line("TZOFFSETTO", "+0200");
    line("TZNAME", "CEST");
    line("DTSTART", "19700329T020000");
    line("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    line("END", "DAYLIGHT");
    line("BEGIN", "STANDARD");
    line("TZOFFSETFROM", "+0200");
    line("TZOFFSETTO", "+0100");
    line("TZNAME", "CET");
    line("DTSTART", "19701025T030000");
    line("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    line("END", "STANDARD");
    line("END", "VTIMEZONE");
  }

  // BEGIN:VEVENT up to its times; the caller adds what is particular and then calls end_event.
  void begin_event(const IcalEvent& e, Timestamp start, Timestamp end) {
    line("BEGIN", "VEVENT");
    text("UID", e.uid);
    line("DTSTAMP", stamp_);
    line("LAST-MODIFIED", e.last_modified != 0 ? utc_stamp(e.last_modified) : stamp_);
    local("DTSTART", start);
    local("DTEND", end);
  }

  void end_event(const IcalEvent& e) {
    text("SUMMARY", e.summary);
    if (!e.description.empty()) text("DESCRIPTION", e.description);
    if (!e.location.empty()) text("LOCATION", e.location);
    if (!e.url.empty()) line("URL", without_controls(e.url));
    line("END", "VEVENT");
  }

  void one_off(const IcalEvent& e) {
    const Schedule& s = e.schedule;
    if (paused(e.pauses, s.first_day)) return;
    if (s.until_day != 0 && s.until_day < s.first_day) return;
    const OccurrenceChange* change = nullptr;  // the last one counts, as in expand()
    for (const auto& c : e.changes)
      if (c.day == s.first_day) change = &c;
    // No RECURRENCE-ID for a one-off: its one VEVENT simply has the new time.
    const Timestamp start = change != nullptr && change->moved()
                                ? local_timestamp(change->moved_day, change->moved_start_minute)
                                : local_timestamp(s.first_day, s.start_minute);
    begin_event(e, start, start + static_cast<Timestamp>(s.duration_minutes) * 60);
    if (change != nullptr && change->cancelled) line("STATUS", "CANCELLED");
    end_event(e);
  }

  void series(const IcalEvent& e) {
    const Schedule& s = e.schedule;
    const auto firsts = expand(s, {}, {}, s.first_day, s.first_day + kFirstOccurrenceDays);
    if (firsts.empty()) return;  // until_day before its first occurrence
    const Occurrence& first = firsts.front();

    std::set<Timestamp> exdates;  // the original starts; a set, as pauses may overlap
    for (const auto& p : e.pauses) {
      std::int64_t from = std::max(p.from_day, first.day);
      const std::int64_t to = std::min(p.to_day, from + kPauseExdateDays - 1);
      for (; from <= to; from += kExpandMaxDays)
        for (const auto& o : expand(s, {}, {}, from, std::min(to, from + kExpandMaxDays - 1)))
          exdates.insert(o.start);
    }
    // The last change of an occurrence counts, as in expand().
    std::map<std::int64_t, const OccurrenceChange*> change_of;
    for (const auto& c : e.changes) change_of[c.day] = &c;
    std::vector<std::pair<Occurrence, const OccurrenceChange*>> moved;
    for (const auto& [day, change] : change_of) {
      if (paused(e.pauses, day)) continue;  // its EXDATE is there already
      const auto o = series_occurrence(s, day);
      if (!o) continue;  // no occurrence of the series: ignored, as in expand()
      if (change->cancelled) exdates.insert(o->start);
      if (change->moved()) moved.emplace_back(*o, change);
    }
    // A paused or cancelled first occurrence is still DTSTART, and its EXDATE takes it out.
    begin_event(e, first.start, first.end);
    line("RRULE", rrule(s));
    for (Timestamp t : exdates) local("EXDATE", t);
    end_event(e);

    for (const auto& [o, change] : moved) {
      const Timestamp start = local_timestamp(change->moved_day, change->moved_start_minute);
      begin_event(e, start, start + (o.end - o.start));
      local("RECURRENCE-ID", o.start);
      end_event(e);
    }
  }

  std::string take() { return std::move(out_); }

 private:
  std::string stamp_;
  std::string out_;
};

}  // namespace

std::string ical_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) || c == '\t') out += c;
    }
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  std::size_t limit = kLineOctets;  // the first line; a continuation's space takes one octet
  while (line.size() > limit) {
    std::size_t cut = limit;
    // Back up to the first octet of a UTF-8 sequence (continuation octets are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut where the octets say
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string ical_calendar(std::string_view name, const std::vector<IcalEvent>& events,
                          Timestamp stamp) {
  Writer w(stamp);
  w.line("BEGIN", "VCALENDAR");
  w.line("VERSION", "2.0");
  w.line("PRODID", "-//Meedoen//Activiteiten//NL");
  w.line("CALSCALE", "GREGORIAN");
  w.line("METHOD", "PUBLISH");
  w.text("X-WR-CALNAME", name);
  w.timezone();
  for (const auto& e : events) {
    if (e.schedule.repeat == Repeat::kOnce)
      w.one_off(e);
    else
      w.series(e);
  }
  w.line("END", "VCALENDAR");
  return w.take();
}

}  // namespace meedoen::web
