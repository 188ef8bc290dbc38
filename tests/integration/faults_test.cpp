// Faults the server must survive, over real HTTP against a real SQLite file: another program
// holding the write lock, bad transfer codings, over-long requests, header injection. Each server
// here has short waits, so a test of a busy database takes a second, not a minute.
#include <sys/stat.h>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

class FaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-faults-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    AppConfig cfg;
    cfg.db_path = (dir_ / "demo.db").string();
    cfg.key_file = (dir_ / "demo.key").string();
    cfg.store.busy_timeout_ms = 150;
    cfg.store.pool_wait_ms = 1000;
    auto app = App::open(cfg);
    ASSERT_TRUE(app.ok()) << app.error().message_key << " " << app.error().detail;
    app_ = std::move(*app);
    ASSERT_TRUE(app_->demo().load(nullptr).ok());
    site_ = std::make_unique<web::Site>(
        *app_, web::SiteOptions{MEEDOEN_SOURCE_DIR, false, "127.0.0.1", {}});
    web::ServerOptions so;
    so.port = 0;
    so.plain_text = [](int status) { return site_->plain_text(status); };
    server_ =
        std::make_unique<web::Server>(so, [](const web::Request& r) { return site_->handle(r); });
    thread_ = std::thread([] { server_->run(false); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_.join();
    server_.reset();
    site_.reset();
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  Client client() { return Client(server_->port()); }
  static std::string db() { return (dir_ / "demo.db").string(); }

  // A second program on the same file, as an operator's sqlite3 session would be.
  struct Holder {
    sqlite3* db = nullptr;
    explicit Holder(const std::string& path) { sqlite3_open(path.c_str(), &db); }
    ~Holder() { sqlite3_close(db); }
    int exec(const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }
  };

  static void expect_security_headers(const Reply& r) {
    EXPECT_NE(r.headers.count("Content-Security-Policy"), 0u) << r.status;
    EXPECT_EQ(r.headers.count("X-Frame-Options") ? r.headers.at("X-Frame-Options") : "", "DENY")
        << r.status;
    EXPECT_EQ(
        r.headers.count("X-Content-Type-Options") ? r.headers.at("X-Content-Type-Options") : "",
        "nosniff");
  }

  static inline std::filesystem::path dir_;
  static inline std::unique_ptr<App> app_;
  static inline std::unique_ptr<web::Site> site_;
  static inline std::unique_ptr<web::Server> server_;
  static inline std::thread thread_;
};

TEST_F(FaultTest, AHeldWriteLockGives503sAndTheServerAnswersAtOnceAfterwards) {
  auto c = client();
  ASSERT_TRUE(c.login("huisarts"));
  ASSERT_EQ(c.get("/signalen/nieuw").status, 200);
  {
    Holder other(db());
    ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);
    // More failed writes than the pool has connections: each one used to lose its connection.
    for (int i = 0; i < 8; ++i) {
      auto r = c.post("/signalen",
                      "wijk=1&description=" +
                          encode("Al weken niet buiten gezien, poging " + std::to_string(i)));
      ASSERT_EQ(r.status, 503) << "attempt " << i << ": " << r.body.substr(0, 300);
      EXPECT_EQ(r.headers["Retry-After"], "5");
      expect_security_headers(r);
      EXPECT_NE(r.body.find("Het is nu even te druk"), std::string::npos);
      // What was typed comes back in a form that sends it again.
      EXPECT_NE(r.body.find("Al weken niet buiten gezien, poging " + std::to_string(i)),
                std::string::npos);
      EXPECT_NE(r.body.find("Opnieuw versturen"), std::string::npos);
    }
    auto h = c.get("/healthz");
    EXPECT_EQ(h.status, 503);
    EXPECT_NE(h.body.find("write_lock: FAILED"), std::string::npos) << h.body;
    ASSERT_EQ(other.exec("ROLLBACK"), SQLITE_OK);
  }
  auto h = c.get("/healthz");
  EXPECT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(c.get("/").status, 200);
  // Every pooled connection still works: more writes than the pool holds.
  for (int i = 0; i < 6; ++i) {
    c.get("/signalen/nieuw");
    auto r =
        c.post("/signalen", "wijk=1&description=" + encode("Na het slot " + std::to_string(i)));
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 300);
  }
}

TEST_F(FaultTest, HealthzWritesNothingAndNamesTheCheckThatFailed) {
  Holder watcher(db());
  auto data_version = [&] {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(watcher.db, "PRAGMA data_version", -1, &st, nullptr);
    sqlite3_step(st);
    const auto v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
  };
  const auto before = data_version();
  auto c = client();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.get("/healthz").status, 200);
  EXPECT_EQ(data_version(), before) << "a health check committed a write";
  EXPECT_NE(c.get("/healthz").body.find("disk_space: ok"), std::string::npos);
}

TEST_F(FaultTest, AnonymousRequestsLeaveNoSessionRows) {
  auto count = [&] {
    Holder h(db());
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h.db, "SELECT count(*) FROM sessions", -1, &st, nullptr);
    sqlite3_step(st);
    const auto n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
  };
  const auto before = count();
  for (const char* path :
       {"/", "/bestaat-niet", "/signalen", "/healthz", "/verwijzing/onzin/extra"}) {
    auto c = client();
    c.get(path);
  }
  EXPECT_EQ(count(), before);
  auto c = client();
  EXPECT_EQ(c.get("/login").status, 200);  // the log-in form needs its CSRF token: one row
  EXPECT_EQ(count(), before + 1);
  ASSERT_TRUE(c.login("huisarts"));
}

TEST_F(FaultTest, ExpiredSessionsAreRemovedByHousekeeping) {
  auto c = client();
  ASSERT_TRUE(c.login("huisarts"));
  Holder h(db());
  ASSERT_EQ(h.exec("UPDATE sessions SET last_seen = 1"), SQLITE_OK);
  app_->operations().maintain();
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h.db, "SELECT count(*) FROM sessions", -1, &st, nullptr);
  sqlite3_step(st);
  EXPECT_EQ(sqlite3_column_int64(st, 0), 0);
  sqlite3_finalize(st);
}

TEST_F(FaultTest, ARepeatedValueInAMultiValueFieldCountsOnce) {
  auto c = client();
  ASSERT_TRUE(c.login("huisarts"));
  auto form = c.get("/signalen/nieuw");
  ASSERT_EQ(form.status, 200);
  const int cat = first_id(form.body, "name=\"categories\" value=\"");
  ASSERT_GT(cat, 0);
  const std::string id = std::to_string(cat);
  auto r =
      c.post("/signalen", "wijk=1&description=" + encode("Twee keer dezelfde categorie") +
                              "&categories=" + id + "&categories=" + id + "&categories=0" + id);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 400);
}

TEST_F(FaultTest, NoCrOrLfReachesAResponseHeader) {
  auto c = client();
  ASSERT_TRUE(c.login("huisarts"));
  ASSERT_EQ(c.get("/").status, 200);  // the signed-in page's CSRF token
  for (const std::string back :
       {"/%0d%0aSet-Cookie:%20x=1", "/%0aX-Evil:%201", "/%0d%0a%0d%0aHTTP/1.1%20200%20OK",
        "/%5cevil.example", "/%5c%5cevil.example", "//evil.example", "/x%5c..%5cevil",
        "https://evil.example", "%09/x"}) {
    auto r = c.post("/taal", "lang=nl&back=" + back);
    EXPECT_EQ(r.status, 303) << back;
    EXPECT_EQ(r.headers["Location"], "/") << back;
    EXPECT_EQ(r.headers.count("X-Evil"), 0u);
  }
  // The raw bytes too, on a kept-alive connection: one answer, nothing smuggled after it.
  const std::string body =
      "_csrf=" + c.csrf_ +
      "&lang=nl&back=/%0d%0aContent-Length:%200%0d%0a%0d%0aHTTP/1.1%20200%20OK";
  const std::string raw =
      raw_exchange(server_->port(),
                   "POST /taal HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                   "application/x-www-form-urlencoded\r\n"
                   "Content-Length: " +
                       std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(raw.find("HTTP/1.1 200"), std::string::npos) << raw;
}

TEST_F(FaultTest, OnlyChunkedTransferEncodingIsAccepted) {
  for (const char* te :
       {"gzip", "gzip, chunked, identity", "identity", "chunked, gzip", "xchunked"}) {
    const std::string raw = raw_exchange(
        server_->port(), std::string("POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ") +
                             te + "\r\n\r\n0\r\n\r\n");
    EXPECT_EQ(raw.rfind("HTTP/1.1 400", 0), 0u) << te << ": " << raw.substr(0, 100);
    EXPECT_NE(raw.find("X-Frame-Options: DENY"), std::string::npos) << te;
  }
  const std::string ok = raw_exchange(server_->port(),
                                      "POST /login HTTP/1.1\r\nHost: x\r\nConnection: "
                                      "close\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  EXPECT_EQ(ok.rfind("HTTP/1.1 400", 0), std::string::npos) << ok.substr(0, 100);
}

TEST_F(FaultTest, OverLongUrlsAndHeadersGet414And431WithHeaders) {
  const std::string url = raw_exchange(
      server_->port(), "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(url.rfind("HTTP/1.1 414", 0), 0u) << url.substr(0, 100);
  EXPECT_NE(url.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(url.find("\r\n\r\nHet adres is te lang.\n"), std::string::npos)
      << "in the catalogue's words";
  const std::string mid = raw_exchange(
      server_->port(), "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(mid.rfind("HTTP/1.1 414", 0), 0u) << mid.substr(0, 100);
  const std::string headers =
      raw_exchange(server_->port(),
                   "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n");
  EXPECT_EQ(headers.rfind("HTTP/1.1 431", 0), 0u) << headers.substr(0, 100);
  EXPECT_NE(headers.find("X-Frame-Options: DENY"), std::string::npos);
  EXPECT_NE(headers.find("De kopregels van het verzoek zijn te groot."), std::string::npos);
}

TEST_F(FaultTest, ATooLargeBodyGets413WithTheSecurityHeaders) {
  const std::string body(300 * 1024, 'x');
  const std::string raw = raw_exchange(server_->port(),
                                       "POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                       "application/x-www-form-urlencoded\r\nContent-Length: " +
                                           std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 100);
  EXPECT_NE(raw.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(raw.find("Het verzoek is te groot."), std::string::npos);
}

}  // namespace
}  // namespace meedoen

namespace meedoen {
namespace {

// Behind the trusted proxy (here 127.0.0.1), X-Forwarded-For names the client.
TEST_F(FaultTest, BehindTheProxyAnAttackerCannotLockAPersonOutOrTellNamesApart) {
  Client attacker = client();
  attacker.extra_headers["X-Forwarded-For"] = "203.0.113.1, 198.51.100.7";
  ASSERT_EQ(attacker.get("/login").status, 200);
  std::vector<std::pair<int, std::string>> known, unknown;
  for (int i = 0; i < 7; ++i) {
    auto k = attacker.post("/login", "username=ggz&password=fout");
    auto u = attacker.post("/login", "username=bestaat.niet&password=fout");
    EXPECT_EQ(k.status, u.status) << "attempt " << i;
    const auto text = [](const std::string& body) {
      const auto a = body.find("role=\"alert\"");
      return a == std::string::npos ? std::string() : body.substr(a, 200);
    };
    EXPECT_EQ(text(k.body), text(u.body)) << "attempt " << i;
    known.emplace_back(k.status, text(k.body));
  }
  EXPECT_EQ(known.back().first, 429);
  EXPECT_EQ(attacker.post("/login", "username=ggz&password=meedoen-demo").status, 429);
  Client person = client();
  person.extra_headers["X-Forwarded-For"] = "203.0.113.5";
  EXPECT_TRUE(person.login("ggz"));
}

TEST_F(FaultTest, ForwardedProtoFromTheTrustedProxyMeansTls) {
  Client c = client();
  c.extra_headers["X-Forwarded-Proto"] = "https";
  auto r = c.get("/login");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.headers["Strict-Transport-Security"].find("max-age"), std::string::npos);
  EXPECT_NE(r.headers["Set-Cookie"].find("; Secure"), std::string::npos);
}

}  // namespace
}  // namespace meedoen
