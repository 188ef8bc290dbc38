#include "app/overleg_loop.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"

namespace meedoen {

// The overleg's action for the brigade settles with what came of its request, and the case's
// history and next agenda say so ("terugkoppeling"). Only codes are stored: the peer's note stays
// with the brigade, as it may say more than the overleg should read. A decline is handled by
// set_outcome (the case goes back to the overleg).
void feed_back_to_overleg(Tx& tx, const BrigadeRequest& r, Outcome to, const User& user,
                          Timestamp t) {
  if (!r.action_id || to == Outcome::kDeclined) return;
  std::optional<Signal> s;
  if (r.signal_id) s = tx.signals().get_signal(*r.signal_id);
  if (s && s->state == SignalState::kLinked && s->case_id) s = tx.signals().get_signal(*s->case_id);
  if (s)
    tx.signals().add_timeline({s->id, t, user.id, "brigade_outcome", std::string(to_string(to))});
  const bool reached = to == Outcome::kContact || to == Outcome::kCameAlong ||
                       to == Outcome::kReferredWijkteam || to == Outcome::kReferredOther ||
                       to == Outcome::kClosed;
  if (auto a = tx.meetings().get_action(*r.action_id);
      a && a->state == ActionState::kOpen && (reached || to == Outcome::kUnreachable)) {
    a->state = reached ? ActionState::kDone : ActionState::kNotDone;
    a->settled_at = t;
    tx.meetings().update_action(*a);
    if (s) {
      tx.signals().add_timeline(
          {s->id, t, user.id, "action_settled", std::string(to_string(a->state)) + "|"});
      bool any_open = false;
      for (const auto& other : tx.meetings().actions_for_signal(s->id))
        any_open = any_open || other.state == ActionState::kOpen;
      if (!any_open)
        if (auto next = transition(s->state, SignalEvent::kActionsSettled)) {
          s->state = *next;
          s->updated_at = t;
          tx.signals().update_signal(*s);
        }
      place_follow_up(tx, *s, a->id, t);
    }
  }
}

void note_referral_on_signal(Tx& tx, const Referral& r, UserId by, Timestamp t) {
  auto req = tx.brigade().get_request(r.request_id);
  if (!req || !req->signal_id) return;
  tx.signals().add_timeline(
      {*req->signal_id, t, by, "referral_answer", std::string(to_string(r.status))});
}

void place_follow_up(Tx& tx, const Signal& s, ActionId action, Timestamp t) {
  MeetingFilter mf;
  mf.wijken = {s.wijk_id};
  mf.from = t;
  mf.limit = 5;
  for (const auto& m : tx.meetings().list_meetings(mf)) {
    if (m.held) continue;
    const auto items = tx.meetings().agenda(m.id);
    for (const auto& it : items)
      if (it.signal_id == s.id) return;
    AgendaItem item;
    item.meeting_id = m.id;
    item.signal_id = s.id;
    item.action_id = action;
    item.kind = AgendaItemKind::kFollowUp;
    item.position = static_cast<int>(items.size()) + 1;
    tx.meetings().insert_agenda_item(item);
    return;
  }
}

void place_on_next_meeting(Tx& tx, Signal& s, const User& user, Timestamp t) {
  MeetingFilter mf;
  mf.wijken = {s.wijk_id};
  mf.from = t;
  mf.limit = 5;  // the first one not held yet
  for (const auto& m : tx.meetings().list_meetings(mf)) {
    if (m.held) continue;
    auto next = transition(s.state, SignalEvent::kPlaceOnAgenda);
    if (!next) return;
    const auto items = tx.meetings().agenda(m.id);
    AgendaItem item;
    item.meeting_id = m.id;
    item.signal_id = s.id;
    item.kind = AgendaItemKind::kNewSignal;
    item.position = static_cast<int>(items.size()) + 1;
    tx.meetings().insert_agenda_item(item);
    s.state = *next;
    s.updated_at = t;
    tx.signals().update_signal(s);
    tx.signals().add_timeline({s.id, t, user.id, "on_agenda", format_date(m.starts_at)});
    return;
  }
}

std::optional<SignalId> file_signal(Tx& tx, Signal& s, const User& user, Timestamp t) {
  std::optional<Signal> open_case;
  if (!s.meldcode) open_case = tx.signals().open_case_for_resident(s.resident_id);
  if (open_case) {
    s.state = SignalState::kLinked;
    s.case_id = open_case->id;
    if (s.urgent && !open_case->urgent) {
      open_case->urgent = true;  // an urgent addition makes the case urgent
      open_case->updated_at = t;
      tx.signals().update_signal(*open_case);
    }
  }
  s.id = tx.signals().insert_signal(s);
  tx.signals().add_timeline({s.id, t, user.id, "raised", ""});
  append_audit(tx, t, &user, "create", s.resident_id, "signal:" + std::to_string(s.id.value), "");
  if (open_case) {
    tx.signals().add_timeline({open_case->id, t, user.id, "linked", std::to_string(s.id.value)});
    return open_case->id;
  }
  // New signals go on the next planned meeting of the wijk straight away.
  if (!s.meldcode) place_on_next_meeting(tx, s, user, t);
  return std::nullopt;
}

}  // namespace meedoen
