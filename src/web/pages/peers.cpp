// The peer's own week: profile, on-call blocks and absences.
#include "web/pages/pages.hpp"

namespace meedoen::web {

static Response render_availability(Ctx& c, const std::string& week, json::object extra,
                                    int status) {
  auto s = c.app.peers().settings(c.user(), week);
  if (!s) return error_page(c, s.error());
  json::object m = std::move(extra);
  m["cap_counts_attempts"] = c.app.config().cap_counts_attempts;
  m["org"] = s->org_name;
  std::string wijken;
  for (const auto& w : s->wijk_names) wijken += (wijken.empty() ? "" : ", ") + w;
  m["wijken"] = wijken;
  m["week"] = s->week;
  m["prev_week"] = s->prev_week;
  m["next_week"] = s->next_week;
  json::array days;
  for (const auto& d : s->days) {
    json::object o;
    o["date"] = d.date;
    o["day"] = label(c, labels::kWeekdays, std::to_string(d.weekday));
    o["past"] = d.past;
    o["absent"] = d.absent;
    json::array parts;
    for (int p = 0; p < kDayParts; ++p) {
      json::object po;
      const std::string code(to_string(static_cast<DayPart>(p)));
      po["value"] = d.date + "|" + code;
      po["label"] = label(c, labels::kDayParts, code);
      po["checked"] = d.parts[p];
      po["disabled"] = d.past;
      po["id"] = "oc-" + d.date + "-" + code;
      parts.push_back(po);
    }
    o["parts"] = parts;
    days.push_back(o);
  }
  m["days"] = days;
  json::array absences;
  for (const auto& a : s->absences) {
    json::object o;
    o["id"] = a.id;
    o["from"] = a.from;
    o["to"] = a.to;
    o["note"] = a.note;
    absences.push_back(o);
  }
  m["absences"] = absences;
  m["has_absences"] = !absences.empty();
  // After a refused save, the forms show what was typed, not what is stored.
  const bool retry_profile = m.contains("profile_error");
  const Params& f = c.req.form;
  m["languages"] = options(c, labels::kLanguages, codes(kLanguages),
                           retry_profile ? f.all("languages") : s->profile.languages);
  m["themes"] = options(c, labels::kThemes, codes(kThemes),
                        retry_profile ? f.all("themes") : s->profile.themes);
  m["genders"] = options(c, labels::kGenders, codes(kGenders),
                         {retry_profile ? f.get("gender") : s->profile.gender});
  if (retry_profile) {
    m["cap"] = f.get("weekly_cap");
    m["email"] = f.get("email");
  } else {
    m["cap"] = s->profile.weekly_cap;
    m["email"] = s->profile.email;
  }
  if (m.contains("absence_error")) {
    json::object v;
    for (const char* k : {"from", "to", "note"}) v[k] = f.get(k);
    m["v"] = std::move(v);
  }
  m["saved_text"] = saved_text(c);
  return page(c, "peers/availability", std::move(m), c.t("availability_title"), status);
}

Response availability_page(Ctx& c) {
  return render_availability(c, c.req.query.get("week"), {}, 200);
}

static Response availability_result(Ctx& c, const Status& st, const std::string& week,
                                    const std::string& section) {
  if (st) return redirect("/beschikbaarheid?week=" + url_encode(week) + "&opgeslagen=" + section);
  if (st.error().kind != ErrorKind::kInvalid) return error_page(c, st.error());
  json::object extra;
  extra[section + "_error"] = c.t(st.error().message_key, st.error().detail);
  return render_availability(c, week, std::move(extra), 422);
}

Response availability_profile(Ctx& c) {
  const Params& f = c.req.form;
  PeerProfileInput in;
  in.languages = f.all("languages");
  in.themes = f.all("themes");
  in.gender = f.get("gender").empty() ? "unknown" : f.get("gender");
  auto cap = parse_id(f.get("weekly_cap"));
  in.weekly_cap = cap && *cap <= 1000 ? static_cast<int>(*cap) : 0;
  in.email = f.get("email");
  return availability_result(c, c.app.peers().save_profile(c.user(), in), f.get("week"), "profile");
}

Response availability_week(Ctx& c) {
  const Params& f = c.req.form;
  std::vector<OnCallBlock> blocks;
  for (const auto& v : f.all("on_call")) {
    const auto bar = v.find('|');
    if (bar == std::string::npos) return error_page(c, Error::invalid("error.bad_request"));
    auto part = parse_day_part(v.substr(bar + 1));
    if (!part) return error_page(c, Error::invalid("error.bad_request"));
    blocks.push_back({v.substr(0, bar), *part});
  }
  return availability_result(c, c.app.peers().save_on_call(c.user(), f.get("week"), blocks),
                             f.get("week"), "week");
}

Response availability_absence(Ctx& c) {
  const Params& f = c.req.form;
  Absence a{0, f.get("from"), f.get("to"), f.get("note")};
  return availability_result(c, c.app.peers().add_absence(c.user(), a), f.get("week"), "absence");
}

Response availability_absence_delete(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return availability_result(c, c.app.peers().remove_absence(c.user(), *id), c.req.form.get("week"),
                             "absence");
}
}  // namespace meedoen::web
