// One occurrence of an activity. For its hosts (/activiteiten/{id}/keer/{date}): the sign-up list
// with the waiting list, a name written down or struck off, and afterwards how many came. For
// anyone: signing up on the public page with a first name or nickname (…/aanmelden/{date}), and
// the visitor's own link to see their place and cancel (/aanmelding/{token}). The public never
// sees a name; the link's page shows only the visitor's own.
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

std::string occurrence_url(ActivityId id, std::int64_t day) {
  return "/activiteiten/" + std::to_string(id.value) + "/keer/" + format_days(day);
}

json::object occurrence_json(Ctx& c, const Activity& a, const Centre& centre, const Occurrence& o) {
  json::object m;
  m["activity"] = json::object{{"id", a.id.value}, {"title", a.title}};
  m["centre"] = json::object{{"id", centre.id.value}, {"name", centre.name}};
  m["date"] = long_date(c, local_days(o.start));
  m["iso_date"] = format_days(o.day);
  m["from"] = format_datetime(o.start).substr(11);
  m["to"] = format_datetime(o.end).substr(11);
  m["datetime"] = format_datetime_input(o.start);
  m["cancelled"] = o.cancelled;
  m["moved"] = o.moved;
  const Room* room = centre.room(a.room_id);
  m["room"] = room ? room->name : std::string();
  if (a.capacity > 0) m["capacity"] = c.plural("places_n", a.capacity);
  return m;
}

Response render_host(Ctx& c, ActivityId id, const std::string& date, json::object extra,
                     int status) {
  auto h = c.app.occurrences().for_host(c.user(), id, date);
  if (!h) return error_page(c, h.error());
  json::object m = occurrence_json(c, h->activity, h->centre, h->occurrence);
  for (auto& [k, v] : extra) m[k] = v;
  m["url"] = occurrence_url(id, h->occurrence.day);
  m["signup"] = h->activity.signup;
  m["open"] = h->open;
  m["begun"] = h->begun;
  json::array placed, waiting, cancelled;
  for (const auto& p : h->places) {
    json::object o{{"id", p.signup->id.value},
                   {"name", p.signup->name},
                   {"online", p.signup->by.value == 0},
                   {"waiting", p.waiting}};
    (p.has_place ? placed : waiting).push_back(std::move(o));
  }
  for (const auto& s : h->signups)
    if (s.cancelled_at != 0) cancelled.push_back(json::object{{"name", s.name}});
  m["count_line"] = h->activity.capacity > 0
                        ? c.t("signups_count_of", std::to_string(placed.size()) + "/" +
                                                      std::to_string(h->activity.capacity))
                        : c.plural("signups_n", static_cast<int>(placed.size()));
  m["has_placed"] = !placed.empty();
  m["placed"] = std::move(placed);
  m["has_waiting"] = !waiting.empty();
  m["waiting"] = std::move(waiting);
  m["has_cancelled"] = !cancelled.empty();
  m["cancelled_signups"] = std::move(cancelled);
  m["full"] = h->room == 0;
  if (h->headcount) {
    m["headcount"] = h->headcount->count;
    m["headcount_line"] = c.plural("headcount_n", h->headcount->count);
  }
  // The known visitors to tick: those of the count, or of the form sent back with a problem.
  const bool sent = c.req.method == "POST" && c.req.path.ends_with("/opkomst");
  const auto ticked = c.req.form.all("visitor");
  json::array known, came;
  for (const auto& k : h->known) {
    const auto& v = k.visitor;
    const bool in_count =
        h->headcount && std::find(h->headcount->visitors.begin(), h->headcount->visitors.end(),
                                  v.id) != h->headcount->visitors.end();
    const bool checked =
        sent ? std::find(ticked.begin(), ticked.end(), std::to_string(v.id.value)) != ticked.end()
             : in_count;
    if (in_count) came.push_back(json::value(v.name));
    known.push_back(json::object{{"id", v.id.value}, {"name", v.name}, {"checked", checked}});
  }
  m["has_known"] = !known.empty();
  m["known"] = std::move(known);
  if (!came.empty()) {
    std::string names;
    for (const auto& n : came) names += (names.empty() ? "" : ", ") + std::string(n.as_string());
    m["came_line"] = c.t("headcount_known", names);
  }
  if (!m.contains("v")) {
    json::object v;
    if (h->headcount) v["count"] = std::to_string(h->headcount->count);
    m["v"] = std::move(v);
  }
  m["saved_text"] = saved_text(c);
  return page(c, "occurrences/host", std::move(m),
              h->activity.title + " · " + long_date(c, local_days(h->occurrence.start)), status);
}

// After a host's change: back to the occurrence with what was saved, or the page again with the
// problem.
Response after_host(Ctx& c, const Result<HostSignup>& done, ActivityId id, const std::string& date,
                    const char* field) {
  if (done) {
    const char* saved = "opkomst";
    if (std::string(field) == "name") saved = done->has_place ? "aangemeld" : "wachtlijst";
    if (std::string(field) == "strike") saved = "doorgehaald";
    return redirect(occurrence_url(done->activity, done->day) + "?opgeslagen=" + saved);
  }
  const auto& e = done.error();
  if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return error_page(c, e);
  json::object extra;
  extra["error"] = c.t(e.message_key);
  extra["errors"] = field_errors(c, e);
  extra["v"] = json::object{{"name", c.req.form.get("name")}, {"count", c.req.form.get("count")}};
  return render_host(c, id, date, std::move(extra), e.kind == ErrorKind::kConflict ? 409 : 422);
}

std::optional<ActivityId> activity_param(Ctx& c) {
  if (c.params.empty()) return std::nullopt;
  const auto id = parse_id(c.params[0]);
  if (!id) return std::nullopt;
  return ActivityId(*id);
}

}  // namespace

Response occurrence_page(Ctx& c) {
  const auto id = activity_param(c);
  if (!id || c.params.size() < 2) return error_page(c, Error::not_found());
  return render_host(c, *id, c.params[1], {}, 200);
}

Response occurrence_add(Ctx& c) {
  const auto id = activity_param(c);
  if (!id || c.params.size() < 2) return error_page(c, Error::not_found());
  auto done = c.app.occurrences().add(c.user(), *id, c.params[1], c.req.form.get("name"));
  return after_host(c, done, *id, c.params[1], "name");
}

Response occurrence_headcount(Ctx& c) {
  const auto id = activity_param(c);
  if (!id || c.params.size() < 2) return error_page(c, Error::not_found());
  bool ok = true;
  std::vector<VisitorId> visitors;
  for (const auto v : parse_ids(c.req.form.all("visitor"), &ok)) visitors.emplace_back(v);
  if (!ok)
    return after_host(c, Error::invalid("error.invalid_choice", "visitors"), *id, c.params[1],
                      "count");
  auto done = c.app.occurrences().record_attendance(c.user(), *id, c.params[1],
                                                    c.req.form.get("count"), visitors);
  return after_host(c, done, *id, c.params[1], "count");
}

Response signup_strike(Ctx& c) {
  const auto id = c.params.empty() ? std::nullopt : parse_id(c.params[0]);
  if (!id) return error_page(c, Error::not_found());
  auto done = c.app.occurrences().strike(c.user(), SignupId(*id));
  if (!done) return error_page(c, done.error());
  return redirect(occurrence_url(done->activity, done->day) + "?opgeslagen=doorgehaald");
}

// --- for anyone ---

namespace {

json::object public_json(Ctx& c, const PublicOccurrence& p) {
  json::object m = occurrence_json(c, p.activity, p.centre, p.occurrence);
  m["open"] = p.open;
  const int left = p.places_left();
  m["unlimited"] = left < 0;
  m["full"] = left == 0;
  if (left > 0) m["places_left"] = c.plural("places_left_n", left);
  return m;
}

Response render_signup(Ctx& c, ActivityId id, const std::string& date, json::object extra,
                       int status) {
  ensure_session(c);  // the form needs a CSRF token
  auto p = c.app.occurrences().public_occurrence(id, date);
  if (!p || (!c.params.empty() && c.params[0] != std::to_string(p->centre.id.value)))
    return error_page(c, p ? Error::not_found() : p.error());
  json::object m = public_json(c, *p);
  for (auto& [k, v] : extra) m[k] = v;
  return page(c, "occurrences/signup", std::move(m),
              c.t("signup_title") + " · " + p->activity.title, status);
}

Response render_link(Ctx& c, const std::string& token, json::object extra, int status) {
  ensure_session(c);
  auto st = c.app.occurrences().by_token(token);
  if (!st) {
    json::object m;
    m["gone"] = true;
    Response r = page(c, "occurrences/link", std::move(m), c.t("signup_link_title"), 404);
    r.set("Referrer-Policy", "no-referrer");
    return r;
  }
  json::object m = public_json(c, st->occurrence);
  for (auto& [k, v] : extra) m[k] = v;
  m["token"] = token;
  m["name"] = st->signup.name;
  m["cancelled_signup"] = st->signup.cancelled_at != 0;
  m["has_place"] = st->has_place && st->signup.cancelled_at == 0;
  m["waiting"] = st->waiting;
  m["may_cancel"] = st->may_cancel;
  Response r = page(c, "occurrences/link", std::move(m), c.t("signup_link_title"), status);
  r.set("Referrer-Policy", "no-referrer");
  return r;
}

}  // namespace

Response public_signup_page(Ctx& c) {
  if (c.params.size() < 3) return error_page(c, Error::not_found());
  const auto id = parse_id(c.params[1]);
  if (!id) return error_page(c, Error::not_found());
  return render_signup(c, ActivityId(*id), c.params[2], {}, 200);
}

Response public_signup(Ctx& c) {
  if (c.params.size() < 3) return error_page(c, Error::not_found());
  const auto id = parse_id(c.params[1]);
  if (!id) return error_page(c, Error::not_found());
  {
    // The centre in the path must be the activity's, as for the page.
    auto p = c.app.occurrences().public_occurrence(ActivityId(*id), c.params[2]);
    if (!p || c.params[0] != std::to_string(p->centre.id.value))
      return error_page(c, Error::not_found());
  }
  auto st =
      c.app.occurrences().sign_up(ActivityId(*id), c.params[2], c.req.form.get("name"), c.client);
  if (st) return redirect("/aanmelding/" + st->token + "?nieuw=1");
  const auto& e = st.error();
  if (e.kind == ErrorKind::kNotFound) return error_page(c, e);
  json::object extra;
  extra["error"] = c.t(e.message_key);
  extra["errors"] = field_errors(c, e);
  extra["v"] = json::object{{"name", c.req.form.get("name")}};
  const int status = e.kind == ErrorKind::kTooMany    ? 429
                     : e.kind == ErrorKind::kConflict ? 409
                                                      : 422;
  return render_signup(c, ActivityId(*id), c.params[2], std::move(extra), status);
}

Response signup_link_page(Ctx& c) {
  if (c.params.empty()) return error_page(c, Error::not_found());
  json::object extra;
  extra["new"] = c.req.query.get("nieuw") == "1";
  return render_link(c, c.params[0], std::move(extra), 200);
}

Response signup_link_cancel(Ctx& c) {
  if (c.params.empty()) return error_page(c, Error::not_found());
  const std::string token = c.params[0];
  auto st = c.app.occurrences().cancel_by_token(token);
  if (st) return redirect("/aanmelding/" + token);
  if (st.error().kind == ErrorKind::kNotFound) return render_link(c, token, {}, 404);
  json::object extra;
  extra["error"] = c.t(st.error().message_key);
  return render_link(c, token, std::move(extra), 409);
}

}  // namespace meedoen::web
