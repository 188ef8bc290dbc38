#include "web/api.hpp"

#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <optional>

#include "app/app.hpp"
#include "web/forms.hpp"
#include "web/render.hpp"

namespace meedoen::web {
namespace {

// "Bearer <secret>" (the scheme in any case, RFC 7235); "" without one.
std::string bearer(const Request& req) {
  const std::string h = req.header("authorization");
  if (h.size() < 8) return {};
  std::string scheme = h.substr(0, 7);
  for (auto& ch : scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (scheme != "bearer ") return {};
  auto b = h.find_first_not_of(' ', 7);
  return b == std::string::npos ? std::string() : h.substr(b);
}

std::string what(const Ctx& c) { return c.req.method + " " + c.req.path; }

Response failed(const Ctx& c, const Error& e) {
  Response r = api_problem(c, status_for(e), e.message_key);
  if (e.kind == ErrorKind::kUnauthenticated)
    r.set("WWW-Authenticate", "Bearer realm=\"meedoen\", error=\"invalid_token\"");
  if (e.kind == ErrorKind::kForbidden)
    r.set("WWW-Authenticate", "Bearer realm=\"meedoen\", error=\"insufficient_scope\"");
  return r;
}

json::object wijk_ref(const Wijk& w) {
  json::object o;
  o["id"] = w.id.value;
  o["naam"] = w.name;
  return o;
}

// A count as published: the number, or null with its text ("<5", "–") when it is hidden.
json::object count(const std::string& shown) {
  json::object o;
  char* end = nullptr;
  const long long n = std::strtoll(shown.c_str(), &end, 10);
  const bool number = !shown.empty() && end && *end == '\0';
  if (number)
    o["aantal"] = n;
  else
    o["aantal"] = nullptr;
  o["weergave"] = shown;
  return o;
}

json::object funnel(const FunnelMonth& fm, bool with_month) {
  static const char* kNames[] = {"verzoeken",  "bezocht",      "contact",        "meegekomen",
                                 "ingecheckt", "doorverwezen", "intakeBevestigd"};
  json::object o;
  if (fm.wijk_id.valid()) {
    json::object w;
    w["id"] = fm.wijk_id.value;
    w["naam"] = fm.wijk;
    o["wijk"] = std::move(w);
  } else {
    o["wijk"] = nullptr;
  }
  if (with_month) o["maand"] = fm.month;
  json::object steps;
  for (std::size_t i = 0; i < fm.steps.size() && i < std::size(kNames); ++i)
    steps[kNames[i]] = count(fm.steps[i].second);
  o["stappen"] = std::move(steps);
  if (fm.median_days.empty())
    o["medianeDagenTotContact"] = nullptr;
  else
    o["medianeDagenTotContact"] = std::strtod(fm.median_days.c_str(), nullptr);
  return o;
}

Response wijken(Ctx& c) {
  auto r = c.app.api().wijken(bearer(c.req), what(c));
  if (!r) return failed(c, r.error());
  json::array list;
  for (const auto& w : *r) list.push_back(wijk_ref(w));
  json::object body;
  body["wijken"] = std::move(list);
  return api_json(200, body);
}

Response signal_figures(Ctx& c) {
  auto r = c.app.api().signal_figures(bearer(c.req), what(c));
  if (!r) return failed(c, r.error());
  json::array list;
  for (const auto& f : *r) {
    json::object o;
    o["wijk"] = wijk_ref(f.wijk);
    o["open"] = count(f.open);
    o["totaal"] = count(f.all);
    list.push_back(std::move(o));
  }
  json::object body;
  body["drempel"] = Api::small_number_threshold();
  body["wijken"] = std::move(list);
  return api_json(200, body);
}

// ?maanden=1..24, 6 when not given; nothing for anything else.
std::optional<int> months_param(Ctx& c) {
  const auto& q = c.req.query.get("maanden");
  if (q.empty()) return 6;
  auto n = parse_id(q);
  if (!n || *n > 24) return std::nullopt;
  return static_cast<int>(*n);
}

// A centre's row: the centre, the month (per month only), and its counts by their API names, in
// the order of app/figures_centres.cpp.
json::object centre_row(const CentreFigureRow& r, bool with_month) {
  static const char* kNames[] = {
      "bezoeken",      "ochtend",      "middag",           "avond",
      "eersteKeer",    "metDeBrigade", "bekendIngecheckt", "activiteiten",
      "doorBezoekers", "deelnemers",   "treedeOmhoog"};
  json::object o;
  o["centrum"] = json::object{{"id", r.centre.value}, {"naam", r.centre_name}};
  if (with_month) o["maand"] = r.month;
  json::object cells;
  for (std::size_t i = 0; i < r.cells.size() && i < std::size(kNames); ++i)
    cells[kNames[i]] = count(r.cells[i].second);
  o["aantallen"] = std::move(cells);
  return o;
}

// Figures per month and their totals, as /cijfers/brigade and /cijfers/centra answer them;
// `row(x, with_month)` writes one row.
template <class Figures, class Row>
json::object per_month_body(const Figures& f, Row row) {
  json::array rows, totals;
  for (const auto& x : f.rows) rows.push_back(row(x, true));
  for (const auto& x : f.totals) totals.push_back(row(x, false));
  json::object body;
  body["maanden"] = f.months;
  body["drempel"] = Api::small_number_threshold();
  body["perMaand"] = std::move(rows);
  body["totalen"] = std::move(totals);
  return body;
}

Response centre_figures(Ctx& c) {
  const auto months = months_param(c);
  if (!months) return api_problem(c, 400, "error.api.months");
  auto r = c.app.api().centre_figures(bearer(c.req), *months, what(c));
  if (!r) return failed(c, r.error());
  return api_json(200, per_month_body(*r, centre_row));
}

Response brigade_figures(Ctx& c) {
  const auto months = months_param(c);
  if (!months) return api_problem(c, 400, "error.api.months");
  auto r = c.app.api().brigade_figures(bearer(c.req), *months, what(c));
  if (!r) return failed(c, r.error());
  return api_json(200, per_month_body(*r, funnel));
}

}  // namespace

void add_api_routes(Router& r) {
  r.add("GET", "/api/v1/wijken", false, wijken);
  r.add("GET", "/api/v1/cijfers/signalen", false, signal_figures);
  r.add("GET", "/api/v1/cijfers/brigade", false, brigade_figures);
  r.add("GET", "/api/v1/cijfers/centra", false, centre_figures);
}

Response api_json(int status, const json::value& body) {
  Response r;
  r.status = status;
  r.set("Content-Type", "application/json");
  r.set("API-Version", kApiVersion);
  r.set("Cache-Control", "no-store");
  r.body = json::serialize(body);
  return r;
}

Response api_problem(const Ctx& c, int status, const std::string& key) {
  json::object p;
  p["type"] = "about:blank";
  p["title"] = c.views.message("nl", key);
  p["status"] = status;
  Response r = api_json(status, p);
  r.set("Content-Type", "application/problem+json");
  return r;
}

}  // namespace meedoen::web
