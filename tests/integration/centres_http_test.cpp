// The Zelfregiecentrum over the site, on the demo (SQLite, and PostgreSQL in
// integration_postgres): the public calendar and its iCal feed show no names and nothing that is
// not public, answer conditional requests with 304, and the feed expands (read by a real iCal
// parser) to the same occurrences as the page; only a centre's hosts count its visitors, and a tap
// sent twice is counted once.
#include <cstdio>
#include <set>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

class CentresHttpTest : public HttpTest {
 protected:
  // Matilo is the demo's first centre.
  static constexpr const char* kCalendar = "/centra/1";

  static Reply get_with(const std::string& target, const std::string& header,
                        const std::string& value) {
    Client c = Client(*site_);
    c.extra_headers[header] = value;
    return c.get(target);
  }

  // What /usr/bin/python3 tests/tools/ical_expand.py prints for `feed` from `from` to `to`.
  static std::string expand_feed(const std::string& feed, const std::string& from,
                                 const std::string& to, int* status) {
    const auto path = dir_ / "feed.ics";
    {
      std::ofstream out(path, std::ios::binary);
      out << feed;
    }
    const std::string cmd = "/usr/bin/python3 " + std::string(MEEDOEN_SOURCE_DIR) +
                            "/tests/tools/ical_expand.py " + from + " " + to + " < " +
                            path.string() + " 2>&1";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    *status = pclose(p);
    return out;
  }
};

TEST_F(CentresHttpTest, ThePublicCalendarNeedsNoLogInAndNamesNoVisitor) {
  auto anon = client();
  auto r = anon.get(kCalendar);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers.count("Set-Cookie"), 0u) << "a public page starts no session";
  EXPECT_NE(r.body.find("Huis van de Buurt Matilo"), std::string::npos);
  EXPECT_NE(r.body.find("Koffie-ochtend"), std::string::npos);
  EXPECT_NE(r.body.find("Georganiseerd door Ans"), std::string::npos)
      << "Ans asked to be named as the knitting group's organiser";
  EXPECT_EQ(r.body.find("Gitaar"), std::string::npos) << "a proposal is not public";
  EXPECT_EQ(r.body.find("Greet Zwart"), std::string::npos) << "no host's name";
  EXPECT_EQ(r.body.find("name=\"_csrf\""), std::string::npos) << "no form, no session";
  EXPECT_EQ(r.body.find("/signalen"), std::string::npos) << "no menu";

  // A logged-in host gets the same bytes: the public page shows nothing of the session.
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto as_host = host.get(kCalendar);
  ASSERT_EQ(as_host.status, 200);
  EXPECT_EQ(as_host.body, r.body);
  EXPECT_EQ(as_host.headers["ETag"], r.headers["ETag"]);

  EXPECT_EQ(anon.get("/centra/999").status, 404);
  EXPECT_EQ(anon.get("/centra/abc").status, 404);
  EXPECT_EQ(anon.get("/centra/999/activiteiten.ics").status, 404);
}

TEST_F(CentresHttpTest, ThePageAndTheFeedAnswerAConditionalGetWith304) {
  for (const std::string& target :
       {std::string(kCalendar), std::string(kCalendar) + "/activiteiten.ics"}) {
    auto r = client().get(target);
    ASSERT_EQ(r.status, 200) << target;
    const std::string etag = r.headers["ETag"];
    const std::string modified = r.headers["Last-Modified"];
    ASSERT_FALSE(etag.empty()) << target;
    ASSERT_FALSE(modified.empty()) << target;
    EXPECT_EQ(r.headers["Cache-Control"], "no-cache");
    auto same = get_with(target, "If-None-Match", etag);
    EXPECT_EQ(same.status, 304) << target;
    EXPECT_TRUE(same.body.empty());
    EXPECT_EQ(same.headers["ETag"], etag);
    EXPECT_EQ(get_with(target, "If-None-Match", "\"other\"").status, 200);
    EXPECT_EQ(get_with(target, "If-Modified-Since", modified).status, 304) << target;
    EXPECT_EQ(get_with(target, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").status, 200);
    EXPECT_EQ(get_with(target, "If-Modified-Since", "yesterday").status, 200);
  }
}

TEST_F(CentresHttpTest, TheFeedExpandsToTheOccurrencesOfThePage) {
  auto page = client().get(kCalendar);
  ASSERT_EQ(page.status, 200);
  // The page's occurrences that go ahead: the activity's id and the local start.
  std::set<std::string> on_page;
  static const std::regex item_re(
      "<li class=\"calendar-item( is-cancelled)?\">\\s*<p class=\"calendar-time\"><time "
      "datetime=\"([0-9T:-]+)\">[\\s\\S]*?/activiteiten/([0-9]+)\"");
  for (std::sregex_iterator it(page.body.begin(), page.body.end(), item_re), end; it != end; ++it) {
    if ((*it)[1].matched) continue;  // cancelled: the feed leaves it out
    const auto start = parse_local_datetime((*it)[2].str());
    ASSERT_TRUE(start) << (*it)[2].str();
    char utc[32];
    const std::time_t t = *start;
    std::strftime(utc, sizeof utc, "%Y-%m-%dT%H:%MZ", std::gmtime(&t));
    on_page.insert("activiteit-" + (*it)[3].str() + "@meedoen " + utc);
  }
  ASSERT_GT(on_page.size(), 10u) << page.body;
  EXPECT_NE(page.body.find("is-cancelled"), std::string::npos) << "the demo cancels one";

  auto feed = client().get(std::string(kCalendar) + "/activiteiten.ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_EQ(feed.headers["Content-Type"], "text/calendar; charset=utf-8");
  EXPECT_EQ(feed.body.find("Gitaar"), std::string::npos) << "a proposal is not in the feed";
  const std::int64_t monday = local_days(start_of_local_week(app_->now()));
  int status = -1;
  const std::string out =
      expand_feed(feed.body, format_days(monday), format_days(monday + 13), &status);
  ASSERT_EQ(status, 0) << out;
  std::set<std::string> in_feed;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) in_feed.insert(line);
  EXPECT_EQ(in_feed, on_page);

  // One activity's own feed holds that activity only.
  const auto one = client().get(std::string(kCalendar) + "/activiteiten/1/activiteit.ics");
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("UID:activiteit-1@meedoen"), std::string::npos);
  EXPECT_EQ(one.body.find("UID:activiteit-2@meedoen"), std::string::npos);
  EXPECT_EQ(client().get("/centra/2/activiteiten/1").status, 404) << "another centre's activity";
}

TEST_F(CentresHttpTest, OnlyTheCentresHostCountsAndATapCountsOnce) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto list = host.get("/centrum");
  EXPECT_EQ(list.status, 200) << "Greet hosts two centres";
  auto day = host.get("/centrum/1");
  ASSERT_EQ(day.status, 200) << day.body;
  const int before = first_id(day.body, "tally-count\" role=\"status\">[^<]*<strong>");
  auto tap = host.post("/centrum/1/tellen", "key=http-test-tap-1&delta=1");
  EXPECT_EQ(tap.status, 303) << tap.body;
  auto again = host.post("/centrum/1/tellen", "key=http-test-tap-1&delta=1");
  EXPECT_EQ(again.status, 303);
  day = host.get("/centrum/1");
  EXPECT_EQ(first_id(day.body, "tally-count\" role=\"status\">[^<]*<strong>"), before + 1);

  host.extra_headers["HX-Request"] = "true";
  auto fragment = host.post("/centrum/1/tellen", "key=http-test-tap-2&delta=1");
  ASSERT_EQ(fragment.status, 200);
  EXPECT_EQ(fragment.body.find("<html"), std::string::npos) << "a fragment for the script";
  EXPECT_NE(fragment.body.find("id=\"tally\""), std::string::npos);
  EXPECT_EQ(host.post("/centrum/1/tellen", "key=bad&delta=1").status, 400);

  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  EXPECT_EQ(gp.get("/centrum/1").status, 403);
  EXPECT_EQ(gp.post("/centrum/1/tellen", "key=http-test-tap-3&delta=1").status, 403);
  EXPECT_EQ(gp.get("/centrum/1/activiteiten").status, 403);
  EXPECT_EQ(client().get("/centrum/1").status, 303) << "to the log-in";
}

}  // namespace
}  // namespace meedoen
