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
  // Every distinct value, in order: a value sent twice (a checkbox repeated) counts once.
  std::vector<std::string> all(const std::string& name) const;
  void add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
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
  std::string remote;  // the peer's address as the socket saw it (the proxy, behind one)
  Params query;
  Params form;  // application/x-www-form-urlencoded bodies
  bool bad_encoding = false;

  std::string header(const std::string& lower_name) const;
  std::string cookie(const std::string& name) const;
  bool is_htmx() const { return !header("hx-request").empty(); }
};

// Fills path, query and form from target, headers and body.
Request make_request(std::string method, std::string target,
                     std::map<std::string, std::string> headers, std::string body,
                     std::string remote = {});

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set(const std::string& name, const std::string& value);
  std::string get(const std::string& name) const;
};

// A 303 to `location`, which must be a path on this site (see safe_local_path).
Response redirect(const std::string& location);
Response text(int status, std::string body);

// Whether a header name or value is safe to send: no CR, LF or other control character (a tab
// is allowed in values), so no header or second response can be smuggled in.
bool header_safe(const std::string& text);
// Sets what every response carries, the error pages of the server itself included: CSP without
// inline script or style, frame and sniffing protection, Referrer-Policy, Permissions-Policy,
// and HSTS when the request came over TLS. Leaves a Referrer-Policy that is set already.
void security_headers(Response& r, bool tls);
// Every response passes here before it is sent: when any header name or value is unsafe, the
// response is replaced by a plain 500 with `error_text` (and logged), never sent as it is. Then
// security_headers.
void finalize(Response& r, bool tls, std::string_view error_text);

// Percent-encodes a query value.
std::string url_encode(const std::string& s);

// A time as an HTTP-date in the preferred format of RFC 9110: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::int64_t unix_seconds);
// An HTTP-date in that format; nullopt for anything else. The two obsolete formats (RFC 850 and
// asctime) are not read: a conditional request carrying one is answered in full, which is safe.
std::optional<std::int64_t> parse_http_date(std::string_view text);
// Makes a GET of a public page or feed conditional (RFC 9110, section 13): sets a strong ETag
// (a digest of the body) and Last-Modified, and turns `r` into a 304 without a body when the
// request's If-None-Match names that ETag, or, without If-None-Match, when If-Modified-Since is
// not before `last_modified`. Cache-Control "no-cache": a cache may keep it, and asks each time.
void conditional_get(const Request& req, Response& r, std::int64_t last_modified);

}  // namespace meedoen::web
