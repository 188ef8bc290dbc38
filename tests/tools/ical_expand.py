#!/usr/bin/python3
"""Expands an iCalendar feed the way a calendar client would, to check ours against expand().

Usage: ical_expand.py FROM TO < feed.ics    (dates as YYYY-MM-DD, both inclusive)

Prints one line per occurrence whose start falls on a local (Europe/Amsterdam) date from FROM to
TO: "<UID> <start in UTC as YYYY-MM-DDTHH:MMZ>", sorted. Occurrences with STATUS:CANCELLED are left
out, as a client shows them struck through or not at all. Exits 1, with the reason on stderr, when
the feed does not parse or breaks the rules of RFC 5545 that parsers forgive (CRLF line ends,
lines of at most 75 octets, UTF-8).

Needs Debian's python3-icalendar and python3-recurring-ical-events, so run it with /usr/bin/python3
rather than a python3 from a virtual environment.
"""

import datetime
import sys
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def fail(message):
    print(f"ical_expand.py: {message}", file=sys.stderr)
    sys.exit(1)


def check_lines(raw):
    if not raw.endswith(b"\r\n"):
        fail("the feed does not end with CRLF")
    for number, line in enumerate(raw[:-2].split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number}: a line end that is not CRLF")
        if len(line) > 75:
            fail(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(f"line {number}: not UTF-8 on its own (a folded sequence?): {e}")


def parse_day(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        fail(f"not a date (YYYY-MM-DD): {text!r}")


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    first, last = parse_day(sys.argv[1]), parse_day(sys.argv[2])
    raw = sys.stdin.buffer.read()
    check_lines(raw)
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # icalendar raises ValueError, KeyError, … for broken input
        fail(f"the feed does not parse: {e!r}")
    if calendar.name != "VCALENDAR":
        fail(f"not a VCALENDAR but {calendar.name}")
    for component in calendar.walk():
        # Events forgive a broken property and note it here instead of raising.
        if getattr(component, "errors", None):
            fail(f"{component.name}: {component.errors}")
    if not calendar.walk("VTIMEZONE"):
        fail("no VTIMEZONE")

    # A day on either side, as the library's span is in the events' own time; then by local date.
    try:
        occurrences = recurring_ical_events.of(calendar).between(
            first - datetime.timedelta(days=1), last + datetime.timedelta(days=2))
    except Exception as e:
        fail(f"the feed does not expand: {e!r}")
    lines = []
    for event in occurrences:
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = event["DTSTART"].dt
        if not isinstance(start, datetime.datetime) or start.tzinfo is None:
            fail(f"{event.get('UID')}: DTSTART is no date-time with a time zone: {start!r}")
        if not first <= start.astimezone(AMSTERDAM).date() <= last:
            continue
        utc = start.astimezone(datetime.timezone.utc)
        lines.append(f"{event['UID']} {utc:%Y-%m-%dT%H:%M}Z")
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
