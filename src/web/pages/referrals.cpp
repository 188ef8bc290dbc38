// Referrals: the peer's form with the resident's consent, the partner's inbox, and the one-time
// link for a partner without an account.
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

// `retry`: the answer for this referral was refused; its form comes back with what was typed and
// the message.
json::object referral_json(Ctx& c, const ReferralView& v, const std::string& answer_action = {},
                           const std::string& retry_error = {}) {
  const Referral& r = v.referral;
  json::object o;
  o["id"] = r.id.value;
  o["code"] = v.resident_code;
  o["wijk"] = v.wijk_name;
  o["to"] = v.to_org_name;
  o["by"] = v.referred_by_name;
  o["kind"] = label(c, labels::kReferralKinds, r.kind);
  o["story"] = r.story;
  o["sent"] = format_date(r.created_at);
  o["status"] = std::string(to_string(r.status));
  o["status_label"] = label(c, labels::kReferralStatuses, to_string(r.status));
  o["intake_date"] = r.intake_date;
  o["note"] = r.answer_note;
  o["no_response"] = v.no_response;
  o["may_answer"] = v.may_answer;
  o["planned"] = r.status == ReferralStatus::kIntakePlanned;
  o["consent"] = c.t("consent_summary",
                     std::string(label(c, labels::kConsentGivers, r.consent.given_by)) + " · " +
                         r.consent.date + " · " +
                         std::string(label(c, labels::kConsentForms, to_string(r.consent.form))));
  o["purpose"] = r.consent.purpose;
  if (v.identity) o["identity"] = identity_json(*v.identity);
  if (v.may_answer && !answer_action.empty()) {
    json::object f = o;
    f["answer_action"] = answer_action;
    f["csrf"] = c.session.csrf;
    f["today"] = format_date(c.app.now());
    const bool retry = !retry_error.empty();
    std::string status = retry ? c.req.form.get("status") : std::string();
    if (status.empty())
      status = r.status == ReferralStatus::kIntakePlanned ? "intake_done" : "intake_planned";
    f["a_planned"] = status == "intake_planned";
    f["a_done"] = status == "intake_done";
    f["a_declined"] = status == "declined";
    if (retry) {
      f["answer_error"] = retry_error;
      f["a_date"] = c.req.form.get("intake_date");
      f["a_note"] = c.req.form.get("note");
    }
    o["answer_form"] = c.views.render("referrals/answer", f, c.text_lang());
  }
  return o;
}

json::object referral_form_values(const Request& req) {
  json::object v;
  for (const char* f : {"kind", "to_org", "to_email", "story", "consent_given_by", "consent_date",
                        "consent_purpose", "consent_form"})
    v[f] = req.form.get(f);
  for (const char* f : {"share_name", "share_address", "share_phone", "share_story"})
    v[f] = req.form.has(f);
  return v;
}

Response render_referral_form(Ctx& c, RequestId id, json::object values, json::object errors,
                              int status) {
  auto form = c.app.referrals().form(c.user(), id);
  if (!form) return error_page(c, form.error());
  auto str = [&](const char* k) { return std::string(values[k].as_string().c_str()); };
  json::object m;
  m["request_id"] = id.value;
  m["code"] = form->request.resident.code;
  m["v"] = values;
  m["errors"] = errors;
  m["has_errors"] = !errors.empty();
  json::array kinds, orgs, givers, forms;
  for (const char* k : kReferralKinds) {
    json::object o;
    o["value"] = k;
    o["label"] = label(c, labels::kReferralKinds, k);
    o["selected"] = str("kind") == k;
    kinds.push_back(o);
  }
  for (const auto& org : form->orgs) {
    json::object o;
    o["id"] = org.id.value;
    o["name"] = org.name;
    o["selected"] = str("to_org") == std::to_string(org.id.value);
    orgs.push_back(o);
  }
  for (const char* g : kConsentGivers) {
    json::object o;
    o["value"] = g;
    o["label"] = label(c, labels::kConsentGivers, g);
    o["checked"] = str("consent_given_by") == g ||
                   (str("consent_given_by").empty() && std::string(g) == "resident");
    givers.push_back(o);
  }
  for (const char* f : {"verbal", "written"}) {
    json::object o;
    o["value"] = f;
    o["label"] = label(c, labels::kConsentForms, f);
    o["checked"] =
        str("consent_form") == f || (str("consent_form").empty() && std::string(f) == "verbal");
    forms.push_back(o);
  }
  m["kinds"] = kinds;
  m["orgs"] = orgs;
  m["givers"] = givers;
  m["forms"] = forms;
  m["today"] = format_date(c.app.now());
  return page(c, "referrals/new", std::move(m), c.t("referral_new_title"), status);
}

ReferralAnswer answer_from(const Params& f) {
  return {f.get("status"), f.get("intake_date"), f.get("note")};
}

}  // namespace

Response referral_new_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  json::object v = referral_form_values(c.req);
  v["consent_date"] = format_date(c.app.now());
  v["share_story"] = true;
  return render_referral_form(c, RequestId(*id), v, {}, 200);
}

Response referral_create(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  const Params& f = c.req.form;
  json::object values = referral_form_values(c.req);
  NewReferralInput in;
  in.request = RequestId(*id);
  in.kind = f.get("kind");
  auto org = parse_id(f.get("to_org"));
  if (!org)
    return render_referral_form(c, in.request, values,
                                field_errors(c, Error::invalid("error.referral.to_org", "to_org")),
                                422);
  in.to_org = OrgId(*org);
  in.to_email = f.get("to_email");
  in.story = f.get("story");
  in.consent.given_by = f.get("consent_given_by");
  in.consent.date = f.get("consent_date");
  in.consent.purpose = f.get("consent_purpose");
  in.consent.fields = {f.has("share_name"), f.has("share_address"), f.has("share_phone"),
                       f.has("share_story")};
  in.consent_form = f.get("consent_form");
  auto r = c.app.referrals().create(c.user(), in);
  if (!r) {
    if (r.error().kind == ErrorKind::kInvalid)
      return render_referral_form(c, in.request, values, field_errors(c, r.error()), 422);
    return error_page(c, r.error());
  }
  return redirect("/verzoeken/" + std::to_string(*id) +
                  "?opgeslagen=" + (r->link_sent ? "verwezen_link" : "verwezen"));
}

static Response render_inbox(Ctx& c, json::object extra, int status, ReferralId retry = {},
                             const std::string& retry_error = {}) {
  auto inbox = c.app.referrals().inbox(c.user());
  if (!inbox) return error_page(c, inbox.error());
  json::object m = std::move(extra);
  json::array open, done;
  for (const auto& v : *inbox) {
    auto o = referral_json(c, v, "/verwijzingen/" + std::to_string(v.referral.id.value),
                           v.referral.id == retry ? retry_error : std::string());
    (v.may_answer ? open : done).push_back(o);
  }
  m["open"] = open;
  m["done"] = done;
  m["has_open"] = !open.empty();
  m["has_done"] = !done.empty();
  m["today"] = format_date(c.app.now());
  m["saved"] = c.req.query.get("opgeslagen") == "1";
  return page(c, "referrals/inbox", std::move(m), c.t("referrals_title"), status);
}

Response referrals_page(Ctx& c) { return render_inbox(c, {}, 200); }

Response referral_answer(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.referrals().answer(c.user(), ReferralId(*id), answer_from(c.req.form));
  if (st) return redirect("/verwijzingen?opgeslagen=1");
  if (st.error().kind != ErrorKind::kInvalid && st.error().kind != ErrorKind::kConflict)
    return error_page(c, st.error());
  return render_inbox(c, {}, st.error().kind == ErrorKind::kConflict ? 409 : 422, ReferralId(*id),
                      c.t(st.error().message_key, st.error().detail));
}

Response referral_remind(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.referrals().remind(c.user(), ReferralId(*id));
  if (!st) return error_page(c, st.error());
  std::string back = local_path(c.req.form.get("back"), "/brigade");
  if (back.find('?') != std::string::npos) back = "/brigade";
  return redirect(back + "?opgeslagen=herinnerd");
}

static Response render_link(Ctx& c, const std::string& token, json::object extra, int status,
                            bool reveal = false, const std::string& retry_error = {}) {
  ensure_session(c);  // the page's forms need a CSRF token
  auto v = c.app.referrals().by_token(token, reveal);
  if (!v) {
    json::object m;
    m["gone"] = true;
    return page(c, "referrals/link", std::move(m), c.t("referral_link_title"), 404);
  }
  json::object m = std::move(extra);
  m["token"] = token;
  m["used"] = v->used;
  m["expired"] = v->expired;
  m["open"] = !v->used && !v->expired;
  if (m["open"].as_bool()) {
    m["ref"] = referral_json(c, v->view, "/verwijzing/" + token, retry_error);
    m["may_reveal"] = v->may_reveal && !v->view.identity;
  }
  m["today"] = format_date(c.app.now());
  // Used or expired: 410 Gone, and the page says so without showing anything of the referral.
  Response r = page(c, "referrals/link", std::move(m), c.t("referral_link_title"),
                    v->used || v->expired ? 410 : status);
  r.set("Referrer-Policy", "no-referrer");
  return r;
}

Response referral_link_page(Ctx& c) {
  if (c.params.empty()) return error_page(c, Error::not_found());
  return render_link(c, c.params[0], {}, 200);
}

// The consented identity is shown after a deliberate click (a POST), audited; a mail scanner or a
// preview that opens the link only sees the pseudonymous referral.
Response referral_link_reveal(Ctx& c) {
  if (c.params.empty()) return error_page(c, Error::not_found());
  return render_link(c, c.params[0], {}, 200, true);
}

Response referral_link_answer(Ctx& c) {
  if (c.params.empty()) return error_page(c, Error::not_found());
  const std::string token = c.params[0];
  auto st = c.app.referrals().answer_by_token(token, answer_from(c.req.form));
  if (st) {
    json::object m;
    m["thanks"] = true;
    return page(c, "referrals/link", std::move(m), c.t("referral_link_title"));
  }
  if (st.error().kind == ErrorKind::kNotFound) return render_link(c, token, {}, 404);
  const std::string message = c.t(st.error().message_key, st.error().detail);
  json::object extra;
  if (st.error().kind != ErrorKind::kInvalid) extra["error"] = message;  // used or expired
  return render_link(c, token, std::move(extra),
                     st.error().kind == ErrorKind::kConflict ? 409 : 422, false,
                     st.error().kind == ErrorKind::kInvalid ? message : std::string());
}

}  // namespace meedoen::web
