#include "web/site.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/json/monotonic_resource.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "app/app.hpp"
#include "web/api.hpp"
#include "web/logging.hpp"
#include "web/metrics.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace meedoen::web {
namespace {

std::string content_type_for(const std::string& ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

}  // namespace

struct Site::Impl {
  App& app;
  SiteOptions opt;
  Views views;
  Router router;
  Router api_router;
  std::map<std::string, std::pair<std::string, std::string>> static_files;  // url → (type, body)
  std::string openapi;  // api/openapi.json, served at /api/openapi.json
  std::atomic<std::uint64_t> request_seq{0};
  // This process's part of every request id, so that ids from several processes do not clash.
  std::string id_prefix;
  Metrics metrics;
  AddressList metrics_allow;
  // The metrics' slots: one for each route of each router, and these.
  int slot_health = 0, slot_metrics = 0, slot_static = 0, slot_openapi = 0, slot_unmatched = 0;
  int slot_api_unmatched = 0, slot_pages = 0, slot_api = 0;

  std::string base_url;                    // opt.base_url without a trailing '/'
  std::map<int, std::string> plain_texts;  // by status, in Dutch: see plain_text()

  Impl(App& a, const SiteOptions& o)
      : app(a), opt(o), views(o.root), metrics_allow(o.metrics_allow), base_url(o.base_url) {
    while (!base_url.empty() && base_url.back() == '/') base_url.pop_back();
    load_static();
    load_openapi();
    add_routes(router);
    add_api_routes(api_router);
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%06x",
                  static_cast<unsigned>(std::random_device{}()) & 0xffffffu);
    id_prefix = prefix;
    slot_health = metrics.add_route("GET", "/healthz");
    slot_metrics = metrics.add_route("GET", "/metrics");
    slot_static = metrics.add_route("GET", "/static/{}");
    slot_openapi = metrics.add_route("GET", "/api/openapi.json");
    slot_unmatched = metrics.add_route("", "(none)");
    slot_api_unmatched = metrics.add_route("", "/api/(none)");
    const auto pages = router.patterns();
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const int slot = metrics.add_route(pages[i].first, pages[i].second);
      if (i == 0) slot_pages = slot;
    }
    const auto api = api_router.patterns();
    for (std::size_t i = 0; i < api.size(); ++i) {
      const int slot = metrics.add_route(api[i].first, api[i].second);
      if (i == 0) slot_api = slot;
    }
    // One key per status, written out, so that the catalogue test sees each of them.
    const std::pair<int, const char*> keys[] = {
        {400, "plain.bad_request"},       {413, "plain.too_large"}, {414, "plain.address_too_long"},
        {431, "plain.headers_too_large"}, {500, "plain.internal"},  {503, "plain.busy"}};
    for (const auto& [status, key] : keys) plain_texts[status] = views.message("nl", key) + "\n";
  }

  const std::string& plain_text(int status) const {
    const auto it = plain_texts.find(status);
    return it == plain_texts.end() ? plain_texts.at(500) : it->second;
  }

  // Static files are read once at start: the set is small and fixed.
  void load_static() {
    namespace fs = std::filesystem;
    const fs::path root(views.static_root());
    if (!fs::exists(root)) return;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      const std::string url = "/static/" + fs::relative(e.path(), root).generic_string();
      static_files[url] = {content_type_for(e.path().extension().string()), ss.str()};
    }
  }

  void load_openapi() {
    std::ifstream in(std::filesystem::path(opt.root) / "api" / "openapi.json", std::ios::binary);
    if (!in) return;
    std::ostringstream ss;
    ss << in.rdbuf();
    openapi = ss.str();
  }

  // A request id from the trusted proxy is kept when it looks like one (so that its log and ours
  // meet); otherwise this process makes one.
  std::string request_id(const Request& req, bool via_proxy, std::uint64_t seq) const {
    if (via_proxy) {
      const std::string given = req.header("x-request-id");
      const bool plain = !given.empty() && given.size() <= 64 &&
                         given.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU"
                             "VWXYZ0123456789-_.") == std::string::npos;
      if (plain) return given;
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s-%llx", id_prefix.c_str(),
                  static_cast<unsigned long long>(seq));
    return buf;
  }

  Response handle(const Request& req) {
    const auto start = std::chrono::steady_clock::now();
    const auto seq = ++request_seq;
    // X-Forwarded-* say something only when the configured proxy sent them; anyone else could
    // write them to pose as another client or as TLS.
    const bool via_proxy = !opt.trusted_proxy.empty() && req.remote == opt.trusted_proxy;
    const bool tls = via_proxy && req.header("x-forwarded-proto") == "https";
    std::string id = request_id(req, via_proxy, seq);
    RequestLogScope scope(id);
    int slot = slot_unmatched;
    Response r = dispatch(req, tls, client_address(req, via_proxy), slot);
    r.set("X-Request-Id", id);
    finalize(r, tls, plain_text(500));
    const auto took = std::chrono::steady_clock::now() - start;
    metrics.observe(slot, r.status, took);
    // The path only, never the query (a search) or the token of a referral or sign-up link. Checked
    // first, so that a request without --verbose builds no line.
    if (!spdlog::should_log(spdlog::level::debug)) return r;
    const char* secret = req.path.rfind("/verwijzing/", 0) == 0   ? "/verwijzing/…"
                         : req.path.rfind("/aanmelding/", 0) == 0 ? "/aanmelding/…"
                                                                  : nullptr;
    spdlog::debug("{} {} -> {} in {} us", req.method, secret ? std::string(secret) : req.path,
                  r.status, std::chrono::duration_cast<std::chrono::microseconds>(took).count());
    return r;
  }

  // The client's address: behind the trusted proxy, the last address it added to
  // X-Forwarded-For (earlier ones were written by the client and prove nothing).
  static std::string client_address(const Request& req, bool via_proxy) {
    if (!via_proxy) return req.remote;
    const std::string xff = req.header("x-forwarded-for");
    if (xff.empty()) return req.remote;
    const auto comma = xff.rfind(',');
    std::string last = comma == std::string::npos ? xff : xff.substr(comma + 1);
    const auto b = last.find_first_not_of(" \t");
    const auto e = last.find_last_not_of(" \t");
    if (b == std::string::npos) return req.remote;
    last = last.substr(b, e - b + 1);
    return last.size() <= 64 ? last : req.remote;
  }

  Response dispatch(const Request& req, bool tls, const std::string& client, int& slot) {
    if (req.path == "/healthz") {
      slot = slot_health;
      return health_page();
    }
    if (req.path == "/metrics") {
      slot = slot_metrics;
      return metrics_page(req, client);
    }
    if (req.path == "/api" || req.path.rfind("/api/", 0) == 0) return api(req, client, slot);
    if (req.path.rfind("/static/", 0) == 0) {
      slot = slot_static;
      auto it = static_files.find(req.path);
      if (it == static_files.end()) return text(404, "Niet gevonden.\n");
      Response r;
      r.set("Content-Type", it->second.first);
      r.set("Cache-Control", "public, max-age=3600");
      r.body = it->second.second;
      return r;
    }
    // The request's arena for its view model; 16 KB on the stack covers most pages, bigger ones
    // take more blocks from the heap, all released at once when the request ends.
    unsigned char arena[16384];
    json::monotonic_resource mr(arena, sizeof arena);
    Ctx c{req, app, views, {}, {}, {}, json::storage_ptr(&mr), nullptr, {}, client, {}, base_url};
    Response r;
    // The request boundary: a busy or full database is a 503 page in the layout, with what was
    // typed kept; anything unexpected a 500 page without details. Either way the transaction of
    // the use case was rolled back, so nothing was half-saved.
    try {
      // A session exists only once a form needs its CSRF token (see ensure_session), so
      // anonymous visitors and scanners leave no rows behind.
      if (auto s = app.accounts().resume_session(req.cookie(kCookie))) c.session = *s;
      r = route(c, slot);
    } catch (const Unavailable& e) {
      spdlog::warn("database unavailable for {} {}: {}", req.method, req.path.substr(0, 40),
                   e.what());
      r = busy_page(c);
    } catch (const std::exception& e) {
      spdlog::error("unhandled error for {} {}: {}", req.method, req.path.substr(0, 40), e.what());
      r = failure_page(c);
    }
    if (!c.new_cookie.empty()) {
      const bool secure = opt.secure_cookies || tls;
      r.set("Set-Cookie", std::string(kCookie) + "=" + c.new_cookie +
                              "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
    return r;
  }

  // "It is busy, try again in a moment", with the posted fields in a form that sends them again
  // (passwords left out), so nothing typed is lost.
  Response busy_page(Ctx& c) {
    json::object m;
    m["message"] = c.t("error.busy");
    if (c.req.method == "POST" && !c.session.csrf.empty()) {
      json::array fields;
      for (const auto& [k, v] : c.req.form.items()) {
        if (k == "_csrf" || k.find("password") != std::string::npos) continue;
        json::object f;
        f["name"] = k;
        f["value"] = v;
        fields.push_back(std::move(f));
      }
      m["retry"] = true;
      m["action"] = c.req.path;
      m["fields"] = std::move(fields);
    }
    Response r = render_safely(c, c.req.is_htmx() ? "error_fragment" : "busy", std::move(m), 503);
    r.set("Retry-After", "5");
    return r;
  }

  Response failure_page(Ctx& c) {
    json::object m;
    m["message"] = c.t("error.internal");
    return render_safely(c, c.req.is_htmx() ? "error_fragment" : "error", std::move(m), 500);
  }

  // Renders an error page; should rendering itself fail, a plain text in Dutch.
  Response render_safely(Ctx& c, const std::string& tmpl, json::object m, int status) {
    try {
      if (c.req.is_htmx()) return fragment(c, tmpl, std::move(m), status);
      return page(c, tmpl, std::move(m), c.t("error_title"), status);
    } catch (const std::exception&) {
      return text(status, plain_text(status == 503 ? 503 : 500));
    }
  }

  // /metrics for the allowed addresses; for anyone else it does not exist.
  Response metrics_page(const Request& req, const std::string& client) {
    if (req.method != "GET" && req.method != "HEAD") return text(405, "GET\n");
    if (!metrics_allow.allows(client)) return text(404, "Niet gevonden.\n");
    const auto f = app.operations().figures();
    Response r;
    r.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    r.set("Cache-Control", "no-store");
    r.body = metrics.text(f.store, f.outbox);
    return r;
  }

  // The JSON API: no session, no CSRF token and no page; every answer is JSON, failures too.
  Response api(const Request& req, const std::string& client, int& slot) {
    Ctx c{req, app, views, {}, {}, {}, json::storage_ptr(), nullptr, {}, client, {}, base_url};
    if (req.path == "/api/openapi.json" || req.path == "/api/v1/openapi.json") {
      slot = slot_openapi;
      if (openapi.empty()) return api_problem(c, 404, "error.api.not_found");
      Response r;
      r.set("Content-Type", "application/json");
      r.set("API-Version", kApiVersion);
      // The NL API Design Rules ask that the description can be read from any origin.
      r.set("Access-Control-Allow-Origin", "*");
      r.body = openapi;
      return r;
    }
    slot = slot_api_unmatched;
    if (req.bad_encoding) return api_problem(c, 400, "error.bad_request");
    auto match = api_router.match(req.method, req.path);
    if (!match.handler) {
      if (match.allow.empty()) return api_problem(c, 404, "error.api.not_found");
      Response r = api_problem(c, 405, "error.method");
      r.set("Allow", match.allow);
      return r;
    }
    slot = slot_api + match.route;
    c.params = std::move(match.params);
    try {
      return (*match.handler)(c);
    } catch (const Unavailable& e) {
      spdlog::warn("database unavailable for {} {}: {}", req.method, req.path.substr(0, 40),
                   e.what());
      Response r = api_problem(c, 503, "plain.busy");
      r.set("Retry-After", "5");
      return r;
    } catch (const std::exception& e) {
      spdlog::error("unhandled error for {} {}: {}", req.method, req.path.substr(0, 40), e.what());
      return api_problem(c, 500, "plain.internal");
    }
  }

  // Each check by name, so an operator sees which one failed; 503 when any did.
  Response health_page() {
    std::vector<HealthCheck> checks;
    try {
      checks = app.operations().health();
    } catch (const std::exception& e) {
      checks.push_back({"connection", false, e.what()});
    }
    bool ok = true;
    std::string body;
    for (const auto& ch : checks) {
      ok = ok && ch.ok;
      body += ch.name + ": " + (ch.ok ? "ok" : "FAILED") +
              (ch.detail.empty() ? "" : " (" + ch.detail + ")") + "\n";
    }
    return text(ok ? 200 : 503, (ok ? "ok\n" : "unhealthy\n") + body);
  }

  Response route(Ctx& c, int& slot) {
    const Request& req = c.req;
    if (req.bad_encoding) return error_page(c, Error::invalid("error.bad_request"));
    auto match = router.match(req.method, req.path);
    if (match.handler) slot = slot_pages + match.route;
    if (!match.handler) {
      if (!match.allow.empty()) {
        Response r = error_page(c, Error{ErrorKind::kInvalid, "error.method", {}, {}});
        r.status = 405;
        r.set("Allow", match.allow);
        return r;
      }
      return error_page(c, Error::not_found());
    }
    c.params = std::move(match.params);
    if (req.method != "GET" && req.method != "HEAD") {
      std::string token = req.form.get("_csrf");
      if (token.empty()) token = req.header("x-csrf-token");
      if (!Accounts::csrf_matches(c.session, token)) {
        Error e{ErrorKind::kForbidden, "error.csrf", {}, {}};
        Response r = error_page(c, e);
        // For a page's script (static/tally.js): the session ended or changed under it, so what
        // it sent was not refused for what it is, and may be sent again after a new log-in.
        r.set("X-Meedoen-Session", "ended");
        return r;
      }
    }
    if (match.needs_user && !c.session.user) {
      if (req.is_htmx()) {
        Response r;
        r.status = 401;
        r.set("HX-Redirect", "/login");
        return r;
      }
      return redirect("/login");
    }
    // The centre's tablet counts and checks in, and opens nothing else.
    if (c.session.user && !Accounts::may_open_page(*c.session.user, match.for_device))
      return error_page(c, Error::forbidden());
    return (*match.handler)(c);
  }
};

Site::Site(App& app, const SiteOptions& options) : impl_(std::make_unique<Impl>(app, options)) {}
Site::~Site() = default;
Response Site::handle(const Request& request) { return impl_->handle(request); }
const std::string& Site::plain_text(int status) const { return impl_->plain_text(status); }
const Views& Site::views() const { return impl_->views; }

}  // namespace meedoen::web
