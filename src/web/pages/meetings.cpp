// The overleg's pages: the meetings list, planning a meeting, running it (agenda, decisions,
// attendance) and the printable pseudonymous minutes.
#include <algorithm>
#include <array>

#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

struct ItemOverride {
  AgendaItemId item;
  json::object values;
  json::object errors;
  bool name_warning = false;
  bool conflict = false;
};

// The options of one of the brigade's wishes as HTML (escaped here), `chosen` marked.
template <class List>
std::string option_html(Ctx& c, Labels table, const List& list, const std::string& chosen) {
  std::string html;
  for (const char* code : list) {
    html += "<option value=\"";
    html += code;
    html += "\"";
    if (chosen == code) html += " selected";
    html += ">";
    append_escaped(html, label(c, table, code));
    html += "</option>";
  }
  return html;
}

// The language, gender and experience choices of an item's brigade part.
void brigade_prefs(Ctx& c, json::object& o, const std::string& lang, const std::string& gender,
                   const std::string& theme) {
  o["b_lang_options"] = option_html(c, labels::kLanguages, kLanguages, lang);
  o["b_gender_options"] = option_html(c, labels::kGenders, kPreferredGenders, gender);
  o["b_theme_options"] = option_html(c, labels::kThemes, kThemes, theme);
}

json::object meeting_model(Ctx& c, const MeetingView& v, const ItemOverride* ov) {
  json::object m(c.sp);
  m["id"] = v.meeting.id.value;
  m["wijk"] = v.wijk.name;
  m["wijk_id"] = v.wijk.id.value;
  m["when"] = format_datetime(v.meeting.starts_at);
  m["when_input"] = format_datetime_input(v.meeting.starts_at);
  m["place"] = v.meeting.place;
  m["notes"] = v.meeting.notes;
  m["held"] = v.meeting.held;
  m["version"] = v.meeting.version;
  m["may_chair"] = v.may_chair && !v.meeting.held;
  // Every item offers the same decisions and wijk users: build those once and copy them per item,
  // marking the chosen one.
  json::array decision_opts(c.sp);
  std::vector<std::string_view> decision_values;
  for (auto d : all_decisions()) {
    json::object dj(c.sp);
    dj.reserve(3);
    dj["value"] = to_string(d);
    dj["label"] = label(c, labels::kDecisions, to_string(d));
    dj["selected"] = false;
    decision_opts.push_back(std::move(dj));
    decision_values.push_back(to_string(d));
  }
  // The wijk's users are two selects in every item (most of the agenda's size): rendered once
  // per page as HTML, escaped here, with each item's choice marked in its copy.
  std::string user_options;
  for (const auto& u : v.wijk_users) {
    user_options += "<option value=\"" + std::to_string(u.id.value) + "\">";
    append_escaped(user_options, u.display_name);
    user_options += " (";
    append_escaped(user_options, label(c, labels::kRoles, to_string(u.role)));
    user_options += ")</option>";
  }
  auto user_choices = [&](const std::string& chosen) {
    std::string html = user_options;
    if (!chosen.empty()) {
      const std::string tag = "<option value=\"" + chosen + "\">";
      if (auto at = html.find(tag); at != std::string::npos)
        html.insert(at + tag.size() - 1, " selected");
    }
    return html;
  };
  auto choices = [&](const json::array& opts, const auto& values, std::string_view chosen) {
    json::array out(opts, c.sp);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i] == chosen) out[i].as_object()["selected"] = true;
    return out;
  };
  json::array items(c.sp);
  int n = 0;
  for (const auto& iv : v.items) {
    json::object o(c.sp);
    o.reserve(24);
    o["id"] = iv.item.id.value;
    o["meeting_id"] = v.meeting.id.value;
    o["n"] = ++n;
    o["first"] = n == 1;
    o["last"] = n == static_cast<int>(v.items.size());
    o["s"] = signal_row_json(c, iv.signal);
    o["follow_up"] = iv.item.kind == AgendaItemKind::kFollowUp;
    if (iv.follow_up) {
      o["fu_decision"] = decision_label(c, iv.follow_up->decision);
      o["fu_owner"] = iv.follow_up_owner;
      o["fu_due"] = iv.follow_up->due_date;
      o["fu_state"] = label(c, labels::kActionStates, to_string(iv.follow_up->state));
    }
    if (iv.brigade) {
      // The terugkoppeling: what the brigade's request came to, and its referrals.
      json::object fb(c.sp);
      fb["outcome"] = label(c, labels::kOutcomes, to_string(iv.brigade->outcome));
      json::array refs(c.sp);
      for (const auto& ref : iv.brigade->referrals) {
        json::object ro(c.sp);
        ro["to"] = ref.to_org;
        ro["status"] = label(c, labels::kReferralStatuses, to_string(ref.status));
        ro["intake_confirmed"] = ref.status == ReferralStatus::kIntakeDone;
        ro["intake_date"] = ref.intake_date;
        refs.push_back(std::move(ro));
      }
      fb["has_referrals"] = !refs.empty();
      fb["referrals"] = std::move(refs);
      o["brigade"] = std::move(fb);
    }
    o["recorded"] = iv.item.recorded;
    if (const auto& reg = iv.signal.signal.regisseur) {
      for (const auto& u : v.wijk_users)
        if (u.id == *reg) o["regisseur_name"] = u.display_name;
    }
    o["version"] = iv.item.version;
    o["decision_label"] = decision_label(c, iv.item.decision);
    std::string summary = iv.item.summary;
    std::string decision = std::string(to_string(iv.item.decision));
    std::string owner, due, regisseur;
    if (ov && ov->item == iv.item.id) {
      summary = ov->values.at("summary").as_string().c_str();
      decision = ov->values.at("decision").as_string().c_str();
      owner = ov->values.at("owner").as_string().c_str();
      due = ov->values.at("due_date").as_string().c_str();
      regisseur = ov->values.at("regisseur").as_string().c_str();
      o["errors"] = ov->errors;
      if (const auto* b = ov->values.if_contains("b"); b && b->is_object()) {
        const auto& bo = b->as_object();
        auto str = [&](const char* k) { return std::string(bo.at(k).as_string().c_str()); };
        o["b"] = bo;
        o["b_open"] = true;
        brigade_prefs(c, o, str("pref_language"), str("pref_gender"), str("pref_theme"));
      }
      o["name_warning"] = ov->name_warning;
      o["conflict"] = ov->conflict;
      if (ov->conflict) o["version"] = iv.item.version;  // retry against the stored version
    }
    o["summary"] = summary;
    o["decisions"] = choices(decision_opts, decision_values, decision);
    o["owner_options"] = user_choices(owner);
    o["regisseur_options"] = user_choices(regisseur);
    o["due"] = due;
    json::array actions(c.sp);
    for (const auto& a : iv.actions) actions.push_back(action_json(c, a));
    o["actions"] = std::move(actions);
    items.push_back(std::move(o));
  }
  m["items"] = std::move(items);
  m["no_items"] = v.items.empty();
  json::array att(c.sp);
  int present = 0;
  for (const auto& a : v.attendance) {
    json::object o(c.sp);
    o["org_id"] = a.org.id.value;
    o["org"] = a.org.name;
    o["kind"] = label(c, labels::kOrgKinds, a.org.kind);
    o["present"] = a.present;
    o["person"] = a.person;
    o["invited"] = a.invited;
    present += a.present ? 1 : 0;
    att.push_back(std::move(o));
  }
  m["absent_count"] =
      static_cast<int>(std::count_if(v.attendance.begin(), v.attendance.end(),
                                     [](const auto& a) { return a.invited && !a.present; }));
  m["attendance"] = std::move(att);
  m["present_count"] = present;
  return m;
}

Response render_meeting(Ctx& c, MeetingId id, const ItemOverride* ov, json::object extra,
                        int status) {
  auto v = c.app.meetings().view(c.user(), id);
  if (!v) return error_page(c, v.error());
  json::object m = meeting_model(c, *v, ov);
  for (auto& [k, val] : extra) m[k] = val;
  return page(c, "meetings/meeting", std::move(m),
              c.t("meeting_title") + " " + v->wijk.name + " " + format_date(v->meeting.starts_at),
              status);
}

std::optional<PlanMeetingInput> plan_input(Ctx& c, bool* ok) {
  PlanMeetingInput in;
  auto wijk = parse_id(c.req.form.get("wijk"));
  if (wijk) in.wijk = WijkId(*wijk);
  in.starts_at = c.req.form.get("starts_at");
  in.place = c.req.form.get("place");
  in.notes = c.req.form.get("notes");
  for (auto id : parse_ids(c.req.form.all("invited"), ok)) in.invited.emplace_back(id);
  return in;
}

}  // namespace

Response meetings_page(Ctx& c) {
  auto list = c.app.meetings().list(c.user());
  if (!list) return error_page(c, list.error());
  json::object m;
  json::array up, past;
  for (const auto& s : list->upcoming) up.push_back(meeting_summary_json(c, s));
  for (const auto& s : list->past) past.push_back(meeting_summary_json(c, s));
  m["upcoming"] = up;
  m["past"] = past;
  m["no_upcoming"] = up.empty();
  m["may_plan"] = list->may_plan;
  return page(c, "meetings/list", std::move(m), c.t("meetings_title"));
}

static Response render_meeting_form(Ctx& c, const PlanMeetingInput& in, json::object errors,
                                    int status) {
  auto form = c.app.meetings().form(c.user());
  if (!form) return error_page(c, form.error());
  json::object m;
  json::array wijken;
  for (const auto& w : form->wijken) {
    json::object o;
    o["id"] = w.id.value;
    o["name"] = w.name;
    o["selected"] = in.wijk == w.id;
    o["rhythm"] = w.rhythm;
    wijken.push_back(o);
  }
  m["wijken"] = wijken;
  json::array orgs;
  std::vector<OrgId> default_invited;
  for (const auto& [w, partners] : form->partners)
    if (in.wijk == w || (!in.wijk.valid() && w == form->wijken.front().id))
      default_invited = partners;
  const auto& invited = in.invited.empty() ? default_invited : in.invited;
  for (const auto& o : form->orgs) {
    json::object oj;
    oj["id"] = o.id.value;
    oj["name"] = o.name;
    oj["checked"] = std::find(invited.begin(), invited.end(), o.id) != invited.end();
    orgs.push_back(oj);
  }
  m["orgs"] = orgs;
  m["starts_at"] = in.starts_at;
  m["place"] = in.place;
  m["notes"] = in.notes;
  m["errors"] = errors;
  return page(c, "meetings/new", std::move(m), c.t("meeting_new_title"), status);
}

Response meeting_new_page(Ctx& c) {
  PlanMeetingInput in;
  in.starts_at = format_date(c.app.now() + 7 * 86400) + "T10:00";
  return render_meeting_form(c, in, {}, 200);
}

Response meeting_create(Ctx& c) {
  bool ok = true;
  auto in = plan_input(c, &ok);
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  auto id = c.app.meetings().plan(c.user(), *in);
  if (!id) {
    if (id.error().kind == ErrorKind::kInvalid)
      return render_meeting_form(c, *in, field_errors(c, id.error()), 422);
    return error_page(c, id.error());
  }
  return redirect("/overleggen/" + std::to_string(id->value));
}

Response meeting_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return render_meeting(c, MeetingId(*id), nullptr, {}, 200);
}

Response meeting_refresh(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  if (auto st = c.app.meetings().refresh_agenda(c.user(), MeetingId(*id)); !st)
    return error_page(c, st.error());
  return redirect("/overleggen/" + std::to_string(*id) + "#agenda");
}

static Response meeting_move(Ctx& c, int delta) {
  auto id = c.id_param(0);
  auto item = c.id_param(1);
  if (!id || !item) return error_page(c, Error::invalid("error.bad_request"));
  if (auto st =
          c.app.meetings().move_agenda_item(c.user(), MeetingId(*id), AgendaItemId(*item), delta);
      !st)
    return error_page(c, st.error());
  return redirect("/overleggen/" + std::to_string(*id) + "#punt-" + std::to_string(*item));
}

Response meeting_move_up(Ctx& c) { return meeting_move(c, -1); }
Response meeting_move_down(Ctx& c) { return meeting_move(c, 1); }

Response meeting_record_item(Ctx& c) {
  auto id = c.id_param(0);
  auto item = c.id_param(1);
  const Params& f = c.req.form;
  auto version = parse_id(f.get("version"));
  if (!id || !item || !version) return error_page(c, Error::invalid("error.bad_request"));
  RecordItemInput in;
  in.meeting = MeetingId(*id);
  in.item = AgendaItemId(*item);
  in.version = *version;
  in.summary = f.get("summary");
  auto decision = parse_decision(f.get("decision").empty() ? "none" : f.get("decision"));
  if (!decision) return error_page(c, Error::invalid("error.bad_request"));
  in.decision = *decision;
  if (!f.get("owner").empty()) {
    auto o = parse_id(f.get("owner"));
    if (!o) return error_page(c, Error::invalid("error.bad_request"));
    in.owner = UserId(*o);
  }
  if (!f.get("regisseur").empty()) {
    auto r = parse_id(f.get("regisseur"));
    if (!r) return error_page(c, Error::invalid("error.bad_request"));
    in.regisseur = UserId(*r);
  }
  in.due_date = f.get("due_date");
  in.confirm_names = f.has("confirm_names");
  in.brigade = wishes_from(f, "b_");
  ItemOverride ov;
  ov.item = in.item;
  for (const char* k : {"summary", "decision", "owner", "due_date", "regisseur"})
    ov.values[k] = f.get(k);
  {
    json::object b;
    b["safety_aggression"] = in.brigade.safety_aggression;
    b["safety_dog"] = in.brigade.safety_dog;
    b["safety_addiction"] = in.brigade.safety_addiction;
    b["pair_advised"] = in.brigade.pair_advised;
    b["safety_notes"] = in.brigade.safety_notes;
    b["pref_language"] = in.brigade.pref_language;
    b["pref_gender"] = in.brigade.pref_gender;
    b["pref_theme"] = in.brigade.pref_theme;
    ov.values["b"] = std::move(b);
  }
  auto r = c.app.meetings().record_item(c.user(), in);
  if (!r) {
    if (r.error().kind == ErrorKind::kInvalid) {
      ov.errors = field_errors(c, r.error());
      return render_meeting(c, in.meeting, &ov, {}, 422);
    }
    if (r.error().message_key == "error.meeting.version_conflict") {
      ov.conflict = true;
      ov.errors = field_errors(c, r.error());
      return render_meeting(c, in.meeting, &ov, {}, 409);
    }
    return error_page(c, r.error());
  }
  if (r->name_warning) {
    ov.name_warning = true;
    return render_meeting(c, in.meeting, &ov, {}, 422);
  }
  return redirect("/overleggen/" + std::to_string(*id) + "#punt-" + std::to_string(*item));
}

Response meeting_attendance(Ctx& c) {
  auto id = c.id_param(0);
  auto version = parse_id(c.req.form.get("version"));
  if (!id || !version) return error_page(c, Error::invalid("error.bad_request"));
  bool ok = true;
  std::vector<Attendance> rows;
  const auto present = parse_ids(c.req.form.all("present"), &ok);
  for (auto org : parse_ids(c.req.form.all("org"), &ok)) {
    Attendance a;
    a.org_id = OrgId(org);
    a.present = std::find(present.begin(), present.end(), org) != present.end();
    a.person = c.req.form.get("person_" + std::to_string(org));
    rows.push_back(a);
  }
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.meetings().record_attendance(c.user(), MeetingId(*id), *version, rows);
  if (!st) {
    if (st.error().kind == ErrorKind::kConflict || st.error().kind == ErrorKind::kInvalid) {
      json::object extra;
      extra["attendance_error"] = c.t(st.error().message_key);
      return render_meeting(c, MeetingId(*id), nullptr, extra, status_for(st.error()));
    }
    return error_page(c, st.error());
  }
  return redirect("/overleggen/" + std::to_string(*id) + "#aanwezig");
}

Response meeting_update(Ctx& c) {
  auto id = c.id_param(0);
  auto version = parse_id(c.req.form.get("version"));
  if (!id || !version) return error_page(c, Error::invalid("error.bad_request"));
  bool ok = true;
  auto in = plan_input(c, &ok);
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.meetings().update(c.user(), MeetingId(*id), *version, *in,
                                    c.req.form.get("held") == "1",
                                    c.req.form.get("confirm_undecided") == "1");
  if (!st && st.error().message_key == "error.meeting.undecided") {
    // Before undecided items go to the next agenda, the chair sees them, urgent ones first.
    auto v = c.app.meetings().view(c.user(), MeetingId(*id));
    if (!v) return error_page(c, v.error());
    std::vector<const AgendaItemView*> open;
    for (const auto& iv : v->items)
      if (!iv.item.recorded) open.push_back(&iv);
    std::stable_sort(open.begin(), open.end(), [](const auto* a, const auto* b) {
      return a->signal.signal.urgent > b->signal.signal.urgent;
    });
    json::array list;
    for (const auto* iv : open) {
      json::object o;
      o["code"] = iv->signal.resident.code;
      o["item_id"] = iv->item.id.value;
      o["urgent"] = iv->signal.signal.urgent;
      o["description"] = resident_description(c, iv->signal.resident);
      list.push_back(std::move(o));
    }
    json::object extra;
    extra["undecided_warning"] = c.t("error.meeting.undecided", st.error().detail);
    extra["undecided"] = std::move(list);
    extra["notes_value"] = in->notes;
    return render_meeting(c, MeetingId(*id), nullptr, extra, 409);
  }
  if (!st) {
    if (st.error().kind == ErrorKind::kConflict || st.error().kind == ErrorKind::kInvalid) {
      json::object extra;
      extra["meeting_error"] = c.t(st.error().message_key);
      extra["notes_value"] = in->notes;
      return render_meeting(c, MeetingId(*id), nullptr, extra, status_for(st.error()));
    }
    return error_page(c, st.error());
  }
  return redirect("/overleggen/" + std::to_string(*id));
}

// The brigade part's choices of an agenda item's form, fetched (htmx) when the part opens.
Response meeting_item_prefs(Ctx& c) {
  auto item = c.id_param(1);
  if (!c.id_param(0) || !item) return error_page(c, Error::invalid("error.bad_request"));
  json::object m;
  m["id"] = *item;
  brigade_prefs(c, m, "", "", "");
  return fragment(c, "meetings/brigade_prefs", std::move(m));
}

Response meeting_minutes(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto v = c.app.meetings().minutes(c.user(), MeetingId(*id));
  if (!v) return error_page(c, v.error());
  json::object m = meeting_model(c, *v, nullptr);
  m["title"] = c.t("minutes_title") + " " + v->wijk.name + " " + format_date(v->meeting.starts_at);
  return fragment(c, "meetings/minutes", std::move(m));
}

}  // namespace meedoen::web
