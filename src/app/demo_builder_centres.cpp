// The demo's Zelfregiecentra: Huis van de Buurt Matilo in Meerburg with a realistic week (coffee
// every morning, a Thursday meal, painting with a summer break, a walk with the donkeys every two
// weeks, a knitting group that a visitor started, a monthly lunch), a second centre in
// Stevenshof, and 20 to 40 visitors a day counted over the whole history. Runs after the rest of
// the story, with its own random sequence, so the overleg and the brigade stay as they were.
#include <cstdio>
#include <random>

#include "app/audit_trail.hpp"
#include "app/demo_builder.hpp"
#include "app/demo_data.hpp"
#include "privacy/password.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

using demo_data::kDay;

unsigned weekdays_open(std::initializer_list<int> days, std::initializer_list<DayPart> parts) {
  unsigned bits = 0;
  for (int d : days)
    for (auto p : parts) bits |= opening_bit(d, p);
  return bits;
}

struct DemoActivity {
  const char* title;
  const char* description;
  const char* for_whom;
  const char* room;  // by name, or "" for none
  Repeat repeat;
  unsigned weekdays;
  int start_minute;
  int duration;
  int week_of_month;
  bool signup;
  int capacity;
  const char* organiser;
  bool proposal;  // a visitor's proposal that the host approves
};

constexpr unsigned kMonToFri = 0x1f;

const DemoActivity kMatilo[] = {
    {"Koffie-ochtend", "Koffie, thee, de krant en een praatje. De huiskamer is open.", "Iedereen",
     "Huiskamer", Repeat::kWeekly, kMonToFri, 10 * 60, 120, 1, false, 0, "", false},
    {"Samen eten", "Een warme maaltijd voor 4 euro. Samen koken mag ook: kom dan om 16:00.",
     "Iedereen", "Keuken", Repeat::kWeekly, weekday_bit(3), 17 * 60 + 30, 120, 1, true, 14, "",
     false},
    {"Schilderen", "Met verf, potlood of krijt. Materiaal is er.", "Iedereen", "Atelier",
     Repeat::kWeekly, weekday_bit(1), 13 * 60 + 30, 120, 1, false, 0, "", false},
    {"Wandelen met de ezels", "Een rustige wandeling met de ezels van de kinderboerderij.",
     "Iedereen die een uur kan lopen", "", Repeat::kBiweekly, weekday_bit(2), 14 * 60, 90, 1, true,
     8, "", false},
    {"Breigroep", "Breien, haken en kletsen. Ook voor beginners.", "Iedereen", "Huiskamer",
     Repeat::kWeekly, weekday_bit(4), 13 * 60 + 30, 90, 1, false, 0, "Ans", true},
    {"Buurtlunch", "Soep en broodjes met de buren.", "Iedereen", "Keuken", Repeat::kMonthly, 0,
     12 * 60, 90, 1, false, 0, "", false},
};

}  // namespace

Status DemoBuilder::make_centres() {
  const Timestamp now = clock_->now();
  NewCentre matilo{
      meerburg_,
      "Huis van de Buurt Matilo",
      "Willem de Zwijgerlaan 2, Leiden",
      weekdays_open({0, 1, 2, 3, 4}, {DayPart::kMorning, DayPart::kAfternoon}) |
          opening_bit(3, DayPart::kEvening),
      {{RoomId(), "Huiskamer", 30}, {RoomId(), "Atelier", 12}, {RoomId(), "Keuken", 16}}};
  auto m = app_.centres().create(admin_, matilo);
  if (!m) return m.error();
  matilo_ = *m;
  NewCentre stevenshof{stevenshof_,
                       "Huis van de Buurt Stevenshof",
                       "Stevensbloem 4, Leiden",
                       weekdays_open({1, 3}, {DayPart::kMorning, DayPart::kAfternoon}),
                       {{RoomId(), "Grote zaal", 40}}};
  auto s = app_.centres().create(admin_, stevenshof);
  if (!s) return s.error();
  for (auto c : {matilo_, *s})
    if (auto st = app_.centres().add_host(admin_, c, user("gastvrouw").id); !st) return st;
  if (auto st = app_.centres().add_host(admin_, matilo_, user("tablet.matilo").id); !st) return st;

  // The activities began with the history; painting kept its summer break in its first weeks.
  const User& host = user("gastvrouw");
  auto tx = ctx_.store->begin(TxMode::kRead);
  const Centre centre = *tx->centres().get_centre(matilo_);
  tx.reset();
  const std::int64_t start = local_days(start_of_local_week(t0_));
  for (const auto& a : kMatilo) {
    ActivityInput in;
    in.title = a.title;
    in.description = a.description;
    in.for_whom = a.for_whom;
    for (const auto& r : centre.rooms)
      if (r.name == a.room) in.room = std::to_string(r.id.value);
    // The first occurrence falls in the first week: on the series' first weekday (the monthly
    // lunch on the first Tuesday of the month after).
    int first_weekday = 0;
    while (a.weekdays && !(a.weekdays & weekday_bit(first_weekday))) ++first_weekday;
    std::int64_t first = start + first_weekday;
    if (a.repeat == Repeat::kMonthly) first = start + 1;
    in.first_date = format_days(first);
    char time[24];
    std::snprintf(time, sizeof time, "%02d:%02d", a.start_minute / 60, a.start_minute % 60);
    in.start_time = time;
    in.duration_minutes = std::to_string(a.duration);
    in.repeat = std::string(repeat_code(a.repeat));
    for (int d = 0; d < 7; ++d)
      if (a.weekdays & weekday_bit(d)) in.weekdays.push_back(std::to_string(d));
    in.week_of_month = std::to_string(a.week_of_month);
    in.signup = a.signup;
    if (a.capacity) in.capacity = std::to_string(a.capacity);
    in.organiser = a.organiser;
    in.show_organiser = a.organiser[0] != '\0';
    in.proposal = a.proposal;
    auto id = app_.activities().create(host, matilo_, in);
    if (!id) return id.error();
    if (a.proposal)
      if (auto d = app_.activities().decide(host, *id, true); !d) return d.error();
    const std::string title = a.title;
    if (title == "Schilderen") {
      auto p = app_.activities().pause(host, *id, format_days(start), format_days(start + 20));
      if (!p) return p.error();
    }
    // Next week: one coffee morning does not go ahead, and the walk moves a day.
    const std::int64_t next_week = local_days(start_of_local_week(now)) + 7;
    if (title == "Koffie-ochtend") {
      auto c = app_.activities().cancel_occurrence(host, *id, format_days(next_week + 2));
      if (!c) return c.error();
    }
    if (title == "Wandelen met de ezels") {
      const auto occ =
          expand(Schedule{first, a.start_minute, a.duration, a.repeat, a.weekdays, 1, 0}, {}, {},
                 next_week, next_week + 13);
      if (!occ.empty()) {
        auto mv = app_.activities().move_occurrence(host, *id, format_days(occ.front().day),
                                                    format_days(occ.front().day + 1), "14:00");
        if (!mv) return mv.error();
      }
    }
  }
  // A visitor's proposal that waits for the host.
  ActivityInput guitar;
  guitar.title = "Gitaar voor beginners";
  guitar.description = "Mo speelt al jaren en leert het graag aan anderen.";
  guitar.first_date = format_days(local_days(now) + 9);
  guitar.start_time = "15:00";
  guitar.duration_minutes = "60";
  guitar.repeat = "weekly";
  guitar.organiser = "Mo";
  guitar.show_organiser = true;
  guitar.proposal = true;
  if (auto g = app_.activities().create(host, matilo_, guitar); !g) return g.error();
  if (auto st = count_visitors(); !st) return st;
  return fill_occurrences();
}

// 20 to 40 visitors on each day Matilo is open, from the start of the history to now, written
// straight into the store (one transaction a day): the host's taps, with their tags, and the
// check-ins of five known visitors.
Status DemoBuilder::count_visitors() {
  std::mt19937 rng(20261202);
  auto chance = [&](int percent) {
    return std::uniform_int_distribution<int>(0, 99)(rng) < percent;
  };
  const UserId host = user("gastvrouw").id;
  const Timestamp now = clock_->now();
  const std::int64_t last = local_days(now);
  // Five visitors who wanted to be known, from the second week on; they come most days.
  std::vector<VisitorId> known;
  std::vector<std::int64_t> from;  // the first day each may come
  {
    auto tx = ctx_.store->begin(TxMode::kWrite);
    for (const char* name : {"Ans", "Bram", "Joke", "Kees", "Mo"}) {
      Visitor v;
      v.centre_id = matilo_;
      v.name = name;
      v.created_by = host;
      v.created_at = t0_ + 7 * 86400;
      v.id = tx->visitors().insert_visitor(v);
      ConsentRecord c;
      c.visitor = v.id;
      c.recipient = centre_ref(matilo_);
      c.text_version = consent_text_version(c.purpose);
      c.recorded_by = host;
      c.given_at = v.created_at;
      tx->consents().insert_consent(c);
      known.push_back(v.id);
      from.push_back(local_days(t0_) + 7);
    }
    // Three whom the brigade brought along, known from the day they came, linked to their
    // request under a consent of their own.
    const char* kBrought[] = {"Fenna", "Henk", "Wim"};
    for (std::size_t i = 0; i < came_along_.size() && i < std::size(kBrought); ++i) {
      const auto r = tx->brigade().get_request(came_along_[i].request);
      if (!r || tx->visitors().visitor_of_resident(r->resident_id)) continue;
      Visitor v;
      v.centre_id = matilo_;
      v.name = kBrought[i];
      v.resident = r->resident_id;
      v.created_by = came_along_[i].peer;
      v.created_at = came_along_[i].at;
      v.id = tx->visitors().insert_visitor(v);
      for (auto purpose : {ConsentPurpose::kKnownAtCentre, ConsentPurpose::kBrigadeLink}) {
        ConsentRecord c;
        c.visitor = v.id;
        c.purpose = purpose;
        c.recipient = purpose == ConsentPurpose::kBrigadeLink
                          ? "brigade:" + std::to_string(r->id.value)
                          : centre_ref(matilo_);
        c.text_version = consent_text_version(purpose);
        c.recorded_by = v.created_by;
        c.given_at = v.created_at;
        tx->consents().insert_consent(c);
      }
      known.push_back(v.id);
      from.push_back(local_days(v.created_at) + 1);
    }
    if (auto st = tx->commit(); !st) return st;
  }
  if (auto st = note_participation(known); !st) return st;
  std::vector<bool> came(known.size(), false);
  for (std::int64_t day = local_days(t0_); day <= last; ++day) {
    const int weekday = weekday_of_days(day);
    if (weekday > 4) continue;
    const int visitors = std::uniform_int_distribution<int>(20, 40)(rng);
    auto tx = ctx_.store->begin(TxMode::kWrite);
    {
      for (std::size_t k = 0; k < known.size(); ++k) {
        if (day < from[k] || !chance(45)) continue;
        Tap t;
        t.centre_id = matilo_;
        t.day = day;
        t.part = DayPart::kMorning;
        t.at = local_timestamp(day, std::uniform_int_distribution<int>(9 * 60 + 30, 11 * 60)(rng));
        if (t.at > now) continue;
        t.visitor = known[k];
        t.tags.first_visit = !came[k];
        came[k] = true;
        t.key = "demo" + random_token().substr(0, 20);
        t.by = host;
        tx->centres().insert_tap(t);
      }
    }
    for (int i = 0; i < visitors; ++i) {
      Tap t;
      t.centre_id = matilo_;
      t.day = day;
      t.part = chance(60) ? DayPart::kMorning : DayPart::kAfternoon;
      const int minute = t.part == DayPart::kMorning
                             ? std::uniform_int_distribution<int>(9 * 60 + 30, 11 * 60 + 55)(rng)
                             : std::uniform_int_distribution<int>(13 * 60, 16 * 60 + 55)(rng);
      t.at = local_timestamp(day, minute);
      if (t.at > now) continue;  // today: only the visitors so far
      t.tags.first_visit = chance(6);
      t.tags.with_brigade = chance(4);
      t.tags.with_someone = chance(15);
      if (chance(30)) t.tags.age_band = kAgeBands[std::uniform_int_distribution<int>(0, 3)(rng)];
      if (chance(30)) t.tags.gender = chance(50) ? "female" : "male";
      t.key = "demo" + random_token().substr(0, 20);
      t.by = host;
      tx->centres().insert_tap(t);
    }
    if (auto st = tx->commit(); !st) return st;
  }
  return Status::Ok();
}

// Six of the known visitors agreed to talk about how they take part, a week after they became
// known, and a host talked with them about every six weeks: most went up a rung, one stayed.
Status DemoBuilder::note_participation(const std::vector<VisitorId>& known) {
  struct Path {
    const char* goal;
    std::vector<int> rungs;
  };
  const Path kPaths[] = {{"weer op tijd mijn bed uit", {1, 2, 3}},
                         {"iets voor anderen doen", {2, 3, 4}},
                         {"weer durven fietsen", {2, 2}},
                         {"een keer per week koken voor anderen", {3, 3, 4}},
                         {"gitaarles geven aan wie het wil leren", {3, 4}},
                         {"vaker de deur uit", {1, 2}}};
  const UserId host = user("gastvrouw").id;
  const Timestamp now = clock_->now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  for (std::size_t i = 0; i < known.size() && i < std::size(kPaths); ++i) {
    const auto v = tx->visitors().get_visitor(known[i]);
    if (!v) continue;
    const Timestamp asked = v->created_at + 7 * 86400;
    if (asked > now) continue;
    ConsentRecord c;
    c.visitor = v->id;
    c.purpose = ConsentPurpose::kParticipation;
    c.recipient = centre_ref(matilo_);
    c.text_version = consent_text_version(c.purpose);
    c.recorded_by = host;
    c.given_at = asked;
    tx->consents().insert_consent(c);
    for (std::size_t k = 0; k < kPaths[i].rungs.size(); ++k) {
      const Timestamp at = asked + static_cast<Timestamp>(k) * 42 * 86400;
      if (at > now) break;
      ParticipationNote n;
      n.visitor = v->id;
      n.rung = kPaths[i].rungs[k];
      if (k == 0) n.goal = kPaths[i].goal;
      n.day = local_days(at);
      n.recorded_by = host;
      n.recorded_at = at;
      tx->participation().insert_note(n);
    }
  }
  return tx->commit();
}

}  // namespace meedoen
