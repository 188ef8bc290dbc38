// SqliteTx: the Vliegende Brigade's tables (peers, requests, visits, referrals) and the outbox.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "store/sqlite/columns.hpp"
#include "store/sqlite/sqlite_tx.hpp"

namespace meedoen::sqlite {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> split(std::string_view csv) {
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

// "wijk_id IN (1,2)" for typed ids (numbers only, so safe to inline); "1" when empty.
std::string wijk_clause(const char* column, const std::vector<WijkId>& wijken) {
  if (wijken.empty()) return "1";
  std::string out = std::string(column) + " IN (";
  for (std::size_t i = 0; i < wijken.size(); ++i)
    out += (i ? "," : "") + std::to_string(wijken[i].value);
  return out + ")";
}

constexpr const char* kProfileCols = "user_id, languages, themes, gender, weekly_cap, active, email";

// The kProfileCols columns, from column `at` on.
PeerProfile read_profile_at(const Stmt& s, int at) {
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

PeerProfile read_profile(const Stmt& s) { return read_profile_at(s, 0); }

constexpr const char* kRequestCols =
    "id, resident_id, wijk_id, signal_id, action_id, source, requested_by, known, safety_aggression, "
    "safety_dog, safety_addiction, safety_notes, pair_advised, pref_language, pref_gender, "
    "pref_theme, urgency, outcome, outcome_note, created_at, updated_at, first_contact_at, "
    "closed_at, version";

BrigadeRequest read_request(const Stmt& s) {
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

// Qualified, so they also serve in joins (json_each has an `id` of its own): select FROM assignments a.
constexpr const char* kAssignmentCols =
    "a.id, a.request_id, a.peer, a.assigned_by, a.state, a.reason, a.assigned_at, a.responded_at, a.ended_at";

Assignment read_assignment(const Stmt& s) {
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

constexpr const char* kVisitCols =
    "id, request_id, peer, at, kind, result, note, next_step, idempotency_key, created_at";

Visit read_visit(const Stmt& s) {
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

constexpr const char* kCheckinCols = "id, request_id, peer, started_at, expected_back, ended_at";

Checkin read_checkin(const Stmt& s) {
  return {CheckinId(s.i64(0)), RequestId(s.i64(1)), UserId(s.i64(2)), s.i64(3), s.i64(4), s.i64(5)};
}

constexpr const char* kReferralCols =
    "id, request_id, resident_id, wijk_id, referred_by, kind, to_org, to_email, story, "
    "consent_given_by, consent_date, consent_purpose, consent_recipient, consent_form, share_name, "
    "share_address, share_phone, share_story, status, intake_date, answer_note, created_at, "
    "updated_at, answered_at, reminded_at";

Referral read_referral(const Stmt& s) {
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
std::vector<T> collect(Stmt& s, F read) {
  std::vector<T> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

}  // namespace

// --- peers ---------------------------------------------------------------------------------

std::optional<PeerProfile> SqliteTx::get_peer_profile(UserId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kProfileCols + " FROM peer_profiles WHERE user_id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_profile(s);
}

void SqliteTx::put_peer_profile(const PeerProfile& p) {
  auto s = conn_->prepare(
      "INSERT INTO peer_profiles (user_id, languages, themes, gender, weekly_cap, active, email) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET languages = excluded.languages, "
      "themes = excluded.themes, gender = excluded.gender, weekly_cap = excluded.weekly_cap, "
      "active = excluded.active, email = excluded.email");
  s.bind_all(p.user_id.value, join(p.languages), join(p.themes), p.gender, p.weekly_cap, p.active,
             p.email);
  s.exec();
}

std::vector<PeerProfile> SqliteTx::list_peer_profiles() {
  auto s = conn_->prepare(std::string("SELECT ") + kProfileCols + " FROM peer_profiles ORDER BY user_id");
  return collect<PeerProfile>(s, read_profile);
}

std::vector<std::pair<User, PeerProfile>> SqliteTx::peers_in_wijken(const std::vector<WijkId>& wijken) {
  std::vector<std::pair<User, PeerProfile>> out;
  auto read = [&](const Stmt& s) {
    const UserId id(s.i64(0));
    for (const auto& [u, p] : out)
      if (u.id == id) return;  // a peer in two of the wijken
    User u;
    u.id = id;
    u.display_name = s.text(1);
    u.org_id = OrgId(s.i64(2));
    u.lang = s.text(3);
    u.role = Role::kPeer;
    out.emplace_back(std::move(u), read_profile_at(s, 4));
  };
  const std::string cols =
      "SELECT u.id, u.display_name, u.org_id, u.lang, p.user_id, p.languages, p.themes, p.gender, "
      "p.weekly_cap, p.active, p.email FROM ";
  const std::string peer = " CROSS JOIN users u ON u.id = w.user_id CROSS JOIN peer_profiles p ON p.user_id = u.id "
                           "WHERE u.role = 'peer' AND u.active = 1";
  if (wijken.empty()) {
    auto s = conn_->prepare(cols + "user_wijken w" + peer);
    while (s.step()) read(s);
  } else {
    for_ids(*conn_, cols + "json_each(?1) ids CROSS JOIN user_wijken w ON w.wijk_id = ids.value" + peer, wijken,
            kNoExtra, read);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.display_name, a.first.id) < std::tie(b.first.display_name, b.first.id);
  });
  return out;
}

std::vector<OnCallBlock> SqliteTx::on_call(UserId peer, const std::string& from, const std::string& to) {
  auto s = conn_->prepare(
      "SELECT date, part FROM peer_on_call WHERE user_id = ? AND date BETWEEN ? AND ? ORDER BY date, part");
  s.bind_all(peer.value, from, to);
  std::vector<OnCallBlock> out;
  while (s.step()) {
    auto part = parse_day_part(s.text(1));
    if (part) out.push_back({s.text(0), *part});
  }
  return out;
}

void SqliteTx::set_on_call(UserId peer, const std::string& from, const std::string& to,
                           const std::vector<OnCallBlock>& blocks) {
  {
    auto d = conn_->prepare("DELETE FROM peer_on_call WHERE user_id = ? AND date BETWEEN ? AND ?");
    d.bind_all(peer.value, from, to);
    d.exec();
  }
  for (const auto& b : blocks) {
    auto s = conn_->prepare("INSERT OR IGNORE INTO peer_on_call (user_id, date, part) VALUES (?, ?, ?)");
    s.bind_all(peer.value, b.date, std::string(to_string(b.part)));
    s.exec();
  }
}

std::vector<Absence> SqliteTx::absences(UserId peer, const std::string& from) {
  auto s = conn_->prepare(
      "SELECT id, from_date, to_date, note FROM peer_absences WHERE user_id = ? AND to_date >= ? "
      "ORDER BY from_date");
  s.bind_all(peer.value, from);
  std::vector<Absence> out;
  while (s.step()) out.push_back({s.i64(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

std::int64_t SqliteTx::insert_absence(UserId peer, const Absence& a) {
  auto s = conn_->prepare(
      "INSERT INTO peer_absences (user_id, from_date, to_date, note) VALUES (?, ?, ?, ?)");
  s.bind_all(peer.value, a.from, a.to, a.note);
  s.exec();
  return conn_->last_insert_id();
}

bool SqliteTx::delete_absence(UserId peer, std::int64_t id) {
  auto s = conn_->prepare("DELETE FROM peer_absences WHERE id = ? AND user_id = ?");
  s.bind_all(id, peer.value);
  s.exec();
  return conn_->changes() > 0;
}


std::map<RequestId, std::vector<Assignment>> SqliteTx::assignments_for_requests(const std::vector<RequestId>& ids) {
  std::map<RequestId, std::vector<Assignment>> out;
  for_ids(*conn_, std::string("SELECT ") + kAssignmentCols +
                      " FROM json_each(?1) ids CROSS JOIN assignments a ON a.request_id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) {
            auto a = read_assignment(s);
            out[a.request_id].push_back(std::move(a));
          });
  for (auto& [request, list] : out)
    std::sort(list.begin(), list.end(), [](const Assignment& x, const Assignment& y) {
      return std::tie(x.assigned_at, x.id) < std::tie(y.assigned_at, y.id);
    });
  return out;
}

std::map<RequestId, std::pair<int, Timestamp>> SqliteTx::visit_stats_for(const std::vector<RequestId>& ids) {
  std::map<RequestId, std::pair<int, Timestamp>> out;
  // Counted here rather than with GROUP BY, which would sort the rows first.
  for_ids(*conn_, "SELECT v.request_id, v.at FROM json_each(?1) ids CROSS JOIN visits v ON v.request_id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) {
            auto& [count, last] = out[RequestId(s.i64(0))];
            ++count;
            last = std::max(last, s.i64(1));
          });
  return out;
}

std::map<UserId, int> SqliteTx::peer_loads(const std::vector<UserId>& peers, Timestamp since, bool count_attempts) {
  std::map<UserId, int> out;
  // Attempts are the results without contact (domain: made_contact is false for niet_thuis and
  // niet_opengedaan; geweigerd is a door that opened).
  for_ids(*conn_,
          "SELECT v.peer FROM json_each(?1) ids CROSS JOIN visits v ON v.peer = ids.value AND v.at >= ?2 "
          "AND (?3 OR v.result NOT IN ('niet_thuis', 'niet_opengedaan'))",
          peers, [&](Stmt& s) { s.bind(2, since).bind(3, count_attempts); }, [&](const Stmt& s) { ++out[UserId(s.i64(0))]; });
  for_ids(*conn_,
          "SELECT a.peer FROM json_each(?1) ids CROSS JOIN assignments a ON a.peer = ids.value "
          "WHERE a.state IN ('offered', 'accepted') "
          "AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.request_id = a.request_id AND v.peer = a.peer)",
          peers, kNoExtra, [&](const Stmt& s) { ++out[UserId(s.i64(0))]; });
  return out;
}

std::map<UserId, int> SqliteTx::on_call_counts(const std::vector<UserId>& peers, const std::string& from,
                                               const std::string& to) {
  std::map<UserId, int> out;
  for_ids(*conn_,
          "SELECT o.user_id FROM json_each(?1) ids CROSS JOIN peer_on_call o ON o.user_id = ids.value "
          "AND o.date BETWEEN ?2 AND ?3",
          peers, [&](Stmt& s) { s.bind(2, from).bind(3, to); }, [&](const Stmt& s) { ++out[UserId(s.i64(0))]; });
  return out;
}

std::set<UserId> SqliteTx::absent_on(const std::vector<UserId>& peers, const std::string& date) {
  std::set<UserId> out;
  for_ids(*conn_,
          "SELECT a.user_id FROM json_each(?1) ids CROSS JOIN peer_absences a ON a.user_id = ids.value "
          "AND a.to_date >= ?2 WHERE a.from_date <= ?2",
          peers, [&](Stmt& s) { s.bind(2, date); }, [&](const Stmt& s) { out.insert(UserId(s.i64(0))); });
  return out;
}

// --- requests ------------------------------------------------------------------------------

RequestId SqliteTx::insert_request(const BrigadeRequest& r) {
  auto s = conn_->prepare(
      "INSERT INTO brigade_requests (resident_id, wijk_id, signal_id, action_id, source, "
      "requested_by, known, safety_aggression, safety_dog, safety_addiction, safety_notes, "
      "pair_advised, pref_language, pref_gender, pref_theme, urgency, outcome, outcome_note, "
      "created_at, updated_at, first_contact_at, closed_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
  s.bind_all(r.resident_id.value, r.wijk_id.value, raw(r.signal_id), raw(r.action_id), r.source,
             r.requested_by.value, r.known, r.safety_aggression, r.safety_dog, r.safety_addiction,
             r.safety_notes, r.pair_advised, r.pref_language, r.pref_gender, r.pref_theme,
             std::string(to_string(r.urgency)), std::string(to_string(r.outcome)), r.outcome_note,
             r.created_at, r.updated_at, r.first_contact_at, r.closed_at);
  s.exec();
  return RequestId(conn_->last_insert_id());
}

std::optional<BrigadeRequest> SqliteTx::get_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kRequestCols + " FROM brigade_requests WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_request(s);
}

bool SqliteTx::update_request(const BrigadeRequest& r) {
  auto s = conn_->prepare(
      "UPDATE brigade_requests SET known = ?, safety_aggression = ?, safety_dog = ?, "
      "safety_addiction = ?, safety_notes = ?, pair_advised = ?, pref_language = ?, pref_gender = ?, "
      "pref_theme = ?, urgency = ?, outcome = ?, outcome_note = ?, updated_at = ?, "
      "first_contact_at = ?, closed_at = ?, version = version + 1 WHERE id = ? AND version = ?");
  s.bind_all(r.known, r.safety_aggression, r.safety_dog, r.safety_addiction, r.safety_notes,
             r.pair_advised, r.pref_language, r.pref_gender, r.pref_theme,
             std::string(to_string(r.urgency)), std::string(to_string(r.outcome)), r.outcome_note,
             r.updated_at, r.first_contact_at, r.closed_at, r.id.value, r.version);
  s.exec();
  return conn_->changes() > 0;
}

std::vector<BrigadeRequest> SqliteTx::list_requests(const RequestFilter& f) {
  std::string sql = std::string("SELECT ") + kRequestCols + " FROM brigade_requests WHERE " +
                    wijk_clause("wijk_id", f.wijken);
  // As written in the partial index brigade_requests_open, so the planner can use it.
  if (f.open_only) sql += " AND outcome NOT IN ('gesloten', 'afgewezen')";
  // Bound, not inlined: every distinct statement text stays in the connection's cache.
  sql += " AND (?1 = 0 OR resident_id = ?1)";
  sql += " ORDER BY CASE urgency WHEN 'spoed' THEN 0 WHEN 'snel' THEN 1 ELSE 2 END, created_at, id LIMIT ?2";
  auto s = conn_->prepare(sql);
  s.bind(1, f.resident ? f.resident->value : std::int64_t{0});
  s.bind(2, f.limit);
  return collect<BrigadeRequest>(s, read_request);
}

std::optional<BrigadeRequest> SqliteTx::request_for_action(ActionId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kRequestCols +
                          " FROM brigade_requests WHERE action_id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_request(s);
}

void SqliteTx::add_request_outcome(RequestId id, Timestamp at, UserId by, Outcome o, const std::string& note) {
  auto s = conn_->prepare(
      "INSERT INTO request_outcomes (request_id, at, user_id, outcome, note) VALUES (?, ?, ?, ?, ?)");
  s.bind_all(id.value, at, by.value, std::string(to_string(o)), note);
  s.exec();
}

AssignmentId SqliteTx::insert_assignment(const Assignment& a) {
  auto s = conn_->prepare(
      "INSERT INTO assignments (request_id, peer, assigned_by, state, reason, assigned_at, "
      "responded_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind_all(a.request_id.value, a.peer.value, a.assigned_by.value, std::string(to_string(a.state)),
             a.reason, a.assigned_at, a.responded_at, a.ended_at);
  s.exec();
  return AssignmentId(conn_->last_insert_id());
}

std::optional<Assignment> SqliteTx::get_assignment(AssignmentId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kAssignmentCols + " FROM assignments a WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_assignment(s);
}

void SqliteTx::update_assignment(const Assignment& a) {
  auto s = conn_->prepare(
      "UPDATE assignments SET state = ?, reason = ?, responded_at = ?, ended_at = ? WHERE id = ?");
  s.bind_all(std::string(to_string(a.state)), a.reason, a.responded_at, a.ended_at, a.id.value);
  s.exec();
}

std::vector<Assignment> SqliteTx::assignments_for_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kAssignmentCols +
                          " FROM assignments a WHERE request_id = ? ORDER BY assigned_at, id");
  s.bind_all(id.value);
  return collect<Assignment>(s, read_assignment);
}

std::vector<BrigadeRequest> SqliteTx::past_requests_of_peer(UserId peer, int limit) {
  // From the peer's own assignments (index assignments_peer), newest first, then each request by
  // its key: a peer with years of visits costs a few rows, not a scan of all requests.
  static const std::string sql = [] {
    const std::string cols = kRequestCols;
    std::string prefixed;
    std::size_t pos = 0;
    while (pos < cols.size()) {
      auto end = cols.find(',', pos);
      if (end == std::string::npos) end = cols.size();
      auto col = cols.substr(pos, end - pos);
      col.erase(0, col.find_first_not_of(' '));
      prefixed += (prefixed.empty() ? "r." : ", r.") + col;
      pos = end + 1;
    }
    return "SELECT " + prefixed;
  }();
  // The newest assignments first, on the small assignment rows; only those requests are read.
  auto s = conn_->prepare(sql +
                          " FROM (SELECT request_id, assigned_at, id FROM assignments "
                          "WHERE peer = ? AND state = 'ended' AND responded_at != 0 "
                          "ORDER BY assigned_at DESC, id DESC LIMIT ?) a "
                          "CROSS JOIN brigade_requests r ON r.id = a.request_id ORDER BY a.assigned_at DESC, a.id DESC");
  s.bind_all(peer.value, limit);
  return collect<BrigadeRequest>(s, read_request);
}

std::vector<Assignment> SqliteTx::assignments_for_peer(UserId peer, bool current_only) {
  auto s = conn_->prepare(
      std::string("SELECT ") + kAssignmentCols + " FROM assignments a WHERE peer = ? AND (? = 0 OR " +
      "state IN ('offered', 'accepted')) ORDER BY state = 'offered' DESC, assigned_at DESC, id DESC LIMIT 200");
  s.bind_all(peer.value, current_only);
  return collect<Assignment>(s, read_assignment);
}

bool SqliteTx::is_assigned_peer(UserId peer, ResidentId resident) {
  auto s = conn_->prepare(
      "SELECT 1 FROM assignments a JOIN brigade_requests r ON r.id = a.request_id "
      "WHERE a.peer = ? AND a.state = 'accepted' AND r.resident_id = ? AND r.outcome <> 'gesloten' LIMIT 1");
  s.bind_all(peer.value, resident.value);
  return s.step();
}

bool SqliteTx::peer_knew_resident(UserId peer, ResidentId resident) {
  auto s = conn_->prepare(
      "SELECT 1 FROM assignments a JOIN brigade_requests r ON r.id = a.request_id "
      "WHERE a.peer = ? AND a.state IN ('accepted', 'ended') AND a.responded_at > 0 "
      "AND r.resident_id = ? LIMIT 1");
  s.bind_all(peer.value, resident.value);
  return s.step();
}

std::pair<VisitId, bool> SqliteTx::insert_visit(const Visit& v) {
  {
    auto s = conn_->prepare(
        "INSERT INTO visits (request_id, peer, at, kind, result, note, next_step, idempotency_key, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, peer, idempotency_key) DO NOTHING");
    s.bind_all(v.request_id.value, v.peer.value, v.at, std::string(to_string(v.kind)),
               std::string(to_string(v.result)), v.note, v.next_step, v.idempotency_key, v.created_at);
    s.exec();
  }
  if (conn_->changes() > 0) return {VisitId(conn_->last_insert_id()), true};
  auto s = conn_->prepare("SELECT id FROM visits WHERE request_id = ? AND peer = ? AND idempotency_key = ?");
  s.bind_all(v.request_id.value, v.peer.value, v.idempotency_key);
  if (!s.step()) throw DbError("visit vanished after conflict");
  return {VisitId(s.i64(0)), false};
}

std::vector<Visit> SqliteTx::visits_for_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kVisitCols +
                          " FROM visits WHERE request_id = ? ORDER BY at DESC, id DESC");
  s.bind_all(id.value);
  return collect<Visit>(s, read_visit);
}

CheckinId SqliteTx::insert_checkin(const Checkin& c) {
  auto s = conn_->prepare(
      "INSERT INTO checkins (request_id, peer, started_at, expected_back, ended_at) VALUES (?, ?, ?, ?, 0)");
  s.bind_all(c.request_id.value, c.peer.value, c.started_at, c.expected_back);
  s.exec();
  return CheckinId(conn_->last_insert_id());
}

std::optional<Checkin> SqliteTx::open_checkin(UserId peer) {
  auto s = conn_->prepare(std::string("SELECT ") + kCheckinCols +
                          " FROM checkins WHERE peer = ? AND ended_at = 0 ORDER BY id DESC LIMIT 1");
  s.bind_all(peer.value);
  if (!s.step()) return std::nullopt;
  return read_checkin(s);
}

void SqliteTx::end_checkin(CheckinId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE checkins SET ended_at = ? WHERE id = ? AND ended_at = 0");
  s.bind_all(at, id.value);
  s.exec();
}

std::vector<Checkin> SqliteTx::open_checkins() {
  auto s = conn_->prepare(std::string("SELECT ") + kCheckinCols +
                          " FROM checkins WHERE ended_at = 0 ORDER BY expected_back");
  return collect<Checkin>(s, read_checkin);
}

DebriefId SqliteTx::insert_debrief(const Debrief& d) {
  auto s = conn_->prepare(
      "INSERT INTO debriefs (peer, request_id, note, requested_at) VALUES (?, ?, ?, ?)");
  s.bind_all(d.peer.value, raw(d.request_id), d.note, d.requested_at);
  s.exec();
  return DebriefId(conn_->last_insert_id());
}

std::vector<Debrief> SqliteTx::open_debriefs() {
  auto s = conn_->prepare(
      "SELECT id, peer, request_id, note, requested_at FROM debriefs WHERE handled_at = 0 "
      "ORDER BY requested_at");
  std::vector<Debrief> out;
  while (s.step()) {
    Debrief d;
    d.id = DebriefId(s.i64(0));
    d.peer = UserId(s.i64(1));
    d.request_id = opt_id<RequestId>(s, 2);
    d.note = s.text(3);
    d.requested_at = s.i64(4);
    out.push_back(std::move(d));
  }
  return out;
}

bool SqliteTx::handle_debrief(DebriefId id, UserId by, Timestamp at) {
  auto s = conn_->prepare(
      "UPDATE debriefs SET handled_at = ?, handled_by = ? WHERE id = ? AND handled_at = 0");
  s.bind_all(at, by.value, id.value);
  s.exec();
  return conn_->changes() > 0;
}

// --- referrals -----------------------------------------------------------------------------

ReferralId SqliteTx::insert_referral(const Referral& r) {
  auto s = conn_->prepare(
      "INSERT INTO referrals (request_id, resident_id, wijk_id, referred_by, kind, to_org, to_email, "
      "story, consent_given_by, consent_date, consent_purpose, consent_recipient, consent_form, "
      "share_name, share_address, share_phone, share_story, status, intake_date, answer_note, "
      "created_at, updated_at, answered_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const auto& c = r.consent;
  s.bind_all(r.request_id.value, r.resident_id.value, r.wijk_id.value, r.referred_by.value, r.kind,
             r.to_org.value, r.to_email, r.story, c.given_by, c.date, c.purpose, c.recipient,
             std::string(to_string(c.form)), c.fields.name, c.fields.address, c.fields.phone,
             c.fields.story, std::string(to_string(r.status)), r.intake_date, r.answer_note,
             r.created_at, r.updated_at, r.answered_at);
  s.exec();
  return ReferralId(conn_->last_insert_id());
}

std::optional<Referral> SqliteTx::get_referral(ReferralId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols + " FROM referrals WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_referral(s);
}

void SqliteTx::update_referral(const Referral& r) {
  auto s = conn_->prepare(
      "UPDATE referrals SET status = ?, intake_date = ?, answer_note = ?, updated_at = ?, "
      "answered_at = ?, reminded_at = ? WHERE id = ?");
  s.bind_all(std::string(to_string(r.status)), r.intake_date, r.answer_note, r.updated_at,
             r.answered_at, r.reminded_at, r.id.value);
  s.exec();
}

std::vector<Referral> SqliteTx::referrals_for_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols +
                          " FROM referrals WHERE request_id = ? ORDER BY created_at, id");
  s.bind_all(id.value);
  return collect<Referral>(s, read_referral);
}

std::vector<Referral> SqliteTx::referrals_to_org(OrgId org) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols +
                          " FROM referrals WHERE to_org = ? ORDER BY status IN ('intake_gedaan', "
                          "'afgewezen'), created_at DESC LIMIT 200");
  s.bind_all(org.value);
  return collect<Referral>(s, read_referral);
}

std::vector<Referral> SqliteTx::unanswered_referrals(const std::vector<WijkId>& wijken, Timestamp made_before) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols +
                          " FROM referrals WHERE status IN ('verstuurd', 'ontvangen') AND created_at < ? AND " +
                          wijk_clause("wijk_id", wijken) + " ORDER BY created_at LIMIT 200");
  s.bind_all(made_before);
  return collect<Referral>(s, read_referral);
}

void SqliteTx::insert_referral_token(const ReferralToken& t) {
  auto s = conn_->prepare(
      "INSERT INTO referral_tokens (digest, referral_id, expires_at, used_at) VALUES (?, ?, ?, 0)");
  s.bind_all(t.digest, t.referral_id.value, t.expires_at);
  s.exec();
}

std::optional<ReferralToken> SqliteTx::find_referral_token(const std::string& digest) {
  auto s = conn_->prepare(
      "SELECT digest, referral_id, expires_at, used_at FROM referral_tokens WHERE digest = ?");
  s.bind_all(digest);
  if (!s.step()) return std::nullopt;
  return ReferralToken{s.text(0), ReferralId(s.i64(1)), s.i64(2), s.i64(3)};
}

void SqliteTx::retire_referral_tokens(ReferralId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE referral_tokens SET used_at = ? WHERE referral_id = ? AND used_at = 0");
  s.bind_all(at, id.value);
  s.exec();
}

bool SqliteTx::use_referral_token(const std::string& digest, Timestamp at) {
  auto s = conn_->prepare("UPDATE referral_tokens SET used_at = ? WHERE digest = ? AND used_at = 0");
  s.bind_all(at, digest);
  s.exec();
  return conn_->changes() > 0;
}

// --- figures -------------------------------------------------------------------------------

std::vector<FunnelRow> SqliteTx::funnel(const std::vector<WijkId>& wijken, Timestamp from, Timestamp to) {
  const std::string sql =
      "SELECT r.wijk_id, r.created_at, COALESCE(s.created_at, r.created_at), "
      "EXISTS (SELECT 1 FROM visits v WHERE v.request_id = r.id), r.first_contact_at, "
      "EXISTS (SELECT 1 FROM request_outcomes o WHERE o.request_id = r.id AND o.outcome = 'meegekomen'), "
      "EXISTS (SELECT 1 FROM referrals f WHERE f.request_id = r.id), "
      "EXISTS (SELECT 1 FROM referrals f WHERE f.request_id = r.id AND f.status IN ('intake_gepland', 'intake_gedaan')) "
      "FROM brigade_requests r LEFT JOIN signals s ON s.id = r.signal_id "
      "WHERE " + wijk_clause("r.wijk_id", wijken) + " AND r.created_at >= ? AND r.created_at < ? "
      "ORDER BY r.created_at";
  auto s = conn_->prepare(sql);
  s.bind_all(from, to);
  std::vector<FunnelRow> out;
  while (s.step()) {
    FunnelRow f;
    f.wijk = WijkId(s.i64(0));
    f.created_at = s.i64(1);
    f.origin_at = s.i64(2);
    f.visited = s.flag(3);
    f.first_contact_at = s.i64(4);
    f.came_along = s.flag(5);
    f.referred = s.flag(6);
    f.intake_confirmed = s.flag(7);
    out.push_back(f);
  }
  return out;
}

// --- outbox --------------------------------------------------------------------------------

void SqliteTx::insert_mail(const OutboxMail& m) {
  auto s = conn_->prepare(
      "INSERT INTO outbox (to_addr, subject, body, created_at) VALUES (?, ?, ?, ?)");
  s.bind_all(m.to, m.subject, m.body, m.created_at);
  s.exec();
}

std::vector<OutboxMail> SqliteTx::pending_mail(Timestamp now, int limit) {
  auto s = conn_->prepare(
      "SELECT id, to_addr, subject, body, created_at, attempts FROM outbox WHERE sent_at = 0 "
      "AND attempts < 10 AND next_try <= ? ORDER BY id LIMIT ?");
  s.bind_all(now, limit);
  std::vector<OutboxMail> out;
  while (s.step()) out.push_back({s.i64(0), s.text(1), s.text(2), s.text(3), s.i64(4), s.i32(5)});
  return out;
}

void SqliteTx::mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) {
  // A failed mail waits longer after each try: 1, 2, 4 ... minutes, about 8.5 hours in all.
  auto s = conn_->prepare(
      "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = ?, "
      "next_try = ? + 60 * (1 << attempts), body = CASE WHEN ? THEN '' ELSE body END WHERE id = ?");
  // A sent mail's body is cleared: it may hold a one-time link, which must not outlive its use.
  s.bind_all(sent ? at : Timestamp{0}, error, at, sent, id);
  s.exec();
}

}  // namespace meedoen::sqlite
