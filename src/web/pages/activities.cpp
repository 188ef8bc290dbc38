// The activities of a Zelfregiecentrum. For its hosts (/centrum/{id}/activiteiten): the list,
// visitors' proposals to approve, a new activity, and a single occurrence cancelled or moved or a
// series paused. For anyone, with no log-in: the centre's calendar of this week and next
// (/centra/{id}), an activity's page, and both as iCal feeds. The public answers are conditional
// (ETag, Last-Modified, 304), so a phone that looks again costs next to nothing.
#include <map>

#include "web/ical.hpp"
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

std::optional<std::int64_t> param(Ctx& c, std::size_t i) {
  if (i >= c.params.size()) return std::nullopt;
  return parse_id(c.params[i]);
}

std::string weekdays_text(Ctx& c, unsigned weekdays) {
  std::string out;
  for (int d = 0; d < 7; ++d) {
    if (!(weekdays & weekday_bit(d))) continue;
    if (!out.empty()) out += ", ";
    out += label(c, labels::kWeekdays, std::to_string(d));
  }
  return out;
}

// "Elke week op maandag, woensdag · 10:00 tot 11:30": a schedule in words.
std::string schedule_text(Ctx& c, const Schedule& s) {
  const unsigned days = s.weekdays ? s.weekdays : weekday_bit(weekday_of_days(s.first_day));
  std::map<std::string, std::string> v{
      {"days", weekdays_text(c, days)},
      {"date", long_date(c, s.first_day)},
      {"from", clock_time(s.start_minute)},
      {"to", clock_time(s.start_minute + s.duration_minutes)},
      {"week", std::string(label(c, labels::kWeeksOfMonth, std::to_string(s.week_of_month)))},
      {"weekday",
       std::string(label(c, labels::kWeekdays, std::to_string(weekday_of_days(s.first_day))))}};
  const std::string& lang = c.text_lang();
  switch (s.repeat) {
    case Repeat::kOnce:
      return c.views.message_with(lang, "schedule_once", v);
    case Repeat::kWeekly:
      return c.views.message_with(lang, "schedule_weekly", v);
    case Repeat::kBiweekly:
      return c.views.message_with(lang, "schedule_biweekly", v);
    case Repeat::kMonthly:
      return c.views.message_with(lang, "schedule_monthly", v);
  }
  return {};
}

json::object occurrence_json(Ctx& c, const CalendarEntry& e) {
  const Activity& a = *e.activity;
  json::object o;
  o["activity_id"] = a.id.value;
  o["title"] = a.title;
  o["description"] = a.description;
  o["for_whom"] = a.for_whom;
  o["room"] = e.room;
  o["date"] = long_date(c, local_days(e.occurrence.start));
  o["iso_date"] = format_days(e.occurrence.day);
  o["from"] = format_datetime(e.occurrence.start).substr(11);
  o["to"] = format_datetime(e.occurrence.end).substr(11);
  o["datetime"] = format_datetime_input(e.occurrence.start);
  o["cancelled"] = e.occurrence.cancelled;
  o["moved"] = e.occurrence.moved;
  o["signup"] = a.signup;
  if (a.signup && a.capacity > 0) o["capacity"] = c.plural("places_n", a.capacity);
  if (a.signup && !e.occurrence.cancelled && c.app.now() < e.occurrence.start)
    o["signup_url"] = "/centra/" + std::to_string(a.centre_id.value) + "/activiteiten/" +
                      std::to_string(a.id.value) + "/aanmelden/" + format_days(e.occurrence.day);
  if (!a.organiser.empty()) o["organiser"] = a.organiser;
  return o;
}

// The places left of each occurrence, on the activity's own page.
void add_places(Ctx& c, json::object& o, const Activity& a, const PublicCalendar& cal,
                std::int64_t day) {
  if (!a.signup || a.capacity <= 0) return;
  const auto it = cal.signed_up.find(day);
  const int left = a.capacity - (it == cal.signed_up.end() ? 0 : it->second);
  if (left > 0)
    o["places_left"] = c.plural("places_left_n", left);
  else
    o["full"] = true;
}

// The calendar's days, each with its occurrences, for the public page.
json::array days_json(Ctx& c, const PublicCalendar& cal) {
  json::array days;
  std::int64_t day = -1;
  for (const auto& e : cal.entries) {
    const auto d = local_days(e.occurrence.start);
    if (d != day) {
      json::object o;
      o["date"] = long_date(c, d);
      o["today"] = d == local_days(c.app.now());
      o["items"] = json::array();
      days.push_back(std::move(o));
      day = d;
    }
    days.back().as_object()["items"].as_array().push_back(occurrence_json(c, e));
  }
  return days;
}

// The public pages render without the visitor's session (no name, no menu, no form token), so
// that every visitor gets the same bytes and a cache or a 304 can serve them.
Response public_page(Ctx& c, const std::string& tmpl, json::object m, const std::string& title,
                     Timestamp changed_at) {
  Ctx pub{c.req, c.app, c.views, {}, {}, {}, c.sp, nullptr, {}, c.client, {}, c.base_url};
  pub.session.lang = c.session.lang;
  Response r = page(pub, tmpl, std::move(m), title);
  // The page changes at midnight too (which days it shows), whatever changed in the data.
  conditional_get(c.req, r, std::max(changed_at, start_of_local_day(c.app.now())));
  r.set("Vary", "Cookie");
  return r;
}

std::string centre_url(Ctx& c, CentreId id) {
  return std::string(c.base_url) + "/centra/" + std::to_string(id.value);
}

IcalEvent ical_event(Ctx& c, const Activity& a, const Centre& centre) {
  IcalEvent e;
  e.uid = "activiteit-" + std::to_string(a.id.value) + "@meedoen";
  e.summary = a.title;
  e.description = a.description;
  if (!a.for_whom.empty())
    e.description +=
        (e.description.empty() ? "" : "\n") + c.t("activity_for_whom") + ": " + a.for_whom;
  const Room* room = centre.room(a.room_id);
  e.location = centre.name + (room ? " (" + room->name + ")" : "") +
               (centre.address.empty() ? "" : ", " + centre.address);
  e.url = centre_url(c, centre.id) + "/activiteiten/" + std::to_string(a.id.value);
  e.schedule = a.schedule;
  e.pauses = a.pauses;
  e.changes = a.changes;
  e.last_modified = a.updated_at;
  return e;
}

Response feed(Ctx& c, const PublicCalendar& cal, const std::string& name) {
  std::vector<IcalEvent> events;
  for (const auto& a : cal.activities) events.push_back(ical_event(c, a, cal.centre));
  Response r;
  r.set("Content-Type", "text/calendar; charset=utf-8");
  r.body = ical_calendar(name, events, cal.changed_at);
  conditional_get(c.req, r, cal.changed_at);
  return r;
}

}  // namespace

Response calendar_page(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  auto cal = c.app.activities().public_calendar(CentreId(*id));
  if (!cal) return error_page(c, cal.error());
  json::object m;
  m["centre"] = json::object{
      {"id", cal->centre.id.value}, {"name", cal->centre.name}, {"address", cal->centre.address}};
  m["days"] = days_json(c, *cal);
  m["empty"] = cal->entries.empty();
  m["from"] = long_date(c, cal->from_day);
  m["to"] = long_date(c, cal->to_day);
  return public_page(c, "activities/calendar", std::move(m), cal->centre.name, cal->changed_at);
}

Response calendar_feed(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  auto cal = c.app.activities().public_calendar(CentreId(*id));
  if (!cal) return error_page(c, cal.error());
  return feed(c, *cal, cal->centre.name);
}

Response public_activity_page(Ctx& c) {
  const auto centre = param(c, 0);
  const auto id = param(c, 1);
  if (!centre || !id) return error_page(c, Error::not_found());
  auto cal = c.app.activities().public_activity(ActivityId(*id));
  if (!cal || cal->centre.id.value != *centre) return error_page(c, Error::not_found());
  const Activity& a = cal->activities.front();
  json::object m;
  m["centre"] = json::object{{"id", cal->centre.id.value}, {"name", cal->centre.name}};
  m["activity"] = json::object{{"id", a.id.value},
                               {"title", a.title},
                               {"description", a.description},
                               {"for_whom", a.for_whom},
                               {"schedule", schedule_text(c, a.schedule)},
                               {"signup", a.signup},
                               {"organiser", a.organiser}};
  json::array next;
  for (const auto& e : cal->entries) {
    json::object o = occurrence_json(c, e);
    add_places(c, o, a, *cal, e.occurrence.day);
    next.push_back(std::move(o));
  }
  m["next"] = std::move(next);
  m["empty"] = cal->entries.empty();
  return public_page(c, "activities/activity", std::move(m), a.title, cal->changed_at);
}

Response public_activity_feed(Ctx& c) {
  const auto centre = param(c, 0);
  const auto id = param(c, 1);
  if (!centre || !id) return error_page(c, Error::not_found());
  auto cal = c.app.activities().public_activity(ActivityId(*id));
  if (!cal || cal->centre.id.value != *centre) return error_page(c, Error::not_found());
  return feed(c, *cal, cal->activities.front().title);
}

// --- the host's pages ---

namespace {

json::object activity_row_json(Ctx& c, const Activity& a, const Centre& centre,
                               std::int64_t today) {
  json::object o;
  o["id"] = a.id.value;
  o["title"] = a.title;
  o["schedule"] = schedule_text(c, a.schedule);
  o["for_whom"] = a.for_whom;
  const Room* room = centre.room(a.room_id);
  o["room"] = room ? room->name : std::string();
  o["organiser"] = a.organiser;
  o["show_organiser"] = a.show_organiser;
  o["proposed"] = a.status == ActivityStatus::kProposed;
  o["declined"] = a.status == ActivityStatus::kDeclined;
  o["status"] = std::string(label(c, labels::kActivityStatuses, activity_status_code(a.status)));
  o["series"] = a.schedule.repeat != Repeat::kOnce;
  json::array next;
  for (const auto& occ : a.occurrences(today, today + 27)) {
    json::object n;
    n["iso_date"] = format_days(occ.day);
    n["date"] = long_date(c, local_days(occ.start));
    n["from"] = format_datetime(occ.start).substr(11);
    n["cancelled"] = occ.cancelled;
    n["moved"] = occ.moved;
    n["url"] = "/activiteiten/" + std::to_string(a.id.value) + "/keer/" + format_days(occ.day);
    next.push_back(std::move(n));
    if (next.size() == 4) break;
  }
  o["next"] = std::move(next);
  for (const auto& p : a.pauses)
    if (p.to_day >= today) o["paused"] = long_date(c, p.from_day) + " – " + long_date(c, p.to_day);
  return o;
}

Response render_host(Ctx& c, CentreId centre, json::object extra, int status) {
  auto list = c.app.activities().list(c.user(), centre);
  if (!list) return error_page(c, list.error());
  auto cal = c.app.activities().public_calendar(centre, 1);
  if (!cal) return error_page(c, cal.error());
  const Centre& ce = cal->centre;
  const auto today = local_days(c.app.now());
  json::object m = std::move(extra);
  json::array proposals, current;
  for (const auto& a : *list) {
    if (a.status == ActivityStatus::kDeclined) continue;
    (a.status == ActivityStatus::kProposed ? proposals : current)
        .push_back(activity_row_json(c, a, ce, today));
  }
  m["centre"] = json::object{{"id", ce.id.value}, {"name", ce.name}};
  m["has_proposals"] = !proposals.empty();
  m["proposals"] = std::move(proposals);
  m["activities"] = std::move(current);
  json::array rooms;
  for (const auto& r : ce.rooms)
    rooms.push_back(json::object{{"id", r.id.value}, {"name", r.name}});
  m["rooms"] = std::move(rooms);
  std::vector<std::string> repeat_codes;
  for (auto r : all_repeats()) repeat_codes.emplace_back(repeat_code(r));
  const auto* v = m.if_contains("v");
  const std::string chosen = v && v->as_object().if_contains("repeat")
                                 ? std::string(v->at("repeat").as_string())
                                 : "weekly";
  m["repeats"] = options(c, labels::kRepeats, repeat_codes, {chosen});
  m["weekdays"] = options(c, labels::kWeekdays, {"0", "1", "2", "3", "4", "5", "6"}, {});
  m["weeks_of_month"] = options(c, labels::kWeeksOfMonth, {"1", "2", "3", "4", "-1"}, {"1"});
  if (!m.contains("v"))
    m["v"] = json::object{
        {"first_date", format_days(today)}, {"start_time", "10:00"}, {"duration_minutes", "60"}};
  m["saved_text"] = saved_text(c);
  return page(c, "activities/list", std::move(m), c.t("activities_title") + " · " + ce.name,
              status);
}

ActivityInput activity_input(const Params& f) {
  ActivityInput in;
  in.title = f.get("title");
  in.description = f.get("description");
  in.for_whom = f.get("for_whom");
  in.room = f.get("room");
  in.first_date = f.get("first_date");
  in.start_time = f.get("start_time");
  in.duration_minutes = f.get("duration_minutes");
  in.repeat = f.get("repeat");
  in.weekdays = f.all("weekdays");
  in.week_of_month = f.get("week_of_month");
  in.until_date = f.get("until_date");
  in.signup = f.get("signup") == "1";
  in.capacity = f.get("capacity");
  in.organiser = f.get("organiser");
  in.show_organiser = f.get("show_organiser") == "1";
  in.proposal = f.get("proposal") == "1";
  return in;
}

// After a change to one activity: back to its centre's list, with what was saved; a date that
// does not do shows the list again with the message (the form names the centre for that).
Response back_to_list(Ctx& c, const Result<CentreId>& done, const char* saved) {
  if (done)
    return redirect("/centrum/" + std::to_string(done->value) +
                    "/activiteiten?opgeslagen=" + saved);
  const auto centre = parse_id(c.req.form.get("centre"));
  if (done.error().kind != ErrorKind::kInvalid || !centre) return error_page(c, done.error());
  json::object extra;
  extra["error"] = c.t(done.error().message_key);
  return render_host(c, CentreId(*centre), std::move(extra), 422);
}

}  // namespace

Response activities_page(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  return render_host(c, CentreId(*id), {}, 200);
}

Response activity_create(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  const auto in = activity_input(c.req.form);
  auto made = c.app.activities().create(c.user(), CentreId(*id), in);
  if (made)
    return redirect("/centrum/" + std::to_string(*id) +
                    "/activiteiten?opgeslagen=" + (in.proposal ? "voorstel" : "activiteit"));
  if (made.error().kind != ErrorKind::kInvalid) return error_page(c, made.error());
  json::object extra;
  extra["error"] = c.t(made.error().message_key);
  extra["errors"] = field_errors(c, made.error());
  json::object v;
  for (const char* k : {"title", "description", "for_whom", "first_date", "start_time",
                        "duration_minutes", "repeat", "until_date", "capacity", "organiser"})
    v[k] = c.req.form.get(k);
  extra["v"] = std::move(v);
  return render_host(c, CentreId(*id), std::move(extra), 422);
}

Response activity_decide(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  const bool approve = c.req.form.get("approve") == "1";
  auto done = c.app.activities().decide(c.user(), ActivityId(*id), approve);
  return back_to_list(c, done, approve ? "goedgekeurd" : "afgewezen");
}

Response activity_cancel(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  auto done =
      c.app.activities().cancel_occurrence(c.user(), ActivityId(*id), c.req.form.get("date"));
  return back_to_list(c, done, "gaat_niet_door");
}

Response activity_move(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  const auto& f = c.req.form;
  auto done = c.app.activities().move_occurrence(c.user(), ActivityId(*id), f.get("date"),
                                                 f.get("new_date"), f.get("new_time"));
  return back_to_list(c, done, "verplaatst");
}

Response activity_pause(Ctx& c) {
  const auto id = param(c, 0);
  if (!id) return error_page(c, Error::not_found());
  const auto& f = c.req.form;
  auto done = c.app.activities().pause(c.user(), ActivityId(*id), f.get("from"), f.get("to"));
  return back_to_list(c, done, "gepauzeerd");
}

}  // namespace meedoen::web
