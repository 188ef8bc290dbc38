#include "web/site.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "web/site_internal.hpp"

#include <boost/json/monotonic_resource.hpp>

namespace meedoen::web {
namespace {

constexpr const char* kCookie = "meedoen_session";

struct RouteDef {
  std::string method;
  std::vector<std::string> segments;  // "{}" matches one path segment
  bool needs_user;
  Route handler;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    if (end > pos) out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segments) {
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (pattern[i] != "{}" && pattern[i] != segments[i]) return false;
  return true;
}

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
  std::vector<RouteDef> routes;
  std::map<std::string, std::pair<std::string, std::string>> static_files;  // url → (type, body)
  std::atomic<std::uint64_t> request_seq{0};

  Impl(App& a, const SiteOptions& o) : app(a), opt(o), views(o.root) {
    load_static();
    auto add = [&](const char* method, const char* pattern, bool needs_user, Route r) {
      routes.push_back({method, split_path(pattern), needs_user, std::move(r)});
    };
    add("GET", "/login", false, [this](Ctx& c) { return login_page(c, {}, {}); });
    add("POST", "/login", false, [this](Ctx& c) { return login(c); });
    add("POST", "/logout", false, [this](Ctx& c) { return logout(c); });
    add("POST", "/taal", false, [this](Ctx& c) { return language(c); });
    add("GET", "/", true, start_page);
    add("GET", "/wijken/{}", true, wijk_page);
    add("GET", "/signalen", true, signals_page);
    add("GET", "/signalen/nieuw", true, signal_new_page);
    add("GET", "/signalen/nieuw/wijk", true, signal_wijk_parts);
    add("POST", "/signalen", true, signal_create);
    add("POST", "/signalen/meldcode-check", true, signal_meldcode_check);
    add("GET", "/signalen/{}", true, signal_page);
    add("POST", "/signalen/{}/inzien", true, signal_break_glass);
    add("POST", "/signalen/{}/sluiten", true, signal_close);
    add("POST", "/signalen/{}/meldcode", true, signal_meldcode_step);
    add("GET", "/overleggen", true, meetings_page);
    add("GET", "/overleggen/nieuw", true, meeting_new_page);
    add("POST", "/overleggen", true, meeting_create);
    add("GET", "/overleggen/{}", true, meeting_page);
    add("GET", "/overleggen/{}/notulen", true, meeting_minutes);
    add("POST", "/overleggen/{}/agenda-bijwerken", true, meeting_refresh);
    add("POST", "/overleggen/{}/punten/{}/omhoog", true, [](Ctx& c) { return meeting_move(c, -1); });
    add("POST", "/overleggen/{}/punten/{}/omlaag", true, [](Ctx& c) { return meeting_move(c, 1); });
    add("POST", "/overleggen/{}/punten/{}", true, meeting_record_item);
    add("GET", "/overleggen/{}/punten/{}/wensen", true, meeting_item_prefs);
    add("POST", "/overleggen/{}/aanwezigheid", true, meeting_attendance);
    add("POST", "/overleggen/{}/gegevens", true, meeting_update);
    add("GET", "/acties", true, actions_page);
    add("GET", "/inzage", true, break_glass_page);
    add("POST", "/acties/{}", true, action_settle);
    add("GET", "/brigade", true, brigade_page);
    add("GET", "/brigade/cijfers", true, brigade_figures_page);
    add("POST", "/brigade/napraten/{}", true, brigade_debrief_handled);
    add("GET", "/verzoeken", true, my_requests_page);
    add("GET", "/verzoeken/nieuw", true, request_new_page);
    add("GET", "/verzoeken/eerder", true, my_past_requests_page);
    add("POST", "/verzoeken", true, request_create);
    add("GET", "/verzoeken/{}", true, request_page);
    add("POST", "/verzoeken/{}/toewijzen", true, request_assign);
    add("POST", "/verzoeken/{}/intrekken", true, request_unassign);
    add("POST", "/verzoeken/{}/antwoord", true, request_respond);
    add("POST", "/verzoeken/{}/bezoeken", true, request_visit);
    add("POST", "/verzoeken/{}/inchecken", true, request_checkin);
    add("POST", "/verzoeken/{}/uitkomst", true, request_outcome);
    add("POST", "/verzoeken/{}/wensen", true, request_wishes);
    add("GET", "/verzoeken/{}/verwijzen", true, referral_new_page);
    add("POST", "/verzoeken/{}/verwijzingen", true, referral_create);
    add("POST", "/uitchecken", true, checkout);
    add("POST", "/napraten", true, debrief_create);
    add("GET", "/beschikbaarheid", true, availability_page);
    add("POST", "/beschikbaarheid/profiel", true, availability_profile);
    add("POST", "/beschikbaarheid/week", true, availability_week);
    add("POST", "/beschikbaarheid/afwezig", true, availability_absence);
    add("POST", "/beschikbaarheid/afwezig/{}/verwijderen", true, availability_absence_delete);
    add("GET", "/verwijzingen", true, referrals_page);
    add("POST", "/verwijzingen/{}", true, referral_answer);
    add("POST", "/verwijzingen/{}/herinnering", true, referral_remind);
    // The one-time link for a partner without an account: no log-in, the token is the key.
    add("GET", "/verwijzing/{}", false, referral_link_page);
    add("POST", "/verwijzing/{}", false, referral_link_answer);
    add("POST", "/verwijzing/{}/tonen", false, referral_link_reveal);
    add("GET", "/beheer", true, admin_page);
    add("POST", "/beheer/gebruikers", true, admin_user_create);
    add("POST", "/beheer/gebruikers/{}/actief", true, admin_user_active);
    add("GET", "/beheer/gebruikers/{}", true, admin_user_page);
    add("POST", "/beheer/gebruikers/{}", true, admin_user_update);
    add("POST", "/beheer/gebruikers/{}/wachtwoord", true, admin_user_password);
    add("POST", "/beheer/organisaties", true, admin_org_create);
    add("POST", "/beheer/wijken", true, admin_wijk_create);
    add("GET", "/beheer/wijken/{}", true, admin_wijk_page);
    add("POST", "/beheer/wijken/{}", true, admin_wijk_update);
    add("POST", "/beheer/wijken/{}/categorieen", true, admin_category_create);
    add("POST", "/beheer/wijken/{}/categorieen/{}", true, admin_category_update);
    add("POST", "/beheer/standaardcategorieen", true, admin_default_category_create);
    add("POST", "/beheer/standaardcategorieen/{}/verwijderen", true, admin_default_category_delete);
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

  Response login_page(Ctx& c, const std::string& username, const std::string& error, int status = 200) {
    if (c.session.user) return redirect("/");
    ensure_session(c);
    json::object m;
    m["username"] = username;
    if (!error.empty()) m["error"] = error;
    return page(c, "login", std::move(m), c.t("login_title"), status);
  }

  Response login(Ctx& c) {
    const std::string username = c.req.form.get("username");
    auto r = c.app.accounts().login(c.req.cookie(kCookie), username, c.req.form.get("password"), c.client);
    if (!r) {
      const int status = r.error().kind == ErrorKind::kTooMany ? 429 : (r.error().kind == ErrorKind::kInvalid ? 422 : 401);
      return login_page(c, username, c.t(r.error().message_key, r.error().detail), status);
    }
    c.session = *r;
    c.new_cookie = r->token;
    return redirect("/");
  }

  Response logout(Ctx& c) {
    c.app.accounts().logout(c.req.cookie(kCookie));
    // The log-in page makes a new session when it is shown; the old cookie is cleared.
    c.session = SessionView{};
    c.new_cookie = "deleted; Max-Age=0";
    return redirect("/login");
  }

  Response language(Ctx& c) {
    const std::string lang = c.req.form.get("lang");
    c.app.accounts().set_language(c.req.cookie(kCookie), lang);
    return redirect(local_path(c.req.form.get("back"), "/"));
  }

  Response handle(const Request& req) {
    const auto seq = ++request_seq;
    // X-Forwarded-* say something only when the configured proxy sent them; anyone else could
    // write them to pose as another client or as TLS.
    const bool via_proxy = !opt.trusted_proxy.empty() && req.remote == opt.trusted_proxy;
    const bool tls = via_proxy && req.header("x-forwarded-proto") == "https";
    Response r = dispatch(req, tls, client_address(req, via_proxy));
    finalize(r, tls);
    // A one-time referral link is a secret: its token stays out of the log.
    const bool secret = req.path.rfind("/verwijzing/", 0) == 0;
    spdlog::debug("req={} {} {} -> {}", seq, req.method, secret ? std::string("/verwijzing/…") : req.path, r.status);
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

  Response dispatch(const Request& req, bool tls, const std::string& client) {
    if (req.path == "/healthz") return health_page();
    if (req.path.rfind("/static/", 0) == 0) {
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
    Ctx c{req, app, views, {}, {}, {}, json::storage_ptr(&mr), nullptr, {}, client};
    Response r;
    // The request boundary: a busy or full database is a 503 page in the layout, with what was
    // typed kept; anything unexpected a 500 page without details. Either way the transaction of
    // the use case was rolled back, so nothing was half-saved.
    try {
      // A session exists only once a form needs its CSRF token (see ensure_session), so
      // anonymous visitors and scanners leave no rows behind.
      if (auto s = app.accounts().resume_session(req.cookie(kCookie))) c.session = *s;
      r = route(c);
    } catch (const Unavailable& e) {
      spdlog::warn("database unavailable for {} {}: {}", req.method, req.path.substr(0, 40), e.what());
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
      return text(status, status == 503 ? "Het is even druk. Probeer het zo opnieuw.\n"
                                        : "Er ging iets mis. Probeer het opnieuw.\n");
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
      body += ch.name + ": " + (ch.ok ? "ok" : "FAILED") + (ch.detail.empty() ? "" : " (" + ch.detail + ")") + "\n";
    }
    return text(ok ? 200 : 503, (ok ? "ok\n" : "unhealthy\n") + body);
  }

  Response route(Ctx& c) {
    const Request& req = c.req;
    if (req.bad_encoding) return error_page(c, Error::invalid("error.bad_request"));
    const auto segments = split_path(req.path);
    const RouteDef* found = nullptr;
    bool path_matched = false;
    for (const auto& r : routes) {
      if (r.segments.size() != segments.size() || !matches(r.segments, segments)) continue;
      path_matched = true;
      if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) continue;
      found = &r;
      for (std::size_t i = 0; i < segments.size(); ++i)
        if (r.segments[i] == "{}") c.params.push_back(segments[i]);
      break;
    }
    if (!found) {
      if (path_matched) {
        Response r = error_page(c, Error{ErrorKind::kInvalid, "error.method", {}, {}});
        r.status = 405;
        std::string allow;
        for (const auto& rd : routes)
          if (rd.segments.size() == segments.size() && matches(rd.segments, segments))
            allow += (allow.empty() ? "" : ", ") + rd.method;
        r.set("Allow", allow);
        return r;
      }
      return error_page(c, Error::not_found());
    }
    if (req.method != "GET" && req.method != "HEAD") {
      std::string token = req.form.get("_csrf");
      if (token.empty()) token = req.header("x-csrf-token");
      if (!Accounts::csrf_matches(c.session, token)) {
        Error e{ErrorKind::kForbidden, "error.csrf", {}, {}};
        return error_page(c, e);
      }
    }
    if (found->needs_user && !c.session.user) {
      if (req.is_htmx()) {
        Response r;
        r.status = 401;
        r.set("HX-Redirect", "/login");
        return r;
      }
      return redirect("/login");
    }
    return found->handler(c);
  }
};

Site::Site(App& app, const SiteOptions& options) : impl_(std::make_unique<Impl>(app, options)) {}
Site::~Site() = default;
Response Site::handle(const Request& request) { return impl_->handle(request); }

// --- helpers shared by the page files ---------------------------------------------------------

void ensure_session(Ctx& c) {
  if (!c.session.csrf.empty()) return;
  c.session = c.app.accounts().start_session(c.session.lang.empty() ? "nl" : c.session.lang);
  c.new_cookie = c.session.token;
}

json::array wijk_choices_json(Ctx& c, const std::vector<WijkChoice>& wijken, const std::string& chosen_wijk,
                              const std::string& chosen_buurt, const std::vector<std::string>& chosen_categories) {
  json::array out(c.sp);
  for (const auto& w : wijken) {
    json::object o(c.sp);
    o["id"] = w.wijk.id.value;
    o["name"] = w.wijk.name;
    o["selected"] = chosen_wijk == std::to_string(w.wijk.id.value) || (chosen_wijk.empty() && &w == &wijken.front());
    json::array buurten(c.sp);
    for (const auto& b : w.buurten) {
      json::object bo(c.sp);
      bo["id"] = b.id.value;
      bo["name"] = b.name;
      bo["selected"] = chosen_buurt == std::to_string(b.id.value);
      buurten.push_back(std::move(bo));
    }
    o["buurten"] = std::move(buurten);
    json::array cats(c.sp);
    for (const auto& cat : w.categories) {
      json::object co(c.sp);
      co["id"] = cat.id.value;
      co["label"] = cat.label;
      co["checked"] = std::find(chosen_categories.begin(), chosen_categories.end(), std::to_string(cat.id.value)) !=
                      chosen_categories.end();
      cats.push_back(std::move(co));
    }
    o["categories"] = std::move(cats);
    out.push_back(std::move(o));
  }
  return out;
}

std::string local_path(const std::string& back, const std::string& fallback) {
  // One leading "/" and then not "/" or "\\" (browsers read "/\\host" as "//host"); no control
  // characters or backslashes anywhere, so nothing can break out of the Location header.
  if (back.empty() || back.size() > 2000 || back[0] != '/') return fallback;
  if (back.size() > 1 && (back[1] == '/' || back[1] == '\\')) return fallback;
  for (unsigned char ch : back)
    if (ch < 0x20 || ch == 0x7f || ch == '\\') return fallback;
  return back;
}

std::optional<std::int64_t> parse_id(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

std::vector<std::int64_t> parse_ids(const std::vector<std::string>& v, bool* ok) {
  std::vector<std::int64_t> out;
  *ok = true;
  for (const auto& s : v) {
    if (s.empty()) continue;
    auto id = parse_id(s);
    if (!id) {
      *ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(*id);  // "7" and "07" once
  }
  return out;
}

std::optional<std::int64_t> Ctx::id_param(std::size_t i) const {
  if (i >= params.size()) return std::nullopt;
  return parse_id(params[i]);
}

static json::object layout_model(Ctx& c, const std::string& title) {
  json::object m(c.sp);
  m["title"] = title;
  m["lang"] = c.session.lang;
  m["csrf"] = c.session.csrf;
  // The language switch returns here with a GET, so after a POST it goes to the start page.
  m["path"] = c.req.method == "GET" ? c.req.target : std::string("/");
  m["lang_en"] = c.session.lang == "en";
  if (c.session.user) {
    const User& u = c.user();
    json::object user(c.sp);
    user["name"] = u.display_name;
    user["role"] = role_label(c, u.role);
    m["user"] = std::move(user);
    m["in_overleg"] = works_in_overleg(u.role) && !u.wijken.empty();
    m["reads_overleg"] = Accounts::reads_overleg(u);
    m["reviews_break_glass"] = u.role == Role::kChair || u.role == Role::kAdmin;
    m["is_admin"] = u.role == Role::kAdmin;
    m["is_peer"] = u.role == Role::kPeer;
    m["is_coordinator"] = u.role == Role::kCoordinator;
    m["may_request"] = (u.role == Role::kWijkteam || u.role == Role::kHost) && !u.wijken.empty();
    m["has_inbox"] = u.role != Role::kPeer && u.role != Role::kFunder && u.role != Role::kAdmin;
    m["sees_figures"] = u.role == Role::kFunder;
  }
  return m;
}

Response page(Ctx& c, const std::string& tmpl, json::object model, const std::string& title, int status) {
  model["csrf"] = c.session.csrf;
  model["lang"] = c.session.lang;
  Response r;
  r.status = status;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.body = c.views.render_page(tmpl, model, layout_model(c, title), c.text_lang());
  return r;
}

Response fragment(Ctx& c, const std::string& tmpl, json::object model, int status) {
  model["csrf"] = c.session.csrf;
  model["lang"] = c.session.lang;
  Response r;
  r.status = status;
  r.set("Content-Type", "text/html; charset=utf-8");
  r.body = c.views.render(tmpl, model, c.text_lang());
  return r;
}

int status_for(const Error& e) {
  switch (e.kind) {
    case ErrorKind::kInvalid: return e.message_key == "error.bad_request" ? 400 : 422;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kUnauthenticated: return 401;
    case ErrorKind::kTooMany: return 429;
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

Response error_page(Ctx& c, const Error& e) {
  json::object m;
  m["message"] = c.t(e.message_key, e.detail);
  m["status"] = status_for(e);
  if (c.req.is_htmx()) return fragment(c, "error_fragment", std::move(m), status_for(e));
  return page(c, "error", std::move(m), c.t("error_title"), status_for(e));
}

Response form_result(Ctx& c, const Status& st, const std::string& to,
                     const std::function<Response(json::object extra, int status)>& again) {
  if (st) return redirect(to);
  if (st.error().kind != ErrorKind::kInvalid) return error_page(c, st.error());
  json::object extra;
  extra["error"] = c.t(st.error().message_key, st.error().detail);
  return again(std::move(extra), 422);
}

json::object field_errors(Ctx& c, const Error& e) {
  json::object o;
  o[e.field.empty() ? "form" : e.field] = c.t(e.message_key, e.detail);
  for (const auto& [field, key] : e.fields) o[field.empty() ? "form" : field] = c.t(key, e.detail);
  return o;
}

std::string_view label(const Ctx& c, std::string_view prefix, std::string_view name) {
  char key[96];
  if (prefix.size() + name.size() > sizeof key) return name;
  std::copy(prefix.begin(), prefix.end(), key);
  std::copy(name.begin(), name.end(), key + prefix.size());
  const json::value* text = c.catalogue().if_contains(std::string_view(key, prefix.size() + name.size()));
  return text && text->is_string() ? std::string_view(text->get_string()) : name;
}

std::string state_label(Ctx& c, SignalState s) { return std::string(label(c, "state_", to_string(s))); }
std::string decision_label(Ctx& c, Decision d) { return std::string(label(c, "decision_", to_string(d))); }
std::string role_label(Ctx& c, Role r) { return std::string(label(c, "role_", to_string(r))); }

namespace {

// "man, 50+, Noord 1": what may be said of a resident without identifying them.
void append_resident_description(const Ctx& c, const ResidentView& r, std::string& out) {
  auto part = [&](std::string_view p) {
    if (!out.empty()) out += ", ";
    out.append(p.data(), p.size());
  };
  if (r.gender != "onbekend") part(label(c, "gender_", r.gender));
  if (r.age_band != "onbekend") part(label(c, "age_", r.age_band));
  if (!r.buurt.empty()) part(r.buurt);
  if (out.empty()) out = label(c, "resident_", "no_features");
}

}  // namespace

std::string resident_description(Ctx& c, const ResidentView& r) {
  std::string out;
  append_resident_description(c, r, out);
  return out;
}

json::object signal_row_json(Ctx& c, const SignalRow& row, bool list_only) {
  json::object o(c.sp);
  o.reserve(13);  // the fields below: no regrowth while filling
  const Signal& s = row.signal;
  o["id"] = s.id.value;
  o["code"] = row.resident.code;
  {
    std::string d;
    append_resident_description(c, row.resident, d);
    o["description"] = d;
  }
  o["urgent"] = s.urgent;
  o["state_label"] = label(c, "state_", to_string(s.state));
  o["wijk"] = row.wijk_name;
  o["org"] = row.org_name;
  if (!list_only) {
    o["text"] = s.description;
    o["meldcode"] = s.meldcode;
    o["raised_by"] = row.raised_by_name;
  }
  o["date"] = format_date(s.created_at);
  json::string& cats = o["categories_text"].emplace_string();
  for (const auto& l : row.category_labels) {
    if (!cats.empty()) cats.append(", ");
    cats.append(l);
  }
  return o;
}

json::object identity_json(const Identity& i) {
  json::object o;
  o["name"] = i.name;
  o["address"] = i.address;
  o["phone"] = i.phone;
  o["birth_year"] = i.birth_year;
  o["notes"] = i.notes;
  o["empty"] = i.empty();
  return o;
}

json::object checkin_json(Ctx& c, const CheckinView& v, const std::string& phone) {
  json::object ch(c.sp);
  ch["code"] = v.resident_code;
  ch["request_id"] = v.checkin.request_id.value;
  ch["back_by"] = format_datetime(v.checkin.expected_back);
  ch["overdue"] = v.overdue;
  if (!phone.empty()) ch["phone"] = phone;
  return ch;
}

BrigadeWishes wishes_from(const Params& f, const std::string& prefix) {
  BrigadeWishes w;
  w.safety_aggression = f.has(prefix + "safety_aggression");
  w.safety_dog = f.has(prefix + "safety_dog");
  w.safety_addiction = f.has(prefix + "safety_addiction");
  w.pair_advised = f.has(prefix + "pair_advised");
  w.safety_notes = f.get(prefix + "safety_notes");
  w.pref_language = f.get(prefix + "pref_language");
  w.pref_gender = f.get(prefix + "pref_gender");
  w.pref_theme = f.get(prefix + "pref_theme");
  return w;
}

json::object action_json(Ctx& c, const ActionView& a) {
  json::object o(c.sp);
  o["id"] = a.action.id.value;
  o["signal_id"] = a.action.signal_id.value;
  o["decision"] = decision_label(c, a.action.decision);
  o["owner"] = a.owner_name;
  o["due"] = a.action.due_date;
  o["overdue"] = a.action.state == ActionState::kOpen && !a.action.due_date.empty() &&
                 a.action.due_date < format_date(c.app.now());
  o["open"] = a.action.state == ActionState::kOpen;
  o["state_label"] = c.t("action_" + std::string(to_string(a.action.state)));
  o["note"] = a.action.note;
  o["code"] = a.resident_code;
  o["wijk"] = a.wijk_name;
  if (a.identity) o["identity"] = identity_json(*a.identity);
  return o;
}

json::object meeting_summary_json(Ctx& c, const MeetingSummary& m) {
  json::object o(c.sp);
  o["id"] = m.meeting.id.value;
  o["when"] = format_datetime(m.meeting.starts_at);
  o["place"] = m.meeting.place;
  o["wijk"] = m.wijk_name;
  o["items"] = m.items;
  o["held"] = m.meeting.held;
  o["may_chair"] = m.may_chair;
  return o;
}

}  // namespace meedoen::web
