// The Vliegende Brigade: requests, dispatch, assignments, visits, check-ins, debriefs, outcomes and
// the coordinator's overview and figures.
#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "app/internals.hpp"
#include "privacy/password.hpp"
#include "report/figures.hpp"
#include "report/funnel.hpp"

namespace meedoen {
namespace {

constexpr std::size_t kMaxKnown = 2000;
constexpr int kMinCheckinMinutes = 10;
constexpr int kMaxCheckinMinutes = 8 * 60;

template <std::size_t N>
bool one_of(const std::string& v, const char* const (&options)[N]) {
  return std::any_of(std::begin(options), std::end(options), [&](const char* o) { return v == o; });
}

std::string today_of(Timestamp t) { return format_date(t); }

std::int64_t days_of(const std::string& date) { return parse_date(date).value_or(0); }

bool valid_key(const std::string& k) {
  if (k.empty() || k.size() > kMaxIdempotencyKey) return false;
  return std::all_of(k.begin(), k.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}


// Whether `date` falls in one of the absences.
bool absent_on(const std::vector<Absence>& absences, const std::string& date) {
  return std::any_of(absences.begin(), absences.end(),
                     [&](const Absence& a) { return a.from <= date && date <= a.to; });
}

std::optional<Assignment> current_assignment(Tx& tx, RequestId id, UserId peer) {
  for (const auto& a : tx.brigade().assignments_for_request(id))
    if (a.peer == peer && a.current()) return a;
  return std::nullopt;
}

// The words of a name worth looking for in free text: three letters or more, without the
// particles that are ordinary words too ("van", "der", ...).
std::vector<std::string> name_words(const std::string& name) {
  static const char* kParticles[] = {"van", "der", "den", "het", "ter", "ten", "von", "del", "dos"};
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() >= 3 && std::none_of(std::begin(kParticles), std::end(kParticles), [&](const char* p) { return w == p; }))
      out.push_back(w);
    w.clear();
  };
  for (unsigned char ch : name) {
    if (std::isalpha(ch) || ch >= 0x80) w += static_cast<char>(std::tolower(ch));
    else flush();
  }
  flush();
  return out;
}

// Whether `text` contains one of `words` as a whole word (case-insensitive).
bool mentions(const std::string& text, const std::vector<std::string>& words) {
  const auto in_text = name_words(text);
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(in_text.begin(), in_text.end(), w) != in_text.end();
  });
}


}  // namespace

// --- shared helpers -------------------------------------------------------------------------

std::vector<std::pair<std::string, std::string>> Internals::wishes_problems(const BrigadeWishes& w) {
  std::vector<std::pair<std::string, std::string>> out;
  if (w.safety_notes.size() > kMaxNote) out.emplace_back("safety_notes", "error.too_long");
  if (!w.pref_language.empty() && !is_language(w.pref_language)) out.emplace_back("pref_language", "error.invalid_choice");
  if (!w.pref_gender.empty() && !one_of(w.pref_gender, kGenders)) out.emplace_back("pref_gender", "error.invalid_choice");
  if (!w.pref_theme.empty() && !is_theme(w.pref_theme)) out.emplace_back("pref_theme", "error.invalid_choice");
  return out;
}

void Internals::apply_wishes(BrigadeRequest& r, const BrigadeWishes& w) {
  r.safety_aggression = w.safety_aggression;
  r.safety_dog = w.safety_dog;
  r.safety_addiction = w.safety_addiction;
  r.safety_notes = trim(w.safety_notes);
  r.pair_advised = w.pair_advised || w.safety_aggression;
  r.pref_language = w.pref_language;
  r.pref_gender = w.pref_gender == "onbekend" ? "" : w.pref_gender;
  r.pref_theme = w.pref_theme;
}

void Internals::request_from_overleg(Tx& tx, Timestamp t, const User& chair, const Signal& s,
                                          const Action& action, const std::string& summary,
                                          const BrigadeWishes& wishes) {
  if (tx.brigade().request_for_action(action.id)) return;
  BrigadeRequest r;
  apply_wishes(r, wishes);
  r.resident_id = s.resident_id;
  r.wijk_id = s.wijk_id;
  r.signal_id = s.id;
  r.action_id = action.id;
  r.source = "overleg";
  r.requested_by = chair.id;
  r.known = summary.substr(0, kMaxKnown);
  r.urgency = s.urgent ? Urgency::kUrgent : Urgency::kNormal;
  r.created_at = r.updated_at = t;
  r.id = tx.brigade().insert_request(r);
  tx.signals().add_timeline({s.id, t, chair.id, "brigade_request", std::to_string(r.id.value)});
  audit(tx, t, &chair, "create", s.resident_id, "request:" + std::to_string(r.id.value), "overleg decision");
}


// Rows for a list of requests, with their assignments, visits and residents loaded in a few
// statements for the whole list rather than three per row.
static std::vector<RequestRow> request_rows(Lookups& names, const std::vector<BrigadeRequest>& requests, Timestamp now) {
  std::vector<RequestId> ids;
  std::vector<ResidentId> residents;
  for (const auto& r : requests) {
    ids.push_back(r.id);
    residents.push_back(r.resident_id);
  }
  names.prefetch_residents(residents);
  auto assignments = names.tx().brigade().assignments_for_requests(ids);
  const auto visits = names.tx().brigade().visit_stats_for(ids);
  std::vector<RequestRow> out;
  out.reserve(requests.size());
  for (const auto& r : requests) {
    RequestRow row;
    row.request = r;
    if (auto res = names.resident(r.resident_id)) row.resident = Internals::resident_view(names, *res);
    for (const auto& a : assignments[r.id]) row.assignments.push_back({a, names.user(a.peer)});
    row.age_days = static_cast<int>((now - r.created_at) / 86400);
    if (auto v = visits.find(r.id); v != visits.end()) std::tie(row.visits, row.last_visit) = v->second;
    out.push_back(std::move(row));
  }
  return out;
}

static std::vector<PeerCandidate> candidates(Tx& tx, Lookups& names, const BrigadeRequest& r, Timestamp now,
                                             bool count_attempts) {
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
    c.already_assigned = std::any_of(current.begin(), current.end(),
                                     [&](const Assignment& a) { return a.peer == user->id && a.current(); });
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
  out.source = user.role == Role::kHost ? "zelfregiecentrum" : "wijkteam";
  return out;
}

Result<RequestId> Brigade::create_request(const User& user, const NewRequestInput& in) {
  if (!may_request_visit(user, in.wijk)) return Error::forbidden();
  const std::string known = Internals::trim(in.known);
  if (known.empty()) return Error::invalid("error.request.known_required", "known");
  if (known.size() > kMaxKnown) return Error::invalid("error.too_long", "known");
  if (const auto p = Internals::wishes_problems(in.wishes); !p.empty())
    return Error::invalid(p.front().second, p.front().first);
  if (!one_of(in.gender, kGenders)) return Error::invalid("error.invalid_choice", "gender");
  if (!one_of(in.age_band, kAgeBands)) return Error::invalid("error.invalid_choice", "age_band");
  const auto urgency = parse_urgency(in.urgency);
  if (!urgency) return Error::invalid("error.invalid_choice", "urgency");
  const Timestamp t = now();
  if (auto st = Internals::validate_identity(in.identity, t); !st) return st.error();
  if (!Internals::trim(in.resident_code).empty() && !in.identity.empty())
    return Error::invalid("error.request.code_and_identity", "resident_code");
  // What is known goes to peers who may still say no: it must not name the resident.
  if (const auto words = name_words(in.identity.name); mentions(known, words) || mentions(in.wishes.safety_notes, words))
    return Error::invalid("error.request.name_in_text", "known");

  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->admin().get_wijk(in.wijk)) return Error::not_found();
  if (in.buurt.valid()) {
    auto b = tx->admin().get_buurt(in.buurt);
    if (!b || b->wijk_id != in.wijk) return Error::invalid("error.invalid_choice", "buurt");
  }
  auto resident = Internals::resident_for(*ctx_.vault, *tx, t, user, in.wijk, in.buurt, in.resident_code,
                                          in.gender, in.age_band, in.identity, "brigade_request");
  if (!resident) return resident.error();
  if (!Internals::trim(in.resident_code).empty()) {
    // An existing resident: look for their name through the blind index, without decrypting.
    const auto hits = tx->residents().residents_with_name_tokens(in.wijk, ctx_.vault->name_tokens(known + " " + in.wishes.safety_notes));
    if (std::find(hits.begin(), hits.end(), resident->id) != hits.end())
      return Error::invalid("error.request.name_in_text", "known");
  }
  RequestFilter f;
  f.resident = resident->id;
  f.open_only = true;
  f.limit = 1;
  if (!tx->brigade().list_requests(f).empty()) return Error::invalid("error.request.exists", "resident_code");

  BrigadeRequest r;
  r.resident_id = resident->id;
  r.wijk_id = in.wijk;
  r.source = user.role == Role::kHost ? "zelfregiecentrum" : "wijkteam";
  r.requested_by = user.id;
  r.known = known;
  Internals::apply_wishes(r, in.wishes);
  r.urgency = *urgency;
  r.created_at = r.updated_at = t;
  r.id = tx->brigade().insert_request(r);
  Internals::audit(*tx, t, &user, "create", r.resident_id, "request:" + std::to_string(r.id.value), r.source);
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
  if (user.role == Role::kPeer) {
    d.mine = current_assignment(*tx, id, user.id);
    if (!d.mine) d.past = Internals::did_request_once(*tx, id, user.id);
  }
  const bool requester = r->requested_by == user.id && may_view_wijk(user, r->wijk_id);
  if (!d.is_coordinator && !d.mine && !d.past && !requester) {
    // Say what it is: another peer's request, not "another wijk".
    if (user.role == Role::kPeer) return Error{ErrorKind::kForbidden, "error.request.not_yours", {}, {}};
    return Error::forbidden();
  }
  Lookups names(*tx);
  d.row = std::move(request_rows(names, {*r}, t).front());
  d.requested_by_name = names.user(r->requested_by);
  for (const auto& v : tx->brigade().visits_for_request(id)) d.visits.push_back({v, names.user(v.peer)});
  for (const auto& ref : tx->referrals().referrals_for_request(id)) {
    ReferralView rv;
    rv.referral = ref;
    rv.resident_code = d.row.resident.code;
    rv.to_org_name = names.org(ref.to_org);
    rv.referred_by_name = names.user(ref.referred_by);
    rv.no_response = ref.no_response(t, ctx_.config.referral_response_days);
    d.referrals.push_back(std::move(rv));
  }
  const bool may_set_outcome = d.is_coordinator || (d.mine && d.mine->state == AssignmentState::kAccepted);
  if (may_set_outcome)
    for (auto o : all_outcomes())
      if (o != Outcome::kOpen) d.outcomes.push_back({o, outcome_transition(r->outcome, o).ok()});
  if (d.mine && d.mine->state == AssignmentState::kAccepted && !outcome_is_final(r->outcome)) {
    auto resident = tx->residents().get_resident(r->resident_id);
    if (resident) {
      ResidentRelation rel = Internals::relation(*tx, user, resident->id);
      d.identity = Internals::reveal(*ctx_.vault, *tx, t, user, *resident, rel,
                                     "request:" + std::to_string(id.value), "visit");
    }
  }
  // The peer who said yes reads what the raiser observed (pseudonymous, like the request).
  if (d.mine && d.mine->state == AssignmentState::kAccepted && r->signal_id)
    if (auto sig = tx->signals().get_signal(*r->signal_id)) d.signal_text = sig->description;
  if (d.is_coordinator && !outcome_is_final(r->outcome)) {
    d.may_edit_wishes = true;
    for (const auto& a : tx->brigade().assignments_for_request(id)) d.may_edit_wishes = d.may_edit_wishes && !a.current();
  }
  if (user.role == Role::kPeer)
    if (auto c = tx->brigade().open_checkin(user.id); c && c->request_id == id) d.checkin = c;
  d.visit_key = random_token().substr(0, 32);
  if (d.is_coordinator && !outcome_is_final(r->outcome) && r->outcome != Outcome::kDeclined) {
    RequestNeeds needs{r->urgency, r->pref_language, r->pref_gender, r->pref_theme};
    d.suggestions = rank_peers(needs, candidates(*tx, names, *r, t, ctx_.config.cap_counts_attempts));
  }
  // An identity is only shown when its audit entry is safely stored.
  if (auto st = tx->commit(); !st) return st.error();
  return d;
}

Status Brigade::update_wishes(const User& user, RequestId id, std::int64_t version, const BrigadeWishes& w) {
  if (auto problems = Internals::wishes_problems(w); !problems.empty()) return Error::invalid_fields(std::move(problems));
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id)) return Error::forbidden();
  if (outcome_is_final(r->outcome)) return Error::conflict("error.request.closed");
  for (const auto& a : tx->brigade().assignments_for_request(id))
    if (a.current()) return Error::conflict("error.request.already_asked");
  // Safety notes reach peers who may still say no: they must not name the resident.
  const auto hits = tx->residents().residents_with_name_tokens(r->wijk_id, ctx_.vault->name_tokens(w.safety_notes));
  if (std::find(hits.begin(), hits.end(), r->resident_id) != hits.end())
    return Error::invalid("error.request.name_in_text", "safety_notes");
  if (r->version != version) return Error::conflict("error.version_conflict");
  Internals::apply_wishes(*r, w);
  r->updated_at = now();
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  Internals::audit(*tx, now(), &user, "change", r->resident_id, "request:" + std::to_string(id.value), "wishes");
  return tx->commit();
}

Status Brigade::assign_peers(const User& user, RequestId id, const std::vector<UserId>& peers) {
  if (peers.empty()) return Error::invalid("error.assign.choose", "peer");
  if (peers.size() > 2) return Error::invalid("error.assign.at_most_two", "peer");
  if (peers.size() == 2 && peers[0] == peers[1]) return Error::invalid("error.assign.same_peer", "peer");
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
    auto c = std::find_if(pool.begin(), pool.end(), [&](const PeerCandidate& pc) { return pc.peer == peer; });
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
    Internals::audit(*tx, t, &user, "assign", r->resident_id, "request:" + std::to_string(id.value),
                     "peer:" + std::to_string(peer.value));
    if (!c->profile.email.empty()) {
      // No identity and no pseudonym in mail: the wijk and a link are enough to go and look.
      OutboxMail m;
      m.to = c->profile.email;
      m.subject = "Nieuw verzoek voor de Vliegende Brigade";
      m.body = "Hallo " + c->name + ",\r\n\r\nEr staat een nieuw verzoek voor je klaar in wijk " +
               names.wijk(r->wijk_id) + ".\r\nBekijk het en zeg ja of nee:\r\n" + ctx_.config.base_url +
               "/verzoeken/" + std::to_string(id.value) +
               "\r\n\r\nIn deze e-mail staan bewust geen gegevens van de bewoner.\r\n";
      m.created_at = t;
      tx->mail().insert_mail(m);
    }
  }
  r->updated_at = t;
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  return tx->commit();
}

Status Brigade::respond_assignment(const User& user, RequestId id, bool accept, const std::string& reason_in) {
  const std::string reason = Internals::trim(reason_in);
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
  Internals::audit(*tx, t, &user, accept ? "accept" : "decline", r->resident_id,
                   "request:" + std::to_string(id.value), reason);
  return tx->commit();
}

Status Brigade::end_assignment(const User& user, RequestId id, UserId peer, const std::string& reason_in) {
  const std::string reason = Internals::trim(reason_in);
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
  Internals::audit(*tx, t, &user, "unassign", r->resident_id, "request:" + std::to_string(id.value),
                   "peer:" + std::to_string(peer.value));
  return tx->commit();
}

Result<MyRequests> Brigade::my_requests(const User& user) {
  if (user.role != Role::kPeer) return Error::forbidden();
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
  out.profile = tx->peers().get_peer_profile(user.id).value_or(PeerProfile{user.id, {}, {}, "onbekend", 4, true, {}});
  out.load = tx->peers().peer_loads({user.id}, start_of_local_week(t), ctx_.config.cap_counts_attempts)[user.id];
  return out;
}

// The requests a peer did before (the ten most recent), pseudonymous: a page of its own, so that
// "mijn verzoeken", opened many times a day, stays light.
Result<std::vector<RequestRow>> Brigade::past_requests(const User& user) {
  if (user.role != Role::kPeer) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  Lookups names(*tx);
  std::vector<RequestRow> out;
  // Only what the short list shows: the request and its resident's code, in two statements.
  auto past = tx->brigade().past_requests_of_peer(user.id, 10);
  std::vector<ResidentId> past_residents;
  for (const auto& r : past) past_residents.push_back(r.resident_id);
  names.prefetch_residents(past_residents);
  for (auto& r : past) {
    if (std::any_of(out.begin(), out.end(), [&](const RequestRow& p) { return p.request.id == r.id; })) continue;
    RequestRow row;
    if (auto res = names.resident(r.resident_id)) row.resident = Internals::resident_view(names, *res);
    row.request = std::move(r);
    out.push_back(std::move(row));
  }
  return out;
}

// --- visits and safety ---------------------------------------------------------------------

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
  const std::string note = Internals::trim(in.note);
  const std::string next_step = Internals::trim(in.next_step);
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if (next_step.size() > kMaxShortText * 2) return Error::invalid("error.too_long", "next_step");
  const Timestamp t = now();
  Timestamp at = t;
  if (!Internals::trim(in.when).empty()) {
    auto parsed = parse_local_datetime(Internals::trim(in.when));
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
      Internals::feed_back_to_overleg(*tx, *r, Outcome::kContact, user, t);
    }
  }
  r->updated_at = t;
  if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
  Internals::audit(*tx, t, &user, "create", r->resident_id, "visit:" + std::to_string(vid.value),
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
  if (!Internals::accepted_peer(*tx, id, user.id)) return Error::forbidden();
  if (tx->brigade().open_checkin(user.id)) return Error::conflict("error.checkin.open");
  const Timestamp t = now();
  Checkin c;
  c.request_id = id;
  c.peer = user.id;
  c.started_at = t;
  c.expected_back = t + minutes * 60;
  tx->brigade().insert_checkin(c);
  Internals::audit(*tx, t, &user, "check_in", r->resident_id, "request:" + std::to_string(id.value),
                   std::to_string(minutes) + " min");
  return tx->commit();
}

Status Brigade::check_out(const User& user) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto c = tx->brigade().open_checkin(user.id);
  if (!c) return Error::conflict("error.checkin.none");
  const Timestamp t = now();
  tx->brigade().end_checkin(c->id, t);
  Internals::audit(*tx, t, &user, "check_out", ResidentId(), "request:" + std::to_string(c->request_id.value), "");
  return tx->commit();
}

Status Brigade::request_debrief(const User& user, std::optional<RequestId> id, const std::string& note_in) {
  if (user.role != Role::kPeer) return Error::forbidden();
  const std::string note = Internals::trim(note_in);
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
  Internals::audit(*tx, t, &user, "debrief_request", ResidentId(), id ? "request:" + std::to_string(id->value) : "", "");
  return tx->commit();
}

Status Brigade::handle_debrief(const User& user, DebriefId id) {
  if (user.role != Role::kCoordinator || !user.active) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const Timestamp t = now();
  const auto open = tx->brigade().open_debriefs();
  auto d = std::find_if(open.begin(), open.end(), [&](const Debrief& x) { return x.id == id; });
  if (d == open.end()) return Error::not_found();
  const auto peers = tx->peers().peers_in_wijken(user.wijken);
  if (std::none_of(peers.begin(), peers.end(), [&](const auto& p) { return p.first.id == d->peer; }))
    return Error::forbidden();
  if (!tx->brigade().handle_debrief(id, user.id, t)) return Error::not_found();
  Internals::audit(*tx, t, &user, "change", ResidentId(), "debrief:" + std::to_string(id.value), "handled");
  return tx->commit();
}

// --- outcomes ------------------------------------------------------------------------------

Status Brigade::set_outcome(const User& user, RequestId id, const std::string& code, const std::string& note_in,
                        std::int64_t version) {
  if (code.empty()) return Error::invalid("error.outcome.choose", "outcome");
  const auto to = parse_outcome(code);
  if (!to || *to == Outcome::kOpen) return Error::invalid("error.invalid_choice", "outcome");
  const std::string note = Internals::trim(note_in);
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if ((*to == Outcome::kClosed || *to == Outcome::kDeclined || *to == Outcome::kUnreachable) && note.size() < 3)
    return Error::invalid("error.outcome.note_required", "note");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id) && !Internals::accepted_peer(*tx, id, user.id)) return Error::forbidden();
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
  Internals::audit(*tx, t, &user, "change", r->resident_id, "request:" + std::to_string(id.value),
                   "outcome " + std::string(to_string(*to)));

  Internals::feed_back_to_overleg(*tx, *r, *to, user, t);

  if (*to == Outcome::kDeclined) {
    // Informal options are exhausted: the case goes back to the wijk's overleg.
    const std::string back = "Vliegende Brigade: informele mogelijkheden uitgeput. " + note;
    std::optional<Signal> s;
    if (r->signal_id) s = tx->signals().get_signal(*r->signal_id);
    // A signal linked to a case goes back as that case.
    if (s && s->state == SignalState::kLinked && s->case_id) s = tx->signals().get_signal(*s->case_id);
    if (r->action_id) {
      if (auto a = tx->meetings().get_action(*r->action_id); a && a->state == ActionState::kOpen) {
        a->state = ActionState::kNotDone;
        a->note = back.substr(0, kMaxNote);
        a->settled_at = t;
        tx->meetings().update_action(*a);
        if (s) tx->signals().add_timeline({s->id, t, user.id, "action_settled", "not_done|" + a->note});
      }
    }
    if (s && s->state != SignalState::kClosed && s->state != SignalState::kLinked) {
      bool any_open = false;
      for (const auto& other : tx->meetings().actions_for_signal(s->id)) any_open = any_open || other.state == ActionState::kOpen;
      if (!any_open)
        if (auto next = transition(s->state, SignalEvent::kActionsSettled)) s->state = *next;
      if (auto next = transition(s->state, SignalEvent::kReturnToOverleg)) {
        s->state = *next;
        s->updated_at = t;
        tx->signals().update_signal(*s);
        tx->signals().add_timeline({s->id, t, user.id, "returned", note});
        Internals::place_on_next_meeting(*tx, *s, user, t);
      }
    } else if (!s || s->state == SignalState::kClosed) {
      // A direct request (or a closed case): raise a signal so the overleg sees it again.
      // Raised on behalf of whoever asked the brigade: raising a signal counts as a relation to
      // the resident, and a peer or the coordinator must not gain one by recording a decline.
      Signal n;
      n.resident_id = r->resident_id;
      n.wijk_id = r->wijk_id;
      n.raised_by = r->requested_by;
      n.org_id = Internals::user_org(*tx, r->requested_by);
      n.description = back.substr(0, kMaxDescription);
      n.created_at = n.updated_at = t;
      if (auto open_case = tx->signals().open_case_for_resident(r->resident_id)) {
        n.state = SignalState::kLinked;
        n.case_id = open_case->id;
        n.id = tx->signals().insert_signal(n);
      } else {
        n.id = tx->signals().insert_signal(n);
        tx->signals().add_timeline({n.id, t, user.id, "raised", ""});
        Internals::place_on_next_meeting(*tx, n, user, t);
      }
      Internals::audit(*tx, t, &user, "create", r->resident_id, "signal:" + std::to_string(n.id.value),
                       "brigade declined");
    }
  }
  return tx->commit();
}

// --- coordinator ---------------------------------------------------------------------------

Result<CoordinatorOverview> Brigade::overview(const User& user) {
  if (user.role != Role::kCoordinator || !user.active || user.wijken.empty()) return Error::forbidden();
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
  auto loads = tx->peers().peer_loads(peer_ids, start_of_local_week(t), ctx_.config.cap_counts_attempts);
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
  std::stable_sort(out.checkins.begin(), out.checkins.end(),
                   [](const CheckinView& a, const CheckinView& b) { return a.overdue > b.overdue; });
  for (const auto& d : tx->brigade().open_debriefs())
    if (peers_in_view.count(d.peer)) out.debriefs.push_back({d, names.user(d.peer)});
  for (const auto& ref : tx->referrals().unanswered_referrals(user.wijken, t - static_cast<Timestamp>(ctx_.config.referral_response_days) * 86400)) {
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
  months = std::clamp(months, 1, 24);
  auto tx = ctx_.store->begin(TxMode::kRead);
  const Timestamp t = now();
  std::vector<WijkId> wijken = user.wijken;
  if (user.role == Role::kFunder && wijken.empty())
    for (const auto& w : tx->admin().list_wijken()) wijken.push_back(w.id);
  if (wijken.empty()) return Error::forbidden();
  // From the first day of the month `months - 1` back.
  const std::string today = today_of(t);
  int y = std::stoi(today.substr(0, 4));
  int m = std::stoi(today.substr(5, 2)) - (months - 1);
  while (m < 1) {
    m += 12;
    --y;
  }
  char first[32];
  std::snprintf(first, sizeof first, "%04d-%02d-01", y, m);
  const Timestamp from = parse_local_datetime(std::string(first) + "T00:00").value_or(0);
  const auto rows = tx->figures().funnel(wijken, from, t + 1);
  Lookups names(*tx);
  BrigadeFigures out;
  out.months = months;
  static const char* kStepKeys[] = {"funnel.requests", "funnel.visited", "funnel.contact",
                                    "funnel.came_along", "funnel.referred", "funnel.intake"};
  auto values = [](const FunnelCounts& c) {
    return std::vector<int>{c.requests, c.visited, c.contact, c.came_along, c.referred, c.intake_confirmed};
  };
  // `parts[i]` are the cells that add up to step i of this figure (months of a wijk, wijken of the
  // city); when subtracting the shown ones from it would give away a small number, it is hidden.
  auto shown = [&](const std::string& wijk, const std::string& month, const FunnelCounts& c,
                   const std::vector<std::vector<int>>& parts) {
    FunnelMonth fm;
    fm.month = month;
    fm.wijk = wijk;
    const auto v = values(c);
    for (std::size_t i = 0; i < v.size(); ++i) {
      // A total below the threshold shows as "<5" anyway; only an exact total can be subtracted from.
      const bool hide = !parts.empty() && v[i] >= kSmallNumberThreshold && total_reveals_small(parts[i]);
      fm.steps.push_back({kStepKeys[i], hide ? std::string(kHiddenFigure) : suppressed(v[i])});
      fm.raw.push_back(!hide && v[i] >= kSmallNumberThreshold ? v[i] : 0);
    }
    // A median of fewer than five residents would tell too much about each of them.
    if (auto med = c.median_days(); med && c.contact >= kSmallNumberThreshold) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.1f", *med);
      fm.median_days = buf;
    }
    return fm;
  };
  std::map<WijkId, FunnelCounts> totals;
  std::map<WijkId, std::vector<std::vector<int>>> month_parts;  // per wijk: per step, its months
  for (const auto& [key, counts] : funnel_by_month(rows)) {
    out.rows.push_back(shown(names.wijk(key.first), key.second, counts, {}));
    auto& parts = month_parts[key.first];
    parts.resize(std::size(kStepKeys));
    const auto v = values(counts);
    for (std::size_t i = 0; i < v.size(); ++i) parts[i].push_back(v[i]);
  }
  FunnelCounts all;
  for (const auto& r : rows) {
    totals[r.wijk].add(r);
    all.add(r);
  }
  // All wijken together first (the wijk name left empty): per wijk, most steps are "<5".
  if (totals.size() > 1) {
    std::vector<std::vector<int>> wijk_parts(std::size(kStepKeys));
    for (const auto& [w, counts] : totals) {
      const auto v = values(counts);
      for (std::size_t i = 0; i < v.size(); ++i) wijk_parts[i].push_back(v[i]);
    }
    out.totals.push_back(shown("", "", all, wijk_parts));
  }
  for (const auto& [w, counts] : totals) out.totals.push_back(shown(names.wijk(w), "", counts, month_parts[w]));
  return out;
}

// --- mail ----------------------------------------------------------------------------------

}  // namespace meedoen
