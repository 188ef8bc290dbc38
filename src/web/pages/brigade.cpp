// The Vliegende Brigade's pages: the coordinator's overview, requests and their detail (dispatch,
// accept, visits, check-in, outcome), and the peer's "mijn verzoeken". The figures are in
// brigade_figures.cpp.
#include "web/pages/pages.hpp"

namespace meedoen::web {

// --- coordinator ---------------------------------------------------------------------------

Response brigade_page(Ctx& c) {
  auto ov = c.app.brigade().overview(c.user());
  if (!ov) return error_page(c, ov.error());
  json::object m(c.sp);
  json::array open(c.sp), unassigned(c.sp), peers(c.sp), checkins(c.sp), debriefs(c.sp),
      referrals(c.sp);
  for (const auto& r : ov->open_requests) {
    auto o = request_row_json(c, r);
    (o["unassigned"].as_bool() ? unassigned : open).push_back(std::move(o));
  }
  for (const auto& p : ov->peers) {
    json::object o(c.sp);
    o["name"] = p.peer.display_name;
    o["load"] = p.load;
    o["cap"] = p.profile.weekly_cap;
    o["full"] = p.load >= p.profile.weekly_cap;
    o["on_call"] = p.on_call_this_week;
    o["absent"] = p.absent_today;
    peers.push_back(std::move(o));
  }
  int overdue = 0;
  for (const auto& ch : ov->checkins) {
    json::object o(c.sp);
    o["peer"] = ch.peer_name;
    o["code"] = ch.resident_code;
    o["request_id"] = ch.checkin.request_id.value;
    o["since"] = format_datetime(ch.checkin.started_at);
    o["back_by"] = format_datetime(ch.checkin.expected_back);
    o["overdue"] = ch.overdue;
    overdue += ch.overdue ? 1 : 0;
    checkins.push_back(std::move(o));
  }
  for (const auto& d : ov->debriefs) {
    json::object o(c.sp);
    o["id"] = d.debrief.id.value;
    o["peer"] = d.peer_name;
    o["note"] = d.debrief.note;
    o["when"] = format_datetime(d.debrief.requested_at);
    if (d.debrief.request_id) o["request_id"] = d.debrief.request_id->value;
    debriefs.push_back(std::move(o));
  }
  for (const auto& r : ov->no_response) {
    json::object o(c.sp);
    o["code"] = r.resident_code;
    o["request_id"] = r.referral.request_id.value;
    o["to"] = r.to_org_name;
    o["by"] = r.referred_by_name;
    o["sent"] = format_date(r.referral.created_at);
    o["status_label"] = label(c, labels::kReferralStatuses, to_string(r.referral.status));
    o["id"] = r.referral.id.value;
    o["may_remind"] = !r.referral.to_email.empty();
    o["reminded"] = r.referral.reminded_at ? format_date(r.referral.reminded_at) : std::string();
    referrals.push_back(std::move(o));
  }
  m["has_unassigned"] = !unassigned.empty();
  m["unassigned"] = std::move(unassigned);
  m["has_open"] = !open.empty();
  m["open"] = std::move(open);
  m["peers"] = std::move(peers);
  m["has_checkins"] = !checkins.empty();
  m["checkins"] = std::move(checkins);
  m["overdue"] = overdue;
  m["has_debriefs"] = !debriefs.empty();
  m["debriefs"] = std::move(debriefs);
  m["has_no_response"] = !referrals.empty();
  m["no_response"] = std::move(referrals);
  m["saved_text"] = saved_text(c);
  m["grace"] = c.plural("minutes_n", ov->grace_minutes);
  m["response_days"] = c.plural("days_n", ov->response_days);
  return page(c, "brigade/overview", std::move(m), c.t("brigade_title"));
}

Response brigade_debrief_handled(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.brigade().handle_debrief(c.user(), DebriefId(*id));
  if (!st) return error_page(c, st.error());
  return redirect("/brigade");
}

// --- requests ------------------------------------------------------------------------------

// The form's values as posted, or for a new form as a link may give them (?wijk=, from a
// centre's day page).
static json::object request_form_values(const Params& p) {
  json::object v;
  for (const char* f : {"wijk", "buurt", "resident_code", "gender", "age_band", "name", "address",
                        "phone", "birth_year", "notes", "known", "safety_notes", "pref_language",
                        "pref_gender", "pref_theme", "urgency"})
    v[f] = p.get(f);
  for (const char* f : {"safety_aggression", "safety_dog", "safety_addiction", "pair_advised"})
    v[f] = p.has(f);
  return v;
}

static Response render_request_form(Ctx& c, json::object values, json::object errors, int status) {
  auto form = c.app.brigade().request_form(c.user());
  if (!form) return error_page(c, form.error());
  const std::string chosen_wijk = values["wijk"].as_string().c_str();
  const std::string chosen_buurt = values["buurt"].as_string().c_str();
  json::array wijken = wijk_choices_json(c, form->wijken, chosen_wijk, chosen_buurt, {});
  auto str = [&](const char* k) { return std::string(values[k].as_string().c_str()); };
  json::object m;
  m["wijken"] = wijken;
  m["v"] = values;
  m["errors"] = errors;
  m["has_errors"] = !errors.empty();
  m["source"] = label(c, labels::kRequestSources, form->source);
  m["genders"] = options(c, labels::kGenders, codes(kGenders),
                         {str("gender").empty() ? "unknown" : str("gender")});
  m["ages"] = options(c, labels::kAgeBands, codes(kAgeBands),
                      {str("age_band").empty() ? "unknown" : str("age_band")});
  m["languages"] = options(c, labels::kLanguages, codes(kLanguages), {str("pref_language")});
  m["pref_genders"] = options(c, labels::kGenders, {"male", "female"}, {str("pref_gender")});
  m["themes"] = options(c, labels::kThemes, codes(kThemes), {str("pref_theme")});
  m["urgencies"] = options(c, labels::kUrgencies, {"normal", "soon", "urgent"},
                           {str("urgency").empty() ? "normal" : str("urgency")});
  return page(c, "brigade/request_new", std::move(m), c.t("request_new_title"), status);
}

Response request_new_page(Ctx& c) {
  return render_request_form(c, request_form_values(c.req.query), {}, 200);
}

Response request_create(Ctx& c) {
  const Params& f = c.req.form;
  json::object values = request_form_values(c.req.form);
  NewRequestInput in;
  auto wijk = parse_id(f.get("wijk"));
  if (!wijk)
    return render_request_form(
        c, values, field_errors(c, Error::invalid("error.signal.wijk_required", "wijk")), 422);
  in.wijk = WijkId(*wijk);
  if (!f.get("buurt").empty()) {
    auto b = parse_id(f.get("buurt"));
    if (!b) return error_page(c, Error::invalid("error.bad_request"));
    in.buurt = BuurtId(*b);
  }
  in.resident_code = f.get("resident_code");
  in.gender = f.get("gender").empty() ? "unknown" : f.get("gender");
  in.age_band = f.get("age_band").empty() ? "unknown" : f.get("age_band");
  in.identity = {f.get("name"), f.get("address"), f.get("phone"), f.get("birth_year"),
                 f.get("notes")};
  in.known = f.get("known");
  in.wishes = wishes_from(f, "");
  in.urgency = f.get("urgency").empty() ? "normal" : f.get("urgency");
  auto r = c.app.brigade().create_request(c.user(), in);
  if (!r) {
    if (r.error().kind == ErrorKind::kInvalid)
      return render_request_form(c, values, field_errors(c, r.error()), 422);
    return error_page(c, r.error());
  }
  return redirect("/verzoeken/" + std::to_string(r->value) + "?nieuw=1");
}

static Response render_request(Ctx& c, RequestId id, json::object extra, int status) {
  auto d = c.app.brigade().request_detail(c.user(), id);
  if (!d) return error_page(c, d.error());
  json::object m = std::move(extra);
  const BrigadeRequest& r = d->row.request;
  m["r"] = request_row_json(c, d->row, false);
  m["version"] = r.version;
  m["requested_by"] = d->requested_by_name;
  m["is_coordinator"] = d->is_coordinator;
  m["final"] = outcome_is_final(r.outcome) || r.outcome == Outcome::kDeclined;
  m["outcome_note"] = r.outcome_note;
  if (d->identity) m["identity"] = identity_json(*d->identity);
  m["centre_link"] = request_centre_json(c, id);
  const bool offered = d->mine && d->mine->state == AssignmentState::kOffered;
  const bool accepted = d->mine && d->mine->state == AssignmentState::kAccepted;
  m["offered"] = offered;
  m["accepted"] = accepted && !outcome_is_final(r.outcome);
  m["is_peer"] = d->mine.has_value();
  m["past_note"] = d->past;
  m["signal_text"] = d->signal_text;
  m["may_edit_wishes"] = d->may_edit_wishes;
  if (d->may_edit_wishes) {
    // Shown again after an error with what was sent; else with what the request holds.
    const bool again =
        c.req.method == "POST" && c.req.path.size() > 7 && c.req.path.ends_with("/wensen");
    const Params& f = c.req.form;
    json::object w;
    w["safety_aggression"] = again ? f.has("w_safety_aggression") : r.safety_aggression;
    w["safety_dog"] = again ? f.has("w_safety_dog") : r.safety_dog;
    w["safety_addiction"] = again ? f.has("w_safety_addiction") : r.safety_addiction;
    w["pair_advised"] = again ? f.has("w_pair_advised") : r.pair_advised;
    w["safety_notes"] = again ? f.get("w_safety_notes") : r.safety_notes;
    m["w"] = w;
    m["request_id"] = r.id.value;
    m["w_languages"] = options(c, labels::kLanguages, codes(kLanguages),
                               {again ? f.get("w_pref_language") : r.pref_language});
    m["w_genders"] = options(c, labels::kGenders, codes(kPreferredGenders),
                             {again ? f.get("w_pref_gender") : r.pref_gender});
    m["w_themes"] =
        options(c, labels::kThemes, codes(kThemes), {again ? f.get("w_pref_theme") : r.pref_theme});
  }
  m["visit_key"] = d->visit_key;
  json::array results, minutes;
  for (auto res : all_visit_results()) {
    json::object o;
    o["value"] = std::string(to_string(res));
    o["label"] = label(c, labels::kVisitResults, to_string(res));
    o["contact"] = made_contact(res);
    results.push_back(o);
  }
  m["results"] = results;
  // A refused post comes back here: its choices stay chosen.
  const bool retry = c.req.method == "POST";
  m["kinds"] = options(c, labels::kVisitKinds, {"home", "phone", "centre", "outside"},
                       {retry ? c.req.form.get("kind") : std::string()});
  m["details_open"] =
      retry && (!c.req.form.get("when").empty() || !c.req.form.get("kind").empty() ||
                !c.req.form.get("note").empty() || !c.req.form.get("next_step").empty());
  for (int n : {30, 60, 90, 120}) {
    json::object o;
    o["value"] = n;
    o["label"] = c.plural("minutes_n", n);
    o["selected"] = n == 60;
    minutes.push_back(o);
  }
  m["minutes"] = minutes;
  if (d->checkin) {
    json::object ch;
    ch["since"] = format_datetime(d->checkin->started_at);
    ch["back_by"] = format_datetime(d->checkin->expected_back);
    m["checkin"] = ch;
  }
  json::array visits;
  for (const auto& v : d->visits) {
    json::object o;
    o["when"] = format_datetime(v.visit.at);
    o["peer"] = v.peer_name;
    o["result"] = label(c, labels::kVisitResults, to_string(v.visit.result));
    o["kind"] = v.visit.kind == VisitKind::kUnknown
                    ? std::string()
                    : std::string(label(c, labels::kVisitKinds, to_string(v.visit.kind)));
    o["note"] = v.visit.note;
    o["next_step"] = v.visit.next_step;
    visits.push_back(o);
  }
  m["visits"] = visits;
  m["has_visits"] = !visits.empty();
  json::array refs;
  for (const auto& rv : d->referrals) {
    json::object o;
    o["to"] = rv.to_org_name;
    o["kind"] = label(c, labels::kReferralKinds, rv.referral.kind);
    o["status"] = label(c, labels::kReferralStatuses, to_string(rv.referral.status));
    o["intake_date"] = rv.referral.intake_date;
    o["note"] = rv.referral.answer_note;
    o["sent"] = format_date(rv.referral.created_at);
    o["id"] = rv.referral.id.value;
    o["no_response"] = rv.no_response;
    o["link"] = !rv.referral.to_email.empty();
    o["may_remind"] = rv.no_response && !rv.referral.to_email.empty();
    o["reminded"] = rv.referral.reminded_at ? format_date(rv.referral.reminded_at) : std::string();
    refs.push_back(o);
  }
  m["referrals"] = refs;
  m["has_referrals"] = !refs.empty();
  m["may_refer"] = (accepted || d->is_coordinator) && !outcome_is_final(r.outcome);
  json::array outcomes;
  for (const auto& [o, allowed] : d->outcomes) {
    if (!allowed) continue;
    json::object oo;
    oo["value"] = std::string(to_string(o));
    oo["label"] = outcome_label(c, o);
    oo["selected"] = retry && c.req.form.get("outcome") == to_string(o);
    outcomes.push_back(oo);
  }
  m["outcomes"] = outcomes;
  // No outcome is chosen for the peer: the select starts at "Kies een uitkomst".
  m["outcome_chosen"] = retry && !c.req.form.get("outcome").empty();
  m["may_set_outcome"] = !outcomes.empty();
  json::array sugg;
  int rank = 0;
  for (const auto& s : d->suggestions) {
    json::object o;
    o["id"] = s.peer.value;
    o["name"] = s.name;
    o["rank"] = ++rank;
    o["eligible"] = s.eligible;
    o["score"] = s.score;
    json::array reasons;
    for (const auto& why : s.reasons) {
      json::object ro;
      // A reason about a language, gender or theme holds its code: the code's label goes in.
      const Labels values = why.key.ends_with("language") ? labels::kLanguages
                            : why.key.ends_with("gender") ? labels::kGenders
                            : why.key.ends_with("theme")  ? labels::kThemes
                                                          : Labels();
      ro["text"] = c.t(why.key, std::string(label(c, values, why.arg)));
      ro["good"] = why.good;
      reasons.push_back(ro);
    }
    o["reasons"] = reasons;
    sugg.push_back(o);
  }
  m["suggestions"] = sugg;
  m["has_suggestions"] = !sugg.empty();
  m["new"] = c.req.query.get("nieuw") == "1";
  m["saved_text"] = saved_text(c);
  return page(c, "brigade/request", std::move(m), c.t("request_title", d->row.resident.code),
              status);
}

static std::optional<RequestId> request_param(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return std::nullopt;
  return RequestId(*id);
}

Response request_page(Ctx& c) {
  auto id = request_param(c);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return render_request(c, *id, {}, 200);
}

// A form on the request page: on success back to the page (with a note what was saved), on bad
// input the page again with the message beside the form `section`.
static Response request_form_result(Ctx& c, RequestId id, const Status& st,
                                    const std::string& section, const std::string& saved) {
  if (st)
    return redirect("/verzoeken/" + std::to_string(id.value) +
                    (saved.empty() ? "" : "?opgeslagen=" + saved));
  if (st.error().kind != ErrorKind::kInvalid && st.error().kind != ErrorKind::kConflict)
    return error_page(c, st.error());
  json::object extra;
  extra[section + "_error"] = c.t(st.error().message_key, st.error().detail);
  json::object v;
  for (const auto& [k, val] : c.req.form.items())
    if (k != "_csrf") v[k] = val;
  extra["v"] = v;
  return render_request(c, id, std::move(extra),
                        st.error().kind == ErrorKind::kConflict ? 409 : 422);
}

Response request_assign(Ctx& c) {
  auto id = request_param(c);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  bool ok = true;
  std::vector<UserId> peers;
  for (auto p : parse_ids(c.req.form.all("peer"), &ok)) peers.emplace_back(p);
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  return request_form_result(c, *id, c.app.brigade().assign_peers(c.user(), *id, peers), "assign",
                             "toegewezen");
}

Response request_unassign(Ctx& c) {
  auto id = request_param(c);
  auto peer = parse_id(c.req.form.get("peer"));
  if (!id || !peer) return error_page(c, Error::invalid("error.bad_request"));
  return request_form_result(
      c, *id,
      c.app.brigade().end_assignment(c.user(), *id, UserId(*peer), c.req.form.get("reason")),
      "assign", "beeindigd");
}

Response request_respond(Ctx& c) {
  auto id = request_param(c);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  const std::string answer = c.req.form.get("answer");
  if (answer != "ja" && answer != "nee") return error_page(c, Error::invalid("error.bad_request"));
  const Status st =
      c.app.brigade().respond_assignment(c.user(), *id, answer == "ja", c.req.form.get("reason"));
  if (st && answer == "nee") return redirect("/verzoeken?afgezegd=1");
  return request_form_result(c, *id, st, "respond", answer == "ja" ? "aangenomen" : "");
}

Response request_visit(Ctx& c) {
  auto id = request_param(c);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  const Params& f = c.req.form;
  LogVisitInput in{*id,           f.get("result"),    f.get("kind"), f.get("when"),
                   f.get("note"), f.get("next_step"), f.get("key")};
  auto r = c.app.brigade().log_visit(c.user(), in);
  if (!r) return request_form_result(c, *id, r.error(), "visit", "");
  return redirect("/verzoeken/" + std::to_string(id->value) + "?opgeslagen=bezoek");
}

Response request_checkin(Ctx& c) {
  auto id = request_param(c);
  auto minutes = parse_id(c.req.form.get("minutes"));
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  const int n = minutes && *minutes < 100000 ? static_cast<int>(*minutes) : 0;
  return request_form_result(c, *id, c.app.brigade().check_in(c.user(), *id, n), "checkin",
                             "ingecheckt");
}

Response checkout(Ctx& c) {
  auto st = c.app.brigade().check_out(c.user());
  if (!st) return error_page(c, st.error());
  const std::string back = local_path(c.req.form.get("back"), "/verzoeken");
  return redirect(back + (back.find('?') == std::string::npos ? "?" : "&") +
                  "opgeslagen=uitgecheckt");
}

Response debrief_create(Ctx& c) {
  std::optional<RequestId> id;
  if (auto s = c.req.form.get("request"); !s.empty()) {
    auto n = parse_id(s);
    if (!n) return error_page(c, Error::invalid("error.bad_request"));
    id = RequestId(*n);
  }
  auto st = c.app.brigade().request_debrief(c.user(), id, c.req.form.get("debrief_note"));
  if (id) return request_form_result(c, *id, st, "debrief", "napraten");
  if (!st) return error_page(c, st.error());
  return redirect("/verzoeken?opgeslagen=napraten");
}

Response request_wishes(Ctx& c) {
  auto id = request_param(c);
  auto version = parse_id(c.req.form.get("version"));
  if (!id || !version) return error_page(c, Error::invalid("error.bad_request"));
  const BrigadeWishes w = wishes_from(c.req.form, "w_");
  return request_form_result(c, *id, c.app.brigade().update_wishes(c.user(), *id, *version, w),
                             "wishes", "wensen");
}

Response request_outcome(Ctx& c) {
  auto id = request_param(c);
  auto version = parse_id(c.req.form.get("version"));
  if (!id || !version) return error_page(c, Error::invalid("error.bad_request"));
  return request_form_result(c, *id,
                             c.app.brigade().set_outcome(c.user(), *id, c.req.form.get("outcome"),
                                                         c.req.form.get("outcome_note"), *version),
                             "outcome", "uitkomst");
}

Response my_requests_page(Ctx& c) {
  auto my = c.app.brigade().my_requests(c.user());
  if (!my) return error_page(c, my.error());
  json::object m;
  json::array offered, active;
  for (const auto& r : my->offered) offered.push_back(request_row_json(c, r));
  for (const auto& r : my->active) active.push_back(request_row_json(c, r));
  m["offered"] = offered;
  m["has_offered"] = !offered.empty();
  m["active"] = active;
  m["has_active"] = !active.empty();

  m["none"] = offered.empty() && active.empty();
  add_workload(c, m, my->load, my->profile.weekly_cap);
  m["cap_counts_attempts"] = c.app.config().cap_counts_attempts;
  if (my->checkin) m["checkin"] = checkin_json(c, *my->checkin);
  m["declined"] = c.req.query.get("afgezegd") == "1";
  m["saved_text"] = saved_text(c);
  return page(c, "brigade/my_requests", std::move(m), c.t("my_requests_title"));
}

// The requests a peer did before, by code only.
Response my_past_requests_page(Ctx& c) {
  auto list = c.app.brigade().past_requests(c.user());
  if (!list) return error_page(c, list.error());
  json::array past;
  for (const auto& r : *list) {
    json::object o(c.sp);
    o["id"] = r.request.id.value;
    o["code"] = r.resident.code;
    o["outcome_label"] = label(c, labels::kOutcomes, to_string(r.request.outcome));
    o["created"] = format_date(r.request.created_at);
    past.push_back(std::move(o));
  }
  json::object m;
  m["has_past"] = !past.empty();
  m["past"] = std::move(past);
  return page(c, "brigade/my_past_requests", std::move(m), c.t("your_past_requests"));
}

// --- the peer's week ------------------------------------------------------------------------

}  // namespace meedoen::web
