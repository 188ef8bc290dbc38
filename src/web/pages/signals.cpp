// Signal pages: the list with filters, the raise form (with the meldcode steps when they apply),
// the detail page with its timeline, break-the-glass, closing and the meldcode track.
#include "web/pages/pages.hpp"

namespace meedoen::web {

namespace {

json::object form_values(const Request& req) {
  json::object v;
  for (const char* f : {"wijk", "buurt", "resident_code", "gender", "age_band", "name", "address",
                        "phone", "birth_year", "notes", "description"})
    v[f] = req.form.get(f);
  v["urgent"] = req.form.has("urgent");
  return v;
}

Response render_form(Ctx& c, json::object values, json::object errors, bool meldcode, int status) {
  auto form = c.app.signals().form(c.user());
  if (!form) return error_page(c, form.error());
  std::vector<std::string> chosen = c.req.form.all("categories");
  std::string chosen_wijk = values["wijk"].as_string().c_str();
  if (chosen_wijk.empty()) chosen_wijk = c.req.query.get("wijk");
  const std::string chosen_buurt = values["buurt"].as_string().c_str();
  json::array wijken = wijk_choices_json(c, form->wijken, chosen_wijk, chosen_buurt, chosen);
  json::object m;
  m["wijken"] = wijken;
  m["single_wijk"] = form->wijken.size() == 1;
  m["org"] = form->org_name;
  m["v"] = values;
  m["errors"] = errors;
  m["has_errors"] = !errors.empty();
  m["meldcode"] = meldcode;
  json::array genders, ages;
  for (const char* g : kGenders) {
    json::object o;
    o["value"] = g;
    o["label"] = label(c, labels::kGenders, g);
    o["selected"] = values["gender"].as_string() == g;
    genders.push_back(o);
  }
  for (const char* a : kAgeBands) {
    json::object o;
    o["value"] = a;
    o["label"] = label(c, labels::kAgeBands, a);
    o["selected"] = values["age_band"].as_string() == a;
    ages.push_back(o);
  }
  m["genders"] = genders;
  m["ages"] = ages;
  return page(c, "signals/new", std::move(m), c.t("signal_new_title"), status);
}

}  // namespace

Response signals_page(Ctx& c) {
  SignalQuery q;
  const Params& p = c.req.query;
  bool ok = true;
  if (!p.get("wijk").empty()) {
    auto id = parse_id(p.get("wijk"));
    if (!id) return error_page(c, Error::invalid("error.bad_request"));
    q.wijk = WijkId(*id);
  }
  if (!p.get("status").empty()) {
    q.state = parse_signal_state(p.get("status"));
    ok = ok && q.state.has_value();
  }
  if (!p.get("categorie").empty()) {
    auto id = parse_id(p.get("categorie"));
    ok = ok && id.has_value();
    if (id) q.category = CategoryId(*id);
  }
  if (!p.get("pagina").empty()) {
    auto n = parse_id(p.get("pagina"));
    ok = ok && n.has_value() && *n < 100000;
    if (n) q.page = static_cast<int>(*n);
  }
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  q.urgent_only = p.get("urgent") == "1";
  q.mine = p.get("mijn") == "1";
  q.code = p.get("code");
  auto list = c.app.signals().list(c.user(), q);
  if (!list) return error_page(c, list.error());
  json::object m(c.sp);
  json::array rows(c.sp);
  rows.reserve(list->rows.size());
  for (const auto& r : list->rows) rows.push_back(signal_row_json(c, r, true));
  m["rows"] = std::move(rows);
  m["empty"] = list->rows.empty();
  m["total"] = list->total;
  m["total_text"] = c.plural("signals_found", list->total);
  json::array wijken;
  for (const auto& w : list->wijken) {
    json::object o;
    o["id"] = w.id.value;
    o["name"] = w.name;
    o["selected"] = q.wijk == std::optional<WijkId>(w.id);
    wijken.push_back(o);
  }
  m["wijken"] = wijken;
  json::array states;
  for (auto s : {SignalState::kNew, SignalState::kOnAgenda, SignalState::kDiscussed,
                 SignalState::kActionsRunning, SignalState::kClosed, SignalState::kLinked}) {
    json::object o;
    o["value"] = std::string(to_string(s));
    o["label"] = state_label(c, s);
    o["selected"] = q.state == std::optional<SignalState>(s);
    states.push_back(o);
  }
  m["states"] = states;
  json::array cats;
  for (const auto& cat : list->categories) {
    json::object o;
    o["id"] = cat.id.value;
    o["label"] = cat.label;
    o["selected"] = q.category == std::optional<CategoryId>(cat.id);
    cats.push_back(o);
  }
  m["categories"] = cats;
  m["has_categories"] = !list->categories.empty();
  m["urgent"] = q.urgent_only;
  m["mine"] = q.mine;
  m["code"] = q.code;
  m["page"] = list->page;
  m["pages"] = list->pages;
  if (list->page > 1 || list->page < list->pages) {
    std::string base = "/signalen?";
    for (const auto& [k, v] : p.items())
      if (k != "pagina") base += k + "=" + url_encode(v) + "&";
    if (list->page > 1) m["prev"] = base + "pagina=" + std::to_string(list->page - 1);
    if (list->page < list->pages) m["next"] = base + "pagina=" + std::to_string(list->page + 1);
  }
  return page(c, "signals/list", std::move(m), c.t("signals_title"));
}

Response signal_new_page(Ctx& c) {
  json::object v = form_values(c.req);
  v["gender"] = "unknown";
  v["age_band"] = "unknown";
  return render_form(c, v, {}, false, 200);
}

// The chosen wijk's buurten and categories, for the signal form when the wijk changes (htmx).
Response signal_wijk_parts(Ctx& c) {
  auto form = c.app.signals().form(c.user());
  if (!form) return error_page(c, form.error());
  json::object m;
  m["wijken"] = wijk_choices_json(c, form->wijken, c.req.query.get("wijk"), "", {});
  return fragment(c, "signals/wijk_parts", std::move(m));
}

Response signal_meldcode_check(Ctx& c) {
  auto wijk = parse_id(c.req.form.get("wijk"));
  bool ok = true;
  std::vector<CategoryId> cats;
  for (auto id : parse_ids(c.req.form.all("categories"), &ok)) cats.emplace_back(id);
  json::object m;
  m["meldcode"] = wijk && c.app.signals().meldcode_suggested(WijkId(*wijk),
                                                             c.req.form.get("description"), cats);
  return fragment(c, "signals/meldcode_panel", std::move(m));
}

Response signal_create(Ctx& c) {
  const Params& f = c.req.form;
  json::object values = form_values(c.req);
  RaiseSignalInput in;
  auto wijk = parse_id(f.get("wijk"));
  if (!wijk)
    return render_form(c, values,
                       field_errors(c, Error::invalid("error.signal.wijk_required", "wijk")), false,
                       422);
  in.wijk = WijkId(*wijk);
  if (!f.get("buurt").empty()) {
    auto b = parse_id(f.get("buurt"));
    if (!b) return error_page(c, Error::invalid("error.bad_request"));
    in.buurt = BuurtId(*b);
  }
  bool ok = true;
  for (auto id : parse_ids(f.all("categories"), &ok)) in.categories.emplace_back(id);
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  in.resident_code = f.get("resident_code");
  in.gender = f.get("gender").empty() ? "unknown" : f.get("gender");
  in.age_band = f.get("age_band").empty() ? "unknown" : f.get("age_band");
  in.identity = {f.get("name"), f.get("address"), f.get("phone"), f.get("birth_year"),
                 f.get("notes")};
  in.description = f.get("description");
  in.urgent = f.has("urgent");
  in.meldcode_confirmed = f.get("meldcode_choice") == "meldcode";
  in.meldcode_declined = f.get("meldcode_choice") == "geen";
  auto r = c.app.signals().raise(c.user(), in);
  if (!r) {
    if (r.error().kind == ErrorKind::kInvalid)
      return render_form(c, values, field_errors(c, r.error()), false, 422);
    return error_page(c, r.error());
  }
  if (r->meldcode_needs_choice) return render_form(c, values, {}, true, 200);
  std::string to =
      "/signalen/" + std::to_string(r->linked_to ? r->linked_to->value : r->signal_id.value);
  to += r->linked_to ? "?gekoppeld=1" : "?nieuw=1";
  return redirect(to);
}

static Response render_signal(Ctx& c, const SignalDetail& d, json::object extra, int status) {
  json::object m = std::move(extra);
  m["s"] = signal_row_json(c, d.row);
  const Signal& s = d.row.signal;
  if (d.identity) {
    m["identity"] = identity_json(*d.identity);
    m["identity_reason"] = label(c, labels::kIdentityReasons, d.identity_reason);
  }
  m["may_break_glass"] = d.may_break_glass;
  m["may_close"] = d.may_close;
  m["closed"] = s.state == SignalState::kClosed;
  m["close_reason"] = s.close_reason;
  m["regisseur"] = d.regisseur_name;
  m["is_linked"] = s.case_id.has_value();
  if (s.case_id) m["case_id"] = s.case_id->value;
  json::array linked;
  for (const auto& l : d.linked) linked.push_back(signal_row_json(c, l));
  m["has_linked"] = !linked.empty();
  m["linked"] = linked;
  json::array tl;
  for (const auto& e : d.timeline) {
    json::object o;
    o["when"] = format_datetime(e.at);
    o["who"] = e.who;
    std::string what = c.t(std::string(timeline_key(e.kind)));
    if (e.kind == "on_agenda") what += " " + e.text;
    if (e.kind == "discussed")
      what += ": " + decision_label(c, parse_decision(e.text).value_or(Decision::kNone));
    if (e.kind == "action") {
      const auto p1 = e.text.find('|');
      const auto p2 = e.text.find('|', p1 + 1);
      if (p1 != std::string::npos && p2 != std::string::npos)
        what += ": " +
                decision_label(c, parse_decision(e.text.substr(0, p1)).value_or(Decision::kNone)) +
                " (" + e.text.substr(p1 + 1, p2 - p1 - 1) + ", " + e.text.substr(p2 + 1) + ")";
    }
    if (e.kind == "action_settled") {
      const auto p1 = e.text.find('|');
      what += ": " + std::string(label(c, labels::kActionStates, e.text.substr(0, p1)));
      if (p1 != std::string::npos) o["note"] = e.text.substr(p1 + 1);
    }
    if (e.kind == "closed") o["note"] = e.text;
    if (e.kind == "brigade_outcome")
      what += ": " + std::string(label(c, labels::kOutcomes, e.text));
    if (e.kind == "referral_answer")
      what += ": " + std::string(label(c, labels::kReferralStatuses, e.text));
    if (e.kind == "meldcode") what += " " + e.text;
    if (e.kind == "linked") {
      o["link"] = "/signalen/" + e.text;
    }
    o["what"] = what;
    tl.push_back(o);
  }
  m["timeline"] = tl;
  json::array actions;
  for (const auto& a : d.actions) actions.push_back(action_json(c, a));
  m["actions"] = actions;
  m["is_meldcode"] = s.meldcode;
  if (s.meldcode) {
    m["meldcode_officer"] = d.is_meldcode_officer;
    json::array steps;
    for (int i = 1; i <= kMeldcodeSteps; ++i) {
      json::object st;
      st["step"] = i;
      st["label"] = label(c, labels::kMeldcodeSteps, std::to_string(i));
      json::array records;
      for (const auto& r : d.meldcode_steps)
        if (r.step == i) {
          json::object ro;
          ro["date"] = r.date;
          ro["rationale"] = r.rationale;
          records.push_back(ro);
        }
      st["done"] = !records.empty();
      st["records"] = records;
      steps.push_back(st);
    }
    m["steps"] = steps;
    m["today"] = format_date(c.app.now());
  }
  m["new"] = c.req.query.get("nieuw") == "1";
  m["just_linked"] = c.req.query.get("gekoppeld") == "1";
  Response r = page(c, "signals/signal", std::move(m),
                    c.t("signal_title") + " " + d.row.resident.code, status);
  return r;
}

Response signal_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto d = c.app.signals().detail(c.user(), SignalId(*id));
  if (!d) return error_page(c, d.error());
  return render_signal(c, *d, {}, 200);
}

Response signal_break_glass(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  const std::string reason = c.req.form.get("reason");
  auto d = c.app.signals().detail(c.user(), SignalId(*id), reason.empty() ? " " : reason);
  if (!d) {
    if (d.error().kind != ErrorKind::kInvalid) return error_page(c, d.error());
    auto plain = c.app.signals().detail(c.user(), SignalId(*id));
    if (!plain) return error_page(c, plain.error());
    json::object extra;
    extra["errors"] = field_errors(c, d.error());
    extra["reason"] = reason;
    return render_signal(c, *plain, extra, 422);
  }
  return render_signal(c, *d, {}, 200);
}

Response signal_close(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  const std::string reason = c.req.form.get("reason");
  auto st = c.app.signals().close(c.user(), SignalId(*id), reason);
  if (!st) {
    if (st.error().kind != ErrorKind::kInvalid) return error_page(c, st.error());
    auto d = c.app.signals().detail(c.user(), SignalId(*id));
    if (!d) return error_page(c, d.error());
    json::object extra;
    extra["close_errors"] = field_errors(c, st.error());
    extra["close_reason_value"] = reason;
    return render_signal(c, *d, extra, 422);
  }
  return redirect("/signalen/" + std::to_string(*id));
}

Response signal_meldcode_step(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto step = parse_id(c.req.form.get("step"));
  const std::string rationale = c.req.form.get("rationale");
  auto st = c.app.signals().record_meldcode_step(c.user(), SignalId(*id),
                                                 step ? static_cast<int>(*step) : 0,
                                                 c.req.form.get("date"), rationale);
  if (!st) {
    if (st.error().kind != ErrorKind::kInvalid) return error_page(c, st.error());
    auto d = c.app.signals().detail(c.user(), SignalId(*id));
    if (!d) return error_page(c, d.error());
    json::object extra;
    extra["step_errors"] = field_errors(c, st.error());
    extra["rationale_value"] = rationale;
    return render_signal(c, *d, extra, 422);
  }
  return redirect("/signalen/" + std::to_string(*id));
}

}  // namespace meedoen::web
