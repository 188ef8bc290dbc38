// The router: finds the handler for a method and path among the routes (web/routes.cpp), with the
// path's parameters. A path that exists for other methods only is told apart (405 and Allow).
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "web/context.hpp"

namespace meedoen::web {

using Handler = std::function<Response(Ctx&)>;

class Router {
 public:
  // Adds a route. In `pattern`, "{}" matches one path segment and becomes a parameter; a route
  // with `needs_user` sends visitors without a session to the log-in page.
  void add(const char* method, const char* pattern, bool needs_user, Handler handler);
  // Marks the route added last as a page that a centre device may open (may_open_page).
  void for_device();

  struct Match {
    const Handler* handler = nullptr;  // nullptr: no route for this method and path
    bool needs_user = false;
    bool for_device = false;
    std::vector<std::string> params;  // the "{}" segments, in order
    std::string allow;                // without a handler: the methods the path has ("" for none)
    int route = -1;                   // with a handler: its index in patterns()
  };
  // HEAD is served by the GET route.
  Match match(const std::string& method, const std::string& path) const;
  // Each route's method and pattern, in the order they were added (for the metrics).
  std::vector<std::pair<std::string, std::string>> patterns() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{}" matches one path segment
    bool needs_user;
    Handler handler;
    bool for_device = false;
  };
  std::vector<Route> routes_;
};

// Every page of the site (web/routes.cpp).
void add_routes(Router& router);

}  // namespace meedoen::web
