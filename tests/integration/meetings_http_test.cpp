// The chair closes a meeting, over real HTTP: a warning about undecided items first, then the
// meeting leaves "Gepland" with its minutes, which say who was there and who was not. A suite of
// its own (a fresh demo), so closing a meeting does not change what the other suites see.
#include "http_fixture.hpp"

namespace meedoen {
namespace {

class MeetingsHttpTest : public HttpTest {};

std::string capture(const std::string& body, const std::string& re) {
  std::smatch m;
  return std::regex_search(body, m, std::regex(re)) ? std::string(m[1]) : std::string();
}

TEST_F(MeetingsHttpTest, MarkingHeldWarnsAboutUndecidedItemsThenMovesTheMeetingToThePast) {
  auto chair = client();
  ASSERT_TRUE(chair.login("voorzitter"));
  auto list = chair.get("/overleggen");
  ASSERT_EQ(list.status, 200);
  const std::string upcoming =
      list.body.substr(list.body.find("id=\"up-h\""),
                       list.body.find("id=\"past-h\"") - list.body.find("id=\"up-h\""));
  const int meeting = first_id(upcoming, "/overleggen/");
  ASSERT_GT(meeting, 0);
  const std::string url = "/overleggen/" + std::to_string(meeting);
  auto page = chair.get(url);
  ASSERT_EQ(page.status, 200);
  const std::string form = page.body.substr(page.body.find("action=\"" + url + "/gegevens\""));
  const std::string version = capture(form, "name=\"version\" value=\"([0-9]+)\"");
  const std::string wijk = capture(form, "name=\"wijk\" value=\"([0-9]+)\"");
  const std::string when = capture(form, "name=\"starts_at\" value=\"([^\"]+)\"");
  ASSERT_FALSE(version.empty() || wijk.empty() || when.empty());
  // Each undecided item's brigade part fetches its choices when it opens (htmx), as a fragment.
  const std::string prefs = capture(page.body, "hx-get=\"(" + url + "/punten/[0-9]+/wensen)\"");
  ASSERT_FALSE(prefs.empty());
  auto part = chair.get(prefs);
  EXPECT_EQ(part.status, 200);
  EXPECT_NE(part.body.find("name=\"b_pref_theme\""), std::string::npos);
  EXPECT_EQ(part.body.find("<html"), std::string::npos);
  const std::string fields = "version=" + version + "&wijk=" + wijk + "&starts_at=" + encode(when) +
                             "&place=Matilo&held=1";

  auto warned = chair.post(url + "/gegevens", fields);
  EXPECT_EQ(warned.status, 409);
  EXPECT_NE(warned.body.find("zonder besluit"), std::string::npos) << warned.body.substr(0, 500);
  EXPECT_NE(warned.body.find("Toch afsluiten"), std::string::npos);
  EXPECT_EQ(chair.get("/overleggen").body.find(url + "/notulen"), std::string::npos)
      << "nothing changed yet";

  auto closed = chair.post(url + "/gegevens", fields + "&confirm_undecided=1");
  EXPECT_EQ(closed.status, 303) << closed.body.substr(0, 500);
  auto after = chair.get("/overleggen");
  const auto past_at = after.body.find("id=\"past-h\"");
  ASSERT_NE(past_at, std::string::npos);
  EXPECT_EQ(after.body.substr(0, past_at).find("href=\"" + url + "\""), std::string::npos)
      << "still under Gepland";
  EXPECT_NE(after.body.substr(past_at).find(url + "/notulen"), std::string::npos);
  auto minutes = chair.get(url + "/notulen");
  EXPECT_EQ(minutes.status, 200);
  EXPECT_NE(minutes.body.find("Uitgenodigd, niet aanwezig"), std::string::npos);
}

}  // namespace
}  // namespace meedoen
