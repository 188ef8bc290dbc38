// Fuzzes the request target as the server hands it over: make_request (web/http.cpp) splits it
// into path and query, and Router::match (web/router.cpp) finds the route in the site's real
// route table (web/routes.cpp). The first byte picks the method, the rest is the target. The
// path is matched as sent: nothing in web percent-decodes it, so "/signalen/%37" has the
// parameter "%37" (which parse_id refuses); the query is decoded by Params::parse (form_fuzz).
// Checks: the path is the target up to the first '?'; a route is found only for a path that
// starts with "/", with non-empty parameters that are segments of the path, in order; without
// one, each method the 405 would allow has a route; and HEAD finds what GET finds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "web/forms.hpp"
#include "web/http.hpp"
#include "web/router.hpp"

namespace {

using meedoen::web::Router;

const Router& site_router() {
  static const Router router = [] {
    Router r;
    meedoen::web::add_routes(r);
    return r;
  }();
  return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kMethods[] = {"GET", "POST", "HEAD", "PUT"};
  const std::string method = kMethods[data[0] % 4];
  const std::string target(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto req = meedoen::web::make_request(method, target, {}, {});
  if (req.path != target.substr(0, target.find('?'))) __builtin_trap();
  if (!req.form.items().empty()) __builtin_trap();  // no body, no form

  const auto m = site_router().match(req.method, req.path);
  if (m.handler) {
    if (req.path.empty() || req.path[0] != '/') __builtin_trap();
    // The parameters are segments of the path, in order.
    std::vector<std::string> segments;
    for (std::size_t pos = 1; pos <= req.path.size();) {
      const auto end = std::min(req.path.find('/', pos), req.path.size());
      if (end > pos) segments.push_back(req.path.substr(pos, end - pos));
      pos = end + 1;
    }
    std::size_t next = 0;
    for (const auto& p : m.params) {
      if (p.empty() || p.find('/') != std::string::npos) __builtin_trap();
      while (next < segments.size() && segments[next] != p) ++next;
      if (next++ >= segments.size()) __builtin_trap();
      (void)meedoen::web::parse_id(p);
    }
  } else {
    // Without a handler, `allow` lists the methods that do have one for this path (the 405).
    for (std::size_t pos = 0; pos < m.allow.size();) {
      const auto end = std::min(m.allow.find(", ", pos), m.allow.size());
      const std::string allowed = m.allow.substr(pos, end - pos);
      if (allowed == req.method || !site_router().match(allowed, req.path).handler)
        __builtin_trap();
      pos = end + 2;
    }
  }
  const auto get = site_router().match("GET", req.path);
  const auto head = site_router().match("HEAD", req.path);
  if ((get.handler == nullptr) != (head.handler == nullptr) || get.params != head.params)
    __builtin_trap();
  return 0;
}
