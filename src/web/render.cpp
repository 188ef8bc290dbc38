#include "web/render.hpp"

#include <algorithm>

#include "app/app.hpp"

namespace meedoen::web {

static json::object layout_model(Ctx& c, const std::string& title) {
  json::object m(c.sp);
  m["title"] = title;
  m["lang"] = c.session.lang;
  m["csrf"] = c.session.csrf;
  // The language switch returns here with a GET, so after a POST it goes to the start page.
  m["path"] = c.req.method == "GET" ? c.req.target : std::string("/");
  // The language switch offers every other language that has a catalogue.
  json::array languages(c.sp);
  for (const auto& l : c.views.languages()) {
    if (l.code == c.session.lang) continue;
    json::object lo(c.sp);
    lo["code"] = l.code;
    lo["name"] = l.name;
    languages.push_back(std::move(lo));
  }
  m["languages"] = std::move(languages);
  if (c.session.user) {
    const User& u = c.user();
    json::object user(c.sp);
    user["name"] = u.display_name;
    user["role"] = role_label(c, u.role);
    m["user"] = std::move(user);
    // The menu shows what the access policy allows; it decides nothing itself.
    const Capabilities& may = c.may();
    m["in_overleg"] = may.in_overleg;
    m["reads_overleg"] = may.reads_overleg;
    m["reviews_break_glass"] = may.reviews_break_glass;
    m["is_admin"] = may.administers;
    m["is_peer"] = may.works_as_peer;
    m["is_coordinator"] = may.coordinates_brigade;
    m["may_request"] = may.asks_brigade;
    m["has_inbox"] = may.has_referral_inbox;
    m["sees_figures"] = may.sees_city_figures;
    m["hosts_centre"] = may.counts_at_centre;
  }
  return m;
}

Response page(Ctx& c, const std::string& tmpl, json::object model, const std::string& title,
              int status) {
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
    case ErrorKind::kInvalid:
      return e.message_key == "error.bad_request" ? 400 : 422;
    case ErrorKind::kNotFound:
      return 404;
    case ErrorKind::kForbidden:
      return 403;
    case ErrorKind::kConflict:
      return 409;
    case ErrorKind::kUnauthenticated:
      return 401;
    case ErrorKind::kTooMany:
      return 429;
    case ErrorKind::kInternal:
      return 500;
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

std::string_view label(const Ctx& c, Labels table, std::string_view code) {
  const std::string_view key = label_key(table, code);
  if (key.empty()) return code;
  const json::value* text = c.catalogue().if_contains(key);
  return text && text->is_string() ? std::string_view(text->get_string()) : code;
}

std::string state_label(Ctx& c, SignalState s) {
  return std::string(label(c, labels::kSignalStates, to_string(s)));
}

std::string decision_label(Ctx& c, Decision d) {
  return std::string(label(c, labels::kDecisions, to_string(d)));
}

std::string role_label(Ctx& c, Role r) {
  return std::string(label(c, labels::kRoles, to_string(r)));
}

json::array options(Ctx& c, Labels table, const std::vector<std::string>& codes,
                    const std::vector<std::string>& selected) {
  json::array out;
  for (const auto& code : codes) {
    json::object o;
    o["value"] = code;
    o["label"] = label(c, table, code);
    o["selected"] = std::find(selected.begin(), selected.end(), code) != selected.end();
    out.push_back(o);
  }
  return out;
}

std::string saved_text(Ctx& c) {
  const std::string_view key = label_key(labels::kSaved, c.req.query.get("opgeslagen"));
  return key.empty() ? std::string() : c.t(std::string(key));
}

}  // namespace meedoen::web
