// HTTP dates and conditional GET (web/http.hpp): the public calendar and its feeds answer 304 to
// a client that has the current version, by ETag or by date.
#include <gtest/gtest.h>

#include "web/http.hpp"

namespace meedoen::web {
namespace {

TEST(HttpDate, IsWrittenAndReadInThePreferredFormatOnly) {
  EXPECT_EQ(http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Tue, 29 Feb 2028 12:00:00 GMT"), 1835438400);
  EXPECT_FALSE(parse_http_date("Mon, 06 Nov 1994 08:49:37 GMT")) << "the wrong weekday";
  EXPECT_FALSE(parse_http_date("Fri, 31 Feb 2028 12:00:00 GMT"));
  EXPECT_FALSE(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT")) << "RFC 850: answered in full";
  EXPECT_FALSE(parse_http_date("Sun Nov  6 08:49:37 1994"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC"));
  EXPECT_FALSE(parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT"));
  EXPECT_FALSE(parse_http_date(""));
}

Request get(std::map<std::string, std::string> headers) {
  return make_request("GET", "/centra/1", std::move(headers), "");
}

TEST(ConditionalGet, AnswersWith304ToTheSameETagOrALaterDate) {
  Response r;
  r.body = "<p>kalender</p>";
  conditional_get(get({}), r, 784111777);
  ASSERT_EQ(r.status, 200);
  const std::string etag = r.get("ETag");
  EXPECT_EQ(etag.size(), 18u);
  EXPECT_EQ(r.get("Last-Modified"), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(r.get("Cache-Control"), "no-cache");

  Response same;
  same.body = r.body;
  conditional_get(get({{"if-none-match", "\"x\", " + etag}}), same, 784111777);
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());

  Response changed;
  changed.body = "<p>nieuwe kalender</p>";
  conditional_get(get({{"if-none-match", etag}}), changed, 784111777);
  EXPECT_EQ(changed.status, 200) << "another body, another ETag";
  EXPECT_NE(changed.get("ETag"), etag);

  Response dated;
  dated.body = r.body;
  conditional_get(get({{"if-modified-since", "Sun, 06 Nov 1994 08:49:37 GMT"}}), dated, 784111777);
  EXPECT_EQ(dated.status, 304);
  Response older;
  older.body = r.body;
  conditional_get(get({{"if-modified-since", "Sun, 06 Nov 1994 08:49:36 GMT"}}), older, 784111777);
  EXPECT_EQ(older.status, 200);
  Response both;
  both.body = r.body;
  conditional_get(
      get({{"if-none-match", "\"x\""}, {"if-modified-since", "Sun, 06 Nov 1994 08:49:37 GMT"}}),
      both, 784111777);
  EXPECT_EQ(both.status, 200) << "If-None-Match decides when it is there";

  Response error;
  error.status = 404;
  conditional_get(get({{"if-none-match", "*"}}), error, 0);
  EXPECT_EQ(error.status, 404);
  EXPECT_TRUE(error.get("ETag").empty());
}

}  // namespace
}  // namespace meedoen::web
