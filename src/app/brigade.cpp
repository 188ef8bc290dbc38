// The Vliegende Brigade: requests, dispatch, assignments, visits, check-ins, debriefs, outcomes and
// the coordinator's overview and figures.
#include "app/brigade.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "app/audit_trail.hpp"
#include "app/brigade_shared.hpp"
#include "app/figures.hpp"
#include "app/identity.hpp"
#include "app/lookups.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

std::string today_of(Timestamp t) { return format_date(t); }

std::int64_t days_of(const std::string& date) { return parse_date(date).value_or(0); }

// Whether `date` falls in one of the absences.
bool absent_on(const std::vector<Absence>& absences, const std::string& date) {
  return std::any_of(absences.begin(), absences.end(),
                     [&](const Absence& a) { return a.from <= date && date <= a.to; });
}

}  // namespace

// --- shared helpers -------------------------------------------------------------------------

static std::vector<PeerCandidate> candidates(Tx& tx, Lookups& names, const BrigadeRequest& r,
                                             Timestamp now, bool count_attempts) {
  const int window = availability_window_days(r.urgency);
  const std::int64_t today = days_of(today_of(now));
  const std::string from = format_days(today);
  const std::string to = format_days(today + window - 1);
  const auto current = tx.brigade().assignments_for_request(r.id);
  const auto profiles = tx.peers().list_peer_profiles();
  std::vector<UserId> ids;
  for (const auto& p : profiles) ids.push_back(p.user_id);
  auto loads = tx.peers().peer_loads(ids, start_of_local_week(now), count_attempts);
  std::vector<PeerCandidate> out;
  for (const auto& profile : profiles) {
    auto user = tx.accounts().get_user(profile.user_id);
    if (!user || !may_be_assigned(*user)) continue;
    PeerCandidate c;
    c.peer = user->id;
    c.name = names.user(user->id);
    c.profile = profile;
    c.covers_wijk = user->in_wijk(r.wijk_id);
    const auto absences = tx.peers().absences(user->id, from);
    int absent_days = 0;
    for (int d = 0; d < window; ++d)
      if (absent_on(absences, format_days(today + d))) ++absent_days;
    c.absent_all_window = absent_days == window;
    for (const auto& b : tx.peers().on_call(user->id, from, to))
      if (!absent_on(absences, b.date)) ++c.on_call_blocks;
    c.load_this_week = loads[user->id];
    c.knew_resident = tx.brigade().peer_knew_resident(user->id, r.resident_id);
    c.already_assigned = std::any_of(current.begin(), current.end(), [&](const Assignment& a) {
      return a.peer == user->id && a.current();
    });
    out.push_back(std::move(c));
  }
  return out;
}

// --- requests ------------------------------------------------------------------------------

Result<RequestFormData> Brigade::request_form(const User& user) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  RequestFormData out;
  for (auto w : user.wijken) {
    if (!may_request_visit(user, w)) continue;
    auto wijk = tx->admin().get_wijk(w);
    if (!wijk) continue;
    out.wijken.push_back({*wijk, tx->admin().buurten(w), {}});
  }
  if (out.wijken.empty()) return Error::forbidden();
  out.source = request_source_of(user.role);
  return out;
}

Result<RequestId> Brigade::create_request(const User& user, const NewRequestInput& in) {
  if (!may_request_visit(user, in.wijk)) return Error::forbidden();
  const std::string known = trim(in.known);
  if (known.empty()) return Error::invalid("error.request.known_required", "known");
  if (known.size() > kMaxKnown) return Error::invalid("error.too_long", "known");
  if (const auto p = wishes_problems(in.wishes); !p.empty())
    return Error::invalid(p.front().second, p.front().first);
  if (!one_of(in.gender, kGenders)) return Error::invalid("error.invalid_choice", "gender");
  if (!one_of(in.age_band, kAgeBands)) return Error::invalid("error.invalid_choice", "age_band");
  const auto urgency = parse_urgency(in.urgency);
  if (!urgency) return Error::invalid("error.invalid_choice", "urgency");
  const Timestamp t = now();
  if (auto st = validate_identity(in.identity, t); !st) return st.error();
  if (!trim(in.resident_code).empty() && !in.identity.empty())
    return Error::invalid("error.request.code_and_identity", "resident_code");
  // What is known goes to peers who may still say no: it must not name the resident.
  if (const auto words = name_words(in.identity.name);
      mentions(known, words) || mentions(in.wishes.safety_notes, words))
    return Error::invalid("error.request.name_in_text", "known");

  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->admin().get_wijk(in.wijk)) return Error::not_found();
  if (in.buurt.valid()) {
    auto b = tx->admin().get_buurt(in.buurt);
    if (!b || b->wijk_id != in.wijk) return Error::invalid("error.invalid_choice", "buurt");
  }
  auto resident = resident_for(*ctx_.vault, *tx, t, user, in.wijk, in.buurt, in.resident_code,
                               in.gender, in.age_band, in.identity, "brigade_request");
  if (!resident) return resident.error();
  if (!trim(in.resident_code).empty()) {
    // An existing resident: look for their name through the blind index, without decrypting.
    const auto hits = tx->residents().residents_with_name_tokens(
        in.wijk, ctx_.vault->name_tokens(known + " " + in.wishes.safety_notes));
    if (std::find(hits.begin(), hits.end(), resident->id) != hits.end())
      return Error::invalid("error.request.name_in_text", "known");
  }
  RequestFilter f;
  f.resident = resident->id;
  f.open_only = true;
  f.limit = 1;
  if (!tx->brigade().list_requests(f).empty())
    return Error::invalid("error.request.exists", "resident_code");

  BrigadeRequest r;
  r.resident_id = resident->id;
  r.wijk_id = in.wijk;
  r.source = request_source_of(user.role);
  r.requested_by = user.id;
  r.known = known;
  apply_wishes(r, in.wishes);
  r.urgency = *urgency;
  r.created_at = r.updated_at = t;
  r.id = tx->brigade().insert_request(r);
  append_audit(*tx, t, &user, "create", r.resident_id, "request:" + std::to_string(r.id.value),
               r.source);
  if (auto st = tx->commit(); !st) return st.error();
  return r.id;
}

Result<RequestDetail> Brigade::request_detail(const User& user, RequestId id) {
  auto tx = ctx_.store->begin(TxMode::kWrite);  // identity reveals are audited
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  const Timestamp t = now();
  RequestDetail d;
  d.is_coordinator = may_coordinate(user, r->wijk_id);
  if (may_be_assigned(user)) {
    d.mine = current_assignment(*tx, id, user.id);
    if (!d.mine) d.past = did_request_once(*tx, id, user.id);
  }
  const bool requester = r->requested_by == user.id && may_view_wijk(user, r->wijk_id);
  if (!d.is_coordinator && !d.mine && !d.past && !requester) {
    // Say what it is: another peer's request, not "another wijk".
    if (may_be_assigned(user))
      return Error{ErrorKind::kForbidden, "error.request.not_yours", {}, {}};
    return Error::forbidden();
  }
  Lookups names(*tx);
  d.row = std::move(request_rows(names, {*r}, t).front());
  d.requested_by_name = names.user(r->requested_by);
  for (const auto& v : tx->brigade().visits_for_request(id))
    d.visits.push_back({v, names.user(v.peer)});
  for (const auto& ref : tx->referrals().referrals_for_request(id)) {
    ReferralView rv;
    rv.referral = ref;
    rv.resident_code = d.row.resident.code;
    rv.to_org_name = names.org(ref.to_org);
    rv.referred_by_name = names.user(ref.referred_by);
    rv.no_response = ref.no_response(t, ctx_.config.referral_response_days);
    d.referrals.push_back(std::move(rv));
  }
  const bool may_set_outcome =
      d.is_coordinator || (d.mine && d.mine->state == AssignmentState::kAccepted);
  if (may_set_outcome)
    for (auto o : all_outcomes())
      if (o != Outcome::kOpen) d.outcomes.push_back({o, outcome_transition(r->outcome, o).ok()});
  if (d.mine && d.mine->state == AssignmentState::kAccepted && !outcome_is_final(r->outcome)) {
    auto resident = tx->residents().get_resident(r->resident_id);
    if (resident) {
      ResidentRelation rel = resident_relation(*tx, user, resident->id);
      d.identity = reveal_identity(*ctx_.vault, *tx, t, user, *resident, rel,
                                   "request:" + std::to_string(id.value), "visit");
    }
  }
  // The peer who said yes reads what the raiser observed (pseudonymous, like the request).
  if (d.mine && d.mine->state == AssignmentState::kAccepted && r->signal_id)
    if (auto sig = tx->signals().get_signal(*r->signal_id)) d.signal_text = sig->description;
  if (d.is_coordinator && !outcome_is_final(r->outcome)) {
    d.may_edit_wishes = true;
    for (const auto& a : tx->brigade().assignments_for_request(id))
      d.may_edit_wishes = d.may_edit_wishes && !a.current();
  }
  if (may_be_assigned(user))
    if (auto c = tx->brigade().open_checkin(user.id); c && c->request_id == id) d.checkin = c;
  d.visit_key = random_token().substr(0, 32);
  if (d.is_coordinator && !outcome_is_final(r->outcome) && r->outcome != Outcome::kDeclined) {
    RequestNeeds needs{r->urgency, r->pref_language, r->pref_gender, r->pref_theme};
    d.suggestions =
        rank_peers(needs, candidates(*tx, names, *r, t, ctx_.config.cap_counts_attempts));
  }
  // An identity is only shown when its audit entry is safely stored.
  if (auto st = tx->commit(); !st) return st.error();
  return d;
}

Status Brigade::update_wishes(const User& user, RequestId id, std::int64_t version,
                              const BrigadeWishes& w) {
  if (auto problems = wishes_problems(w); !problems.empty())
    return Error::invalid_fields(std::move(problems));
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id)) return Error::forbidden();
  if (outcome_is_final(r->outcome)) return Error::conflict("error.request.closed");
  for (const auto& a : tx->brigade().assignments_for_request(id))
    if (a.current()) return Error::conflict("error.request.already_asked");
  // Safety notes reach peers who may still say no: they must not name the resident.
  const auto hits = tx->residents().residents_with_name_tokens(
      r->wijk_id, ctx_.vault->name_tokens(w.safety_notes));
  if (std::find(hits.begin(), hits.end(), r->resident_id) != hits.end())
    return Error::invalid("error.request.name_in_text", "safety_notes");
  if (r->version != version) return Error::conflict("error.version_conflict");
  apply_wishes(*r, w);
  r->updated_at = now();
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  append_audit(*tx, now(), &user, "change", r->resident_id, "request:" + std::to_string(id.value),
               "wishes");
  return tx->commit();
}

Status Brigade::assign_peers(const User& user, RequestId id, const std::vector<UserId>& peers) {
  if (peers.empty()) return Error::invalid("error.assign.choose", "peer");
  if (peers.size() > 2) return Error::invalid("error.assign.at_most_two", "peer");
  if (peers.size() == 2 && peers[0] == peers[1])
    return Error::invalid("error.assign.same_peer", "peer");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id)) return Error::forbidden();
  if (outcome_is_final(r->outcome) || r->outcome == Outcome::kDeclined)
    return Error::conflict("error.request.closed");
  const Timestamp t = now();
  Lookups names(*tx);
  const auto pool = candidates(*tx, names, *r, t, ctx_.config.cap_counts_attempts);
  for (auto peer : peers) {
    auto c = std::find_if(pool.begin(), pool.end(),
                          [&](const PeerCandidate& pc) { return pc.peer == peer; });
    if (c == pool.end()) return Error::invalid("error.invalid_choice", "peer");
    if (c->already_assigned) return Error::invalid("error.assign.already", "peer");
    if (c->absent_all_window || !c->profile.active) {
      Error e = Error::invalid("error.assign.unavailable", "peer");
      e.detail = c->name;
      return e;
    }
    if (c->load_this_week >= c->profile.weekly_cap) {
      Error e = Error::invalid("error.assign.at_cap", "peer");
      e.detail = c->name;
      return e;
    }
    Assignment a;
    a.request_id = id;
    a.peer = peer;
    a.assigned_by = user.id;
    a.assigned_at = t;
    a.id = tx->brigade().insert_assignment(a);
    append_audit(*tx, t, &user, "assign", r->resident_id, "request:" + std::to_string(id.value),
                 "peer:" + std::to_string(peer.value));
    if (!c->profile.email.empty()) {
      // No identity and no pseudonym in mail: the wijk and a link are enough to go and look.
      OutboxMail m;
      m.to = c->profile.email;
      m.kind = mail_kind_code(MailKind::kBrigadeAssignment);
      m.params = {{"peer_name", c->name},
                  {"wijk", names.wijk(r->wijk_id)},
                  {"request_id", std::to_string(id.value)}};
      m.created_at = t;
      tx->mail().insert_mail(m);
    }
  }
  r->updated_at = t;
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  return tx->commit();
}

// --- visits and safety ---------------------------------------------------------------------

// --- outcomes ------------------------------------------------------------------------------

// --- coordinator ---------------------------------------------------------------------------

Result<CoordinatorOverview> Brigade::overview(const User& user) {
  if (!may_coordinate_brigade(user) || user.wijken.empty()) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  const Timestamp t = now();
  CoordinatorOverview out;
  out.grace_minutes = ctx_.config.checkout_grace_minutes;
  out.response_days = ctx_.config.referral_response_days;
  Lookups names(*tx);
  RequestFilter f;
  f.wijken = user.wijken;
  f.open_only = true;
  f.limit = 300;
  std::set<UserId> peers_in_view;
  const auto peers = tx->peers().peers_in_wijken(user.wijken);
  std::vector<UserId> peer_ids;
  for (const auto& [peer, p] : peers) {
    peers_in_view.insert(peer.id);
    peer_ids.push_back(peer.id);
    names.add_user(peer.id, peer.display_name);
  }
  out.open_requests = request_rows(names, tx->brigade().list_requests(f), t);
  const std::string monday = format_date(start_of_local_week(t));
  const std::string sunday = format_days(days_of(monday) + 6);
  const std::string today = today_of(t);
  auto loads =
      tx->peers().peer_loads(peer_ids, start_of_local_week(t), ctx_.config.cap_counts_attempts);
  auto on_call = tx->peers().on_call_counts(peer_ids, monday, sunday);
  const auto absent = tx->peers().absent_on(peer_ids, today);
  for (const auto& [peer, p] : peers) {
    PeerLoad pl;
    pl.peer = peer;
    pl.profile = p;
    pl.load = loads[peer.id];
    pl.on_call_this_week = on_call[peer.id];
    pl.absent_today = absent.count(peer.id) > 0;
    out.peers.push_back(std::move(pl));
  }
  // A check-in concerns the coordinator when the visit is in one of their wijken, whoever the peer
  // is (the ranking may send a peer from elsewhere); the pseudonym only then.
  for (const auto& c : tx->brigade().open_checkins()) {
    auto r = tx->brigade().get_request(c.request_id);
    const bool here = r && user.in_wijk(r->wijk_id);
    if (!here && !peers_in_view.count(c.peer)) continue;
    CheckinView cv{c, names.user(c.peer), {}, c.overdue(t, ctx_.config.checkout_grace_minutes)};
    if (here)
      if (auto res = names.resident(r->resident_id)) cv.resident_code = res->code;
    out.checkins.push_back(std::move(cv));
  }
  std::stable_sort(
      out.checkins.begin(), out.checkins.end(),
      [](const CheckinView& a, const CheckinView& b) { return a.overdue > b.overdue; });
  for (const auto& d : tx->brigade().open_debriefs())
    if (peers_in_view.count(d.peer)) out.debriefs.push_back({d, names.user(d.peer)});
  for (const auto& ref : tx->referrals().unanswered_referrals(
           user.wijken, t - static_cast<Timestamp>(ctx_.config.referral_response_days) * 86400)) {
    if (!ref.no_response(t, ctx_.config.referral_response_days)) continue;
    ReferralView rv;
    rv.referral = ref;
    if (auto res = names.resident(ref.resident_id)) rv.resident_code = res->code;
    rv.wijk_name = names.wijk(ref.wijk_id);
    rv.to_org_name = names.org(ref.to_org);
    rv.referred_by_name = names.user(ref.referred_by);
    rv.no_response = true;
    out.no_response.push_back(std::move(rv));
  }
  return out;
}

Result<BrigadeFigures> Brigade::figures(const User& user, int months) {
  if (!may_view_brigade_figures(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto wijken = figure_wijken(*tx, user);
  if (wijken.empty()) return Error::forbidden();
  return brigade_figures(*tx, wijken, months, now());
}

// --- mail ----------------------------------------------------------------------------------

}  // namespace meedoen

namespace meedoen {

Result<std::vector<AskedRequest>> Brigade::asked(const User& user, int days) {
  std::vector<AskedRequest> out;
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto requests = tx->brigade().requests_by(user.id, now() - days * 86400, 50);
  std::erase_if(requests, [&](const BrigadeRequest& r) { return !may_follow_request(user, r); });
  if (requests.empty()) return out;
  std::vector<RequestId> ids;
  for (const auto& r : requests) ids.push_back(r.id);
  const auto assignments = tx->brigade().assignments_for_requests(ids);
  const auto stats = tx->brigade().visit_stats_for(ids);
  for (const auto& r : requests) {
    AskedRequest a;
    a.id = r.id;
    if (auto res = tx->residents().get_resident(r.resident_id)) a.resident_code = res->code;
    a.created_at = r.created_at;
    a.outcome = r.outcome;
    if (auto it = assignments.find(r.id); it != assignments.end())
      a.peer_going = std::any_of(it->second.begin(), it->second.end(), [](const Assignment& x) {
        return x.state == AssignmentState::kAccepted;
      });
    if (auto it = stats.find(r.id); it != stats.end()) {
      a.visits = it->second.first;
      a.last_visit = it->second.second;
    }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace meedoen
