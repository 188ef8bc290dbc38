// Participation over time, over the site, on the demo (SQLite, and PostgreSQL in
// integration_postgres): a host notes a talk with a known visitor, with their consent asked in
// the same form; bad input comes back with what was typed; withdrawal deletes the talks. Only the
// centre's hosts reach the page; the tablet never.
#include <regex>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

class ParticipationHttpTest : public HttpTest {};

// Makes `name` known at Matilo and returns their page's path, /bezoekers/{id}.
std::string make_known(Client& host, const std::string& name) {
  EXPECT_EQ(host.get("/centrum/1/bezoekers").status, 200);
  auto made = host.post("/centrum/1/bezoekers",
                        "name=" + name + "&consent=1&given_by=resident&consent_form=verbal");
  EXPECT_EQ(made.status, 303) << made.body;
  const std::string to = made.headers["Location"];
  return to.substr(0, to.find('?'));
}

TEST_F(ParticipationHttpTest, AHostNotesATalkWithConsentAndTheVisitorCanTakeItBack) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  const std::string visitor = make_known(host, "Part1");
  const std::string url = visitor + "/meedoen";

  auto page = host.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Meedoen over tijd"), std::string::npos);
  EXPECT_NE(page.body.find("Trede 6: Betaald werk"), std::string::npos) << "the six rungs";
  EXPECT_NE(page.body.find("participatieladder"), std::string::npos) << "the consent text";

  EXPECT_EQ(host.post(url, "rung=2&goal=Weer+naar+buiten", false).status, 403) << "no CSRF token";
  auto no_consent = host.post(url, "rung=2&goal=Weer+naar+de+markt");
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_NE(no_consent.body.find("Zonder toestemming van de bezoeker"), std::string::npos);
  EXPECT_NE(no_consent.body.find("Weer naar de markt"), std::string::npos) << "what was typed";
  auto bad_rung = host.post(url, "rung=9&consent=1&given_by=resident&consent_form=verbal");
  EXPECT_EQ(bad_rung.status, 422);
  EXPECT_EQ(host.post(url, "rung=&goal=&consent=1&given_by=resident&consent_form=verbal").status,
            422)
      << "neither a rung nor a goal";

  auto done = host.post(
      url,
      "rung=2&goal=Weer+naar+de+markt+%3Cb%3E&consent=1&given_by=resident&consent_form=verbal");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers["Location"], url + "?opgeslagen=meedoen");
  page = host.get(done.headers["Location"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Het gesprek is opgeslagen."), std::string::npos);
  EXPECT_NE(page.body.find("Trede 2: Sociale contacten buiten de deur"), std::string::npos);
  EXPECT_NE(page.body.find("Weer naar de markt &lt;b&gt;"), std::string::npos) << "escaped";
  EXPECT_EQ(page.body.find("<b>"), std::string::npos);
  auto record = host.get(visitor);
  ASSERT_EQ(record.status, 200);
  EXPECT_NE(record.body.find("Trede 2: Sociale contacten buiten de deur"), std::string::npos);
  EXPECT_NE(record.body.find("Meedoen over tijd: trede en doel"), std::string::npos)
      << "the consent among the visitor's consents";

  // The tablet and another role never reach it.
  auto tablet = client();
  ASSERT_TRUE(tablet.login("tablet.matilo"));
  EXPECT_EQ(tablet.get(url).status, 403) << "not a page for the device";
  EXPECT_EQ(tablet.post(url, "rung=3").status, 403);
  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  EXPECT_EQ(gp.get(url).status, 404);

  auto gone = host.post(url + "/intrekken", "");
  ASSERT_EQ(gone.status, 303);
  page = host.get(gone.headers["Location"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Alle gesprekken zijn gewist."), std::string::npos);
  EXPECT_EQ(page.body.find("Weer naar de markt"), std::string::npos);
  EXPECT_EQ(host.post(url + "/intrekken", "").status, 409) << "nothing left to withdraw";
}

TEST_F(ParticipationHttpTest, ARefusalIsShownSoNoOneAsksAgain) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  const std::string url = make_known(host, "Part2") + "/meedoen";
  ASSERT_EQ(host.get(url).status, 200);
  auto no = host.post(url + "/nee", "given_by=resident&consent_form=verbal");
  ASSERT_EQ(no.status, 303);
  auto page = host.get(no.headers["Location"]);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("De bezoeker heeft eerder nee gezegd"), std::string::npos);
  EXPECT_EQ(page.body.find("/meedoen/nee"), std::string::npos) << "no second refusal button";
}

TEST_F(ParticipationHttpTest, TheDemoShowsWhoWentUpARungInTheCentresFigures) {
  auto coordinator = client();
  ASSERT_TRUE(coordinator.login("coordinator"));
  auto figures = coordinator.get("/brigade/cijfers");
  ASSERT_EQ(figures.status, 200);
  EXPECT_NE(figures.body.find("Bekende bezoekers een trede omhoog"), std::string::npos);
}

}  // namespace
}  // namespace meedoen
