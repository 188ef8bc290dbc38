// Signing up for an activity over the site, on the demo (SQLite, and PostgreSQL in
// integration_postgres): the public pages show how many places are left and never a name; a
// visitor signs up with a nickname and cancels with their own link; only the centre's hosts see
// the list and record how many came.
#include <regex>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

class OccurrencesHttpTest : public HttpTest {
 protected:
  // The demo's Thursday meal at Matilo, and the date of its next occurrence (full, with two on
  // the waiting list), read from the public activity page.
  struct Meal {
    std::string id;
    std::string date;
    std::string signup_url;
  };

  static Meal meal() {
    Meal m;
    auto cal = Client(*site_).get("/centra/1");
    EXPECT_EQ(cal.status, 200);
    std::smatch found;
    static const std::regex meal_re("href=\"/centra/1/activiteiten/(\\d+)\">Samen eten<");
    if (!std::regex_search(cal.body, found, meal_re)) return m;
    m.id = found[1];
    auto page = Client(*site_).get("/centra/1/activiteiten/" + m.id);
    EXPECT_EQ(page.status, 200);
    const std::regex url_re("href=\"(/centra/1/activiteiten/" + m.id +
                            "/aanmelden/(\\d{4}-\\d\\d-\\d\\d))\"");
    if (!std::regex_search(page.body, found, url_re)) return m;
    m.signup_url = found[1];
    m.date = found[2];
    return m;
  }
};

TEST_F(OccurrencesHttpTest, ThePublicSeesPlacesLeftAndNoNames) {
  const Meal m = meal();
  ASSERT_FALSE(m.date.empty()) << "the meal has a sign-up link";
  auto page = client().get("/centra/1/activiteiten/" + m.id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("vol, wel wachtlijst"), std::string::npos);
  auto form = client().get(m.signup_url);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("name=\"_csrf\""), std::string::npos);
  EXPECT_NE(form.body.find("Alle plaatsen zijn bezet"), std::string::npos);
  for (const auto* body : {&page.body, &form.body})
    for (const char* name : {"Ans", "Fatima", "Khadija", "Greet"})
      EXPECT_EQ(body->find(std::string(">") + name), std::string::npos) << name;
  EXPECT_EQ(client().get("/centra/2/activiteiten/" + m.id + "/aanmelden/" + m.date).status, 404)
      << "another centre's path";
  EXPECT_EQ(client().get("/centra/1/activiteiten/" + m.id + "/aanmelden/2020-01-02").status, 404);
  EXPECT_EQ(client().get("/centra/1/activiteiten/" + m.id + "/aanmelden/geen-datum").status, 404);
}

TEST_F(OccurrencesHttpTest, AVisitorSignsUpAndCancelsWithTheirOwnLink) {
  const Meal m = meal();
  ASSERT_FALSE(m.date.empty());
  auto visitor = client();
  ASSERT_EQ(visitor.get(m.signup_url).status, 200);
  EXPECT_EQ(visitor.post(m.signup_url, "name=Zeno", false).status, 403) << "no CSRF token";
  EXPECT_EQ(visitor.post(m.signup_url, "name=").status, 422);
  auto done = visitor.post(m.signup_url, "name=Zeno");
  ASSERT_EQ(done.status, 303) << done.body;
  const std::string link = done.headers["Location"];
  ASSERT_EQ(link.rfind("/aanmelding/", 0), 0u) << link;
  auto mine = visitor.get(link);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.headers["Referrer-Policy"], "no-referrer");
  EXPECT_NE(mine.body.find("Zeno"), std::string::npos);
  EXPECT_NE(mine.body.find("op de wachtlijst, op nummer 3"), std::string::npos) << mine.body;
  EXPECT_NE(mine.body.find("Bewaar deze pagina"), std::string::npos);
  EXPECT_EQ(mine.body.find("Ans"), std::string::npos) << "only one's own name";
  EXPECT_EQ(visitor.post(m.signup_url, "name=zeno").status, 422) << "the same name twice";

  const std::string token_path = link.substr(0, link.find('?'));
  auto cancel = visitor.post(token_path + "/afmelden", "");
  ASSERT_EQ(cancel.status, 303);
  auto after = visitor.get(token_path);
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("Afgemeld"), std::string::npos);
  EXPECT_EQ(after.body.find("/afmelden\""), std::string::npos) << "no button once cancelled";
  EXPECT_EQ(client().get("/aanmelding/not-a-real-token").status, 404);
}

TEST_F(OccurrencesHttpTest, OnlyTheCentresHostSeesTheListAndCountsWhoCame) {
  const Meal m = meal();
  ASSERT_FALSE(m.date.empty());
  const std::string url = "/activiteiten/" + m.id + "/keer/" + m.date;
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto list = host.get(url);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("Ans"), std::string::npos);
  EXPECT_NE(list.body.find("Wachtlijst"), std::string::npos);
  EXPECT_NE(list.body.find("via de website"), std::string::npos);
  auto add = host.post(url + "/aanmelden", "name=Yara");
  ASSERT_EQ(add.status, 303);
  EXPECT_NE(add.headers["Location"].find("opgeslagen=wachtlijst"), std::string::npos);
  // It has not begun: no count yet.
  EXPECT_EQ(host.post(url + "/opkomst", "count=12").status, 409);

  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  EXPECT_EQ(gp.get(url).status, 403);
  EXPECT_EQ(gp.post(url + "/aanmelden", "name=Xander").status, 403);
  EXPECT_EQ(client().get(url).status, 303) << "to the log-in";

  // Last week's meal has begun long ago: its count can be written down.
  const std::string past_date = [&] {
    auto day = parse_date(m.date);
    return format_days(*day - 7);
  }();
  const std::string past = "/activiteiten/" + m.id + "/keer/" + past_date;
  ASSERT_EQ(host.get(past).status, 200);
  EXPECT_EQ(host.post(past + "/opkomst", "count=veel").status, 422);
  auto counted = host.post(past + "/opkomst", "count=13");
  ASSERT_EQ(counted.status, 303);
  auto shown = host.get(past);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Er kwamen 13 mensen."), std::string::npos);
}

TEST_F(OccurrencesHttpTest, TheHostTicksTheKnownVisitorsAmongThoseWhoCame) {
  const Meal m = meal();
  ASSERT_FALSE(m.date.empty());
  const std::string past =
      "/activiteiten/" + m.id + "/keer/" + format_days(*parse_date(m.date) - 7);
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto page = host.get(past);
  ASSERT_EQ(page.status, 200);
  std::smatch found;
  const std::regex bram_re("name=\"visitor\" value=\"(\\d+)\"[^>]*> Bram<");
  ASSERT_TRUE(std::regex_search(page.body, found, bram_re)) << "Bram, a known visitor, to tick";
  const std::string bram = found[1];

  EXPECT_EQ(host.post(past + "/opkomst", "count=12&visitor=abc").status, 422);
  auto fewer = host.post(past + "/opkomst", "count=0&visitor=" + bram);
  ASSERT_EQ(fewer.status, 422);
  EXPECT_NE(fewer.body.find("kleiner dan het aantal bekende bezoekers"), std::string::npos);
  EXPECT_NE(fewer.body.find("value=\"" + bram + "\" checked> Bram<"), std::string::npos)
      << "the tick the host made stays";
  ASSERT_EQ(host.post(past + "/opkomst", "count=12&visitor=" + bram).status, 303);
  auto shown = host.get(past);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Er kwamen 12 mensen. Bekende bezoekers: Bram."), std::string::npos);
  // The public page of the activity names none of them.
  auto pub = client().get("/centra/1/activiteiten/" + m.id);
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(pub.body.find("Bram"), std::string::npos);
}

}  // namespace
}  // namespace meedoen
