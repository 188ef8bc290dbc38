// Integration tests over real HTTP against a real SQLite file: the server runs in-process on a
// free port with demo data; requests go through a Beast client like a browser's would.
#include "http_fixture.hpp"

namespace meedoen {
namespace {

TEST_F(HttpTest, HealthzAnswersWhenTheDatabaseIsReachable) {
  auto c = client();
  auto r = c.get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.rfind("ok\n", 0), 0u) << r.body;
  EXPECT_NE(r.body.find("write_lock: ok"), std::string::npos) << r.body;
}

TEST_F(HttpTest, LoginWorksAndSetsAHardenedCookie) {
  auto c = client();
  auto page = c.get("/login");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.headers["Content-Security-Policy"].find("script-src 'self'"), std::string::npos);
  EXPECT_NE(page.headers["Set-Cookie"].find("HttpOnly"), std::string::npos);
  EXPECT_NE(page.headers["Set-Cookie"].find("SameSite=Lax"), std::string::npos);
  auto ok = c.post("/login", "username=huisarts&password=meedoen-demo");
  EXPECT_EQ(ok.status, 303);
  auto start = c.get("/");
  EXPECT_EQ(start.status, 200);
  EXPECT_NE(start.body.find("Anna Vermeer"), std::string::npos);
  EXPECT_EQ(start.headers["Cache-Control"], "no-store");
}

// Most tests here call the site directly; this one takes the whole way through the server, so the
// wiring of server and site (cookies, headers, forms over a socket) is covered too.
TEST_F(HttpTest, ALogInAndAPageWorkTheSameOverTcp) {
  auto c = tcp_client();
  ASSERT_TRUE(c.login("huisarts"));
  auto start = c.get("/");
  ASSERT_EQ(start.status, 200);
  EXPECT_NE(start.body.find("Anna Vermeer"), std::string::npos);
  EXPECT_EQ(start.headers["Server"], "meedoen") << "it came through the server";
  EXPECT_EQ(start.headers["X-Frame-Options"], "DENY");
  const int id = raise(c, "Piet Tcp", "Gezien door de buren.");
  EXPECT_GT(id, 0);
}

TEST_F(HttpTest, WrongPasswordGetsAClearDutchMessage) {
  auto c = client();
  c.get("/login");
  auto r = c.post("/login", "username=huisarts&password=verkeerd");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Gebruikersnaam of wachtwoord klopt niet."), std::string::npos);
}

TEST_F(HttpTest, PostsWithoutTheCsrfTokenAreRefused) {
  auto c = client();
  c.get("/login");
  EXPECT_EQ(c.post("/login", "username=huisarts&password=meedoen-demo", false).status, 403);
  ASSERT_TRUE(c.login("huisarts"));
  auto r = c.post("/signalen", "wijk=1&description=zonder+token", false);
  EXPECT_EQ(r.status, 403);
  c.csrf_ = "vervalst";
  r = c.post("/signalen", "wijk=1&description=vals+token");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.headers["X-Meedoen-Session"], "ended")
      << "static/tally.js keeps what it sent, to send again after a new log-in";
}

TEST_F(HttpTest, PagesNeedALogin) {
  auto c = client();
  auto r = c.get("/signalen");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers["Location"], "/login");
}

TEST_F(HttpTest, EachRoleSeesItsOwnWijkAndGets403ForAnother) {
  // Meerburg is wijk 1, Merenwijk 2, Stevenshof 3 in the demo.
  struct Row {
    const char* user;
    int wijk;
    int status;
  };
  const Row rows[] = {
      {"huisarts", 1, 200},
      {"huisarts", 3, 403},
      {"voorzitter", 1, 200},
      {"voorzitter", 3, 403},
      {"voorzitter.stevenshof", 3, 200},
      {"voorzitter.stevenshof", 1, 403},
      {"wijkagent", 3, 200},
      {"gastvrouw", 1, 200},
      {"gastvrouw", 2, 403},
      {"gemeente", 1, 403},
      {"beheer", 1, 403},
  };
  for (const auto& row : rows) {
    auto c = client();
    ASSERT_TRUE(c.login(row.user)) << row.user;
    auto r = c.get("/wijken/" + std::to_string(row.wijk));
    EXPECT_EQ(r.status, row.status) << row.user << " wijk " << row.wijk;
    if (row.status == 403) {
      EXPECT_NE(r.body.find("U mag dit niet bekijken"), std::string::npos);
      EXPECT_EQ(r.body.find("Partners aan tafel"), std::string::npos);
    }
  }
}

TEST_F(HttpTest, AnotherWijksSignalIs403AndRevealsNothing) {
  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  const int id = raise(gp, "Herman Geheimhouder", "Zit veel alleen thuis bij de kade");
  ASSERT_GT(id, 0);
  auto other = client();
  ASSERT_TRUE(other.login("voorzitter.stevenshof"));
  auto r = other.get("/signalen/" + std::to_string(id));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body.find("Geheimhouder"), std::string::npos);
  EXPECT_EQ(r.body.find("bij de kade"), std::string::npos);
  auto list = other.get("/signalen?wijk=1");
  EXPECT_EQ(list.status, 403);
}

TEST_F(HttpTest, IdentityIsShownOnlyAsThePolicySays) {
  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  const int id = raise(gp, "Grietje Zichtbaar", "Komt de deur niet meer uit");
  const std::string url = "/signalen/" + std::to_string(id);
  auto mine = gp.get(url);
  EXPECT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("Grietje Zichtbaar"), std::string::npos);

  auto colleague = client();
  ASSERT_TRUE(colleague.login("wijkagent"));
  auto hidden = colleague.get(url);
  EXPECT_EQ(hidden.status, 200);
  EXPECT_EQ(hidden.body.find("Grietje"), std::string::npos);
  EXPECT_NE(hidden.body.find("Komt de deur niet meer uit"), std::string::npos);
  // Breaking the glass needs a reason of some length, then shows the identity.
  EXPECT_EQ(colleague.post(url + "/inzien", "reason=kort").status, 422);
  auto shown = colleague.post(url + "/inzien",
                              "reason=" + encode("Ik ga vandaag aanbellen na melding buren"));
  EXPECT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("Grietje Zichtbaar"), std::string::npos);

  auto funder = client();
  ASSERT_TRUE(funder.login("gemeente"));
  EXPECT_EQ(funder.get(url).status, 403);
}

TEST_F(HttpTest, BadInputGetsClearStatusesAndKeepsWhatWasTyped) {
  auto c = client();
  ASSERT_TRUE(c.login("huisarts"));
  EXPECT_EQ(c.get("/signalen/abc").status, 400);
  EXPECT_EQ(c.get("/signalen/999999").status, 404);
  EXPECT_EQ(c.get("/signalen?status=nonsense").status, 400);
  EXPECT_EQ(c.get("/bestaat-niet").status, 404);
  c.get("/signalen/nieuw");
  auto empty = c.post("/signalen", "wijk=1&name=Bewaard+Gebleven&description=");
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("Schrijf kort wat u ziet of hoort."), std::string::npos);
  EXPECT_NE(empty.body.find("Bewaard Gebleven"), std::string::npos);  // kept for the raiser
  auto too_long = c.post("/signalen", "wijk=1&description=" + std::string(3000, 'x'));
  EXPECT_EQ(too_long.status, 422);
  EXPECT_EQ(c.post("/signalen", "wijk=abc&description=x").status, 422);
  EXPECT_EQ(c.post("/signalen", "wijk=1&categories=zz&description=x").status, 400);
}

TEST_F(HttpTest, AuditEntriesAreWrittenAndVerifyCatchesTampering) {
  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  raise(gp, "Audit Persoon", "Voor het logboek");
  const std::string bin = MEEDOEN_BIN;
  const std::string args =
      " --db '" + db_ + "' --key-file " + (dir_ / "demo.key").string() + " > /dev/null 2>&1";
  EXPECT_EQ(std::system((bin + " audit verify" + args).c_str()), 0);

  if (on_postgres()) {
    // Not even the table's owner may change or remove an entry: the trigger refuses. One who can
    // switch the trigger off (a superuser) can, and verify sees it.
    auto db = database();
    EXPECT_THROW(db->exec("UPDATE audit_log SET reason = 'x' WHERE seq = 3"), sql::DbError);
    EXPECT_THROW(db->exec("DELETE FROM audit_log WHERE seq = 3"), sql::DbError);
    EXPECT_THROW(db->exec("TRUNCATE audit_log"), sql::DbError);
    db->exec(
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; "
        "UPDATE audit_log SET user_id = user_id + 1000 WHERE seq = 3");
    EXPECT_NE(std::system((bin + " audit verify" + args).c_str()), 0);
    db->exec(
        "UPDATE audit_log SET user_id = user_id - 1000 WHERE seq = 3; "
        "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
    EXPECT_EQ(std::system((bin + " audit verify" + args).c_str()), 0);
    return;
  }

  // Copy the database, then tamper with the copy the way an attacker with file access would:
  // the triggers stop UPDATE through SQL, so drop them first.
  const auto copy = dir_ / "tampered.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "demo.db").string().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, ("VACUUM INTO '" + copy.string() + "'").c_str(), nullptr, nullptr,
                           nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(copy.string().c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_NE(
        sqlite3_exec(db, "UPDATE audit_log SET reason = 'x' WHERE seq = 3", nullptr, nullptr, &err),
        SQLITE_OK);
    sqlite3_free(err);
    EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log WHERE seq = 3", nullptr, nullptr, &err),
              SQLITE_OK);
    sqlite3_free(err);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP TRIGGER audit_log_no_update; "
                           "UPDATE audit_log SET user_id = 99 WHERE seq = 3",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  const std::string tampered = " --db " + copy.string() + " --key-file " +
                               (dir_ / "demo.key").string() + " > /dev/null 2>&1";
  const int rc = std::system((bin + " audit verify" + tampered).c_str());
  EXPECT_NE(rc, 0);
}

TEST_F(HttpTest, TheRawDatabaseFileHoldsNoResidentName) {
  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  raise(gp, "Cornelia Onvindbaar", "Alleen en stil");
  std::ostringstream all;
  if (on_postgres()) {
    // What the server holds, as pg_dump reads it out.
    FILE* dump = ::popen(("pg_dump --data-only --dbname='" + db_ + "'").c_str(), "r");
    ASSERT_NE(dump, nullptr);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, dump)) > 0;) all.write(buf, n);
    ASSERT_EQ(::pclose(dump), 0);
  }
  for (const char* f : {"demo.db", "demo.db-wal"}) {
    std::ifstream in(dir_ / f, std::ios::binary);
    all << in.rdbuf();
  }
  EXPECT_GT(all.str().size(), 10000u);
  EXPECT_EQ(all.str().find("Onvindbaar"), std::string::npos);
  EXPECT_EQ(all.str().find("Cornelia"), std::string::npos);
}

TEST_F(HttpTest, TheChairRecordsADecisionAndTheOwnerSeesTheIdentity) {
  auto gp = client();
  ASSERT_TRUE(gp.login("huisarts"));
  raise(gp, "Bartholomeus Actie", "Post stapelt zich op");
  auto chair = client();
  ASSERT_TRUE(chair.login("voorzitter"));
  auto list = chair.get("/overleggen");
  const int meeting = first_id(list.body, "/overleggen/");
  ASSERT_GT(meeting, 0);
  auto m = chair.get("/overleggen/" + std::to_string(meeting));
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.body.find("Bartholomeus"), std::string::npos);  // the agenda is pseudonymous
  const std::regex item_re(
      "action=\"/overleggen/" + std::to_string(meeting) +
      "/punten/([0-9]+)\" class=\"stack record-form\">\\s*<input type=\"hidden\" name=\"_csrf\" "
      "value=\"[^\"]+\">\\s*<input type=\"hidden\" name=\"version\" value=\"([0-9]+)\">");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(m.body, match, item_re));
  const std::string item = match[1], version = match[2];
  // The wijkteam user (Noor Hamdi) is the owner; find their id in the owner list.
  const std::regex owner_re("<option value=\"([0-9]+)\">Noor Hamdi");
  ASSERT_TRUE(std::regex_search(m.body, match, owner_re));
  const std::string owner = match[1];
  const std::string base = "/overleggen/" + std::to_string(meeting) + "/punten/" + item;
  auto saved = chair.post(base, "version=" + version +
                                    "&summary=Wijkteam+belt&decision=wijkteam&owner=" + owner +
                                    "&due_date=2030-01-15");
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  // The same form sent again with the old version: a clear conflict, the text kept.
  auto stale = chair.post(base, "version=" + version +
                                    "&summary=Mijn+eigen+tekst&decision=wijkteam&owner=" + owner +
                                    "&due_date=2030-01-15");
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Mijn eigen tekst"), std::string::npos);
  EXPECT_NE(stale.body.find("Iemand anders heeft dit net ook veranderd"), std::string::npos);
  auto owner_client = client();
  ASSERT_TRUE(owner_client.login("wijkteam"));
  auto acts = owner_client.get("/acties");
  EXPECT_EQ(acts.status, 200);
  // The owner has actions on several residents; at least one shows a name (an identity).
  EXPECT_NE(acts.body.find("<dt>Naam</dt>"), std::string::npos);
  auto minutes = chair.get("/overleggen/" + std::to_string(meeting) + "/notulen");
  EXPECT_EQ(minutes.status, 200);
  EXPECT_EQ(minutes.body.find("Bartholomeus"), std::string::npos);
}

TEST_F(HttpTest, AWrongMethodGets405WithAllowAndADutchPage) {
  auto c = client();
  ASSERT_TRUE(c.login("voorzitter"));
  auto r = c.get("/signalen/1/sluiten");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["Allow"], "POST");
  EXPECT_NE(r.body.find("Dit kan zo niet."), std::string::npos);
}

TEST_F(HttpTest, RepeatedWrongPasswordsSlowLoginDown) {
  auto c = client();
  c.get("/login");
  int status = 0;
  for (int i = 0; i < 6; ++i)
    status = c.post("/login", "username=huismeester.merenwijk&password=fout").status;
  EXPECT_EQ(status, 429);
  auto r = c.post("/login", "username=huismeester.merenwijk&password=meedoen-demo");
  EXPECT_EQ(r.status, 429);
  EXPECT_NE(r.body.find("Te vaak een verkeerd wachtwoord"), std::string::npos);
}

}  // namespace
}  // namespace meedoen

namespace meedoen {
namespace {

// No proxy is configured here: X-Forwarded-* come from the client and are ignored.
TEST_F(HttpTest, ForwardedHeadersFromAnUntrustedClientAreIgnored) {
  Client c = client();
  c.extra_headers["X-Forwarded-Proto"] = "https";
  auto r = c.get("/login");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.count("Strict-Transport-Security"), 0u);
  EXPECT_EQ(r.headers["Set-Cookie"].find("Secure"), std::string::npos);
  // Nor can a guesser pose as a new client for each try.
  for (int i = 0; i < 6; ++i) {
    c.extra_headers["X-Forwarded-For"] = "198.51.100." + std::to_string(i);
    c.post("/login", "username=verslavingszorg&password=fout");
  }
  c.extra_headers["X-Forwarded-For"] = "198.51.100.200";
  EXPECT_EQ(c.post("/login", "username=verslavingszorg&password=fout").status, 429);
}

}  // namespace
}  // namespace meedoen

namespace meedoen {
namespace {

std::set<std::string> category_ids(const std::string& html) {
  std::set<std::string> out;
  static const std::regex re("name=\"categories\" value=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator();
       ++it)
    out.insert((*it)[1]);
  return out;
}

// The signal form shows the chosen wijk's categories and buurten only, and swaps them when the
// wijk changes.
TEST_F(HttpTest, TheSignalFormShowsOnlyTheChosenWijksCategories) {
  auto c = client();
  ASSERT_TRUE(c.login("wijkagent"));  // in three wijken
  auto form = c.get("/signalen/nieuw");
  ASSERT_EQ(form.status, 200);
  const auto first = category_ids(form.body);
  ASSERT_FALSE(first.empty());
  const std::string other_wijk = "2";
  auto parts = c.get("/signalen/nieuw/wijk?wijk=" + other_wijk);
  ASSERT_EQ(parts.status, 200);
  const auto second = category_ids(parts.body);
  ASSERT_FALSE(second.empty());
  for (const auto& id : second)
    EXPECT_EQ(first.count(id), 0u) << "category " << id << " of another wijk";
  EXPECT_EQ(parts.body.find("<html"), std::string::npos) << "a fragment, not a page";
  EXPECT_EQ(category_ids(c.get("/signalen/nieuw?wijk=" + other_wijk).body), second);
  // A category of the other wijk is refused for this one, with the form shown again.
  auto r = c.post("/signalen", "wijk=1&description=" + encode("Verkeerde categorie") +
                                   "&categories=" + *second.begin());
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Verkeerde categorie"), std::string::npos);
}

}  // namespace
}  // namespace meedoen
