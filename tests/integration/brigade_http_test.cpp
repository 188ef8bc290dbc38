// The Vliegende Brigade over HTTP: a peer sees only their own assignments, identity shows only
// while assigned (and every view is audited), a visit posted twice is recorded once, and the
// referral link works once and expires.
#include "http_fixture.hpp"
#include "web/mail_texts.hpp"

namespace meedoen {
namespace {

class BrigadeHttpTest : public HttpTest {
 protected:
  static UserId user_id(const std::string& username) {
    auto s = app_->accounts().login("", username, "meedoen-demo");
    return s.ok() ? s->user->id : UserId();
  }

  // A new request for `name`, asked by the wijkteam worker; returns its id.
  int new_request(const std::string& name) {
    auto team = client();
    EXPECT_TRUE(team.login("wijkteam"));
    team.get("/verzoeken/nieuw");
    auto r = team.post("/verzoeken", "wijk=1&name=" + encode(name) +
                                         "&address=" + encode("Hooigracht 7") +
                                         "&known=" + encode("Komt de deur niet uit."));
    EXPECT_EQ(r.status, 303) << r.body;
    return first_id(r.headers["Location"], "/verzoeken/");
  }

  // Room in the peer's week, so the demo's workload never blocks the test.
  void make_room(Client& peer) {
    peer.get("/beschikbaarheid");
    auto r = peer.post("/beschikbaarheid/profiel", "weekly_cap=20&gender=male&languages=nl&week=");
    EXPECT_EQ(r.status, 303) << r.body;
  }

  // Logs `peer` in (with room in their week), has the coordinator ask them for request `id` and
  // lets them say yes; returns the peer's client.
  Client accepted_by(const std::string& peer, int id) {
    auto coord = client();
    EXPECT_TRUE(coord.login("coordinator"));
    auto c = client();
    EXPECT_TRUE(c.login(peer));
    make_room(c);
    coord.get("/verzoeken/" + std::to_string(id));
    EXPECT_EQ(coord
                  .post("/verzoeken/" + std::to_string(id) + "/toewijzen",
                        "peer=" + std::to_string(user_id(peer).value))
                  .status,
              303);
    c.get("/verzoeken/" + std::to_string(id));
    EXPECT_EQ(c.post("/verzoeken/" + std::to_string(id) + "/antwoord", "answer=ja").status, 303);
    return c;
  }

  int identity_reads(int request, const std::string& username) {
    auto admin = app_->accounts().login("", "beheer", "meedoen-demo");
    int resident = 0;
    {
      auto coordinator = app_->accounts().login("", "coordinator", "meedoen-demo");
      resident = static_cast<int>(app_->brigade()
                                      .request_detail(*coordinator->user, RequestId(request))
                                      ->row.request.resident_id.value);
    }
    auto audit = app_->audit().for_resident(*admin->user, ResidentId(resident));
    int n = 0;
    for (const auto& e : *audit)
      n += e.event == "read_identity" && e.user_label.rfind(username + " ", 0) == 0;
    return n;
  }
};

TEST_F(BrigadeHttpTest, APeerSeesOnlyTheirOwnAssignmentsAndIdentityOnlyWhileAssigned) {
  const int id = new_request("Bertus Integratie");
  auto dennis = client();
  ASSERT_TRUE(dennis.login("peer.dennis"));
  make_room(dennis);
  EXPECT_EQ(dennis.get("/verzoeken/" + std::to_string(id)).status, 403) << "not assigned yet";

  auto coord = client();
  ASSERT_TRUE(coord.login("coordinator"));
  auto page = coord.get("/verzoeken/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Wie past er?"), std::string::npos);
  EXPECT_EQ(page.body.find("Bertus"), std::string::npos)
      << "the coordinator dispatches without identity";
  auto assign = coord.post("/verzoeken/" + std::to_string(id) + "/toewijzen",
                           "peer=" + std::to_string(user_id("peer.dennis").value));
  ASSERT_EQ(assign.status, 303) << assign.body;

  auto offered = dennis.get("/verzoeken/" + std::to_string(id));
  ASSERT_EQ(offered.status, 200);
  EXPECT_NE(offered.body.find("Ja, ik ga"), std::string::npos);
  EXPECT_EQ(offered.body.find("Bertus"), std::string::npos) << "no identity before saying yes";
  auto other = client();
  ASSERT_TRUE(other.login("peer.marieke"));
  auto refused = other.get("/verzoeken/" + std::to_string(id));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.find("Bertus"), std::string::npos);
  EXPECT_EQ(other.post("/verzoeken/" + std::to_string(id) + "/antwoord", "answer=ja").status, 403);

  ASSERT_EQ(dennis.post("/verzoeken/" + std::to_string(id) + "/antwoord", "answer=ja").status, 303);
  auto accepted = dennis.get("/verzoeken/" + std::to_string(id));
  EXPECT_NE(accepted.body.find("Bertus Integratie"), std::string::npos);
  EXPECT_NE(accepted.body.find("Hooigracht 7"), std::string::npos);
  EXPECT_EQ(identity_reads(id, "peer.dennis"), 1);
  EXPECT_NE(dennis.get("/verzoeken").body.find("/verzoeken/" + std::to_string(id)),
            std::string::npos);
  EXPECT_EQ(other.get("/verzoeken").body.find("/verzoeken/" + std::to_string(id) + "\""),
            std::string::npos);

  // The coordinator withdraws the assignment: from then on the peer sees the request only by its
  // code, among the requests done before.
  ASSERT_EQ(coord
                .post("/verzoeken/" + std::to_string(id) + "/intrekken",
                      "peer=" + std::to_string(user_id("peer.dennis").value))
                .status,
            303);
  auto after = dennis.get("/verzoeken/" + std::to_string(id));
  EXPECT_EQ(after.status, 200);
  EXPECT_EQ(after.body.find("Bertus"), std::string::npos);
  EXPECT_EQ(after.body.find("Hooigracht"), std::string::npos);
  EXPECT_NE(after.body.find("Je werkte eerder aan dit verzoek"), std::string::npos);
  EXPECT_EQ(identity_reads(id, "peer.dennis"), 1);
  EXPECT_NE(dennis.get("/verzoeken").body.find("href=\"/verzoeken/eerder\""), std::string::npos);
  auto past = dennis.get("/verzoeken/eerder");
  EXPECT_EQ(past.status, 200);
  EXPECT_NE(past.body.find("Eerder gedaan"), std::string::npos);
  EXPECT_NE(past.body.find("/verzoeken/" + std::to_string(id)), std::string::npos);
  auto stranger = other.get("/verzoeken/" + std::to_string(id));
  EXPECT_EQ(stranger.status, 403);
  EXPECT_NE(stranger.body.find("van een andere brigadier"), std::string::npos);
}

TEST_F(BrigadeHttpTest, AVisitPostedTwiceIsRecordedOnce) {
  const int id = new_request("Dubbel Tik");
  auto hassan = accepted_by("peer.hassan", id);
  auto page = hassan.get("/verzoeken/" + std::to_string(id));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("name=\"key\" value=\"([^\"]+)\"")));
  const std::string form = "result=contact&key=" + std::string(m[1]);
  EXPECT_EQ(hassan.post("/verzoeken/" + std::to_string(id) + "/bezoeken", form).status, 303);
  EXPECT_EQ(hassan.post("/verzoeken/" + std::to_string(id) + "/bezoeken", form).status, 303);
  auto coordinator = app_->accounts().login("", "coordinator", "meedoen-demo");
  EXPECT_EQ(app_->brigade().request_detail(*coordinator->user, RequestId(id))->visits.size(), 1u);
  // No result: a clear message and the page again, nothing saved.
  auto bad = hassan.post("/verzoeken/" + std::to_string(id) + "/bezoeken",
                         "result=&key=abc-1&note=" + encode("mijn notitie"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Kies wat er gebeurde."), std::string::npos);
  EXPECT_NE(bad.body.find("mijn notitie"), std::string::npos) << "what was typed stays";
}

TEST_F(BrigadeHttpTest, AnAssignmentEndedByAnOutcomeSaysWhichInWords) {
  const int id = new_request("Klaar Ermee");
  accepted_by("peer.hassan", id);
  auto coordinator = app_->accounts().login("", "coordinator", "meedoen-demo");
  const auto version =
      app_->brigade().request_detail(*coordinator->user, RequestId(id))->row.request.version;
  ASSERT_TRUE(
      app_->brigade()
          .set_outcome(*coordinator->user, RequestId(id), "closed", "Dubbel ingevoerd.", version)
          .ok());
  auto coord = client();
  ASSERT_TRUE(coord.login("coordinator"));
  auto page = coord.get("/verzoeken/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  // "gestopt" is the assignment's state, "afgesloten" the outcome's label; never the code.
  EXPECT_TRUE(std::regex_search(page.body, std::regex("gestopt · [^<]* · afgesloten")))
      << page.body;
  EXPECT_EQ(page.body.find(" · closed"), std::string::npos);
}

TEST_F(BrigadeHttpTest, TheReferralLinkIsSingleUseAndExpires) {
  const int id = new_request("Linda Verwijs");
  auto anouk = accepted_by("peer.anouk", id);
  anouk.get("/verzoeken/" + std::to_string(id) + "/verwijzen");
  const std::string base =
      "kind=debt_help&to_org=14&consent_given_by=resident&consent_form=verbal&consent_date=" +
      format_date(app_->now()) + "&consent_purpose=" + encode("Hulp bij post") +
      "&share_name=on&share_story=on&story=" + encode("Wil hulp bij de post.");
  auto missing = anouk.post("/verzoeken/" + std::to_string(id) + "/verwijzingen",
                            base + "&to_email=geen-adres");
  EXPECT_EQ(missing.status, 422);
  auto sent = anouk.post("/verzoeken/" + std::to_string(id) + "/verwijzingen",
                         base + "&to_email=intake%40schuld.example");
  ASSERT_EQ(sent.status, 303) << sent.body;

  auto token_of = [](const std::string& to) {
    for (const auto& mail : app_->mail().pending(1000)) {
      if (mail.to != to) continue;
      // The words the partner reads, as the mailer writes them.
      const auto text = web::mail_text(site_->views(), mail, "http://meedoen.example");
      if (!text) return std::string();
      EXPECT_EQ(text->body.find("Linda"), std::string::npos) << "no identity in mail";
      const std::string link = "http://meedoen.example/verwijzing/";
      const auto at = text->body.find(link);
      if (at == std::string::npos) return std::string();
      return text->body.substr(at + link.size(), text->body.find('\n', at) - at - link.size());
    }
    return std::string();
  };
  const std::string token = token_of("intake@schuld.example");
  ASSERT_FALSE(token.empty());

  auto partner = client();  // no account, no log-in
  auto open = partner.get("/verwijzing/" + token);
  ASSERT_EQ(open.status, 200);
  EXPECT_EQ(open.body.find("Linda"), std::string::npos)
      << "a mail scanner opening the link sees no name";
  EXPECT_EQ(open.headers["Referrer-Policy"], "no-referrer");
  auto shown = partner.post("/verwijzing/" + token + "/tonen", "");
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Linda Verwijs"), std::string::npos) << "the consent covers the name";
  EXPECT_EQ(shown.body.find("Hooigracht"), std::string::npos) << "but not the address";
  auto answer =
      partner.post("/verwijzing/" + token, "status=intake_planned&intake_date=2026-12-24");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_NE(answer.body.find("Dank u"), std::string::npos);
  auto again = partner.get("/verwijzing/" + token);
  EXPECT_EQ(again.status, 410);
  EXPECT_EQ(again.body.find("Linda"), std::string::npos);
  EXPECT_NE(again.body.find("al gebruikt"), std::string::npos);
  EXPECT_EQ(partner.post("/verwijzing/" + token, "status=intake_done").status, 410);
  EXPECT_EQ(partner.get("/verwijzing/onzin").status, 404);
  EXPECT_NE(anouk.get("/verzoeken/" + std::to_string(id)).body.find("intake gepland"),
            std::string::npos);

  // A second link, never used, expires: afterwards it shows nothing either.
  ASSERT_EQ(anouk
                .post("/verzoeken/" + std::to_string(id) + "/verwijzingen",
                      base + "&to_email=tweede%40schuld.example")
                .status,
            303);
  const std::string second = token_of("tweede@schuld.example");
  database()->exec("UPDATE referral_tokens SET expires_at = 1 WHERE used_at = 0");
  auto expired = client().get("/verwijzing/" + second);
  EXPECT_EQ(expired.status, 410);
  EXPECT_EQ(expired.body.find("Linda"), std::string::npos);
  EXPECT_NE(expired.body.find("verlopen"), std::string::npos);
}

TEST_F(BrigadeHttpTest, CoordinatorPagesAreForTheCoordinatorAndFiguresAlsoForTheFunder) {
  auto peer = client();
  ASSERT_TRUE(peer.login("brigadier"));
  EXPECT_EQ(peer.get("/brigade").status, 403);
  EXPECT_EQ(peer.get("/brigade/cijfers").status, 403);
  auto funder = client();
  ASSERT_TRUE(funder.login("gemeente"));
  auto figures = funder.get("/brigade/cijfers?maanden=12");
  EXPECT_EQ(figures.status, 200);
  EXPECT_NE(figures.body.find("Bezocht"), std::string::npos);
  // Beside the funnel, the centres: the demo's Matilo has months of visits and activities, and
  // no visitor's name is on the page.
  EXPECT_NE(figures.body.find("Zelfregiecentra"), std::string::npos);
  EXPECT_NE(figures.body.find("Huis van de Buurt Matilo"), std::string::npos);
  EXPECT_NE(figures.body.find("Door bezoekers georganiseerd"), std::string::npos);
  for (const char* name : {"Ans", "Bram", "Joke", "Fenna", "Henk"})
    EXPECT_EQ(figures.body.find(std::string(">") + name), std::string::npos) << name;
  EXPECT_EQ(funder.get("/brigade/cijfers?maanden=99").status, 400);
  EXPECT_EQ(funder.get("/verwijzingen").status, 403);
  auto coord = client();
  ASSERT_TRUE(coord.login("coordinator"));
  auto overview = coord.get("/brigade");
  EXPECT_EQ(overview.status, 200);
  EXPECT_NE(overview.body.find("te laat"), std::string::npos)
      << "the demo's overdue check-out is flagged";
  EXPECT_NE(overview.body.find("Wil napraten"), std::string::npos);
}

TEST_F(BrigadeHttpTest, ARefusedSaveKeepsWhatThePeerTyped) {
  auto peer = client();
  ASSERT_TRUE(peer.login("peer.marieke"));
  peer.get("/beschikbaarheid");
  auto r = peer.post("/beschikbaarheid/profiel",
                     "weekly_cap=3&gender=female&languages=tr&themes=grief&email=geen-adres&week=");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Dit is geen geldig e-mailadres."), std::string::npos);
  EXPECT_NE(r.body.find("value=\"geen-adres\""), std::string::npos);
  EXPECT_NE(r.body.find("value=\"tr\" checked"), std::string::npos)
      << "the ticked language stays ticked";
  auto a = peer.post("/beschikbaarheid/afwezig",
                     "from=2026-12-10&to=2026-12-01&note=" + encode("op reis") + "&week=");
  EXPECT_EQ(a.status, 422);
  EXPECT_NE(a.body.find("value=\"op reis\""), std::string::npos);
  EXPECT_NE(a.body.find("value=\"2026-12-10\""), std::string::npos);
}

TEST_F(BrigadeHttpTest, TheDemoHistoryEndsNowNotInTheFuture) {
  const char* sql =
      "SELECT max(t) FROM (SELECT max(created_at) t FROM signals UNION ALL SELECT max(at) FROM "
      "visits "
      "UNION ALL SELECT max(started_at) FROM checkins UNION ALL SELECT max(created_at) FROM "
      "brigade_requests "
      "UNION ALL SELECT max(at) FROM audit_log) AS latest";
  auto db = database();
  auto st = db->prepare(sql);
  ASSERT_TRUE(st.step());
  const auto latest = st.i64(0);
  EXPECT_LE(latest, app_->now());
  EXPECT_GT(latest, app_->now() - 86400);
}

}  // namespace
}  // namespace meedoen

namespace meedoen {
namespace {

// Anouk de Graaf is inside at a visit in the demo: her start page says so first, with the way out
// and the brigade's phone.
TEST_F(HttpTest, APeerInsideAtAVisitSeesItOnTheStartPageWithCheckOutAndThePhone) {
  auto anouk = client();
  ASSERT_TRUE(anouk.login("peer.anouk"));
  auto start = anouk.get("/");
  ASSERT_EQ(start.status, 200);
  EXPECT_NE(start.body.find("Je bent binnen"), std::string::npos);
  EXPECT_NE(start.body.find("action=\"/uitchecken\""), std::string::npos);
  EXPECT_NE(start.body.find("tel:071 512 34 56"), std::string::npos);
  auto mo = client();
  ASSERT_TRUE(mo.login("brigadier"));
  auto other = mo.get("/");
  ASSERT_EQ(other.status, 200);
  EXPECT_EQ(other.body.find("Je bent binnen"), std::string::npos) << "a peer who is not inside";
}

}  // namespace
}  // namespace meedoen
