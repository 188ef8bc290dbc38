// The iCalendar feed: folding and escaping, the lines of each kind of series, and, when Debian's
// Python iCalendar libraries are there, that a client expanding the feed sees what expand() says.
#include "web/ical.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>

namespace meedoen::web {
namespace {

std::int64_t day(const char* text) { return *parse_date(text); }

constexpr unsigned kMon = weekday_bit(0), kTue = weekday_bit(1), kWed = weekday_bit(2),
                   kThu = weekday_bit(3), kFri = weekday_bit(4);
const Timestamp kStamp = *parse_local_datetime("2026-01-01T01:00");  // 2026-01-01 00:00 UTC

Schedule series(Repeat r, const char* first, int minute, unsigned weekdays = 0) {
  Schedule s;
  s.repeat = r;
  s.first_day = day(first);
  s.start_minute = minute;
  s.weekdays = weekdays;
  return s;
}

OccurrenceChange cancel(const char* d) {
  OccurrenceChange c;
  c.day = day(d);
  c.cancelled = true;
  return c;
}

OccurrenceChange move(const char* d, const char* to, int minute) {
  OccurrenceChange c;
  c.day = day(d);
  c.moved_day = day(to);
  c.moved_start_minute = minute;
  return c;
}

IcalEvent event(const char* uid, Schedule s, std::vector<Pause> pauses = {},
                std::vector<OccurrenceChange> changes = {}) {
  IcalEvent e;
  e.uid = uid;
  e.summary = uid;
  e.schedule = s;
  e.pauses = std::move(pauses);
  e.changes = std::move(changes);
  return e;
}

std::vector<std::string> split_lines(const std::string& feed) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t end; (end = feed.find("\r\n", at)) != std::string::npos; at = end + 2)
    out.push_back(feed.substr(at, end - at));
  EXPECT_EQ(at, feed.size()) << "the feed does not end in CRLF";
  return out;
}

// The feed's content lines, unfolded.
std::vector<std::string> content_lines(const std::string& feed) {
  std::string unfolded;
  for (std::size_t i = 0; i < feed.size(); ++i) {
    if (feed.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += feed[i];
  }
  return split_lines(unfolded);
}

// The lines of each VEVENT in the feed, without BEGIN and END.
std::vector<std::vector<std::string>> vevents(const std::string& feed) {
  std::vector<std::vector<std::string>> out;
  bool in = false;
  for (const auto& line : content_lines(feed)) {
    if (line == "BEGIN:VEVENT") {
      out.emplace_back();
      in = true;
    } else if (line == "END:VEVENT") {
      in = false;
    } else if (in) {
      out.back().push_back(line);
    }
  }
  return out;
}

// The lines of a feed of `e` alone that start with one of `names` ("RRULE", "EXDATE;"), per VEVENT.
std::vector<std::vector<std::string>> lines_of(const IcalEvent& e, std::vector<std::string> names) {
  std::vector<std::vector<std::string>> out;
  for (const auto& v : vevents(ical_calendar("Test", {e}, kStamp))) {
    out.emplace_back();
    for (const auto& line : v)
      for (const auto& n : names)
        if (line.rfind(n, 0) == 0) out.back().push_back(line);
  }
  return out;
}

TEST(Ical, FoldsAtSeventyFiveOctetsAndNeverInsideAUtf8Sequence) {
  EXPECT_EQ(ical_fold("VERSION:2.0"), "VERSION:2.0\r\n");
  EXPECT_EQ(ical_fold(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
  EXPECT_EQ(ical_fold(std::string(76, 'a')), std::string(75, 'a') + "\r\n a\r\n");
  // é is two octets, the 75th and 76th: it moves to the next line whole.
  EXPECT_EQ(ical_fold(std::string(74, 'a') + "é"), std::string(74, 'a') + "\r\n é\r\n");
  EXPECT_EQ(ical_fold(std::string(73, 'a') + "😀b"), std::string(73, 'a') + "\r\n 😀b\r\n");
  // Continuation lines hold 74 octets after their space.
  EXPECT_EQ(ical_fold(std::string(75 + 74 + 1, 'a')),
            std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n a\r\n");

  std::string description;
  while (description.size() < 200)
    description += "Wandelen met de ezels 🫏 langs de Kromme Rijn, daarna koffie op het café. ";
  const std::string line = "DESCRIPTION:" + ical_escape_text(description);
  const std::string folded = ical_fold(line);
  const auto lines = split_lines(folded);
  ASSERT_GT(lines.size(), 3u);
  std::string unfolded;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(lines[i]);
    EXPECT_LE(lines[i].size(), 75u);
    std::string_view rest = lines[i];
    if (i > 0) {
      ASSERT_EQ(rest.front(), ' ');
      rest.remove_prefix(1);
    }
    ASSERT_FALSE(rest.empty());
    EXPECT_NE(static_cast<unsigned char>(rest.front()) & 0xC0, 0x80) << "starts inside a sequence";
    // Ends on a whole sequence: the last lead octet has all its continuation octets.
    std::size_t lead = rest.size() - 1;
    while (lead > 0 && (static_cast<unsigned char>(rest[lead]) & 0xC0) == 0x80) --lead;
    const auto b = static_cast<unsigned char>(rest[lead]);
    const std::size_t length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    EXPECT_EQ(rest.size() - lead, length) << "ends inside a sequence";
    unfolded += rest;
  }
  EXPECT_EQ(unfolded, line);
}

TEST(Ical, EscapesText) {
  EXPECT_EQ(ical_escape_text("Koffie, thee; en \\ koek"), "Koffie\\, thee\\; en \\\\ koek");
  EXPECT_EQ(ical_escape_text("regel 1\nregel 2\r\nregel 3\rregel 4"),
            "regel 1\\nregel 2\\nregel 3\\nregel 4");
  EXPECT_EQ(ical_escape_text(std::string("tab\tbel\x07 nul") + '\0' + "del\x7f"),
            "tab\tbel nuldel");
  EXPECT_EQ(ical_escape_text("café 😀"), "café 😀");
}

TEST(Ical, WritesTheCalendarAroundTheEvents) {
  IcalEvent e = event("activiteit-12@meedoen", series(Repeat::kWeekly, "2026-03-02", 600));
  e.summary = "Koffie, thee";
  e.description = "Iedereen welkom;\nook met kinderen";
  e.location = "Buurthuis De Ezel, Utrecht";
  e.url = "https://meedoen.example/activiteiten/12?x=1,2\r\nX-EVIL:1";
  e.last_modified = *parse_local_datetime("2026-02-01T12:00");
  const std::string feed = ical_calendar("Activiteiten, De Ezel", {e}, kStamp);
  const auto lines = content_lines(feed);
  const std::vector<std::string> head(lines.begin(), lines.begin() + 7);
  EXPECT_EQ(head, (std::vector<std::string>{
                      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Meedoen//Activiteiten//NL",
                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                      "X-WR-CALNAME:Activiteiten\\, De Ezel", "BEGIN:VTIMEZONE"}));
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  for (const char* l :
       {"TZID:Europe/Amsterdam", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "BEGIN:DAYLIGHT", "BEGIN:STANDARD"})
    EXPECT_NE(std::find(lines.begin(), lines.end(), l), lines.end()) << l;
  EXPECT_EQ(vevents(feed), (std::vector<std::vector<std::string>>{{
                               "UID:activiteit-12@meedoen",
                               "DTSTAMP:20260101T000000Z",
                               "LAST-MODIFIED:20260201T110000Z",
                               "DTSTART;TZID=Europe/Amsterdam:20260302T100000",
                               "DTEND;TZID=Europe/Amsterdam:20260302T110000",
                               "RRULE:FREQ=WEEKLY;BYDAY=MO",
                               "SUMMARY:Koffie\\, thee",
                               "DESCRIPTION:Iedereen welkom\\;\\nook met kinderen",
                               "LOCATION:Buurthuis De Ezel\\, Utrecht",
                               "URL:https://meedoen.example/activiteiten/12?x=1,2X-EVIL:1",
                           }}));
}

TEST(Ical, WritesTheRruleOfEachKindOfSeries) {
  struct Case {
    const char* what;
    Schedule schedule;
    std::vector<std::string> expected;  // DTSTART and RRULE
  };
  Schedule first_tuesday = series(Repeat::kMonthly, "2026-01-06", 19 * 60);
  Schedule last_friday = series(Repeat::kMonthly, "2026-01-30", 15 * 60);
  last_friday.week_of_month = kWeekOfMonthLast;
  last_friday.until_day = day("2026-07-31");
  Schedule until_winter = series(Repeat::kWeekly, "2026-01-05", 600);
  until_winter.until_day = day("2026-03-09");
  Schedule late_tuesday = series(Repeat::kMonthly, "2026-01-10", 19 * 60);  // a Saturday
  late_tuesday.first_day = day("2026-01-13");  // the second Tuesday: the first is in February
  const Case cases[] = {
      {"coffee on weekdays",
       series(Repeat::kWeekly, "2026-03-02", 600, kMon | kTue | kWed | kThu | kFri),
       {"DTSTART;TZID=Europe/Amsterdam:20260302T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}},
      {"no weekdays: first_day's",
       series(Repeat::kWeekly, "2026-03-05", 600),
       {"DTSTART;TZID=Europe/Amsterdam:20260305T100000", "RRULE:FREQ=WEEKLY;BYDAY=TH"}},
      {"DTSTART is the first real occurrence, not first_day",
       series(Repeat::kWeekly, "2026-03-05", 600, kMon | kWed),
       {"DTSTART;TZID=Europe/Amsterdam:20260309T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE"}},
      {"every two weeks",
       series(Repeat::kBiweekly, "2026-03-05", 14 * 60, kMon | kThu),
       {"DTSTART;TZID=Europe/Amsterdam:20260305T140000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TH"}},
      {"the first Tuesday",
       first_tuesday,
       {"DTSTART;TZID=Europe/Amsterdam:20260106T190000", "RRULE:FREQ=MONTHLY;BYDAY=1TU"}},
      {"the first Tuesday, from a day that is none",
       late_tuesday,
       {"DTSTART;TZID=Europe/Amsterdam:20260203T190000", "RRULE:FREQ=MONTHLY;BYDAY=1TU"}},
      {"the last Friday until a summer day (UNTIL in UTC: 23:59:59 CEST)",
       last_friday,
       {"DTSTART;TZID=Europe/Amsterdam:20260130T150000",
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260731T215959Z"}},
      {"until a winter day (23:59:59 CET)",
       until_winter,
       {"DTSTART;TZID=Europe/Amsterdam:20260105T100000",
        "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260309T225959Z"}},
      {"a one-off has no RRULE",
       series(Repeat::kOnce, "2026-03-04", 18 * 60 + 30),
       {"DTSTART;TZID=Europe/Amsterdam:20260304T183000"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(lines_of(event("x", c.schedule), {"DTSTART", "RRULE"}),
              std::vector<std::vector<std::string>>{c.expected});
  }
  Schedule none = series(Repeat::kWeekly, "2026-03-05", 600, kMon);
  none.until_day = day("2026-03-08");
  EXPECT_TRUE(vevents(ical_calendar("Test", {event("x", none)}, kStamp)).empty())
      << "a series without occurrences is left out";
}

TEST(Ical, PausesAndCancellationsAreExdatesAndMovesAreRecurrences) {
  const Schedule monday = series(Repeat::kWeekly, "2026-03-02", 600, kMon);
  const IcalEvent e =
      event("x", monday, {{day("2026-03-25"), day("2026-04-07")}},
            {cancel("2026-03-02"), cancel("2026-03-04"), move("2026-03-09", "2026-03-10", 14 * 60),
             move("2026-03-30", "2026-03-24", 600), cancel("2026-04-06"),
             move("2026-04-20", "2026-04-20", 9 * 60)});
  EXPECT_EQ(lines_of(e, {"DTSTART", "EXDATE", "RECURRENCE-ID"}),
            (std::vector<std::vector<std::string>>{
                {"DTSTART;TZID=Europe/Amsterdam:20260302T100000",
                 // cancelled (the first occurrence, DTSTART itself), then the paused ones: one
                 // before and one after the change to summer time (UTC 09:00 and 08:00)
                 "EXDATE;TZID=Europe/Amsterdam:20260302T100000",
                 "EXDATE;TZID=Europe/Amsterdam:20260330T100000",
                 "EXDATE;TZID=Europe/Amsterdam:20260406T100000"},
                {"DTSTART;TZID=Europe/Amsterdam:20260310T140000",
                 "RECURRENCE-ID;TZID=Europe/Amsterdam:20260309T100000"},
                {"DTSTART;TZID=Europe/Amsterdam:20260420T090000",
                 "RECURRENCE-ID;TZID=Europe/Amsterdam:20260420T100000"},
            }));
  const auto moved = vevents(ical_calendar("Test", {e}, kStamp))[1];
  EXPECT_EQ(moved.front(), "UID:x");
  EXPECT_NE(std::find(moved.begin(), moved.end(), "DTEND;TZID=Europe/Amsterdam:20260310T150000"),
            moved.end());
  EXPECT_NE(std::find(moved.begin(), moved.end(), "SUMMARY:x"), moved.end());
}

TEST(Ical, AOneOffIsMovedCancelledOrPausedInItsOwnEvent) {
  const Schedule once = series(Repeat::kOnce, "2026-03-04", 18 * 60);
  EXPECT_EQ(
      lines_of(event("x", once, {}, {move("2026-03-04", "2026-03-11", 19 * 60)}),
               {"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "STATUS"}),
      (std::vector<std::vector<std::string>>{{"DTSTART;TZID=Europe/Amsterdam:20260311T190000",
                                              "DTEND;TZID=Europe/Amsterdam:20260311T200000"}}));
  EXPECT_EQ(lines_of(event("x", once, {}, {cancel("2026-03-04")}), {"STATUS", "EXDATE"}),
            (std::vector<std::vector<std::string>>{{"STATUS:CANCELLED"}}));
  EXPECT_TRUE(lines_of(event("x", once, {{day("2026-03-01"), day("2026-03-31")}}), {}).empty());
}

// What a calendar client makes of the feed, by way of Debian's python3-recurring-ical-events.
class IcalClient : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("/usr/bin/python3 -c 'import recurring_ical_events' >/dev/null 2>&1") != 0)
      GTEST_SKIP() << "/usr/bin/python3 cannot import recurring_ical_events "
                      "(apt install python3-recurring-ical-events)";
  }

  // The script's lines for [from, to], and its exit status.
  static std::pair<std::vector<std::string>, int> client(const std::string& feed, const char* from,
                                                         const char* to) {
    const std::string path =
        ::testing::TempDir() + "meedoen_ical_" + std::to_string(::getpid()) + ".ics";
    std::ofstream(path, std::ios::binary) << feed;
    const std::string command = std::string("/usr/bin/python3 '") + MEEDOEN_SOURCE_DIR +
                                "/tests/tools/ical_expand.py' " + from + " " + to + " < '" + path +
                                "'";
    std::vector<std::string> lines;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return {lines, -1};
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    const int status = ::pclose(pipe);
    std::remove(path.c_str());
    for (std::size_t at = 0, end; (end = out.find('\n', at)) != std::string::npos; at = end + 1)
      lines.push_back(out.substr(at, end - at));
    return {lines, status};
  }
};

std::string utc(Timestamp t) {
  const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const auto secs = t - days * 86400;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02dZ", static_cast<int>(secs / 3600),
                static_cast<int>(secs % 3600 / 60));
  return format_days(days) + buf;
}

// expand()'s occurrences that go ahead, in the script's form.
std::vector<std::string> expected(const std::vector<IcalEvent>& events, const char* from,
                                  const char* to) {
  std::vector<std::string> out;
  for (const auto& e : events)
    for (const auto& o : expand(e.schedule, e.pauses, e.changes, day(from), day(to)))
      if (!o.cancelled) out.push_back(e.uid + " " + utc(o.start));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<IcalEvent> client_cases() {
  Schedule last_friday = series(Repeat::kMonthly, "2026-01-30", 15 * 60);
  last_friday.week_of_month = kWeekOfMonthLast;
  last_friday.until_day = day("2026-07-31");
  Schedule until = series(Repeat::kWeekly, "2026-01-05", 600);
  until.until_day = day("2026-03-09");
  // 02:30 on Sundays up to the autumn: the spring change day's 02:30 does not exist. The autumn
  // one is left out, as the libraries read its repeated hour as winter time and RFC 5545 (and
  // local_timestamp) as summer time.
  Schedule night = series(Repeat::kBiweekly, "2026-03-15", 2 * 60 + 30);
  night.until_day = day("2026-10-18");
  Schedule first_tuesday = series(Repeat::kMonthly, "2026-01-10", 19 * 60);
  IcalEvent described =
      event("described", series(Repeat::kWeekly, "2026-02-02", 600, kMon | kThu), {}, {});
  described.description = "Een lange regel, met komma's; puntkomma's en é's 😀 ";
  for (int i = 0; i < 3; ++i) described.description += described.description;
  described.location = "Buurthuis\nZaal 2";
  return {
      event("coffee", series(Repeat::kWeekly, "2026-01-07", 600, kMon | kTue | kWed | kThu | kFri),
            {{day("2026-07-06"), day("2026-08-16")}},
            {cancel("2026-01-07"), cancel("2026-03-03"), move("2026-03-04", "2026-03-03", 9 * 60),
             move("2026-03-16", "2026-02-27", 11 * 60), cancel("2026-03-07"),
             move("2026-07-08", "2026-06-30", 600)}),
      event("monwed", series(Repeat::kWeekly, "2026-03-05", 600, kMon | kWed)),
      event("donkeys", series(Repeat::kBiweekly, "2026-03-05", 14 * 60, kMon | kThu), {},
            {move("2026-03-19", "2026-03-21", 600), cancel("2026-04-02")}),
      event("sunday", series(Repeat::kBiweekly, "2026-10-11", 600)),
      event("night", night),
      event("first-tuesday", first_tuesday, {}, {cancel("2026-02-03")}),
      event("last-friday", last_friday, {}, {move("2026-07-31", "2026-08-03", 15 * 60)}),
      event("until", until),
      event("once", series(Repeat::kOnce, "2026-03-04", 18 * 60 + 30)),
      event("once-moved", series(Repeat::kOnce, "2026-03-04", 18 * 60), {},
            {move("2026-03-04", "2026-03-29", 2 * 60 + 30)}),
      event("once-cancelled", series(Repeat::kOnce, "2026-03-05", 18 * 60), {},
            {cancel("2026-03-05")}),
      described,
  };
}

TEST_F(IcalClient, SeesTheOccurrencesThatExpandGives) {
  const auto events = client_cases();
  const std::string feed = ical_calendar("Activiteiten", events, kStamp);
  const std::pair<const char*, const char*> windows[] = {
      {"2025-12-01", "2026-12-31"},  // everything
      {"2026-03-02", "2026-03-08"},  // a move within the week, one into it, a cancellation
      {"2026-02-23", "2026-03-01"},  // the one moved in from the 16th of March
      {"2026-03-16", "2026-03-22"},  // without the occurrences moved away
      {"2026-03-29", "2026-03-29"},  // the change to summer time
      {"2026-06-29", "2026-07-12"},  // into the summer break
      {"2026-10-24", "2026-11-01"},  // the change to winter time
  };
  for (const auto& [from, to] : windows) {
    SCOPED_TRACE(std::string(from) + " to " + to);
    const auto [lines, status] = client(feed, from, to);
    ASSERT_EQ(status, 0);
    EXPECT_EQ(lines, expected(events, from, to));
    EXPECT_FALSE(lines.empty());
  }
}

TEST_F(IcalClient, FailsOnAFeedThatDoesNotParse) {
  EXPECT_NE(client("BEGIN:VCALENDAR\r\nnonsense\r\n", "2026-01-01", "2026-01-31").second, 0);
  std::string feed = ical_calendar("Activiteiten", client_cases(), kStamp);
  EXPECT_EQ(client(feed, "2026-01-01", "2026-01-31").second, 0);
  feed.replace(feed.find("RRULE:FREQ=WEEKLY;"), 18, "RRULE:FREQ=WEAKLY;");
  EXPECT_NE(client(feed, "2026-01-01", "2026-01-31").second, 0);
}

}  // namespace
}  // namespace meedoen::web
