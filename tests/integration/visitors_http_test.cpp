// Known visitors over the site, on the demo (SQLite, and PostgreSQL in integration_postgres): a
// host makes someone known under their consent and checks them in from the day page; nobody but
// the centre's hosts sees the name, the public pages never; withdrawing the consent takes the
// name off every page at once.
#include <ctime>
#include <regex>

#include "domain/day_part.hpp"
#include "http_fixture.hpp"

namespace meedoen {
namespace {

class VisitorsHttpTest : public HttpTest {};

// Whether a page shows a resident's pseudonym ("R-7K3Q") on its own, and not as a piece of a
// random token (a tap key or CSRF token in base64url may hold "R-" and four capitals).
bool shows_resident_code(const std::string& body) {
  static const std::regex code("(^|[^A-Za-z0-9_-])R-[2-9A-Z]{4}(?![A-Za-z0-9_-])");
  return std::regex_search(body, code);
}

TEST_F(VisitorsHttpTest, AHostMakesSomeoneKnownChecksThemInAndTheNameGoesOnWithdrawal) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto list = host.get("/centrum/1/bezoekers");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("Het centrum onthoudt uw voornaam"), std::string::npos)
      << "the consent text to read out";

  EXPECT_EQ(
      host.post("/centrum/1/bezoekers", "name=Zeno+Visser&given_by=resident&consent_form=verbal")
          .status,
      422)
      << "no consent ticked";
  EXPECT_EQ(
      host.post("/centrum/1/bezoekers", "name=Zeno&consent=1&given_by=resident", false).status, 403)
      << "no CSRF token";
  auto made = host.post("/centrum/1/bezoekers",
                        "name=Zeno+Visser&consent=1&given_by=resident&consent_form=verbal");
  ASSERT_EQ(made.status, 303) << made.body;
  const std::string url = made.headers["Location"].substr(0, made.headers["Location"].find('?'));
  ASSERT_EQ(url.rfind("/bezoekers/", 0), 0u) << url;
  auto page = host.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Zeno Visser"), std::string::npos);
  EXPECT_NE(page.body.find("Bekend bij het centrum"), std::string::npos);
  EXPECT_EQ(host.post("/centrum/1/bezoekers",
                      "name=zeno+visser&consent=1&given_by=resident&consent_form=verbal")
                .status,
            422)
      << "the same name twice";

  auto day = host.get("/centrum/1");
  ASSERT_EQ(day.status, 200);
  EXPECT_NE(day.body.find("action=\"" + url + "/binnen\""), std::string::npos)
      << "the name is one tap on the day page";
  // In the morning, whatever the time: the late one below is in the evening, another day part.
  auto in = host.post(url + "/binnen", "key=http-check-in-0001&part=morning");
  ASSERT_EQ(in.status, 303) << in.body;
  EXPECT_NE(in.headers["Location"].find("opgeslagen=binnen"), std::string::npos);
  auto again = host.post(url + "/binnen", "key=http-check-in-0002&part=morning");
  ASSERT_EQ(again.status, 303);
  EXPECT_NE(again.headers["Location"].find("opgeslagen=al_binnen"), std::string::npos);
  EXPECT_EQ(host.post(url + "/binnen", "key=x").status, 400);

  // From static/tally.js, maybe long after it was tapped offline: the day part it was made in,
  // and the count back as a fragment that says it was done.
  host.extra_headers["HX-Request"] = "true";
  auto late = host.post(url + "/binnen", "key=http-check-in-0003&part=evening");
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_EQ(late.body.find("<html"), std::string::npos) << "a fragment for the script";
  EXPECT_NE(late.body.find("id=\"tally\""), std::string::npos);
  EXPECT_NE(late.body.find("Ingecheckt"), std::string::npos);
  auto late_again = host.post(url + "/binnen", "key=http-check-in-0003&part=evening");
  ASSERT_EQ(late_again.status, 200) << "the same key once more: nothing counted, no error";
  EXPECT_EQ(host.post(url + "/binnen", "key=http-check-in-0004&part=nacht").status, 422);
  EXPECT_EQ(host.post(url + "/binnen", "key=http-check-in-0005&day=gisteren").status, 400);
  host.extra_headers.clear();
  auto rec = host.get(url);
  ASSERT_EQ(rec.status, 200);
  EXPECT_NE(rec.body.find("2 keer geweest"), std::string::npos) << "the morning and the evening";
  EXPECT_NE(rec.body.find("Per maand: hoe vaak de bezoeker kwam"), std::string::npos)
      << "participation over time, month by month";

  // Nobody else sees the name: not a GP, not a peer, not the administrator, not the public.
  for (const char* who : {"huisarts", "peer.anouk", "beheer", "coordinator"}) {
    auto other = client();
    ASSERT_TRUE(other.login(who)) << who;
    EXPECT_EQ(other.get(url).status, 404) << who;
    EXPECT_EQ(other.get("/centrum/1/bezoekers").status, 403) << who;
    EXPECT_EQ(other.post(url + "/binnen", "key=http-other-00001").status, 404) << who;
  }
  EXPECT_EQ(client().get(url).status, 303) << "to the log-in";
  for (const char* path : {"/centra/1", "/centra/1/activiteiten.ics"}) {
    auto pub = client().get(path);
    ASSERT_EQ(pub.status, 200) << path;
    EXPECT_EQ(pub.body.find("Zeno"), std::string::npos) << path;
  }

  auto gone = host.post(url + "/intrekken", "");
  ASSERT_EQ(gone.status, 303) << gone.body;
  EXPECT_EQ(host.get(url).status, 404);
  for (const char* path : {"/centrum/1", "/centrum/1/bezoekers"}) {
    auto after = host.get(path);
    ASSERT_EQ(after.status, 200) << path;
    EXPECT_EQ(after.body.find("Zeno"), std::string::npos) << path;
  }
}

TEST_F(VisitorsHttpTest, AVisitorWhomTheBrigadeBroughtShowsToTheHostByNameAndNeverByCode) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto list = host.get("/centrum/1/bezoekers");
  ASSERT_EQ(list.status, 200);
  std::smatch found;
  ASSERT_TRUE(std::regex_search(list.body, found, std::regex("href=\"(/bezoekers/\\d+)\">Fenna<")))
      << "the demo's Fenna came along with the brigade";
  auto page = host.get(found[1].str());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Bezoeken gekoppeld aan de brigade"), std::string::npos);
  for (const auto* body : {&list.body, &page.body})
    EXPECT_FALSE(shows_resident_code(*body)) << "no resident's code for the host";
  EXPECT_EQ(host.get("/verzoeken/1/centrum").status, 403) << "only the peer who holds a request";
}

TEST_F(VisitorsHttpTest, TheCentreTabletCountsAndChecksInAndOpensNoOtherPage) {
  auto tablet = client();
  ASSERT_TRUE(tablet.login("tablet.matilo"));
  auto start = tablet.get("/");
  ASSERT_EQ(start.status, 303);
  EXPECT_EQ(start.headers["Location"], "/centrum");
  auto list = tablet.get("/centrum");
  ASSERT_EQ(list.status, 303);
  EXPECT_EQ(list.headers["Location"], "/centrum/1");
  auto day = tablet.get("/centrum/1");
  ASSERT_EQ(day.status, 200);
  EXPECT_NE(day.body.find("+1 bezoeker"), std::string::npos);
  EXPECT_NE(day.body.find("Bekende bezoeker inchecken"), std::string::npos);
  EXPECT_EQ(day.body.find("/verzoeken/nieuw"), std::string::npos) << "no brigade request form";
  EXPECT_EQ(day.body.find("/bezoekers\""), std::string::npos) << "no list of known visitors";
  ASSERT_TRUE(shows_resident_code("<td>R-7K3Q</td>") &&
              !shows_resident_code("value=\"fxR-7K3Qa\""));
  EXPECT_FALSE(shows_resident_code(day.body)) << "no resident's code";
  std::smatch found;
  ASSERT_TRUE(
      std::regex_search(day.body, found, std::regex("action=\"(/bezoekers/\\d+)/binnen\"")));
  const std::string visitor = found[1].str();
  EXPECT_EQ(tablet.post("/centrum/1/tellen", "key=tablet-tap-000001&delta=1").status, 303);
  EXPECT_EQ(tablet.post(visitor + "/binnen", "key=tablet-in-0000001").status, 303);

  for (const std::string& path : std::vector<std::string>{
           "/signalen", "/signalen/nieuw", "/overleggen", "/acties", "/verzoeken/nieuw", "/brigade",
           "/brigade/cijfers", "/beheer", "/centrum/1/bezoekers", "/centrum/1/activiteiten",
           visitor, "/verzoeken/1", "/centra/1", "/centrum/2"})
    EXPECT_EQ(tablet.get(path).status, 403) << path;
  EXPECT_EQ(tablet.post(visitor + "/intrekken", "").status, 403);
  EXPECT_EQ(tablet.post("/centrum/1/bezoekers", "name=Zeno&consent=1").status, 403);
  EXPECT_EQ(tablet.post("/logout", "").status, 303) << "and it can log out";
}

}  // namespace
}  // namespace meedoen
