// The activities as an iCalendar feed (RFC 5545), so visitors can subscribe to them in the
// calendar on their phone. A series is written as one VEVENT with an RRULE; its pauses and
// cancelled occurrences as EXDATEs, and each moved occurrence as a VEVENT of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/activities.hpp"
#include "domain/time.hpp"

namespace meedoen::web {

struct IcalEvent {
  std::string uid;  // stable across changes, e.g. "activiteit-12@meedoen"
  std::string summary, description, location, url;
  Schedule schedule;
  std::vector<Pause> pauses;
  std::vector<OccurrenceChange> changes;
  Timestamp last_modified = 0;  // UTC
};

// A whole VCALENDAR per RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
// sequence), TEXT values escaped (\\ ; , newline), PRODID, VERSION:2.0, CALSCALE:GREGORIAN,
// X-WR-CALNAME, a VTIMEZONE for Europe/Amsterdam (STANDARD/DAYLIGHT with RRULEs), and per event a
// VEVENT with UID, DTSTAMP (stamp), LAST-MODIFIED, DTSTART;TZID=Europe/Amsterdam local time, DTEND
// likewise, SUMMARY, DESCRIPTION, LOCATION, URL, an RRULE for series (FREQ=WEEKLY;BYDAY=MO,TU /
// FREQ=WEEKLY;INTERVAL=2;BYDAY=.. / FREQ=MONTHLY;BYDAY=1TU or -1FR; UNTIL as UTC date-time of the
// end of until_day), EXDATE;TZID=Europe/Amsterdam for each cancelled occurrence AND for each
// occurrence falling in a pause (expand the series over the pause's range with expand()), and for
// each moved occurrence an extra VEVENT with the same UID, RECURRENCE-ID;TZID=... of its original
// start, and its new DTSTART/DTEND.
//
// The feed shows what expand() shows, except that a cancelled occurrence is left out rather than
// marked: DTSTART is the series' first real occurrence (RFC 5545 counts DTSTART as one even when
// it does not match the RRULE), and a one-off activity that is cancelled gets STATUS:CANCELLED
// (an EXDATE without an RRULE is ignored by some clients). A series without any occurrence
// (until_day before the first) and a one-off in a pause are left out. Pauses get EXDATEs for at
// most ten years.
// Empty DESCRIPTION, LOCATION and URL are left out; LAST-MODIFIED is `stamp` when unset.
std::string ical_calendar(std::string_view name, const std::vector<IcalEvent>& events,
                          Timestamp stamp);

// A TEXT value escaped: backslash, semicolon, comma and newline (CRLF and CR count as one) get a
// backslash; other control characters, which RFC 5545 does not allow, are dropped.
std::string ical_escape_text(std::string_view text);
// One content line folded to at most 75 octets per line, continuation lines starting with a
// space, each line ending in CRLF. A line is never broken inside a UTF-8 sequence.
std::string ical_fold(std::string_view line);

}  // namespace meedoen::web
