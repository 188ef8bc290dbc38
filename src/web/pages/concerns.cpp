// A host passes on that a visitor is not doing well (/centrum/{id}/zorg): what the visitor
// shared, to the brigade or the overleg, with or without the visitor's consent; or a known
// visitor's call-back. The day page follows what became of it (concerns_day_json), and a host
// ticks a call-back off when it is made (/terugbellen/{id}/gedaan).
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

constexpr const char* kRoutes[] = {"brigade", "overleg", "call_back"};

NewConcern concern_form(const Params& f) {
  NewConcern in;
  in.route = f.get("route");
  in.text = f.get("text");
  if (const auto v = parse_id(f.get("visitor"))) in.visitor = VisitorId(*v);
  in.consent = f.get("consent") == "1";
  in.given_by = f.get("given_by");
  in.form = f.get("consent_form");
  return in;
}

Response render_form(Ctx& c, CentreId centre, json::object extra, int status) {
  auto f = c.app.concerns().form(c.user(), centre);
  if (!f) return error_page(c, f.error());
  json::object m = std::move(extra);
  std::string route, visitor;
  if (const auto* v = m.if_contains("v")) {
    route = std::string(v->as_object().at("route").as_string());
    visitor = std::string(v->as_object().at("visitor").as_string());
  }
  m["centre"] = json::object{{"id", f->centre.id.value}, {"name", f->centre.name}};
  m["routes"] = options(c, labels::kConcernRoutes, codes(kRoutes), {route});
  json::array visitors;
  for (const auto& k : f->visitors)
    visitors.push_back(json::object{{"id", k.visitor.id.value},
                                    {"name", k.visitor.name},
                                    {"selected", std::to_string(k.visitor.id.value) == visitor}});
  m["has_visitors"] = !visitors.empty();
  m["visitors"] = std::move(visitors);
  consent_choices(c, m);
  m["consent_text"] = c.t("consent_pass_on_text");
  m["consent_yes"] = c.t("visitor_consent_yes");
  return page(c, "concerns/new", std::move(m), c.t("concern_title") + " · " + f->centre.name,
              status);
}

std::string progress_text(Ctx& c, const ConcernView& v) {
  const std::string& lang = c.text_lang();
  const std::string date = v.progress_day > 0 ? long_date(c, v.progress_day) : "";
  switch (v.progress) {
    case ConcernProgress::kVisited:
      return c.views.message_with(lang, "concern_progress_visited", {{"date", date}});
    case ConcernProgress::kOnAgenda:
      return c.views.message_with(lang, "concern_progress_on_agenda", {{"date", date}});
    default:
      return std::string(label(c, labels::kConcernProgress, to_string(v.progress)));
  }
}

}  // namespace

json::object concerns_day_json(Ctx& c, CentreId centre, std::vector<RequestId>* requests) {
  json::object m;
  auto all = c.app.concerns().of_centre(c.user(), centre);
  if (!all) return m;
  json::array call_backs, passed;
  for (const auto& v : all->call_backs)
    call_backs.push_back(json::object{{"id", v.concern.id.value},
                                      {"name", v.visitor_name},
                                      {"date", long_date(c, local_days(v.concern.created_at))},
                                      {"note", v.concern.note}});
  for (const auto& v : all->passed_on) {
    if (v.concern.request.valid()) requests->push_back(v.concern.request);
    passed.push_back(json::object{
        {"code", v.resident_code},
        {"name", v.visitor_name},
        {"date", long_date(c, local_days(v.concern.created_at))},
        {"route", std::string(label(c, labels::kConcernRoutes, to_string(v.concern.route)))},
        {"state", progress_text(c, v)}});
  }
  m["has_call_backs"] = !call_backs.empty();
  m["call_backs"] = std::move(call_backs);
  m["has_passed_on"] = !passed.empty();
  m["passed_on"] = std::move(passed);
  return m;
}

Response concern_page(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  return render_form(c, CentreId(*id), {}, 200);
}

Response concern_create(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  const NewConcern in = concern_form(c.req.form);
  auto done = c.app.concerns().pass_on(c.user(), CentreId(*id), in);
  if (done) {
    const char* saved = done->route == ConcernRoute::kCallBack ? "terugbellen"
                        : done->meldcode                       ? "doorgegeven_meldcode"
                                                               : "doorgegeven";
    return redirect("/centrum/" + std::to_string(*id) + "?opgeslagen=" + saved);
  }
  const auto& e = done.error();
  if (e.kind != ErrorKind::kInvalid) return error_page(c, e);
  json::object extra;
  extra["error"] = c.t(e.message_key);
  extra["errors"] = field_errors(c, e);
  extra["v"] = json::object{
      {"route", in.route},     {"text", in.text},         {"visitor", c.req.form.get("visitor")},
      {"consent", in.consent}, {"given_by", in.given_by}, {"form", in.form}};
  return render_form(c, CentreId(*id), std::move(extra), 422);
}

Response concern_call_back_done(Ctx& c) {
  const auto id = c.id_param(0);
  if (!id) return error_page(c, Error::not_found());
  auto centre = c.app.concerns().call_back_done(c.user(), ConcernId(*id));
  if (!centre) return error_page(c, centre.error());
  return redirect("/centrum/" + std::to_string(centre->value) + "?opgeslagen=teruggebeld");
}

}  // namespace meedoen::web
