// The JSON API, /metrics and the request id over the site, on SQLite and (integration_postgres) on
// PostgreSQL: an administrator makes a token in the browser, an integration reads the figures
// with it until the token is revoked, every call is audited, and failures are problem details.
#include <boost/json.hpp>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

namespace json = boost::json;

class ApiHttpTest : public HttpTest {
 protected:
  // Makes a token named `name` as the demo administrator; returns its id and secret.
  std::pair<int, std::string> make_token(const std::string& name) {
    auto admin = client();
    EXPECT_TRUE(admin.login("beheer"));
    EXPECT_EQ(admin.get("/beheer/api-sleutels").status, 200);
    auto r = admin.post("/beheer/api-sleutels", "name=" + encode(name) + "&scopes=figures");
    EXPECT_EQ(r.status, 201) << r.body;
    std::smatch m;
    static const std::regex secret_re("value=\"(mdn_[A-Za-z0-9_-]+)\"");
    EXPECT_TRUE(std::regex_search(r.body, m, secret_re)) << r.body;
    const std::string secret = m.size() > 1 ? m[1].str() : "";
    const int id = first_id(r.body, "/beheer/api-sleutels/");
    return {id, secret};
  }

  static Client integration(const std::string& secret) {
    Client c = Client(*site_);
    c.extra_headers["Authorization"] = "Bearer " + secret;
    return c;
  }

  static std::int64_t count(const std::string& sql) {
    auto db = database();
    auto st = db->prepare(sql);
    EXPECT_TRUE(st.step());
    return st.i64(0);
  }

  static void expect_problem(const Reply& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.headers.at("Content-Type"), "application/problem+json");
    EXPECT_EQ(r.headers.at("API-Version"), "1.2.0");
    const auto p = json::parse(r.body).as_object();
    EXPECT_EQ(p.at("status").as_int64(), status);
    EXPECT_FALSE(p.at("title").as_string().empty());
  }

  // Every published count: a number from 0 or from 5 up, or null with its reason.
  static void expect_suppressed(const json::value& count) {
    const auto& c = count.as_object();
    const std::string shown(c.at("weergave").as_string());
    if (c.at("aantal").is_null()) {
      EXPECT_TRUE(shown == "<5" || shown == "–") << shown;
    } else {
      const auto n = c.at("aantal").as_int64();
      EXPECT_TRUE(n == 0 || n >= 5) << n;
      EXPECT_EQ(shown, std::to_string(n));
    }
  }
};

TEST_F(ApiHttpTest, ATokenReadsTheFiguresUntilItIsRevokedAndEveryCallIsAudited) {
  const auto [id, secret] = make_token("Dashboard gemeente");
  ASSERT_GT(id, 0);
  ASSERT_FALSE(secret.empty());
  const auto before = count("SELECT COUNT(*) FROM audit_log WHERE event = 'api_call'");
  auto api = integration(secret);

  auto r = api.get("/api/v1/wijken");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers["Content-Type"], "application/json");
  EXPECT_EQ(r.headers["API-Version"], "1.2.0");
  EXPECT_EQ(r.headers["Cache-Control"], "no-store");
  const auto wijken = json::parse(r.body).at("wijken").as_array();
  ASSERT_FALSE(wijken.empty());
  EXPECT_TRUE(wijken[0].at("naam").is_string());

  r = api.get("/api/v1/cijfers/signalen");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto signals = json::parse(r.body).as_object();
  EXPECT_EQ(signals.at("drempel").as_int64(), 5);
  ASSERT_EQ(signals.at("wijken").as_array().size(), wijken.size());
  for (const auto& w : signals.at("wijken").as_array()) {
    expect_suppressed(w.at("open"));
    expect_suppressed(w.at("totaal"));
  }

  r = api.get("/api/v1/cijfers/brigade?maanden=12");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto funnel = json::parse(r.body).as_object();
  EXPECT_EQ(funnel.at("maanden").as_int64(), 12);
  ASSERT_FALSE(funnel.at("perMaand").as_array().empty()) << "the demo has brigade requests";
  for (const char* part : {"perMaand", "totalen"})
    for (const auto& row : funnel.at(part).as_array())
      for (const auto& [name, step] : row.at("stappen").as_object()) expect_suppressed(step);
  EXPECT_TRUE(funnel.at("totalen").as_array()[0].at("wijk").is_null())
      << "all wijken together come first";

  r = api.get("/api/v1/cijfers/centra?maanden=12");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto centres = json::parse(r.body).as_object();
  EXPECT_EQ(centres.at("maanden").as_int64(), 12);
  ASSERT_FALSE(centres.at("perMaand").as_array().empty()) << "the demo's Matilo counts visitors";
  for (const char* part : {"perMaand", "totalen"})
    for (const auto& row : centres.at(part).as_array()) {
      EXPECT_FALSE(row.at("centrum").at("naam").as_string().empty());
      EXPECT_EQ(row.as_object().contains("maand"), std::string(part) == "perMaand");
      ASSERT_EQ(row.at("aantallen").as_object().size(), 11u);
      for (const auto& [name, cell] : row.at("aantallen").as_object()) expect_suppressed(cell);
    }
  expect_problem(api.get("/api/v1/cijfers/centra?maanden=25"), 400);

  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE event = 'api_call'"), before + 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE event = 'api_call' AND user_label = "
                  "'api:Dashboard gemeente (token " +
                  std::to_string(id) + ")' AND object = 'GET /api/v1/cijfers/brigade'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens WHERE last_used_at > 0 AND id = " +
                  std::to_string(id)),
            1);

  auto admin = client();
  ASSERT_TRUE(admin.login("beheer"));
  admin.get("/beheer/api-sleutels");
  r = admin.post("/beheer/api-sleutels/" + std::to_string(id) + "/intrekken", "");
  ASSERT_EQ(r.status, 303);
  r = admin.get(r.headers["Location"]);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("De sleutel is ingetrokken."), std::string::npos);
  EXPECT_EQ(r.body.find(secret), std::string::npos) << "the secret is shown once only";

  r = api.get("/api/v1/wijken");
  expect_problem(r, 401);
  EXPECT_NE(r.headers["WWW-Authenticate"].find("invalid_token"), std::string::npos);
}

TEST_F(ApiHttpTest, TheApiRefusesWithProblemDetailsAndTakesNoSession) {
  const auto [id, secret] = make_token("Rapport financier");
  expect_problem(client().get("/api/v1/wijken"), 401);
  expect_problem(integration("mdn_onzin").get("/api/v1/wijken"), 401);
  auto api = integration(secret);
  expect_problem(api.get("/api/v1/onbekend"), 404);
  expect_problem(api.get("/api"), 404);
  auto r = api.post("/api/v1/wijken", "", false);
  expect_problem(r, 405);
  EXPECT_EQ(r.headers["Allow"], "GET");
  for (const char* bad : {"0", "25", "zes", "-1"})
    expect_problem(api.get(std::string("/api/v1/cijfers/brigade?maanden=") + bad), 400);

  // A logged-in administrator's cookie is no token.
  auto admin = client();
  ASSERT_TRUE(admin.login("beheer"));
  expect_problem(admin.get("/api/v1/wijken"), 401);
  // The form says what is missing; only the administrator has the page.
  admin.get("/beheer/api-sleutels");
  r = admin.post("/beheer/api-sleutels", "name=");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("Geef de koppeling een naam."), std::string::npos);
  EXPECT_NE(r.body.find("Kies wat de koppeling mag lezen."), std::string::npos);
  auto chair = client();
  ASSERT_TRUE(chair.login("voorzitter"));
  EXPECT_EQ(chair.get("/beheer/api-sleutels").status, 403);
  chair.get("/");
  EXPECT_EQ(chair.post("/beheer/api-sleutels", "name=x&scopes=figures").status, 403);
  EXPECT_EQ(chair.post("/beheer/api-sleutels/" + std::to_string(id) + "/intrekken", "").status,
            403);
  EXPECT_EQ(api.get("/api/v1/wijken").status, 200) << "the chair revoked nothing";
}

TEST_F(ApiHttpTest, TheOpenApiDocumentIsServedForAnyone) {
  auto r = client().get("/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Content-Type"], "application/json");
  EXPECT_EQ(r.headers["Access-Control-Allow-Origin"], "*");
  const auto doc = json::parse(r.body).as_object();
  EXPECT_EQ(doc.at("openapi").as_string().subview().substr(0, 2), "3.");
  EXPECT_EQ(doc.at("info").at("version").as_string(), r.headers["API-Version"]);
  for (const char* path : {"/wijken", "/cijfers/signalen", "/cijfers/brigade", "/cijfers/centra"})
    EXPECT_TRUE(doc.at("paths").as_object().contains(path)) << path;
  EXPECT_EQ(client().get("/api/v1/openapi.json").body, r.body);
}

TEST_F(ApiHttpTest, MetricsCountEachRouteByItsPatternForAllowedAddressesOnly) {
  auto c = client();
  ASSERT_TRUE(c.login("voorzitter"));
  const int signal = raise(c, "Metriek Persoon", "Een signaal voor de metrieken");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(c.get("/signalen/" + std::to_string(signal)).status, 200);
  auto r = c.get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["Content-Type"], "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r.body.find("meedoen_http_requests_total{method=\"GET\",route=\"/signalen/{}\","
                        "code=\"2xx\"} "),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("meedoen_http_request_duration_seconds_bucket{method=\"GET\",route=\"/"
                        "signalen/{}\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_EQ(r.body.find("/signalen/" + std::to_string(signal)), std::string::npos)
      << "no id in a label";
  EXPECT_EQ(r.body.find("Metriek"), std::string::npos);
  for (const char* name :
       {"meedoen_db_pool_connections{state=\"in_use\"}", "meedoen_db_pool_size",
        "meedoen_db_wait_seconds_total", "meedoen_mail_outbox{state=\"waiting\"}"})
    EXPECT_NE(r.body.find(name), std::string::npos) << name;

  // Each answer has its own request id.
  const auto a = c.get("/").headers["X-Request-Id"], b = c.get("/").headers["X-Request-Id"];
  EXPECT_FALSE(a.empty());
  EXPECT_NE(a, b);

  // Elsewhere /metrics does not exist; behind the proxy, the forwarded client address counts.
  web::Site closed(*app_, {MEEDOEN_SOURCE_DIR, false, "", {"10.0.0.0/8"}});
  EXPECT_EQ(Client(closed).get("/metrics").status, 404);
  web::Site proxied(*app_, {MEEDOEN_SOURCE_DIR, false, "127.0.0.1", {"10.0.0.0/8"}});
  Client via(proxied);
  via.extra_headers["X-Forwarded-For"] = "10.1.2.3";
  via.extra_headers["X-Request-Id"] = "proxy-id-42";
  r = via.get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers["X-Request-Id"], "proxy-id-42") << "the proxy's request id is kept";
  via.extra_headers["X-Forwarded-For"] = "192.0.2.1";
  EXPECT_EQ(via.get("/metrics").status, 404);
}

}  // namespace
}  // namespace meedoen
