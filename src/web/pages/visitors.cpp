// The known visitors of a centre, for its hosts: the list with a form to make someone known under
// their consent (/centrum/{id}/bezoekers), one visitor with their visits and consent
// (/bezoekers/{id}), the check-in from the day page (two taps: open the list, tap the name), and
// the withdrawal of the consent, after which the name is gone.
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

std::string visitors_url(CentreId id) {
  return "/centrum/" + std::to_string(id.value) + "/bezoekers";
}

json::object visitor_json(Ctx& c, const VisitorVisits& v) {
  json::object o;
  o["id"] = v.visitor.id.value;
  o["name"] = v.visitor.name;
  o["in_today"] = v.in_today;
  o["visits"] = c.plural("visitor_visits_n", v.visits);
  if (v.activities > 0) o["activities"] = c.plural("visitor_activities_n", v.activities);
  if (v.last_day > 0) o["last"] = long_date(c, v.last_day);
  if (v.first_day > 0) o["first"] = long_date(c, v.first_day);
  return o;
}

// The form that makes someone known (name and consent), as sent.
NewVisitor visitor_form(const Params& f) {
  NewVisitor in;
  in.name = f.get("name");
  in.consent = f.get("consent") == "1";
  in.given_by = f.get("given_by");
  in.form = f.get("consent_form");
  return in;
}

// The model of a form sent back with its problems: the message, each field's, and what was sent.
json::object form_problems(Ctx& c, const Error& e, const NewVisitor& in) {
  json::object extra;
  extra["error"] = c.t(e.message_key);
  extra["errors"] = field_errors(c, e);
  extra["v"] = json::object{{"name", in.name},
                            {"consent", in.consent},
                            {"centre", c.req.form.get("centre")},
                            {"given_by", in.given_by},
                            {"form", in.form}};
  return extra;
}

Response render_list(Ctx& c, CentreId centre, json::object extra, int status) {
  auto k = c.app.visitors().known(c.user(), centre);
  if (!k) return error_page(c, k.error());
  json::object m = std::move(extra);
  m["centre"] = json::object{{"id", k->centre.id.value}, {"name", k->centre.name}};
  json::array list;
  for (const auto& v : k->visitors) list.push_back(visitor_json(c, v));
  m["has_visitors"] = !list.empty();
  m["visitors"] = std::move(list);
  consent_choices(c, m);
  m["consent_text"] = c.t("consent_centre_known_text");
  m["consent_yes"] = c.t("visitor_consent_yes");
  m["saved_text"] = saved_text(c);
  return page(c, "visitors/list", std::move(m), c.t("visitors_title") + " · " + k->centre.name,
              status);
}

}  // namespace

Response visitors_page(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  return render_list(c, CentreId(*id), {}, 200);
}

Response visitor_create(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  const NewVisitor in = visitor_form(c.req.form);
  auto done = c.app.visitors().make_known(c.user(), CentreId(*id), in);
  if (done) return redirect("/bezoekers/" + std::to_string(done->value) + "?opgeslagen=bekend");
  const auto& e = done.error();
  if (e.kind != ErrorKind::kInvalid) return error_page(c, e);
  return render_list(c, CentreId(*id), form_problems(c, e, in), 422);
}

Response visitor_page(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  auto r = c.app.visitors().get(c.user(), VisitorId(*id));
  if (!r) return error_page(c, r.error());
  json::object m;
  m["centre"] = json::object{{"id", r->centre.id.value}, {"name", r->centre.name}};
  m["visitor"] = visitor_json(c, r->visits);
  json::array consents;
  const std::string& lang = c.text_lang();
  for (const auto& k : r->consents) {
    json::object o;
    o["purpose"] = std::string(label(c, labels::kConsentPurposes, to_string(k.purpose)));
    o["given"] = c.views.message_with(
        lang, "consent_given_line",
        {{"date", long_date(c, local_days(k.given_at))},
         {"by", std::string(label(c, labels::kConsentGivers, k.given_by))},
         {"form", std::string(label(c, labels::kConsentForms, to_string(k.form)))}});
    if (k.withdrawn_at != 0) o["withdrawn"] = long_date(c, local_days(k.withdrawn_at));
    o["in_force"] = k.in_force();
    consents.push_back(std::move(o));
  }
  m["consents"] = std::move(consents);
  // Participation over time: per month "november 2026", with the gaps between.
  json::array months;
  for (const auto& mo : r->months) {
    const std::string month = std::to_string(std::stoi(mo.month.substr(5, 2)));
    months.push_back(json::object{
        {"month", std::string(label(c, labels::kMonths, month)) + " " + mo.month.substr(0, 4)},
        {"visits", mo.visits},
        {"activities", mo.activities}});
  }
  m["has_months"] = !months.empty();
  m["months"] = std::move(months);
  m["ladder"] = participation_summary_json(c, r->visits.visitor.id);
  m["saved_text"] = saved_text(c);
  return page(c, "visitors/visitor", std::move(m), r->visits.visitor.name);
}

Response visitor_check_in(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  auto done = c.app.visitors().check_in(c.user(), VisitorId(*id), c.req.form.get("key"),
                                        c.req.form.get("part"), c.req.form.get("day"));
  if (!done) return error_page(c, done.error());
  const auto centre = done->visitor.visitor.centre_id;
  if (c.req.is_htmx())
    return tally_fragment(c, centre, c.t(done->already ? "saved_al_binnen" : "saved_binnen"));
  return redirect("/centrum/" + std::to_string(centre.value) +
                  "?opgeslagen=" + (done->already ? "al_binnen" : "binnen"));
}

Response visitor_withdraw(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  auto centre = c.app.visitors().withdraw(c.user(), VisitorId(*id));
  if (!centre) return error_page(c, centre.error());
  return redirect(visitors_url(*centre) + "?opgeslagen=vergeten");
}

// --- from a brigade request: the peer who came along makes the resident known ---

namespace {

Response render_from_request(Ctx& c, RequestId id, json::object extra, int status) {
  auto link = c.app.visitors().for_request(c.user(), id);
  if (!link) return error_page(c, link.error());
  if (!link->may_link) return error_page(c, Error::forbidden());
  json::object m = std::move(extra);
  m["request_id"] = id.value;
  std::string chosen;
  if (const auto* v = m.if_contains("v"))
    chosen = std::string(v->as_object().at("centre").as_string());
  json::array centres;
  for (const auto& ce : link->centres)
    centres.push_back(json::object{{"id", ce.id.value},
                                   {"name", ce.name},
                                   {"selected", std::to_string(ce.id.value) == chosen}});
  m["has_centres"] = !centres.empty();
  m["centres"] = std::move(centres);
  consent_choices(c, m);
  m["consent_text"] = c.t("consent_brigade_link_text");
  m["consent_yes"] = c.t("centre_link_consent_yes");
  return page(c, "visitors/from_request", std::move(m), c.t("centre_link_title"), status);
}

}  // namespace

Response visitor_from_request_page(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  return render_from_request(c, RequestId(*id), {}, 200);
}

Response visitor_from_request(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  const NewVisitor in = visitor_form(c.req.form);
  const auto centre = parse_id(c.req.form.get("centre"));
  auto done =
      c.app.visitors().from_request(c.user(), RequestId(*id), CentreId(centre.value_or(0)), in);
  if (done) return redirect("/verzoeken/" + std::to_string(*id) + "?opgeslagen=bekend_centrum");
  const auto& e = done.error();
  if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return error_page(c, e);
  return render_from_request(c, RequestId(*id), form_problems(c, e, in),
                             e.kind == ErrorKind::kConflict ? 409 : 422);
}

json::object request_centre_json(Ctx& c, RequestId id) {
  json::object m;
  auto link = c.app.visitors().for_request(c.user(), id);
  if (!link) return m;
  m["may_link"] = link->may_link && !link->visitor && !link->centres.empty();
  if (link->visitor) {
    const auto& v = *link->visitor;
    const std::string& lang = c.text_lang();
    m["linked"] = c.views.message_with(lang, "centre_link_known",
                                       {{"centre", link->centre_name}, {"name", v.visitor.name}});
    m["visits"] = c.plural("visitor_visits_n", v.visits);
    if (v.first_day > 0) m["first"] = long_date(c, v.first_day);
  }
  return m;
}

void consent_choices(Ctx& c, json::object& m) {
  std::string giver = "resident", form = "verbal";
  if (const auto* v = m.if_contains("v")) {
    giver = std::string(v->as_object().at("given_by").as_string());
    form = std::string(v->as_object().at("form").as_string());
  }
  m["givers"] = options(c, labels::kConsentGivers, codes(kConsentGivers), {giver});
  m["forms"] = options(c, labels::kConsentForms, {"verbal", "written"}, {form});
}

}  // namespace meedoen::web
