#include "web/router.hpp"

#include <gtest/gtest.h>

namespace meedoen::web {
namespace {

Response ok(Ctx&) { return text(200, "ok"); }

Router some_routes() {
  Router r;
  r.add("GET", "/", true, ok);
  r.add("GET", "/signalen", true, ok);
  r.add("GET", "/signalen/{}", true, ok);
  r.add("POST", "/signalen/{}/sluiten", true, ok);
  return r;
}

TEST(Router, FindsTheRouteWithItsParameters) {
  const Router r = some_routes();
  auto m = r.match("GET", "/signalen/17");
  ASSERT_NE(m.handler, nullptr);
  EXPECT_TRUE(m.needs_user);
  EXPECT_EQ(m.params, std::vector<std::string>{"17"});
  EXPECT_NE(r.match("HEAD", "/signalen").handler, nullptr);  // HEAD is served by GET
  m = r.match("GET", "/signalen/17/sluiten");
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_EQ(m.allow, "POST");
}

// Found by fuzz/target_fuzz.cpp: Beast hands on any request target of visible characters, and
// the router used to skip its first character unseen, so "!" was served as "/" and "xsignalen"
// as "/signalen". A target that is not a path on this site matches nothing.
TEST(Router, MatchesOnlyPathsThatStartWithASlash) {
  const Router r = some_routes();
  for (const char* path : {"!", "", "*", "xsignalen", "signalen/17", "http://x/signalen"}) {
    const auto m = r.match("GET", path);
    EXPECT_EQ(m.handler, nullptr) << path;
    EXPECT_EQ(m.allow, "") << path;
  }
}

}  // namespace
}  // namespace meedoen::web
