// The brigade at work: a peer answers a request, logs visits, checks in and out, asks for a
// debrief; the coordinator handles it and sets the outcome.
#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/brigade.hpp"
#include "app/brigade_shared.hpp"
#include "app/identity.hpp"
#include "app/overleg_loop.hpp"
#include "app/session_cache.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/vault.hpp"

namespace meedoen {
namespace {

constexpr int kMinCheckinMinutes = 10;

constexpr int kMaxCheckinMinutes = 8 * 60;

bool valid_key(const std::string& k) {
  if (k.empty() || k.size() > kMaxIdempotencyKey) return false;
  return std::all_of(k.begin(), k.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

}  // namespace

Status Brigade::respond_assignment(const User& user, RequestId id, bool accept,
                                   const std::string& reason_in) {
  const std::string reason = trim(reason_in);
  if (!accept && reason.size() < 3) return Error::invalid("error.assign.reason_required", "reason");
  if (reason.size() > kMaxNote) return Error::invalid("error.too_long", "reason");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  auto a = current_assignment(*tx, id, user.id);
  if (!a) return Error::forbidden();
  if (a->state != AssignmentState::kOffered) return Error::conflict("error.assign.answered");
  const Timestamp t = now();
  a->state = accept ? AssignmentState::kAccepted : AssignmentState::kDeclined;
  a->reason = reason;
  a->responded_at = t;
  if (!accept) a->ended_at = t;
  tx->brigade().update_assignment(*a);
  append_audit(*tx, t, &user, accept ? "accept" : "decline", r->resident_id,
               "request:" + std::to_string(id.value), reason);
  return tx->commit();
}

Status Brigade::end_assignment(const User& user, RequestId id, UserId peer,
                               const std::string& reason_in) {
  const std::string reason = trim(reason_in);
  if (reason.size() > kMaxNote) return Error::invalid("error.too_long", "reason");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id)) return Error::forbidden();
  auto a = current_assignment(*tx, id, peer);
  if (!a) return Error::not_found();
  const Timestamp t = now();
  a->state = AssignmentState::kEnded;
  a->reason = reason;
  a->ended_at = t;
  tx->brigade().update_assignment(*a);
  append_audit(*tx, t, &user, "unassign", r->resident_id, "request:" + std::to_string(id.value),
               "peer:" + std::to_string(peer.value));
  return tx->commit();
}

Result<MyRequests> Brigade::my_requests(const User& user) {
  if (!may_be_assigned(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  const Timestamp t = now();
  MyRequests out;
  Lookups names(*tx);
  std::vector<BrigadeRequest> offered, active;
  for (const auto& a : tx->brigade().assignments_for_peer(user.id, true))
    if (auto r = tx->brigade().get_request(a.request_id))
      (a.state == AssignmentState::kOffered ? offered : active).push_back(std::move(*r));
  out.offered = request_rows(names, offered, t);
  out.active = request_rows(names, active, t);
  if (auto c = tx->brigade().open_checkin(user.id)) {
    CheckinView cv{*c, user.display_name, {}, c->overdue(t, ctx_.config.checkout_grace_minutes)};
    if (auto r = tx->brigade().get_request(c->request_id))
      if (auto res = names.resident(r->resident_id)) cv.resident_code = res->code;
    out.checkin = cv;
  }
  out.profile = tx->peers().get_peer_profile(user.id).value_or(
      PeerProfile{user.id, {}, {}, "unknown", 4, true, {}});
  out.load = tx->peers().peer_loads({user.id}, start_of_local_week(t),
                                    ctx_.config.cap_counts_attempts)[user.id];
  return out;
}

// The requests a peer did before (the ten most recent), pseudonymous: a page of its own, so that
// "mijn verzoeken", opened many times a day, stays light.
Result<std::vector<RequestRow>> Brigade::past_requests(const User& user) {
  if (!may_be_assigned(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  Lookups names(*tx);
  std::vector<RequestRow> out;
  // Only what the short list shows: the request and its resident's code, in two statements.
  auto past = tx->brigade().past_requests_of_peer(user.id, 10);
  std::vector<ResidentId> past_residents;
  for (const auto& r : past) past_residents.push_back(r.resident_id);
  names.prefetch_residents(past_residents);
  for (auto& r : past) {
    if (std::any_of(out.begin(), out.end(),
                    [&](const RequestRow& p) { return p.request.id == r.id; }))
      continue;
    RequestRow row;
    if (auto res = names.resident(r.resident_id)) row.resident = resident_view(names, *res);
    row.request = std::move(r);
    out.push_back(std::move(row));
  }
  return out;
}

Result<LogVisitResult> Brigade::log_visit(const User& user, const LogVisitInput& in) {
  const auto result = parse_visit_result(in.result);
  if (!result) return Error::invalid("error.visit.result_required", "result");
  VisitKind kind = VisitKind::kUnknown;
  if (!in.kind.empty()) {
    auto k = parse_visit_kind(in.kind);
    if (!k) return Error::invalid("error.invalid_choice", "kind");
    kind = *k;
  }
  if (!valid_key(in.idempotency_key)) return Error::invalid("error.bad_request");
  const std::string note = trim(in.note);
  const std::string next_step = trim(in.next_step);
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if (next_step.size() > kMaxShortText * 2) return Error::invalid("error.too_long", "next_step");
  const Timestamp t = now();
  Timestamp at = t;
  if (!trim(in.when).empty()) {
    auto parsed = parse_local_datetime(trim(in.when));
    if (!parsed) return Error::invalid("error.visit.when", "when");
    if (*parsed > t + 10 * 60) return Error::invalid("error.visit.future", "when");
    if (*parsed < t - 60LL * 86400) return Error::invalid("error.visit.too_old", "when");
    at = *parsed;
  }
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(in.request);
  if (!r) return Error::not_found();
  auto mine = current_assignment(*tx, r->id, user.id);
  if (!mine || mine->state != AssignmentState::kAccepted) return Error::forbidden();
  // Not before the peer was asked: a visit cannot come before the request reached them.
  if (at < mine->assigned_at) return Error::invalid("error.visit.before_assignment", "when");
  Visit v;
  v.request_id = r->id;
  v.peer = user.id;
  v.at = at;
  v.kind = kind;
  v.result = *result;
  v.note = note;
  v.next_step = next_step;
  v.idempotency_key = in.idempotency_key;
  v.created_at = t;
  const auto [vid, created] = tx->brigade().insert_visit(v);
  if (!created) return LogVisitResult{vid, true};  // a retry: the visit is already there
  if (outcome_is_final(r->outcome)) return Error::conflict("error.request.closed");
  if (made_contact(*result) && (r->first_contact_at == 0 || at < r->first_contact_at)) {
    r->first_contact_at = at;
    if (r->outcome == Outcome::kOpen) {
      r->outcome = Outcome::kContact;
      tx->brigade().add_request_outcome(r->id, t, user.id, Outcome::kContact, "");
      feed_back_to_overleg(*tx, *r, Outcome::kContact, user, t);
    }
  }
  r->updated_at = t;
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  append_audit(*tx, t, &user, "create", r->resident_id, "visit:" + std::to_string(vid.value),
               std::string(to_string(*result)));
  if (auto st = tx->commit(); !st) return st.error();
  return LogVisitResult{vid, false};
}

Status Brigade::check_in(const User& user, RequestId id, int minutes) {
  if (minutes < kMinCheckinMinutes || minutes > kMaxCheckinMinutes)
    return Error::invalid("error.checkin.minutes", "minutes");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!accepted_peer(*tx, id, user.id)) return Error::forbidden();
  if (tx->brigade().open_checkin(user.id)) return Error::conflict("error.checkin.open");
  const Timestamp t = now();
  Checkin c;
  c.request_id = id;
  c.peer = user.id;
  c.started_at = t;
  c.expected_back = t + minutes * 60;
  tx->brigade().insert_checkin(c);
  append_audit(*tx, t, &user, "check_in", r->resident_id, "request:" + std::to_string(id.value),
               std::to_string(minutes) + " min");
  return tx->commit();
}

Status Brigade::check_out(const User& user) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto c = tx->brigade().open_checkin(user.id);
  if (!c) return Error::conflict("error.checkin.none");
  const Timestamp t = now();
  tx->brigade().end_checkin(c->id, t);
  append_audit(*tx, t, &user, "check_out", ResidentId(),
               "request:" + std::to_string(c->request_id.value), "");
  return tx->commit();
}

Status Brigade::request_debrief(const User& user, std::optional<RequestId> id,
                                const std::string& note_in) {
  if (!may_be_assigned(user)) return Error::forbidden();
  const std::string note = trim(note_in);
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (id && !current_assignment(*tx, *id, user.id)) return Error::forbidden();
  const Timestamp t = now();
  Debrief d;
  d.peer = user.id;
  d.request_id = id;
  d.note = note;
  d.requested_at = t;
  tx->brigade().insert_debrief(d);
  append_audit(*tx, t, &user, "debrief_request", ResidentId(),
               id ? "request:" + std::to_string(id->value) : "", "");
  return tx->commit();
}

Status Brigade::handle_debrief(const User& user, DebriefId id) {
  if (!may_coordinate_brigade(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const Timestamp t = now();
  const auto open = tx->brigade().open_debriefs();
  auto d = std::find_if(open.begin(), open.end(), [&](const Debrief& x) { return x.id == id; });
  if (d == open.end()) return Error::not_found();
  const auto peers = tx->peers().peers_in_wijken(user.wijken);
  if (std::none_of(peers.begin(), peers.end(),
                   [&](const auto& p) { return p.first.id == d->peer; }))
    return Error::forbidden();
  if (!tx->brigade().handle_debrief(id, user.id, t)) return Error::not_found();
  append_audit(*tx, t, &user, "change", ResidentId(), "debrief:" + std::to_string(id.value),
               "handled");
  return tx->commit();
}

Status Brigade::set_outcome(const User& user, RequestId id, const std::string& code,
                            const std::string& note_in, std::int64_t version) {
  if (code.empty()) return Error::invalid("error.outcome.choose", "outcome");
  const auto to = parse_outcome(code);
  if (!to || *to == Outcome::kOpen) return Error::invalid("error.invalid_choice", "outcome");
  const std::string note = trim(note_in);
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if ((*to == Outcome::kClosed || *to == Outcome::kDeclined || *to == Outcome::kUnreachable) &&
      note.size() < 3)
    return Error::invalid("error.outcome.note_required", "note");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id) && !accepted_peer(*tx, id, user.id))
    return Error::forbidden();
  if (r->version != version) return Error::conflict("error.version_conflict");
  if (auto st = outcome_transition(r->outcome, *to); !st) return st;
  const Timestamp t = now();
  r->outcome = *to;
  r->outcome_note = note;
  r->updated_at = t;
  if (*to == Outcome::kClosed || *to == Outcome::kDeclined) {
    r->closed_at = t;
    for (auto a : tx->brigade().assignments_for_request(id)) {
      if (!a.current()) continue;
      a.state = AssignmentState::kEnded;
      a.ended_at = t;
      a.reason = std::string(to_string(*to));
      tx->brigade().update_assignment(a);
    }
  }
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  tx->brigade().add_request_outcome(id, t, user.id, *to, note);
  append_audit(*tx, t, &user, "change", r->resident_id, "request:" + std::to_string(id.value),
               "outcome " + std::string(to_string(*to)));

  feed_back_to_overleg(*tx, *r, *to, user, t);

  if (*to == Outcome::kDeclined) {
    // Informal options are exhausted: the case goes back to the wijk's overleg.
    const std::string back = "Vliegende Brigade: informele mogelijkheden uitgeput. " + note;
    std::optional<Signal> s;
    if (r->signal_id) s = tx->signals().get_signal(*r->signal_id);
    // A signal linked to a case goes back as that case.
    if (s && s->state == SignalState::kLinked && s->case_id)
      s = tx->signals().get_signal(*s->case_id);
    if (r->action_id) {
      if (auto a = tx->meetings().get_action(*r->action_id); a && a->state == ActionState::kOpen) {
        a->state = ActionState::kNotDone;
        a->note = back.substr(0, kMaxNote);
        a->settled_at = t;
        tx->meetings().update_action(*a);
        if (s)
          tx->signals().add_timeline({s->id, t, user.id, "action_settled", "not_done|" + a->note});
      }
    }
    if (s && s->state != SignalState::kClosed && s->state != SignalState::kLinked) {
      bool any_open = false;
      for (const auto& other : tx->meetings().actions_for_signal(s->id))
        any_open = any_open || other.state == ActionState::kOpen;
      if (!any_open)
        if (auto next = transition(s->state, SignalEvent::kActionsSettled)) s->state = *next;
      if (auto next = transition(s->state, SignalEvent::kReturnToOverleg)) {
        s->state = *next;
        s->updated_at = t;
        tx->signals().update_signal(*s);
        tx->signals().add_timeline({s->id, t, user.id, "returned", note});
        place_on_next_meeting(*tx, *s, user, t);
      }
    } else if (!s || s->state == SignalState::kClosed) {
      // A direct request (or a closed case): raise a signal so the overleg sees it again.
      // Raised on behalf of whoever asked the brigade: raising a signal counts as a relation to
      // the resident, and a peer or the coordinator must not gain one by recording a decline.
      Signal n;
      n.resident_id = r->resident_id;
      n.wijk_id = r->wijk_id;
      n.raised_by = r->requested_by;
      n.org_id = user_org(*tx, r->requested_by);
      n.description = back.substr(0, kMaxDescription);
      n.created_at = n.updated_at = t;
      if (auto open_case = tx->signals().open_case_for_resident(r->resident_id)) {
        n.state = SignalState::kLinked;
        n.case_id = open_case->id;
        n.id = tx->signals().insert_signal(n);
      } else {
        n.id = tx->signals().insert_signal(n);
        tx->signals().add_timeline({n.id, t, user.id, "raised", ""});
        place_on_next_meeting(*tx, n, user, t);
      }
      append_audit(*tx, t, &user, "create", r->resident_id, "signal:" + std::to_string(n.id.value),
                   "brigade declined");
    }
  }
  return tx->commit();
}

}  // namespace meedoen
