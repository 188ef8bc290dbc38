// The host's pages of a Zelfregiecentrum: the centres they host (/centrum), and a centre's day
// page (/centrum/{id}) with the count of visitors and today's activities. A tap (+1, -1) is a
// form post: without script the page comes back counted; with static/tally.js the tap is sent in
// the background, kept in the page while the connection is down, and sent again with the same
// key, so it is counted once.
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

json::object tally_json(Ctx& c, const DayTally& d) {
  json::object m;
  m["centre_id"] = d.centre.id.value;
  m["key"] = Centres::new_tap_key();
  m["total"] = d.total;
  m["total_text"] = c.plural("tally_total", d.total);
  json::array parts;
  for (const auto& t : d.parts) {
    json::object o;
    const std::string code(to_string(t.part));
    o["code"] = code;
    o["label"] = std::string(label(c, labels::kDayParts, code));
    o["visitors"] = t.visitors;
    o["first_visits"] = t.first_visits;
    o["with_brigade"] = t.with_brigade;
    o["with_someone"] = t.with_someone;
    o["known"] = t.known;
    o["current"] = t.part == d.current;
    parts.push_back(std::move(o));
  }
  m["parts"] = std::move(parts);
  m["current_label"] = std::string(label(c, labels::kDayParts, to_string(d.current)));
  m["current_count"] = d.parts[static_cast<std::size_t>(d.current)].visitors;
  m["age_bands"] = options(c, labels::kAgeBands, {"under_30", "30_50", "50_plus", "65_plus"}, {});
  m["genders"] = options(c, labels::kGenders, {"female", "male", "other"}, {});
  if (d.repeated) m["repeated"] = true;
  // For the page's script, which fills in the number of taps waiting: the text in both forms.
  m["offline_one"] = c.plural("tally_offline", 1, {{"n", "{n}"}});
  m["offline_many"] = c.plural("tally_offline", 2, {{"n", "{n}"}});
  return m;
}

// Today's occurrences at the centre, for the day page.
json::array today_json(Ctx& c, CentreId centre) {
  json::array out;
  auto cal = c.app.activities().public_calendar(centre, 1);
  if (!cal) return out;
  const auto today = local_days(c.app.now());
  for (const auto& e : cal->entries) {
    if (local_days(e.occurrence.start) != today) continue;
    json::object o;
    o["title"] = e.activity->title;
    o["time"] = format_datetime(e.occurrence.start).substr(11);
    o["room"] = e.room;
    o["cancelled"] = e.occurrence.cancelled;
    o["url"] = "/activiteiten/" + std::to_string(e.activity->id.value) + "/keer/" +
               format_days(e.occurrence.day);
    out.push_back(std::move(o));
  }
  return out;
}

// What became of what the host asked the brigade with its full form: by the resident's code,
// never a name.
json::array asked_json(Ctx& c, const std::vector<RequestId>& listed) {
  json::array out;
  auto asked = c.app.brigade().asked(c.user());
  if (!asked) return out;
  for (const auto& a : *asked) {
    if (std::find(listed.begin(), listed.end(), a.id) != listed.end()) continue;
    json::object o;
    o["code"] = a.resident_code;
    o["date"] = long_date(c, local_days(a.created_at));
    std::string state;
    if (a.visits > 0)
      state =
          c.plural("asked_visits", a.visits, {{"date", long_date(c, local_days(a.last_visit))}});
    else if (a.peer_going)
      state = c.t("asked_peer_going");
    else
      state = c.t("asked_waiting");
    if (a.outcome != Outcome::kOpen) state += " · " + outcome_label(c, a.outcome);
    o["state"] = state;
    out.push_back(std::move(o));
  }
  return out;
}

// The visitors the centre knows, to check in with a tap on the name; each form its own key.
json::array known_json(Ctx& c, CentreId centre) {
  json::array out;
  auto k = c.app.visitors().known(c.user(), centre);
  if (!k) return out;
  for (const auto& v : k->visitors)
    out.push_back(json::object{{"id", v.visitor.id.value},
                               {"name", v.visitor.name},
                               {"in_today", v.in_today},
                               {"key", Centres::new_tap_key()}});
  return out;
}

Response render_day(Ctx& c, const DayTally& d, json::object extra, int status) {
  json::object m = std::move(extra);
  // The centre's tablet counts and checks in; the rest of the page is the hosts'.
  const bool host = c.may().hosts_centre;
  m["host"] = host;
  auto known = known_json(c, d.centre.id);
  m["has_known"] = !known.empty();
  m["known"] = std::move(known);
  m["centre"] = json::object{
      {"id", d.centre.id.value}, {"name", d.centre.name}, {"wijk", d.centre.wijk_id.value}};
  std::vector<RequestId> passed_on;  // the requests of the concerns: not listed twice
  if (host) m["concerns"] = concerns_day_json(c, d.centre.id, &passed_on);
  auto asked = host ? asked_json(c, passed_on) : json::array();
  m["has_asked"] = !asked.empty();
  m["asked"] = std::move(asked);
  m["today"] = long_date(c, d.day);
  m["tally"] = tally_json(c, d);
  auto activities = host ? today_json(c, d.centre.id) : json::array();
  m["has_activities"] = !activities.empty();
  m["activities"] = std::move(activities);
  m["saved_text"] = saved_text(c);
  return page(c, "centres/day", std::move(m), d.centre.name, status);
}

std::optional<CentreId> centre_param(Ctx& c) {
  auto id = parse_id(c.params.at(0));
  if (!id) return std::nullopt;
  return CentreId(*id);
}

}  // namespace

Response tally_fragment(Ctx& c, CentreId centre, const std::string& said, int status) {
  auto now = c.app.centres().today(c.user(), centre);
  if (!now) return error_page(c, now.error());
  json::object m = tally_json(c, *now);
  if (!said.empty()) m["said"] = said;
  return fragment(c, "centres/tally", std::move(m), status);
}

Response centres_page(Ctx& c) {
  auto list = c.app.centres().hosted(c.user());
  if (!list) return error_page(c, list.error());
  if (list->size() == 1) return redirect("/centrum/" + std::to_string(list->front().id.value));
  json::object m;
  json::array centres;
  for (const auto& ce : *list)
    centres.push_back(json::object{{"id", ce.id.value}, {"name", ce.name}});
  m["centres"] = std::move(centres);
  m["empty"] = list->empty();
  return page(c, "centres/list", std::move(m), c.t("centres_title"));
}

Response centre_day_page(Ctx& c) {
  const auto id = centre_param(c);
  if (!id) return error_page(c, Error::not_found());
  auto d = c.app.centres().today(c.user(), *id);
  if (!d) return error_page(c, d.error());
  return render_day(c, *d, {}, 200);
}

Response centre_tap(Ctx& c) {
  const auto id = centre_param(c);
  if (!id) return error_page(c, Error::not_found());
  const auto& f = c.req.form;
  TapInput in;
  in.key = f.get("key");
  in.delta = f.get("delta") == "-1" ? -1 : (f.get("delta") == "1" ? 1 : 0);
  in.part = f.get("part");
  in.day = f.get("day");
  in.tags.first_visit = f.get("first_visit") == "1";
  in.tags.with_brigade = f.get("with_brigade") == "1";
  in.tags.with_someone = f.get("with_someone") == "1";
  in.tags.age_band = f.get("age_band");
  in.tags.gender = f.get("gender");
  auto d = c.app.centres().tap(c.user(), *id, in);
  if (!d) {
    // Nothing left to take back is no failure of the page: it says so beside the count.
    if (d.error().kind == ErrorKind::kConflict) {
      auto now = c.app.centres().today(c.user(), *id);
      if (!now) return error_page(c, now.error());
      json::object extra;
      extra["error"] = c.t(d.error().message_key);
      if (c.req.is_htmx()) {
        json::object m = tally_json(c, *now);
        m["error"] = c.t(d.error().message_key);
        return fragment(c, "centres/tally", std::move(m), 409);
      }
      return render_day(c, *now, std::move(extra), 409);
    }
    return error_page(c, d.error());
  }
  if (c.req.is_htmx()) return fragment(c, "centres/tally", tally_json(c, *d));
  return redirect("/centrum/" + std::to_string(id->value) + "?opgeslagen=geteld");
}

}  // namespace meedoen::web
