// The shared helpers of the SQL stores: reading and binding ids, running one statement for a list
// of ids, and each table's columns with the reader of a row. Internal to store/.
#pragma once

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/accounts_store.hpp"
#include "store/audit_store.hpp"
#include "store/brigade_store.hpp"
#include "store/meetings_store.hpp"
#include "store/peers_store.hpp"
#include "store/referrals_store.hpp"
#include "store/residents_store.hpp"
#include "store/signals_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

template <class IdT>
std::optional<IdT> opt_id(const Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return IdT(s.i64(col));
}

template <class IdT>
std::optional<std::int64_t> raw(const std::optional<IdT>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

// Runs `sql` once for all of `ids`, bound as one list to ?1: the statement joins
// `json_each(?1) ids` to its table on `ids.value`, and other parameters are numbered from ?2
// (bound by `extra`). SQLite gets the list as a JSON array; PostgreSQL reads the same text as
// `unnest(CAST($1 AS bigint[])) AS ids(value)` (postgres::translate) and gets an array. One
// statement whatever the count and a fixed text for the statement cache; unlike "IN (?, ?, ...)"
// it builds no temporary index for the list (a page runs several of these). Duplicate ids are
// dropped first.
template <class IdT, class B, class F>
void for_ids(Connection& conn, const std::string& sql, const std::vector<IdT>& ids, B&& extra,
             F&& row) {
  if (ids.empty()) return;
  std::vector<std::int64_t> values;
  values.reserve(ids.size());
  for (const auto& id : ids) values.push_back(id.value);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const bool json = conn.dialect() == Dialect::kSqlite;
  std::string list(1, json ? '[' : '{');
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) list += ',';
    list += std::to_string(values[i]);
  }
  list += json ? ']' : '}';
  auto s = conn.prepare(sql);
  s.bind(1, list);
  extra(s);
  while (s.step()) row(s);
}

inline constexpr auto kNoExtra = [](Stmt&) {};

inline std::vector<std::int64_t> split_ids(const std::string& csv) {
  std::vector<std::int64_t> out;
  const char* p = csv.data();
  const char* end = p + csv.size();
  while (p < end) {
    std::int64_t v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec == std::errc()) out.push_back(v);
    p = std::find(next, end, ',');
    if (p < end) ++p;
  }
  return out;
}

inline constexpr const char* kUserCols =
    "id, username, display_name, role, org_id, active, aandachtsfunctionaris, lang";

inline User read_user(const Stmt& s) {
  User u;
  u.id = UserId(s.i64(0));
  u.username = s.text(1);
  u.display_name = s.text(2);
  u.role = parse_role(s.text(3)).value_or(Role::kMember);
  u.org_id = OrgId(s.i64(4));
  u.active = s.flag(5);
  u.aandachtsfunctionaris = s.flag(6);
  u.lang = s.text(7);
  return u;
}

// A user's wijken, and those of them whose overleg names the user's organisation as a member, as
// two more columns after kUserCols, read by read_user_with_wijken.
inline constexpr const char* kUserWijkenCol =
    "(SELECT group_concat(w.wijk_id) FROM user_wijken w WHERE w.user_id = users.id), "
    "(SELECT group_concat(w.wijk_id) FROM user_wijken w JOIN wijk_partners p "
    "ON p.wijk_id = w.wijk_id AND p.org_id = users.org_id WHERE w.user_id = users.id)";

inline User read_user_with_wijken(const Stmt& s) {
  User u = read_user(s);
  for (auto id : split_ids(s.text(8))) u.wijken.emplace_back(id);
  for (auto id : split_ids(s.text(9))) u.overleg_wijken.emplace_back(id);
  std::sort(u.wijken.begin(), u.wijken.end());
  std::sort(u.overleg_wijken.begin(), u.overleg_wijken.end());
  return u;
}

#define MEEDOEN_SIGNAL_BASE_COLS                                                                 \
  "s.id, s.resident_id, s.wijk_id, s.buurt_id, s.raised_by, s.org_id, s.description, s.urgent, " \
  "s.state, s.meldcode, s.meldcode_weighed, s.case_id, s.regisseur, s.close_reason, "            \
  "s.created_at, s.updated_at"
// A signal's columns without its categories (see read_signal_base), and with them as a list.
inline constexpr const char* kSignalBaseCols = MEEDOEN_SIGNAL_BASE_COLS;
inline constexpr const char* kSignalCols = MEEDOEN_SIGNAL_BASE_COLS
    ", (SELECT group_concat(category_id) FROM signal_categories c WHERE c.signal_id = s.id)";
#undef MEEDOEN_SIGNAL_BASE_COLS
inline constexpr int kSignalBaseColCount = 16;

// The columns of kSignalBaseCols, from column 0.
inline Signal read_signal_base(const Stmt& s) {
  Signal g;
  g.id = SignalId(s.i64(0));
  g.resident_id = ResidentId(s.i64(1));
  g.wijk_id = WijkId(s.i64(2));
  if (!s.is_null(3)) g.buurt_id = BuurtId(s.i64(3));
  g.raised_by = UserId(s.i64(4));
  g.org_id = OrgId(s.i64(5));
  g.description = s.text(6);
  g.urgent = s.flag(7);
  g.state = parse_signal_state(s.view(8)).value_or(SignalState::kNew);
  g.meldcode = s.flag(9);
  g.meldcode_weighed = s.flag(10);
  g.case_id = opt_id<SignalId>(s, 11);
  g.regisseur = opt_id<UserId>(s, 12);
  g.close_reason = s.text(13);
  g.created_at = s.i64(14);
  g.updated_at = s.i64(15);
  return g;
}

// What a list of signals shows; read_signal_summary fills these fields only.
inline constexpr const char* kSignalSummaryCols =
    "s.id, s.resident_id, s.wijk_id, s.org_id, s.urgent, s.state, s.meldcode, s.created_at";
inline constexpr int kSignalSummaryColCount = 8;

inline Signal read_signal_summary(const Stmt& s) {
  Signal g;
  g.id = SignalId(s.i64(0));
  g.resident_id = ResidentId(s.i64(1));
  g.wijk_id = WijkId(s.i64(2));
  g.org_id = OrgId(s.i64(3));
  g.urgent = s.flag(4);
  g.state = parse_signal_state(s.view(5)).value_or(SignalState::kNew);
  g.meldcode = s.flag(6);
  g.created_at = s.i64(7);
  return g;
}

// The resident columns a list shows, after the summary and category columns.
inline constexpr const char* kResidentSummaryCols =
    ", r.code, r.wijk_id, r.buurt_id, r.gender, r.age_band";

inline Resident read_resident_summary(const Stmt& s, ResidentId id, int at) {
  Resident r;
  r.id = id;
  r.code = s.text(at);
  r.wijk_id = WijkId(s.i64(at + 1));
  if (!s.is_null(at + 2)) r.buurt_id = BuurtId(s.i64(at + 2));
  r.gender = s.text(at + 3);
  r.age_band = s.text(at + 4);
  return r;
}

inline Signal read_signal(const Stmt& s) {
  Signal g = read_signal_base(s);
  for (auto id : split_ids(s.text(kSignalBaseColCount))) g.categories.emplace_back(id);
  return g;
}

inline constexpr const char* kMeetingCols = "id, wijk_id, starts_at, place, held, notes, version";

inline Meeting read_meeting(const Stmt& s) {
  Meeting m;
  m.id = MeetingId(s.i64(0));
  m.wijk_id = WijkId(s.i64(1));
  m.starts_at = s.i64(2);
  m.place = s.text(3);
  m.held = s.flag(4);
  m.notes = s.text(5);
  m.version = s.i64(6);
  return m;
}

inline constexpr const char* kItemCols =
    "id, meeting_id, signal_id, action_id, kind, position, summary, decision, recorded, version";

inline AgendaItem read_item(const Stmt& s) {
  AgendaItem i;
  i.id = AgendaItemId(s.i64(0));
  i.meeting_id = MeetingId(s.i64(1));
  i.signal_id = SignalId(s.i64(2));
  i.action_id = opt_id<ActionId>(s, 3);
  i.kind = s.text(4) == "follow_up" ? AgendaItemKind::kFollowUp : AgendaItemKind::kNewSignal;
  i.position = s.i32(5);
  i.summary = s.text(6);
  i.decision = parse_decision(s.text(7)).value_or(Decision::kNone);
  i.recorded = s.flag(8);
  i.version = s.i64(9);
  return i;
}

inline constexpr const char* kActionCols =
    "id, signal_id, resident_id, wijk_id, meeting_id, decision, owner, due_date, state, note, "
    "created_at, settled_at";

inline Action read_action(const Stmt& s) {
  Action a;
  a.id = ActionId(s.i64(0));
  a.signal_id = SignalId(s.i64(1));
  a.resident_id = ResidentId(s.i64(2));
  a.wijk_id = WijkId(s.i64(3));
  a.meeting_id = opt_id<MeetingId>(s, 4);
  a.decision = parse_decision(s.text(5)).value_or(Decision::kNone);
  a.owner = UserId(s.i64(6));
  a.due_date = s.text(7);
  a.state = parse_action_state(s.text(8)).value_or(ActionState::kOpen);
  a.note = s.text(9);
  a.created_at = s.i64(10);
  a.settled_at = s.i64(11);
  return a;
}

inline constexpr const char* kAuditCols =
    "seq, at, user_id, user_label, event, resident_id, object, reason, prev_hash, hash";

inline AuditEntry read_audit(const Stmt& s) {
  AuditEntry e;
  e.seq = s.i64(0);
  e.at = s.i64(1);
  e.user_id = UserId(s.i64(2));
  e.user_label = s.text(3);
  e.event = s.text(4);
  e.resident_id = ResidentId(s.i64(5));
  e.object = s.text(6);
  e.reason = s.text(7);
  e.prev_hash = s.text(8);
  e.hash = s.text(9);
  return e;
}

inline Resident read_resident(const Stmt& s) {
  Resident r;
  r.id = ResidentId(s.i64(0));
  r.code = s.text(1);
  r.wijk_id = WijkId(s.i64(2));
  if (!s.is_null(3)) r.buurt_id = BuurtId(s.i64(3));
  r.gender = s.text(4);
  r.age_band = s.text(5);
  r.created_at = s.i64(6);
  return r;
}

// The id that an `INSERT ... RETURNING id` gave the new row; none when it inserted nothing (an
// `ON CONFLICT DO NOTHING` that met a row with the same key: no error, so that a PostgreSQL
// transaction goes on after it).
inline std::optional<std::int64_t> inserted_id(Stmt& s) {
  if (!s.step()) return std::nullopt;
  return s.i64(0);
}

inline std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

inline std::vector<std::string> split(std::string_view csv) {
  std::vector<std::string> out;
  while (!csv.empty()) {
    const auto comma = csv.find(',');
    const auto part = csv.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    csv.remove_prefix(comma + 1);
  }
  return out;
}

// "wijk_id IN (1,2)" for typed ids (numbers only, so safe to inline); "1 = 1" when empty.
inline std::string wijk_clause(const char* column, const std::vector<WijkId>& wijken) {
  if (wijken.empty()) return "1 = 1";
  std::string out = std::string(column) + " IN (";
  for (std::size_t i = 0; i < wijken.size(); ++i)
    out += (i ? "," : "") + std::to_string(wijken[i].value);
  return out + ")";
}

inline constexpr const char* kProfileCols =
    "user_id, languages, themes, gender, weekly_cap, active, email";

// The kProfileCols columns, from column `at` on.
inline PeerProfile read_profile_at(const Stmt& s, int at) {
  PeerProfile p;
  p.user_id = UserId(s.i64(at));
  p.languages = split(s.view(at + 1));
  p.themes = split(s.view(at + 2));
  p.gender = s.text(at + 3);
  p.weekly_cap = s.i32(at + 4);
  p.active = s.flag(at + 5);
  p.email = s.text(at + 6);
  return p;
}

inline PeerProfile read_profile(const Stmt& s) { return read_profile_at(s, 0); }

inline constexpr const char* kRequestCols =
    "id, resident_id, wijk_id, signal_id, action_id, source, requested_by, known, "
    "safety_aggression, "
    "safety_dog, safety_addiction, safety_notes, pair_advised, pref_language, pref_gender, "
    "pref_theme, urgency, outcome, outcome_note, created_at, updated_at, first_contact_at, "
    "closed_at, version";

inline BrigadeRequest read_request(const Stmt& s) {
  BrigadeRequest r;
  r.id = RequestId(s.i64(0));
  r.resident_id = ResidentId(s.i64(1));
  r.wijk_id = WijkId(s.i64(2));
  r.signal_id = opt_id<SignalId>(s, 3);
  r.action_id = opt_id<ActionId>(s, 4);
  r.source = s.text(5);
  r.requested_by = UserId(s.i64(6));
  r.known = s.text(7);
  r.safety_aggression = s.flag(8);
  r.safety_dog = s.flag(9);
  r.safety_addiction = s.flag(10);
  r.safety_notes = s.text(11);
  r.pair_advised = s.flag(12);
  r.pref_language = s.text(13);
  r.pref_gender = s.text(14);
  r.pref_theme = s.text(15);
  r.urgency = parse_urgency(s.text(16)).value_or(Urgency::kNormal);
  r.outcome = parse_outcome(s.text(17)).value_or(Outcome::kOpen);
  r.outcome_note = s.text(18);
  r.created_at = s.i64(19);
  r.updated_at = s.i64(20);
  r.first_contact_at = s.i64(21);
  r.closed_at = s.i64(22);
  r.version = s.i64(23);
  return r;
}

// Qualified, so they also serve in joins (json_each has an `id` of its own): select FROM
// assignments a.
inline constexpr const char* kAssignmentCols =
    "a.id, a.request_id, a.peer, a.assigned_by, a.state, a.reason, a.assigned_at, a.responded_at, "
    "a.ended_at";

inline Assignment read_assignment(const Stmt& s) {
  Assignment a;
  a.id = AssignmentId(s.i64(0));
  a.request_id = RequestId(s.i64(1));
  a.peer = UserId(s.i64(2));
  a.assigned_by = UserId(s.i64(3));
  a.state = parse_assignment_state(s.text(4)).value_or(AssignmentState::kEnded);
  a.reason = s.text(5);
  a.assigned_at = s.i64(6);
  a.responded_at = s.i64(7);
  a.ended_at = s.i64(8);
  return a;
}

inline constexpr const char* kVisitCols =
    "id, request_id, peer, at, kind, result, note, next_step, idempotency_key, created_at";

inline Visit read_visit(const Stmt& s) {
  Visit v;
  v.id = VisitId(s.i64(0));
  v.request_id = RequestId(s.i64(1));
  v.peer = UserId(s.i64(2));
  v.at = s.i64(3);
  v.kind = parse_visit_kind(s.text(4)).value_or(VisitKind::kUnknown);
  v.result = parse_visit_result(s.text(5)).value_or(VisitResult::kNotHome);
  v.note = s.text(6);
  v.next_step = s.text(7);
  v.idempotency_key = s.text(8);
  v.created_at = s.i64(9);
  return v;
}

inline constexpr const char* kCheckinCols =
    "id, request_id, peer, started_at, expected_back, ended_at";

inline Checkin read_checkin(const Stmt& s) {
  return {CheckinId(s.i64(0)), RequestId(s.i64(1)), UserId(s.i64(2)), s.i64(3), s.i64(4), s.i64(5)};
}

inline constexpr const char* kReferralCols =
    "id, request_id, resident_id, wijk_id, referred_by, kind, to_org, to_email, story, "
    "consent_given_by, consent_date, consent_purpose, consent_recipient, consent_form, share_name, "
    "share_address, share_phone, share_story, status, intake_date, answer_note, created_at, "
    "updated_at, answered_at, reminded_at";

inline Referral read_referral(const Stmt& s) {
  Referral r;
  r.id = ReferralId(s.i64(0));
  r.request_id = RequestId(s.i64(1));
  r.resident_id = ResidentId(s.i64(2));
  r.wijk_id = WijkId(s.i64(3));
  r.referred_by = UserId(s.i64(4));
  r.kind = s.text(5);
  r.to_org = OrgId(s.i64(6));
  r.to_email = s.text(7);
  r.story = s.text(8);
  r.consent.given_by = s.text(9);
  r.consent.date = s.text(10);
  r.consent.purpose = s.text(11);
  r.consent.recipient = s.text(12);
  r.consent.form = parse_consent_form(s.text(13)).value_or(ConsentForm::kVerbal);
  r.consent.fields.name = s.flag(14);
  r.consent.fields.address = s.flag(15);
  r.consent.fields.phone = s.flag(16);
  r.consent.fields.story = s.flag(17);
  r.status = parse_referral_status(s.text(18)).value_or(ReferralStatus::kSent);
  r.intake_date = s.text(19);
  r.answer_note = s.text(20);
  r.created_at = s.i64(21);
  r.updated_at = s.i64(22);
  r.answered_at = s.i64(23);
  r.reminded_at = s.i64(24);
  return r;
}

template <class T, class F>
inline std::vector<T> collect(Stmt& s, F read) {
  std::vector<T> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

}  // namespace meedoen::sql
