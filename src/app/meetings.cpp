// The signaleringsoverleg: planning meetings, building and ordering the agenda, recording what the
// table decided, attendance, and the pseudonymous minutes.
#include "app/meetings.hpp"

#include <algorithm>
#include <set>

#include "app/audit_trail.hpp"
#include "app/brigade_shared.hpp"
#include "app/identity.hpp"
#include "app/lookups.hpp"
#include "domain/agenda_builder.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// Adds what needs the overleg to the meeting's agenda, after the items it has. Returns how many.
int extend_agenda(Tx& tx, const Meeting& m, Timestamp t, UserId by) {
  AgendaCandidates c;
  SignalFilter f;
  f.wijk = m.wijk_id;
  f.state = SignalState::kNew;
  f.limit = 500;
  c.new_signals = tx.signals().list_signals(f);
  c.open_actions = tx.meetings().open_actions_in_wijk(m.wijk_id);
  {
    // Since the wijk's last meeting that was held before this one.
    MeetingFilter past;
    past.wijken = {m.wijk_id};
    past.to = m.starts_at;
    past.descending = true;
    past.limit = 10;
    Timestamp since = 0;
    for (const auto& pm : tx.meetings().list_meetings(past))
      if (pm.held && pm.id != m.id) {
        since = pm.starts_at;
        break;
      }
    c.brigade_feedback = tx.meetings().brigade_settled_actions(m.wijk_id, since);
  }
  c.already_on_agenda = tx.meetings().signals_pending_on_agendas(m.wijk_id);
  auto items = tx.meetings().agenda(m.id);
  for (const auto& i : items) c.already_on_agenda.push_back(i.signal_id);
  int position = static_cast<int>(items.size());
  int added = 0;
  for (const auto& p : build_agenda(c, format_date(m.starts_at))) {
    AgendaItem item;
    item.meeting_id = m.id;
    item.signal_id = p.signal_id;
    item.action_id = p.action_id;
    item.kind = p.kind;
    item.position = ++position;
    tx.meetings().insert_agenda_item(item);
    ++added;
    auto s = tx.signals().get_signal(p.signal_id);
    if (!s) continue;
    if (auto next = transition(s->state, SignalEvent::kPlaceOnAgenda)) {
      s->state = *next;
      s->updated_at = t;
      tx.signals().update_signal(*s);
    }
    tx.signals().add_timeline({s->id, t, by, "on_agenda", format_date(m.starts_at)});
  }
  return added;
}

Status validate_meeting_input(Tx& tx, const PlanMeetingInput& in, Timestamp* starts) {
  auto when = parse_local_datetime(in.starts_at);
  if (!when) return Error::invalid("error.datetime", "starts_at");
  *starts = *when;
  if (in.place.size() > kMaxPlace) return Error::invalid("error.too_long", "place");
  if (in.notes.size() > kMaxSummary) return Error::invalid("error.too_long", "notes");
  for (auto o : in.invited)
    if (!tx.admin().get_org(o)) return Error::invalid("error.invalid_choice", "invited");
  return Status::Ok();
}

}  // namespace

Result<MeetingList> Meetings::list(const User& user) {
  const std::vector<WijkId> readable = viewable_wijken(user);
  if (readable.empty()) return Error::forbidden();  // an empty filter would mean "every wijk"
  auto tx = ctx_.store->begin(TxMode::kRead);
  MeetingList out;
  const Timestamp today = start_of_local_day(now());
  auto summarise = [&](const Meeting& m) {
    MeetingSummary s{
        m, {}, static_cast<int>(tx->meetings().agenda(m.id).size()), may_chair(user, m.wijk_id)};
    if (auto w = tx->admin().get_wijk(m.wijk_id)) s.wijk_name = w->name;
    return s;
  };
  MeetingFilter up;
  up.wijken = readable;
  up.from = today;
  up.limit = 50;
  // A meeting marked held is past, also on its own day: it leaves "gepland" for the list with
  // minutes.
  std::vector<MeetingSummary> held_today;
  for (const auto& m : tx->meetings().list_meetings(up))
    (m.held ? held_today : out.upcoming).push_back(summarise(m));
  MeetingFilter past;
  past.wijken = readable;
  past.to = today;
  past.descending = true;
  past.limit = 50;
  out.past = std::move(held_today);
  for (const auto& m : tx->meetings().list_meetings(past)) out.past.push_back(summarise(m));
  out.may_plan = std::any_of(user.wijken.begin(), user.wijken.end(),
                             [&](WijkId w) { return may_chair(user, w); });
  return out;
}

Result<MeetingFormData> Meetings::form(const User& user) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  MeetingFormData out;
  for (auto w : user.wijken) {
    if (!may_chair(user, w)) continue;
    if (auto wijk = tx->admin().get_wijk(w)) {
      out.wijken.push_back(*wijk);
      out.partners.emplace_back(w, tx->admin().partners(w));
    }
  }
  if (out.wijken.empty()) return Error::forbidden();
  out.orgs = tx->admin().list_orgs();
  return out;
}

Result<MeetingId> Meetings::plan(const User& user, const PlanMeetingInput& in) {
  if (!may_chair(user, in.wijk)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto wijk = tx->admin().get_wijk(in.wijk);
  if (!wijk) return Error::not_found();
  Meeting m;
  if (auto st = validate_meeting_input(*tx, in, &m.starts_at); !st) return st.error();
  m.wijk_id = in.wijk;
  m.place = trim(in.place).empty() ? wijk->default_place : trim(in.place);
  m.notes = in.notes;
  m.invited = in.invited.empty() ? tx->admin().partners(in.wijk) : in.invited;
  m.id = tx->meetings().insert_meeting(m);
  extend_agenda(*tx, m, now(), user.id);
  if (auto st = tx->commit(); !st) return st.error();
  return m.id;
}

static Result<MeetingView> load_meeting(Tx& tx, const User& user, MeetingId id) {
  auto m = tx.meetings().get_meeting(id);
  if (!m) return Error::not_found();
  if (!may_view_wijk(user, m->wijk_id)) return Error::forbidden();
  MeetingView v;
  v.meeting = *m;
  v.wijk = tx.admin().get_wijk(m->wijk_id).value_or(Wijk{});
  v.may_chair = may_chair(user, m->wijk_id);
  Lookups names(tx);
  const auto agenda = tx.meetings().agenda(id);
  std::vector<SignalId> ids;
  for (const auto& item : agenda) ids.push_back(item.signal_id);
  auto signals = tx.signals().get_signals(ids);
  names.prefetch_residents(signals);
  const auto recorded = tx.meetings().actions_of_meeting(id);
  for (const auto& item : agenda) {
    AgendaItemView iv;
    iv.item = item;
    auto s = std::find_if(signals.begin(), signals.end(),
                          [&](const Signal& g) { return g.id == item.signal_id; });
    if (s != signals.end()) iv.signal = signal_row(names, *s);
    if (item.action_id) {
      iv.follow_up = tx.meetings().get_action(*item.action_id);
      if (iv.follow_up) iv.follow_up_owner = names.user(iv.follow_up->owner);
      if (auto req = tx.brigade().request_for_action(*item.action_id)) {
        AgendaItemView::BrigadeFeedback fb;
        fb.outcome = req->outcome;
        for (const auto& ref : tx.referrals().referrals_for_request(req->id))
          fb.referrals.push_back({names.org(ref.to_org), ref.status, ref.intake_date});
        iv.brigade = std::move(fb);
      }
    }
    for (const auto& a : recorded)
      if (a.signal_id == item.signal_id)
        iv.actions.push_back({a, names.user(a.owner), iv.signal.resident.code, v.wijk.name, {}});
    v.items.push_back(std::move(iv));
  }
  std::set<OrgId> shown;
  const auto present = tx.meetings().attendance(id);
  auto add_org = [&](OrgId o, bool invited) {
    if (!shown.insert(o).second) return;
    auto org = tx.admin().get_org(o);
    if (!org) return;
    AttendanceRow row{*org, invited, false, {}};
    for (const auto& p : present)
      if (p.org_id == o) {
        row.present = p.present;
        row.person = p.person;
      }
    v.attendance.push_back(row);
  };
  for (auto o : m->invited) add_org(o, true);
  for (auto o : tx.admin().partners(m->wijk_id)) add_org(o, false);
  for (const auto& p : present) add_org(p.org_id, false);
  v.wijk_users = tx.accounts().users_in_wijk(m->wijk_id);
  return v;
}

Result<MeetingView> Meetings::view(const User& user, MeetingId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  return load_meeting(*tx, user, id);
}

Result<MeetingView> Meetings::minutes(const User& user, MeetingId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  return load_meeting(*tx, user, id);
}

Status Meetings::refresh_agenda(const User& user, MeetingId id) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto m = tx->meetings().get_meeting(id);
  if (!m) return Error::not_found();
  if (!may_chair(user, m->wijk_id)) return Error::forbidden();
  if (m->held) return Error::conflict("error.meeting.held");
  extend_agenda(*tx, *m, now(), user.id);
  return tx->commit();
}

Status Meetings::move_agenda_item(const User& user, MeetingId id, AgendaItemId item, int delta) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto m = tx->meetings().get_meeting(id);
  if (!m) return Error::not_found();
  if (!may_chair(user, m->wijk_id)) return Error::forbidden();
  std::vector<AgendaItemId> order;
  for (const auto& i : tx->meetings().agenda(id)) order.push_back(i.id);
  auto it = std::find(order.begin(), order.end(), item);
  if (it == order.end()) return Error::not_found();
  const auto from = static_cast<std::size_t>(it - order.begin());
  const auto to = static_cast<std::int64_t>(from) + delta;
  if (to < 0 || to >= static_cast<std::int64_t>(order.size())) return Status::Ok();
  tx->meetings().set_agenda_positions(reorder(order, from, static_cast<std::size_t>(to)));
  return tx->commit();
}

Result<RecordItemResult> Meetings::record_item(const User& user, const RecordItemInput& in) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto m = tx->meetings().get_meeting(in.meeting);
  if (!m) return Error::not_found();
  if (!may_view_wijk(user, m->wijk_id)) return Error::forbidden();
  if (!may_chair(user, m->wijk_id)) return Error::forbidden();
  if (m->held) return Error::conflict("error.meeting.held");
  auto item = tx->meetings().get_agenda_item(in.item);
  if (!item || item->meeting_id != in.meeting) return Error::not_found();
  auto s = tx->signals().get_signal(item->signal_id);
  if (!s) return Error::not_found();

  const auto wijk_users = tx->accounts().users_in_wijk(m->wijk_id);
  auto in_wijk = [&](UserId u) {
    return std::any_of(wijk_users.begin(), wijk_users.end(),
                       [&](const User& w) { return w.id == u; });
  };
  // Every problem at once, so the chair fixes the form in one go.
  std::vector<std::pair<std::string, std::string>> problems;
  if (in.summary.size() > kMaxSummary) problems.emplace_back("summary", "error.too_long");
  const bool needs_action = decision_needs_action(in.decision);
  if (needs_action) {
    if (!in.owner || !in_wijk(*in.owner))
      problems.emplace_back("owner", "error.meeting.owner_required");
    if (in.due_date.size() > 10 || !parse_date(in.due_date))
      problems.emplace_back("due_date", "error.date");
  }
  if (in.regisseur && !in_wijk(*in.regisseur))
    problems.emplace_back("regisseur", "error.invalid_choice");
  if (in.decision == Decision::kBrigade) {
    for (auto& p : wishes_problems(in.brigade)) problems.push_back(std::move(p));
    // Safety notes reach peers who may still say no: they must not name the resident.
    if (!in.brigade.safety_notes.empty()) {
      const auto hits = tx->residents().residents_with_name_tokens(
          m->wijk_id, ctx_.vault->name_tokens(in.brigade.safety_notes));
      if (std::find(hits.begin(), hits.end(), s->resident_id) != hits.end())
        problems.emplace_back("safety_notes", "error.request.name_in_text");
    }
  }
  if (!problems.empty()) return Error::invalid_fields(std::move(problems));

  RecordItemResult result;
  const std::string summary = trim(in.summary);
  if (!in.confirm_names && !summary.empty()) {
    const auto hits =
        tx->residents().residents_with_name_tokens(m->wijk_id, ctx_.vault->name_tokens(summary));
    if (!hits.empty()) {
      result.name_warning = true;
      return result;
    }
  }
  const Timestamp t = now();
  const bool first_record = !item->recorded;
  item->summary = summary;
  item->decision = in.decision;
  item->recorded = in.decision != Decision::kNone;
  item->version = in.version;
  if (!tx->meetings().update_agenda_item(*item))
    return Error::conflict("error.meeting.version_conflict");

  if (in.decision != Decision::kNone) {
    bool has_item_action = false;
    for (const auto& a : tx->meetings().actions_for_signal(s->id))
      if (a.meeting_id == std::optional<MeetingId>(m->id) && a.state == ActionState::kOpen)
        has_item_action = true;
    if (needs_action && !has_item_action) {
      Action a;
      a.signal_id = s->id;
      a.resident_id = s->resident_id;
      a.wijk_id = s->wijk_id;
      a.meeting_id = m->id;
      a.decision = in.decision;
      a.owner = *in.owner;
      a.due_date = in.due_date;
      a.created_at = t;
      result.action = tx->meetings().insert_action(a);
      a.id = *result.action;
      if (in.decision == Decision::kBrigade)
        request_from_overleg(*tx, t, user, *s, a, summary, in.brigade);
      tx->signals().add_timeline(
          {s->id, t, user.id, "action",
           std::string(to_string(in.decision)) + "|" + user_name(*tx, a.owner) + "|" + a.due_date});
    }
    const SignalEvent ev = (needs_action || has_item_action) ? SignalEvent::kDiscussWithAction
                                                             : SignalEvent::kDiscussNoAction;
    if (auto next = transition(s->state, ev)) s->state = *next;
    if (in.regisseur) s->regisseur = in.regisseur;
    s->updated_at = t;
    tx->signals().update_signal(*s);
    if (first_record)
      tx->signals().add_timeline(
          {s->id, t, user.id, "discussed", std::string(to_string(in.decision))});
    append_audit(*tx, t, &user, "change", s->resident_id, "signal:" + std::to_string(s->id.value),
                 "overleg decision");
  }
  if (auto st = tx->commit(); !st) return st.error();
  result.saved = true;
  return result;
}

Status Meetings::record_attendance(const User& user, MeetingId id, std::int64_t version,
                                   const std::vector<Attendance>& rows) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto m = tx->meetings().get_meeting(id);
  if (!m) return Error::not_found();
  if (!may_chair(user, m->wijk_id)) return Error::forbidden();
  for (const auto& r : rows) {
    if (!tx->admin().get_org(r.org_id)) return Error::invalid("error.invalid_choice", "attendance");
    if (r.person.size() > kMaxShortText) return Error::invalid("error.too_long", "attendance");
  }
  m->version = version;
  if (!tx->meetings().update_meeting(*m)) return Error::conflict("error.meeting.version_conflict");
  tx->meetings().set_attendance(id, rows);
  return tx->commit();
}

Status Meetings::update(const User& user, MeetingId id, std::int64_t version,
                        const PlanMeetingInput& in, bool held, bool confirm_undecided) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto m = tx->meetings().get_meeting(id);
  if (!m) return Error::not_found();
  if (!may_chair(user, m->wijk_id)) return Error::forbidden();
  Timestamp starts = 0;
  if (auto st = validate_meeting_input(*tx, in, &starts); !st) return st;
  m->starts_at = starts;
  m->place = trim(in.place);
  m->notes = in.notes;
  if (!in.invited.empty()) m->invited = in.invited;
  const bool closing = held && !m->held;
  if (closing && !confirm_undecided) {
    int undecided = 0;
    for (const auto& item : tx->meetings().agenda(id)) undecided += item.recorded ? 0 : 1;
    if (undecided > 0)
      return Error{ErrorKind::kConflict, "error.meeting.undecided", {}, std::to_string(undecided)};
  }
  m->held = held || m->held;
  m->version = version;
  if (!tx->meetings().update_meeting(*m)) return Error::conflict("error.meeting.version_conflict");
  if (closing) {
    // What the table did not get to goes back, so the next agenda takes it up again.
    const Timestamp t = now();
    for (const auto& item : tx->meetings().agenda(id)) {
      if (item.recorded) continue;
      tx->meetings().delete_agenda_item(item.id);
      auto s = tx->signals().get_signal(item.signal_id);
      if (!s) continue;
      if (auto next = transition(s->state, SignalEvent::kRemoveFromAgenda)) {
        s->state = *next;
        s->updated_at = t;
        tx->signals().update_signal(*s);
      }
    }
  }
  return tx->commit();
}

Result<std::vector<ActionView>> Meetings::my_actions(const User& user) {
  auto tx = ctx_.store->begin(TxMode::kWrite);  // identity reveals are audited
  const Timestamp t = now();
  std::vector<ActionView> out;
  for (const auto& a : tx->meetings().actions_for_owner(user.id)) {
    ActionView v{a, user.display_name, {}, {}, {}};
    auto r = tx->residents().get_resident(a.resident_id);
    if (!r) continue;
    v.resident_code = r->code;
    if (auto w = tx->admin().get_wijk(a.wijk_id)) v.wijk_name = w->name;
    if (a.state == ActionState::kOpen) {
      ResidentRelation rel = resident_relation(*tx, user, r->id);
      v.identity = reveal_identity(*ctx_.vault, *tx, t, user, *r, rel,
                                   "action:" + std::to_string(a.id.value), "");
    }
    out.push_back(std::move(v));
  }
  if (auto st = tx->commit(); !st) return st.error();  // no identity without its audit entry
  return out;
}

Status Meetings::settle_action(const User& user, ActionId id, ActionState state,
                               const std::string& note_in) {
  const std::string note = trim(note_in);
  if (state == ActionState::kOpen) return Error::invalid("error.invalid_choice", "state");
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if (state == ActionState::kNotDone && note.empty())
    return Error::invalid("error.action.note_required", "note");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto a = tx->meetings().get_action(id);
  if (!a) return Error::not_found();
  if (a->owner != user.id) return Error::forbidden();
  if (a->state != ActionState::kOpen) return Error::conflict("error.action.settled");
  const Timestamp t = now();
  a->state = state;
  a->note = note;
  a->settled_at = t;
  tx->meetings().update_action(*a);
  tx->signals().add_timeline({a->signal_id, t, user.id, "action_settled",
                              std::string(to_string(state)) + (note.empty() ? "" : "|" + note)});
  bool any_open = false;
  for (const auto& other : tx->meetings().actions_for_signal(a->signal_id))
    any_open = any_open || other.state == ActionState::kOpen;
  if (!any_open) {
    if (auto s = tx->signals().get_signal(a->signal_id)) {
      if (auto next = transition(s->state, SignalEvent::kActionsSettled)) {
        s->state = *next;
        s->updated_at = t;
        tx->signals().update_signal(*s);
      }
    }
  }
  append_audit(*tx, t, &user, "change", a->resident_id, "action:" + std::to_string(id.value),
               std::string(to_string(state)));
  return tx->commit();
}

}  // namespace meedoen
