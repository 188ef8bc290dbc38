// Plain request and response values. Handlers take a Request and return a Response, so they are
// tested without sockets; server.cpp converts to and from Boost.Beast.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meedoen::web {

// Form fields or query parameters, decoded; a name may repeat (checkboxes).
class Params {
 public:
  // Parses "a=1&b=x+y"; false when the text is not a valid query string.
  bool parse(const std::string& encoded);
  std::string get(const std::string& name) const;  // first value, or ""
  bool has(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
  void add(std::string name, std::string value) { items_.emplace_back(std::move(name), std::move(value)); }
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  std::string method = "GET";
  std::string target = "/";  // path and query as received
  std::string path = "/";
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote;
  Params query;
  Params form;  // application/x-www-form-urlencoded bodies
  bool bad_encoding = false;

  std::string header(const std::string& lower_name) const;
  std::string cookie(const std::string& name) const;
  bool is_htmx() const { return !header("hx-request").empty(); }
};

// Fills path, query and form from target, headers and body.
Request make_request(std::string method, std::string target, std::map<std::string, std::string> headers,
                     std::string body, std::string remote = {});

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set(const std::string& name, const std::string& value);
  std::string get(const std::string& name) const;
};

Response redirect(const std::string& location);
Response text(int status, std::string body);

// Percent-encodes a query value.
std::string url_encode(const std::string& s);

}  // namespace meedoen::web
