// The demo's signals and overleggen: professionals raise signals about residents, each wijk's
// overleg meets, decides on every item and gives out actions, owners settle them and chairs close
// cases. Part of DemoBuilder (app/demo_builder.hpp).
#include <algorithm>

#include "app/demo_builder.hpp"
#include "app/demo_data.hpp"
#include "store/store.hpp"

namespace meedoen {

using demo_data::kConcernsAny;
using demo_data::kConcernsMan;
using demo_data::kConcernsWoman;
using demo_data::kDay;
using demo_data::kFirstNames;
using demo_data::kLastNames;
using demo_data::kMeldcodeConcern;
using demo_data::kStreets;
using demo_data::kSummaries;

namespace {

// The overleg's decisions go round this cycle, item by item; kSummaries says each in words.
constexpr Decision kDecisionCycle[] = {Decision::kBrigade, Decision::kWijkteam, Decision::kHuisarts,
                                       Decision::kKeepEye, Decision::kNoAction, Decision::kGgz,
                                       Decision::kPolice};

}  // namespace

// The signals of one cycle, a share of each wijk's residents: the first urgent in every other
// cycle, the last about a resident raised before (from the second cycle on).
Status DemoBuilder::raise_signals(int cycle) {
  for (auto w : wijk_ids_) {
    const int per_cycle = plan_of(w).residents / 4 + 1;
    for (int i = 0; i < per_cycle; ++i) {
      clock_->advance(3600);
      if (auto st = raise(w, i == 0 && cycle % 2 == 0, i == per_cycle - 1 && cycle > 0); !st)
        return st;
    }
  }
  return Status::Ok();
}

// One of the wijk's raisers raises a signal through the form they see, about a new resident or,
// with `repeat`, about one raised before in this wijk.
Status DemoBuilder::raise(WijkId w, bool urgent, bool repeat) {
  const auto& who = plan_of(w).raisers;
  const User& raiser =
      user(who[std::uniform_int_distribution<std::size_t>(0, who.size() - 1)(rng_)]);
  Result<SignalFormData> form = app_.signals().form(raiser);
  if (!form) return form.error();
  const WijkChoice* choice = nullptr;
  for (const auto& c : form->wijken)
    if (c.wijk.id == w) choice = &c;
  if (!choice) return Error::forbidden();
  // The buurt is drawn before the resident, as the random sequence of the demo has it.
  const BuurtId buurt = pick(choice->buurten).id;
  RaiseSignalInput in =
      repeat && !codes_[w].empty() ? about_known_resident(w) : about_new_resident();
  in.wijk = w;
  in.buurt = buurt;
  in.description = concern(in.gender);
  std::vector<Category> usable;
  for (const auto& c : choice->categories)
    if (!c.meldcode) usable.push_back(c);
  in.categories.push_back(pick(usable).id);
  in.urgent = urgent;
  auto r = app_.signals().raise(raiser, in);
  if (!r) return r.error();
  if (in.resident_code.empty()) {
    codes_[w].push_back(r->resident_code);
    gender_of_[r->resident_code] = in.gender;
  }
  return Status::Ok();
}

RaiseSignalInput DemoBuilder::about_known_resident(WijkId w) {
  RaiseSignalInput in;
  in.resident_code = pick(codes_[w]);
  in.gender = gender_of_[in.resident_code];  // only for the text below; the record keeps its own
  return in;
}

// A new resident with a made-up identity, sealed in the vault by the use case.
RaiseSignalInput DemoBuilder::about_new_resident() {
  RaiseSignalInput in;
  in.gender = std::uniform_int_distribution<int>(0, 1)(rng_) ? "male" : "female";
  in.age_band = kAgeBands[std::uniform_int_distribution<int>(0, 3)(rng_)];
  in.identity.name = std::string(pick(kFirstNames)) + " " + pick(kLastNames);
  in.identity.address = std::string(pick(kStreets)) + " " +
                        std::to_string(std::uniform_int_distribution<int>(1, 180)(rng_));
  if (std::uniform_int_distribution<int>(0, 2)(rng_) == 0)
    in.identity.phone =
        "06-" + std::to_string(std::uniform_int_distribution<int>(10000000, 99999999)(rng_));
  in.identity.birth_year = std::to_string(std::uniform_int_distribution<int>(1940, 1995)(rng_));
  return in;
}

// A concern that fits the resident: half the time one about a man or a woman, else any.
std::string DemoBuilder::concern(const std::string& gender) {
  const int k = std::uniform_int_distribution<int>(0, 7)(rng_);
  if (k >= 4) return kConcernsAny[k - 4];
  return gender == "male" ? kConcernsMan[k] : kConcernsWoman[k];
}

// Each wijk meets on the day and at the hour its rhythm says (Meerburg on Tuesday 10:00,
// Merenwijk on Thursday 13:30, Stevenshof on Wednesday 09:30): the first such day from `from`.
Timestamp DemoBuilder::meeting_time(WijkId w, Timestamp from) const {
  const auto [weekday, hour, minute] = plan_of(w).meets;
  Timestamp day = start_of_local_day(from);
  for (int i = 0; i < 7; ++i) {
    const int wd = static_cast<int>((day - start_of_local_week(day) + 3600) / kDay);
    if (wd == weekday) break;
    day = start_of_local_day(day + kDay + 3 * 3600);
  }
  return day + hour * 3600 + minute * 60;
}

// Every wijk's chair plans the next meeting; once the last of them is over, each is written up.
Status DemoBuilder::hold_meetings() {
  std::vector<std::pair<WijkId, MeetingId>> planned;
  Timestamp last = clock_->now();
  for (auto w : wijk_ids_) {
    const Timestamp when = meeting_time(w, clock_->now() + kDay);
    auto id =
        app_.meetings().plan(user(plan_of(w).chair), {w, format_datetime_input(when), "", {}, ""});
    if (!id) return id.error();
    planned.emplace_back(w, *id);
    last = std::max(last, when);
  }
  clock_->advance(last + 2 * 3600 - clock_->now());
  for (const auto& [w, id] : planned)
    if (auto st = run_meeting(w, id); !st) return st;
  return Status::Ok();
}

// The chair writes a meeting up: who came, a decision on every item, and the meeting held.
Status DemoBuilder::run_meeting(WijkId w, MeetingId id) {
  const User& chair = user(plan_of(w).chair);
  if (auto st = record_attendance(chair, id); !st) return st;
  if (auto st = record_items(w, chair, id); !st) return st;
  auto view = app_.meetings().view(chair, id);
  if (!view) return view.error();
  PlanMeetingInput keep{w, format_datetime_input(view->meeting.starts_at), view->meeting.place,
                        view->meeting.invited,
                        "Goed overleg. Volgende keer de terugkoppelingen eerst."};
  return app_.meetings().update(chair, id, view->meeting.version, keep, true,
                                /*confirm_undecided=*/true);
}

// Every invited organisation came, except that addiction care sometimes could not.
Status DemoBuilder::record_attendance(const User& chair, MeetingId id) {
  auto view = app_.meetings().view(chair, id);
  if (!view) return view.error();
  std::vector<Attendance> att;
  for (const auto& row : view->attendance) {
    const bool present =
        row.org.kind != "addiction_care" || std::uniform_int_distribution<int>(0, 1)(rng_);
    att.push_back({row.org.id, present, ""});
  }
  return app_.meetings().record_attendance(chair, id, view->meeting.version, att);
}

// A decision on every item, going round kDecisionCycle; a follow-up is kept an eye on. A decision
// that needs an action gets an owner and a due date three weeks on.
Status DemoBuilder::record_items(WijkId w, const User& chair, MeetingId id) {
  auto view = app_.meetings().view(chair, id);
  if (!view) return view.error();
  int n = 0;
  for (const auto& iv : view->items) {
    RecordItemInput in;
    in.meeting = id;
    in.item = iv.item.id;
    in.version = iv.item.version;
    const int k = n++ % 7;
    const bool follow_up = iv.item.kind == AgendaItemKind::kFollowUp;
    in.decision = follow_up ? Decision::kKeepEye : kDecisionCycle[k];
    in.summary =
        follow_up ? "Terugkoppeling besproken. Actie loopt nog; blijven volgen." : kSummaries[k];
    if (decision_needs_action(in.decision)) {
      in.owner = user(owner_for(w, in.decision)).id;
      in.due_date = format_date(view->meeting.starts_at + 21 * kDay);
    }
    in.regisseur = user("wijkteam").id;
    in.confirm_names = true;
    auto r = app_.meetings().record_item(chair, in);
    if (!r) return r.error();
  }
  return Status::Ok();
}

// Who takes the action a decision asks for, in this wijk: no demo user of a GP practice or of the
// GGZ works in Stevenshof, so the wijkteam takes those there.
std::string DemoBuilder::owner_for(WijkId w, Decision d) const {
  switch (d) {
    case Decision::kBrigade:
      return "coordinator";
    case Decision::kWijkteam:
      return "wijkteam";
    case Decision::kHuisarts:
      return w == merenwijk_ ? "huisarts.merenwijk" : (w == meerburg_ ? "huisarts" : "wijkteam");
    case Decision::kGgz:
      return w == stevenshof_ ? "wijkteam" : "ggz";
    case Decision::kPolice:
      return "wijkagent";
    default:
      return w == merenwijk_ ? "huismeester.merenwijk" : "huismeester";
  }
}

// Owners settle most of their actions older than two days: of every three, two are settled, most
// of them done. The brigade's actions follow its requests instead (follow_up).
void DemoBuilder::settle_actions() {
  for (const auto& [name, owner] : users_) {
    if (name == "coordinator") continue;
    auto acts = app_.meetings().my_actions(owner);
    if (!acts) continue;
    int k = 0;
    for (const auto& a : *acts) {
      if (a.action.state != ActionState::kOpen || a.action.created_at > clock_->now() - 2 * kDay)
        continue;
      if (k++ % 3 == 2) continue;
      const bool done = k % 4 != 0;
      (void)app_.meetings().settle_action(
          owner, a.action.id, done ? ActionState::kDone : ActionState::kNotDone,
          done ? "Contact gehad; bewoner staat open voor een volgende afspraak."
               : "Drie keer aangebeld, niet opengedaan.");
    }
  }
}

// Each chair closes one in three of the wijk's discussed signals.
void DemoBuilder::close_discussed_cases() {
  for (auto w : wijk_ids_) {
    const User& chair = user(plan_of(w).chair);
    SignalFilter f;
    f.wijk = w;
    f.state = SignalState::kDiscussed;
    std::vector<Signal> discussed;
    {
      auto tx = ctx_.store->begin(TxMode::kRead);
      discussed = tx->signals().list_signals(f);
    }
    for (std::size_t i = 0; i < discussed.size(); i += 3)
      (void)app_.signals().close(
          chair, discussed[i].id,
          "Bewoner heeft nu contact met het wijkteam en komt naar de inloop.");
  }
}

// A meldcode signal on the private track of the GGZ's designated officer, with its first step.
Status DemoBuilder::meldcode_signal() {
  const User& raiser = user("ggz");
  auto form = app_.signals().form(raiser);
  if (!form) return form.error();
  RaiseSignalInput in;
  in.wijk = meerburg_;
  in.buurt = form->wijken[0].buurten[0].id;
  in.gender = "female";
  in.age_band = "30_50";
  in.identity.name = "Sara Mulder";
  in.identity.address = "Meerburgerkade 12";
  in.description = kMeldcodeConcern;
  in.meldcode_confirmed = true;
  auto r = app_.signals().raise(raiser, in);
  if (!r) return r.error();
  return app_.signals().record_meldcode_step(
      raiser, r->signal_id, 1, format_date(clock_->now()),
      "Signalen in kaart gebracht: meldingen van buren, geen eigen waarneming.");
}

}  // namespace meedoen
