#include "web/models.hpp"

#include <algorithm>
#include <cstdio>

#include "app/app.hpp"
#include "web/render.hpp"

namespace meedoen::web {

namespace {

// "man, 50+, Noord 1": what may be said of a resident without identifying them.
void append_resident_description(const Ctx& c, const ResidentView& r, std::string& out) {
  auto part = [&](std::string_view p) {
    if (!out.empty()) out += ", ";
    out.append(p.data(), p.size());
  };
  if (r.gender != "unknown") part(label(c, labels::kGenders, r.gender));
  if (r.age_band != "unknown") part(label(c, labels::kAgeBands, r.age_band));
  if (!r.buurt.empty()) part(r.buurt);
  if (out.empty()) out = c.t("resident_no_features");
}

json::object assignment_json(Ctx& c, const AssignmentView& a, bool list_only) {
  json::object o(c.sp);
  o["peer"] = a.peer_name;
  o["state_label"] = label(c, labels::kAssignmentStates, to_string(a.assignment.state));
  o["current"] = a.assignment.current();
  if (!list_only) {
    o["peer_id"] = a.assignment.peer.value;
    o["state"] = to_string(a.assignment.state);
    // An assignment that a new outcome ended has that outcome's code as its reason: its label goes
    // in. Any other reason is what the peer or the coordinator wrote.
    const auto outcome = a.assignment.state == AssignmentState::kEnded
                             ? parse_outcome(a.assignment.reason)
                             : std::nullopt;
    o["reason"] = outcome ? outcome_label(c, *outcome) : a.assignment.reason;
    o["when"] = format_datetime(a.assignment.assigned_at);
  }
  return o;
}

}  // namespace

std::string outcome_label(Ctx& c, Outcome o) {
  return std::string(label(c, labels::kOutcomes, to_string(o)));
}

json::array wijk_choices_json(Ctx& c, const std::vector<WijkChoice>& wijken,
                              const std::string& chosen_wijk, const std::string& chosen_buurt,
                              const std::vector<std::string>& chosen_categories) {
  json::array out(c.sp);
  for (const auto& w : wijken) {
    json::object o(c.sp);
    o["id"] = w.wijk.id.value;
    o["name"] = w.wijk.name;
    o["selected"] = chosen_wijk == std::to_string(w.wijk.id.value) ||
                    (chosen_wijk.empty() && &w == &wijken.front());
    json::array buurten(c.sp);
    for (const auto& b : w.buurten) {
      json::object bo(c.sp);
      bo["id"] = b.id.value;
      bo["name"] = b.name;
      bo["selected"] = chosen_buurt == std::to_string(b.id.value);
      buurten.push_back(std::move(bo));
    }
    o["buurten"] = std::move(buurten);
    json::array cats(c.sp);
    for (const auto& cat : w.categories) {
      json::object co(c.sp);
      co["id"] = cat.id.value;
      co["label"] = cat.label;
      co["checked"] = std::find(chosen_categories.begin(), chosen_categories.end(),
                                std::to_string(cat.id.value)) != chosen_categories.end();
      cats.push_back(std::move(co));
    }
    o["categories"] = std::move(cats);
    out.push_back(std::move(o));
  }
  return out;
}

std::string resident_description(Ctx& c, const ResidentView& r) {
  std::string out;
  append_resident_description(c, r, out);
  return out;
}

json::object signal_row_json(Ctx& c, const SignalRow& row, bool list_only) {
  json::object o(c.sp);
  o.reserve(13);  // the fields below: no regrowth while filling
  const Signal& s = row.signal;
  o["id"] = s.id.value;
  o["code"] = row.resident.code;
  {
    std::string d;
    append_resident_description(c, row.resident, d);
    o["description"] = d;
  }
  o["urgent"] = s.urgent;
  o["state_label"] = label(c, labels::kSignalStates, to_string(s.state));
  o["wijk"] = row.wijk_name;
  o["org"] = row.org_name;
  if (!list_only) {
    o["text"] = s.description;
    o["meldcode"] = s.meldcode;
    o["raised_by"] = row.raised_by_name;
  }
  o["date"] = format_date(s.created_at);
  json::string& cats = o["categories_text"].emplace_string();
  for (const auto& l : row.category_labels) {
    if (!cats.empty()) cats.append(", ");
    cats.append(l);
  }
  return o;
}

json::object identity_json(const Identity& i) {
  json::object o;
  o["name"] = i.name;
  o["address"] = i.address;
  o["phone"] = i.phone;
  o["birth_year"] = i.birth_year;
  o["notes"] = i.notes;
  o["empty"] = i.empty();
  return o;
}

json::object checkin_json(Ctx& c, const CheckinView& v, const std::string& phone) {
  json::object ch(c.sp);
  ch["code"] = v.resident_code;
  ch["request_id"] = v.checkin.request_id.value;
  ch["back_by"] = format_datetime(v.checkin.expected_back);
  ch["overdue"] = v.overdue;
  if (!phone.empty()) ch["phone"] = phone;
  return ch;
}

void add_workload(Ctx& c, json::object& m, int load, int cap) {
  m["load"] = load;
  m["cap"] = cap;
  m["load_of_cap"] = c.plural("visits_of_cap", cap, {{"load", std::to_string(load)}});
}

json::object action_json(Ctx& c, const ActionView& a) {
  json::object o(c.sp);
  o["id"] = a.action.id.value;
  o["signal_id"] = a.action.signal_id.value;
  o["decision"] = decision_label(c, a.action.decision);
  o["owner"] = a.owner_name;
  o["due"] = a.action.due_date;
  o["overdue"] = a.action.state == ActionState::kOpen && !a.action.due_date.empty() &&
                 a.action.due_date < format_date(c.app.now());
  o["open"] = a.action.state == ActionState::kOpen;
  o["state_label"] = label(c, labels::kActionStates, to_string(a.action.state));
  o["note"] = a.action.note;
  o["code"] = a.resident_code;
  o["wijk"] = a.wijk_name;
  if (a.identity) o["identity"] = identity_json(*a.identity);
  return o;
}

json::object meeting_summary_json(Ctx& c, const MeetingSummary& m) {
  json::object o(c.sp);
  o["id"] = m.meeting.id.value;
  o["when"] = format_datetime(m.meeting.starts_at);
  o["place"] = m.meeting.place;
  o["wijk"] = m.wijk_name;
  o["items"] = m.items;
  o["items_text"] = c.plural("agenda_items", m.items);
  o["held"] = m.meeting.held;
  o["may_chair"] = m.may_chair;
  return o;
}

std::string_view timeline_key(std::string_view kind) {
  const std::string_view key = label_key(labels::kTimelineEvents, kind);
  return key.empty() ? label_key(labels::kTimelineEvents, "other") : key;
}

json::object request_row_json(Ctx& c, const RequestRow& row, bool list_only) {
  const BrigadeRequest& r = row.request;
  json::object o(c.sp);
  o.reserve(list_only ? 16 : 28);
  o["id"] = r.id.value;
  o["code"] = row.resident.code;
  o["description"] = resident_description(c, row.resident);
  o["wijk"] = row.resident.wijk;
  o["urgency_label"] = label(c, labels::kUrgencies, to_string(r.urgency));
  o["urgent"] = r.urgency == Urgency::kUrgent;
  o["outcome_label"] = label(c, labels::kOutcomes, to_string(r.outcome));
  o["age_days"] = row.age_days;
  o["visits"] = row.visits;
  o["last_visit"] = row.last_visit ? format_date(row.last_visit) : std::string();
  o["pair_advised"] = r.pair_advised;
  const bool any_safety = r.safety_aggression || r.safety_dog || r.safety_addiction;
  o["has_safety"] = any_safety || !r.safety_notes.empty() || r.pair_advised;
  json::array as(c.sp);
  bool has_current = false;
  for (const auto& a : row.assignments) {
    as.push_back(assignment_json(c, a, list_only));
    has_current = has_current || a.assignment.current();
  }
  o["assignments"] = std::move(as);
  o["unassigned"] = !has_current;
  o["has_current"] = has_current;
  if (list_only) return o;  // what the request_item partial shows
  o["urgency"] = std::string(to_string(r.urgency));
  o["outcome"] = std::string(to_string(r.outcome));
  o["created"] = format_date(r.created_at);
  o["known"] = r.known;
  o["source_label"] = label(c, labels::kRequestSources, r.source);
  json::array safety(c.sp);
  if (r.safety_aggression) safety.push_back(json::string(c.t("safety_aggression")));
  if (r.safety_dog) safety.push_back(json::string(c.t("safety_dog")));
  if (r.safety_addiction) safety.push_back(json::string(c.t("safety_addiction")));
  o["safety"] = std::move(safety);
  o["safety_notes"] = r.safety_notes;
  json::array prefs(c.sp);
  if (!r.pref_language.empty())
    prefs.push_back(json::string(
        c.t("pref_language_is", std::string(label(c, labels::kLanguages, r.pref_language)))));
  if (!r.pref_gender.empty())
    prefs.push_back(json::string(
        c.t("pref_gender_is", std::string(label(c, labels::kGenders, r.pref_gender)))));
  if (!r.pref_theme.empty())
    prefs.push_back(
        json::string(c.t("pref_theme_is", std::string(label(c, labels::kThemes, r.pref_theme)))));
  o["has_prefs"] = !prefs.empty();
  o["prefs"] = std::move(prefs);
  return o;
}
std::string long_date(const Ctx& c, std::int64_t days, int this_year) {
  const std::string iso = format_days(days);  // "2026-12-02"
  const int year = std::stoi(iso.substr(0, 4));
  const std::string month = std::to_string(std::stoi(iso.substr(5, 2)));
  const std::string day = std::to_string(std::stoi(iso.substr(8, 2)));
  std::string out(label(c, labels::kWeekdays, std::to_string(weekday_of_days(days))));
  out += ' ';
  out += day;
  out += ' ';
  out += label(c, labels::kMonths, month);
  if (year != this_year) out += " " + iso.substr(0, 4);
  return out;
}

std::string clock_time(int minute_of_day) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60 % 24, minute_of_day % 60);
  return buf;
}

}  // namespace meedoen::web
