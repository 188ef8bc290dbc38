// A host passes on that a visitor is not doing well, over the site, on the demo (SQLite, and
// PostgreSQL in integration_postgres): to the brigade without a name, to the overleg (what points
// to the meldcode goes to its private track), or as a known visitor's call-back that the day page
// lists until the host ticks it off. Only the centre's hosts open the form; the tablet never.
#include <regex>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

class ConcernsHttpTest : public HttpTest {};

std::string visitor_option(const std::string& body, const std::string& name) {
  const std::regex re("<option value=\"(\\d+)\">" + name + "</option>");
  std::smatch m;
  return std::regex_search(body, m, re) ? std::string(m[1]) : "";
}

TEST_F(ConcernsHttpTest, AHostPassesOnToTheBrigadeWithoutANameAndTheDayPageFollowsIt) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto form = host.get("/centrum/1/zorg");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("Wat vertelde de bezoeker?"), std::string::npos);
  EXPECT_FALSE(visitor_option(form.body, "Bram").empty()) << "a known visitor to choose";

  const std::string text = "Slaapt+al+weken+slecht+en+spreekt+niemand+meer.+Http-test+4417.";
  EXPECT_EQ(host.post("/centrum/1/zorg", "route=brigade&text=" + text, false).status, 403)
      << "no CSRF token";
  auto none = host.post("/centrum/1/zorg", "text=" + text);
  EXPECT_EQ(none.status, 422);
  EXPECT_NE(none.body.find("Slaapt al weken slecht"), std::string::npos) << "the text is kept";
  EXPECT_EQ(host.post("/centrum/1/zorg", "route=brigade&text=").status, 422) << "no text";
  EXPECT_EQ(host.post("/centrum/1/zorg", "route=brigade&text=Bram+slaapt+slecht").status, 422)
      << "a known visitor's name in a concern without consent";

  auto done = host.post("/centrum/1/zorg", "route=brigade&text=" + text);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers["Location"], "/centrum/1?opgeslagen=doorgegeven");
  auto day = host.get(done.headers["Location"]);
  ASSERT_EQ(day.status, 200);
  EXPECT_NE(day.body.find("Doorgegeven: wat gebeurt ermee?"), std::string::npos);
  EXPECT_NE(day.body.find("Iemand van de brigade komt langs voor een praatje: nog niet opgepakt"),
            std::string::npos)
      << day.body;
  EXPECT_EQ(host.post("/centrum/1/zorg", "route=brigade&text=" + text).status, 303)
      << "without a name, a second concern is another resident";

  auto coordinator = client();
  ASSERT_TRUE(coordinator.login("coordinator"));
  auto overview = coordinator.get("/brigade");
  ASSERT_EQ(overview.status, 200);
  // The newest request on the overview is the second concern; its page shows where it came from.
  const std::regex link("href=\"/verzoeken/(\\d+)\"");
  long newest = 0;
  for (auto it = std::sregex_iterator(overview.body.begin(), overview.body.end(), link);
       it != std::sregex_iterator(); ++it)
    newest = std::max(newest, std::stol((*it)[1]));
  ASSERT_GT(newest, 0) << overview.body;
  auto request = coordinator.get("/verzoeken/" + std::to_string(newest));
  ASSERT_EQ(request.status, 200);
  EXPECT_NE(request.body.find("Huis van de Buurt Matilo: Slaapt al weken slecht"),
            std::string::npos)
      << "the brigade sees what the host passed on, and where it came from";
}

TEST_F(ConcernsHttpTest, WhatPointsToTheMeldcodeGoesToTheChairNotTheAgenda) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  ASSERT_EQ(host.get("/centrum/1/zorg").status, 200);
  auto done = host.post(
      "/centrum/1/zorg",
      "route=overleg&text=Zegt+dat+haar+partner+haar+slaat+en+ze+is+bang+thuis.+Http-test+5521.");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers["Location"], "/centrum/1?opgeslagen=doorgegeven_meldcode");
  auto day = host.get(done.headers["Location"]);
  ASSERT_EQ(day.status, 200);
  EXPECT_NE(day.body.find("Bel 112"), std::string::npos);
  EXPECT_NE(day.body.find("Bespreken in het signaleringsoverleg"), std::string::npos);
}

TEST_F(ConcernsHttpTest, AKnownVisitorsCallBackStaysOnTheDayPageUntilItIsMade) {
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  auto form = host.get("/centrum/1/zorg");
  ASSERT_EQ(form.status, 200);
  const std::string bram = visitor_option(form.body, "Bram");
  ASSERT_FALSE(bram.empty());
  EXPECT_EQ(
      host.post("/centrum/1/zorg", "route=call_back&text=Wil+graag+teruggebeld+worden").status, 422)
      << "a call-back needs a known visitor";
  auto done = host.post("/centrum/1/zorg",
                        "route=call_back&visitor=" + bram +
                            "&text=Wil+vrijdag+even+bellen+over+het+uitje&consent=1&given_by="
                            "resident&consent_form=verbal");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers["Location"], "/centrum/1?opgeslagen=terugbellen");
  auto day = host.get(done.headers["Location"]);
  ASSERT_EQ(day.status, 200);
  std::smatch m;
  const std::regex action("action=\"/terugbellen/(\\d+)/gedaan\"");
  ASSERT_TRUE(std::regex_search(day.body, m, action)) << day.body;
  const std::string url = "/terugbellen/" + std::string(m[1]) + "/gedaan";
  EXPECT_NE(day.body.find("Wil vrijdag even bellen over het uitje"), std::string::npos);

  auto other = client();
  ASSERT_TRUE(other.login("peer.anouk"));
  other.get("/");
  EXPECT_EQ(other.post(url, "").status, 403) << "only the centre's hosts tick it off";

  auto made = host.post(url, "");
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_EQ(made.headers["Location"], "/centrum/1?opgeslagen=teruggebeld");
  day = host.get("/centrum/1");
  ASSERT_EQ(day.status, 200);
  EXPECT_EQ(day.body.find(url), std::string::npos) << "off the list once made";
  auto twice = host.post(url, "");
  EXPECT_EQ(twice.status, 303) << "a second tap does no harm";
  EXPECT_EQ(twice.headers["Location"], "/centrum/1?opgeslagen=teruggebeld");
}

TEST_F(ConcernsHttpTest, NobodyButTheCentresHostsOpensTheForm) {
  for (const char* who : {"tablet.matilo", "peer.anouk", "huisarts", "beheer"}) {
    auto other = client();
    ASSERT_TRUE(other.login(who)) << who;
    EXPECT_EQ(other.get("/centrum/1/zorg").status, 403) << who;
  }
  auto host = client();
  ASSERT_TRUE(host.login("gastvrouw"));
  EXPECT_EQ(host.get("/centrum/999/zorg").status, 403) << "not one of the host's centres";
  EXPECT_EQ(host.get("/centrum/x/zorg").status, 404);
}

}  // namespace
}  // namespace meedoen
