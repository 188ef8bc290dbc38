// The web site: sessions, CSRF, security headers and routing around the app's use cases. A handler
// parses input, calls one use case and renders a template; it never runs SQL or decides access.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "web/http.hpp"

namespace meedoen {
class App;
}

namespace meedoen::web {

class Views;

struct SiteOptions {
  std::string root;             // folder with templates/, messages/ and static/
  bool secure_cookies = false;  // set the Secure flag (always when the request came over TLS)
  // The address of the TLS proxy in front; only its X-Forwarded-For and X-Forwarded-Proto are
  // believed. Empty: no proxy, those headers are ignored.
  std::string trusted_proxy;
  // Who may read /metrics: addresses and networks ("127.0.0.1", "10.0.0.0/8"), matched against
  // the client's address as above. Empty: nobody (404).
  std::vector<std::string> metrics_allow;
  // The address people use to reach Meedoen (as in mail): links that leave the site, such as the
  // iCal feed's link back to an activity and the QR code of a centre's poster.
  std::string base_url = "http://127.0.0.1:8080";
};

class Site {
 public:
  Site(App& app, const SiteOptions& options);
  ~Site();
  Response handle(const Request& request);
  // The templates and texts, for the mailer that writes in the same words.
  const Views& views() const;
  // The plain text of an answer without a page (400, 413, 414, 431, 500, 503), from the
  // catalogue: for the server's own refusals, and when even the error page cannot be rendered.
  const std::string& plain_text(int status) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meedoen::web
