// /metrics: the Prometheus text of the counts and latencies per route, and who may read it.
#include "web/metrics.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace meedoen::web {
namespace {

using std::chrono::milliseconds;

TEST(AddressList, AllowsExactAddressesAndNetworksOfBothFamilies) {
  const AddressList list({"127.0.0.1", "10.0.0.0/8", "fd00::/8", "::1"});
  EXPECT_TRUE(list.allows("127.0.0.1"));
  EXPECT_FALSE(list.allows("127.0.0.2"));
  EXPECT_TRUE(list.allows("10.200.3.4"));
  EXPECT_FALSE(list.allows("11.0.0.1"));
  EXPECT_TRUE(list.allows("fd12:3456::1"));
  EXPECT_FALSE(list.allows("fe80::1"));
  EXPECT_TRUE(list.allows("::1"));
  EXPECT_TRUE(list.allows("::ffff:10.1.2.3")) << "IPv4 written as IPv6 is the IPv4 address";
  EXPECT_FALSE(list.allows(""));
  EXPECT_FALSE(list.allows("niet-een-adres"));
  EXPECT_FALSE(AddressList().allows("127.0.0.1")) << "empty: nobody";
  EXPECT_TRUE(AddressList({"0.0.0.0/0"}).allows("192.0.2.1"));
}

TEST(AddressList, RefusesWhatIsNoAddressOrNetwork) {
  for (const char* bad : {"localhost", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::/129", ""})
    EXPECT_THROW(AddressList({bad}), std::invalid_argument) << bad;
}

TEST(Metrics, CountsPerRouteAndClassAndACumulativeHistogram) {
  Metrics m;
  const int list = m.add_route("GET", "/signalen");
  const int one = m.add_route("GET", "/signalen/{}");
  m.add_route("POST", "/login");  // never asked
  m.observe(list, 200, milliseconds(3));
  m.observe(list, 200, milliseconds(30));
  m.observe(list, 503, milliseconds(3000));
  m.observe(one, 404, milliseconds(1));
  StoreStats db;
  db.pool_size = 4;
  db.in_use = 1;
  db.idle = 2;
  db.begun = 7;
  db.wait_seconds = 0.25;
  const std::string text = m.text(db, MailBacklog{3, 1});
  auto has = [&](const std::string& line) { return text.find(line + "\n") != std::string::npos; };
  EXPECT_TRUE(
      has("meedoen_http_requests_total{method=\"GET\",route=\"/signalen\",code=\"2xx\"} 2"));
  EXPECT_TRUE(
      has("meedoen_http_requests_total{method=\"GET\",route=\"/signalen\",code=\"5xx\"} 1"));
  EXPECT_TRUE(
      has("meedoen_http_requests_total{method=\"GET\",route=\"/signalen/{}\",code=\"4xx\"} 1"));
  EXPECT_EQ(text.find("route=\"/login\""), std::string::npos) << "a route never asked is left out";
  const std::string b =
      "meedoen_http_request_duration_seconds_bucket{method=\"GET\",route=\"/signalen\",";
  EXPECT_TRUE(has(b + "le=\"0.001\"} 0"));
  EXPECT_TRUE(has(b + "le=\"0.005\"} 1"));
  EXPECT_TRUE(has(b + "le=\"0.05\"} 2"));
  EXPECT_TRUE(has(b + "le=\"2.5\"} 2"));
  EXPECT_TRUE(has(b + "le=\"5\"} 3"));
  EXPECT_TRUE(has(b + "le=\"+Inf\"} 3"));
  EXPECT_TRUE(
      has("meedoen_http_request_duration_seconds_sum{method=\"GET\",route=\"/signalen\"} 3.033"));
  EXPECT_TRUE(
      has("meedoen_http_request_duration_seconds_count{method=\"GET\",route=\"/signalen\"} 3"));
  EXPECT_TRUE(has("meedoen_db_pool_connections{state=\"in_use\"} 1"));
  EXPECT_TRUE(has("meedoen_db_pool_connections{state=\"idle\"} 2"));
  EXPECT_TRUE(has("meedoen_db_pool_size 4"));
  EXPECT_TRUE(has("meedoen_db_wait_seconds_total 0.25"));
  EXPECT_TRUE(has("meedoen_db_transactions_total 7"));
  EXPECT_TRUE(has("meedoen_mail_outbox{state=\"waiting\"} 3"));
  EXPECT_TRUE(has("meedoen_mail_outbox{state=\"failed\"} 1"));
  EXPECT_TRUE(has("# TYPE meedoen_http_request_duration_seconds histogram"));
  EXPECT_EQ(m.text(db, std::nullopt).find("meedoen_mail_outbox"), std::string::npos)
      << "an outbox that could not be read is left out, not shown as empty";
}

}  // namespace
}  // namespace meedoen::web
