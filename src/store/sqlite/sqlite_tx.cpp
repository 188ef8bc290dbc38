#include "store/sqlite/sqlite_tx.hpp"

#include "store/sqlite/columns.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>
#include <variant>

namespace meedoen::sqlite {
namespace {

std::vector<std::int64_t> split_ids(const std::string& csv) {
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

constexpr const char* kUserCols =
    "id, username, display_name, role, org_id, active, aandachtsfunctionaris, lang";

User read_user(const Stmt& s) {
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
constexpr const char* kUserWijkenCol =
    "(SELECT group_concat(w.wijk_id) FROM user_wijken w WHERE w.user_id = users.id), "
    "(SELECT group_concat(w.wijk_id) FROM user_wijken w JOIN wijk_partners p "
    "ON p.wijk_id = w.wijk_id AND p.org_id = users.org_id WHERE w.user_id = users.id)";

User read_user_with_wijken(const Stmt& s) {
  User u = read_user(s);
  for (auto id : split_ids(s.text(8))) u.wijken.emplace_back(id);
  for (auto id : split_ids(s.text(9))) u.overleg_wijken.emplace_back(id);
  std::sort(u.wijken.begin(), u.wijken.end());
  std::sort(u.overleg_wijken.begin(), u.overleg_wijken.end());
  return u;
}

#define MEEDOEN_SIGNAL_BASE_COLS                                                              \
  "s.id, s.resident_id, s.wijk_id, s.buurt_id, s.raised_by, s.org_id, s.description, s.urgent, " \
  "s.state, s.meldcode, s.meldcode_weighed, s.case_id, s.regisseur, s.close_reason, "           \
  "s.created_at, s.updated_at"
// A signal's columns without its categories (see read_signal_base), and with them as a list.
constexpr const char* kSignalBaseCols = MEEDOEN_SIGNAL_BASE_COLS;
constexpr const char* kSignalCols = MEEDOEN_SIGNAL_BASE_COLS
    ", (SELECT group_concat(category_id) FROM signal_categories c WHERE c.signal_id = s.id)";
#undef MEEDOEN_SIGNAL_BASE_COLS
constexpr int kSignalBaseColCount = 16;

// The columns of kSignalBaseCols, from column 0.
Signal read_signal_base(const Stmt& s) {
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
constexpr const char* kSignalSummaryCols =
    "s.id, s.resident_id, s.wijk_id, s.org_id, s.urgent, s.state, s.meldcode, s.created_at";
constexpr int kSignalSummaryColCount = 8;

Signal read_signal_summary(const Stmt& s) {
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
constexpr const char* kResidentSummaryCols = ", r.code, r.wijk_id, r.buurt_id, r.gender, r.age_band";

Resident read_resident_summary(const Stmt& s, ResidentId id, int at) {
  Resident r;
  r.id = id;
  r.code = s.text(at);
  r.wijk_id = WijkId(s.i64(at + 1));
  if (!s.is_null(at + 2)) r.buurt_id = BuurtId(s.i64(at + 2));
  r.gender = s.text(at + 3);
  r.age_band = s.text(at + 4);
  return r;
}

Signal read_signal(const Stmt& s) {
  Signal g = read_signal_base(s);
  for (auto id : split_ids(s.text(kSignalBaseColCount))) g.categories.emplace_back(id);
  return g;
}

constexpr const char* kMeetingCols = "id, wijk_id, starts_at, place, held, notes, version";

Meeting read_meeting(const Stmt& s) {
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

constexpr const char* kItemCols =
    "id, meeting_id, signal_id, action_id, kind, position, summary, decision, recorded, version";

AgendaItem read_item(const Stmt& s) {
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

constexpr const char* kActionCols =
    "id, signal_id, resident_id, wijk_id, meeting_id, decision, owner, due_date, state, note, "
    "created_at, settled_at";

Action read_action(const Stmt& s) {
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

constexpr const char* kAuditCols =
    "seq, at, user_id, user_label, event, resident_id, object, reason, prev_hash, hash";

AuditEntry read_audit(const Stmt& s) {
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

Resident read_resident(const Stmt& s) {
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

bool is_unique_violation(const DbError& e) {
  return std::string(e.what()).find("UNIQUE") != std::string::npos;
}

}  // namespace

SqliteTx::SqliteTx(std::unique_ptr<Connection> conn, TxMode mode,
                   std::function<void(std::unique_ptr<Connection>)> release)
    : conn_(std::move(conn)), release_(std::move(release)) {
  // Prepared (and cached) like any other statement: sqlite3_exec would parse these every time.
  // When BEGIN fails (another process holds the write lock past the busy timeout), the destructor
  // does not run, so the connection goes back to the pool here; losing it would starve the pool.
  try {
    conn_->prepare(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN").exec();
  } catch (...) {
    release_(std::move(conn_));
    throw;
  }
}

SqliteTx::~SqliteTx() {
  if (!done_) {
    try {
      conn_->prepare("ROLLBACK").exec();
    } catch (...) {
      // The connection rolls back by itself when the transaction failed; nothing more to do.
    }
  }
  release_(std::move(conn_));
}

Status SqliteTx::commit() {
  conn_->prepare("COMMIT").exec();
  done_ = true;
  return Status::Ok();
}

bool SqliteTx::ping() {
  auto s = conn_->prepare("SELECT 1");
  return s.step() && s.i64(0) == 1;
}

std::optional<std::vector<unsigned char>> SqliteTx::vault_key_check() {
  auto s = conn_->prepare("SELECT key_check FROM vault_meta WHERE id = 1");
  if (!s.step()) return std::nullopt;
  return s.blob(0);
}

void SqliteTx::set_vault_key_check(const std::vector<unsigned char>& check, Timestamp at) {
  auto s = conn_->prepare("INSERT INTO vault_meta (id, key_check, created_at) VALUES (1, ?, ?)");
  s.bind_all(check, at);
  s.exec();
}

std::optional<Tx::SealedSample> SqliteTx::any_sealed_field() {
  auto s = conn_->prepare(
      "SELECT resident_id, field, sealed FROM resident_identity WHERE length(sealed) > 0 LIMIT 1");
  if (!s.step()) return std::nullopt;
  return SealedSample{ResidentId(s.i64(0)), s.text(1), s.blob(2)};
}

// --- users -----------------------------------------------------------------------------------

std::vector<WijkId> SqliteTx::user_wijken(UserId id) {
  auto s = conn_->prepare("SELECT wijk_id FROM user_wijken WHERE user_id = ? ORDER BY wijk_id");
  s.bind_all(id.value);
  std::vector<WijkId> out;
  while (s.step()) out.emplace_back(s.i64(0));
  return out;
}

std::optional<UserAuth> SqliteTx::find_user_auth(const std::string& username) {
  std::optional<UserAuth> out;
  {
    auto s = conn_->prepare(std::string("SELECT ") + kUserCols +
                            ", password_hash, failed_logins, locked_until FROM users "
                            "WHERE username = ?");
    s.bind_all(username);
    if (!s.step()) return std::nullopt;
    out = UserAuth{read_user(s), s.text(8), s.i32(9), s.i64(10)};
  }
  out->user.wijken = user_wijken(out->user.id);
  auto s = conn_->prepare(
      "SELECT w.wijk_id FROM user_wijken w JOIN wijk_partners p ON p.wijk_id = w.wijk_id "
      "AND p.org_id = ? WHERE w.user_id = ? ORDER BY w.wijk_id");
  s.bind_all(out->user.org_id.value, out->user.id.value);
  while (s.step()) out->user.overleg_wijken.emplace_back(s.i64(0));
  return out;
}

std::optional<std::string> SqliteTx::user_display_name(UserId id) {
  auto s = conn_->prepare("SELECT display_name FROM users WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<User> SqliteTx::get_user(UserId id) {
  // Every request resumes a session with its user: one statement for the user and their wijken.
  auto s = conn_->prepare(std::string("SELECT ") + kUserCols + ", " + kUserWijkenCol + " FROM users WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_user_with_wijken(s);
}

std::vector<User> SqliteTx::list_users() {
  std::vector<User> out;
  auto s = conn_->prepare(std::string("SELECT ") + kUserCols + ", " + kUserWijkenCol + " FROM users ORDER BY username");
  while (s.step()) out.push_back(read_user_with_wijken(s));
  return out;
}

std::vector<User> SqliteTx::users_in_wijk(WijkId wijk) {
  std::vector<User> out;
  {
    auto s = conn_->prepare(
        "SELECT u.id, u.username, u.display_name, u.role, u.org_id, u.active, "
        "u.aandachtsfunctionaris, u.lang FROM users u JOIN user_wijken w ON w.user_id = u.id "
        "WHERE w.wijk_id = ? AND u.active = 1 ORDER BY u.display_name");
    s.bind_all(wijk.value);
    while (s.step()) out.push_back(read_user(s));
  }
  return out;
}

Result<UserId> SqliteTx::insert_user(const User& u, const std::string& hash) {
  try {
    auto s = conn_->prepare(
        "INSERT INTO users (username, display_name, role, org_id, active, "
        "aandachtsfunctionaris, lang, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind_all(u.username, u.display_name, std::string(to_string(u.role)), u.org_id.value, u.active,
               u.aandachtsfunctionaris, u.lang, hash);
    s.exec();
  } catch (const DbError& e) {
    if (is_unique_violation(e)) return Error::invalid("error.user.username_taken", "username");
    throw;
  }
  const UserId id(conn_->last_insert_id());
  for (auto w : u.wijken) {
    auto s = conn_->prepare("INSERT INTO user_wijken (user_id, wijk_id) VALUES (?, ?)");
    s.bind_all(id.value, w.value);
    s.exec();
  }
  return id;
}

void SqliteTx::update_user(const User& u) {
  {
    auto s = conn_->prepare(
        "UPDATE users SET display_name = ?, role = ?, org_id = ?, active = ?, "
        "aandachtsfunctionaris = ?, lang = ? WHERE id = ?");
    s.bind_all(u.display_name, std::string(to_string(u.role)), u.org_id.value, u.active,
               u.aandachtsfunctionaris, u.lang, u.id.value);
    s.exec();
  }
  {
    auto s = conn_->prepare("DELETE FROM user_wijken WHERE user_id = ?");
    s.bind_all(u.id.value);
    s.exec();
  }
  for (auto w : u.wijken) {
    auto s = conn_->prepare("INSERT INTO user_wijken (user_id, wijk_id) VALUES (?, ?)");
    s.bind_all(u.id.value, w.value);
    s.exec();
  }
}

void SqliteTx::set_password(UserId id, const std::string& hash) {
  auto s = conn_->prepare(
      "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE id = ?");
  s.bind_all(hash, id.value);
  s.exec();
}

void SqliteTx::set_login_failures(UserId id, int failures, Timestamp locked_until) {
  auto s = conn_->prepare("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?");
  s.bind_all(failures, locked_until, id.value);
  s.exec();
}

// --- sessions --------------------------------------------------------------------------------

void SqliteTx::insert_session(const SessionRecord& r) {
  auto s = conn_->prepare(
      "INSERT INTO sessions (digest, user_id, csrf, lang, created_at, last_seen) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.bind_all(r.digest, raw(r.user_id), r.csrf, r.lang, r.created_at, r.last_seen);
  s.exec();
}

std::optional<SessionRecord> SqliteTx::find_session(const std::string& digest) {
  auto s = conn_->prepare(
      "SELECT digest, user_id, csrf, lang, created_at, last_seen FROM sessions WHERE digest = ?");
  s.bind_all(digest);
  if (!s.step()) return std::nullopt;
  return SessionRecord{s.text(0), opt_id<UserId>(s, 1), s.text(2), s.text(3), s.i64(4), s.i64(5)};
}

void SqliteTx::touch_session(const std::string& digest, Timestamp at) {
  auto s = conn_->prepare("UPDATE sessions SET last_seen = ? WHERE digest = ?");
  s.bind_all(at, digest);
  s.exec();
}

void SqliteTx::set_session_lang(const std::string& digest, const std::string& lang) {
  auto s = conn_->prepare("UPDATE sessions SET lang = ? WHERE digest = ?");
  s.bind_all(lang, digest);
  s.exec();
}

void SqliteTx::delete_session(const std::string& digest) {
  auto s = conn_->prepare("DELETE FROM sessions WHERE digest = ?");
  s.bind_all(digest);
  s.exec();
}

void SqliteTx::delete_sessions_idle_since(Timestamp before) {
  auto s = conn_->prepare("DELETE FROM sessions WHERE last_seen < ?");
  s.bind_all(before);
  s.exec();
}

std::vector<ThrottleRow> SqliteTx::throttle_rows(const std::vector<std::string>& keys) {
  std::vector<ThrottleRow> out;
  for (const auto& k : keys) {  // three keys at most: one statement each is fine
    auto s = conn_->prepare("SELECT key, failures, window_start, locked_until FROM login_throttle WHERE key = ?");
    s.bind_all(k);
    if (s.step()) out.push_back({s.text(0), s.i32(1), s.i64(2), s.i64(3)});
  }
  return out;
}

void SqliteTx::put_throttle_row(const ThrottleRow& r) {
  auto s = conn_->prepare(
      "INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, "
      "locked_until = excluded.locked_until");
  s.bind_all(r.key, r.failures, r.window_start, r.locked_until);
  s.exec();
}

void SqliteTx::delete_throttle_row(const std::string& key) {
  auto s = conn_->prepare("DELETE FROM login_throttle WHERE key = ?");
  s.bind_all(key);
  s.exec();
}

void SqliteTx::purge_throttle(Timestamp before) {
  auto s = conn_->prepare("DELETE FROM login_throttle WHERE window_start < ? AND locked_until < ?");
  s.bind_all(before, before);
  s.exec();
}

// --- organisations, wijken -------------------------------------------------------------------

std::vector<Organisation> SqliteTx::list_orgs() {
  auto s = conn_->prepare("SELECT id, name, kind FROM organisations ORDER BY name");
  std::vector<Organisation> out;
  while (s.step()) out.push_back({OrgId(s.i64(0)), s.text(1), s.text(2)});
  return out;
}

std::optional<Organisation> SqliteTx::get_org(OrgId id) {
  auto s = conn_->prepare("SELECT id, name, kind FROM organisations WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return Organisation{OrgId(s.i64(0)), s.text(1), s.text(2)};
}

Result<OrgId> SqliteTx::insert_org(const Organisation& o) {
  try {
    auto s = conn_->prepare("INSERT INTO organisations (name, kind) VALUES (?, ?)");
    s.bind_all(o.name, o.kind);
    s.exec();
  } catch (const DbError& e) {
    if (is_unique_violation(e)) return Error::invalid("error.org.name_taken", "name");
    throw;
  }
  return OrgId(conn_->last_insert_id());
}

void SqliteTx::update_org(const Organisation& o) {
  auto s = conn_->prepare("UPDATE organisations SET name = ?, kind = ? WHERE id = ?");
  s.bind_all(o.name, o.kind, o.id.value);
  s.exec();
}

std::vector<Wijk> SqliteTx::list_wijken() {
  auto s = conn_->prepare(
      "SELECT id, name, district, rhythm, default_place FROM wijken ORDER BY name");
  std::vector<Wijk> out;
  while (s.step()) out.push_back({WijkId(s.i64(0)), s.text(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

std::optional<Wijk> SqliteTx::get_wijk(WijkId id) {
  auto s = conn_->prepare(
      "SELECT id, name, district, rhythm, default_place FROM wijken WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return Wijk{WijkId(s.i64(0)), s.text(1), s.text(2), s.text(3), s.text(4)};
}

Result<WijkId> SqliteTx::insert_wijk(const Wijk& w) {
  try {
    auto s = conn_->prepare(
        "INSERT INTO wijken (name, district, rhythm, default_place) VALUES (?, ?, ?, ?)");
    s.bind_all(w.name, w.district, w.rhythm, w.default_place);
    s.exec();
  } catch (const DbError& e) {
    if (is_unique_violation(e)) return Error::invalid("error.wijk.name_taken", "name");
    throw;
  }
  return WijkId(conn_->last_insert_id());
}

void SqliteTx::update_wijk(const Wijk& w) {
  auto s = conn_->prepare(
      "UPDATE wijken SET name = ?, district = ?, rhythm = ?, default_place = ? WHERE id = ?");
  s.bind_all(w.name, w.district, w.rhythm, w.default_place, w.id.value);
  s.exec();
}

std::vector<Buurt> SqliteTx::buurten(WijkId wijk) {
  auto s = conn_->prepare("SELECT id, wijk_id, name FROM buurten WHERE wijk_id = ? ORDER BY name");
  s.bind_all(wijk.value);
  std::vector<Buurt> out;
  while (s.step()) out.push_back({BuurtId(s.i64(0)), WijkId(s.i64(1)), s.text(2)});
  return out;
}

std::optional<Buurt> SqliteTx::get_buurt(BuurtId id) {
  auto s = conn_->prepare("SELECT id, wijk_id, name FROM buurten WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return Buurt{BuurtId(s.i64(0)), WijkId(s.i64(1)), s.text(2)};
}

BuurtId SqliteTx::insert_buurt(const Buurt& b) {
  auto s = conn_->prepare("INSERT INTO buurten (wijk_id, name) VALUES (?, ?)");
  s.bind_all(b.wijk_id.value, b.name);
  s.exec();
  return BuurtId(conn_->last_insert_id());
}

std::vector<OrgId> SqliteTx::partners(WijkId wijk) {
  auto s = conn_->prepare(
      "SELECT p.org_id FROM wijk_partners p JOIN organisations o ON o.id = p.org_id "
      "WHERE p.wijk_id = ? ORDER BY o.name");
  s.bind_all(wijk.value);
  std::vector<OrgId> out;
  while (s.step()) out.emplace_back(s.i64(0));
  return out;
}

void SqliteTx::set_partners(WijkId wijk, const std::vector<OrgId>& orgs) {
  {
    auto s = conn_->prepare("DELETE FROM wijk_partners WHERE wijk_id = ?");
    s.bind_all(wijk.value);
    s.exec();
  }
  for (auto o : orgs) {
    auto s = conn_->prepare("INSERT OR IGNORE INTO wijk_partners (wijk_id, org_id) VALUES (?, ?)");
    s.bind_all(wijk.value, o.value);
    s.exec();
  }
}

std::vector<Category> SqliteTx::categories(WijkId wijk) {
  auto s = conn_->prepare(
      "SELECT id, wijk_id, label, meldcode, active FROM categories WHERE wijk_id = ? "
      "ORDER BY active DESC, label");
  s.bind_all(wijk.value);
  std::vector<Category> out;
  while (s.step())
    out.push_back({CategoryId(s.i64(0)), WijkId(s.i64(1)), s.text(2), s.flag(3), s.flag(4)});
  return out;
}

CategoryId SqliteTx::insert_category(const Category& c) {
  auto s = conn_->prepare(
      "INSERT INTO categories (wijk_id, label, meldcode, active) VALUES (?, ?, ?, ?)");
  s.bind_all(c.wijk_id.value, c.label, c.meldcode, c.active);
  s.exec();
  return CategoryId(conn_->last_insert_id());
}

void SqliteTx::update_category(const Category& c) {
  auto s = conn_->prepare(
      "UPDATE categories SET label = ?, meldcode = ?, active = ? WHERE id = ? AND wijk_id = ?");
  s.bind_all(c.label, c.meldcode, c.active, c.id.value, c.wijk_id.value);
  s.exec();
}

std::vector<Category> SqliteTx::default_categories() {
  auto s = conn_->prepare("SELECT id, label, meldcode FROM default_categories ORDER BY id");
  std::vector<Category> out;
  while (s.step()) out.push_back({CategoryId(s.i64(0)), WijkId(), s.text(1), s.flag(2), true});
  return out;
}

Result<CategoryId> SqliteTx::insert_default_category(const std::string& label, bool meldcode) {
  try {
    auto s = conn_->prepare("INSERT INTO default_categories (label, meldcode) VALUES (?, ?)");
    s.bind_all(label, meldcode);
    s.exec();
  } catch (const DbError& e) {
    if (is_unique_violation(e)) return Error::invalid("error.category.exists", "label");
    throw;
  }
  return CategoryId(conn_->last_insert_id());
}

bool SqliteTx::delete_default_category(CategoryId id) {
  auto s = conn_->prepare("DELETE FROM default_categories WHERE id = ?");
  s.bind_all(id.value);
  s.exec();
  return conn_->changes() > 0;
}

// --- residents -------------------------------------------------------------------------------

ResidentId SqliteTx::insert_resident(const Resident& r) {
  auto s = conn_->prepare(
      "INSERT INTO residents (code, wijk_id, buurt_id, gender, age_band, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  std::optional<std::int64_t> buurt;
  if (r.buurt_id.valid()) buurt = r.buurt_id.value;
  s.bind_all(r.code, r.wijk_id.value, buurt, r.gender, r.age_band, r.created_at);
  s.exec();
  return ResidentId(conn_->last_insert_id());
}

std::optional<Resident> SqliteTx::get_resident(ResidentId id) {
  auto s = conn_->prepare(
      "SELECT id, code, wijk_id, buurt_id, gender, age_band, created_at FROM residents "
      "WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_resident(s);
}

std::vector<Resident> SqliteTx::get_residents(const std::vector<ResidentId>& ids) {
  std::vector<Resident> out;
  for_ids(*conn_,
          "SELECT r.id, r.code, r.wijk_id, r.buurt_id, r.gender, r.age_band, r.created_at "
          "FROM json_each(?1) ids CROSS JOIN residents r ON r.id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) { out.push_back(read_resident(s)); });
  return out;
}

std::optional<Resident> SqliteTx::find_resident_by_code(const std::string& code) {
  auto s = conn_->prepare(
      "SELECT id, code, wijk_id, buurt_id, gender, age_band, created_at FROM residents "
      "WHERE code = ?");
  s.bind_all(code);
  if (!s.step()) return std::nullopt;
  return read_resident(s);
}

void SqliteTx::put_identity(ResidentId id, const SealedIdentity& sealed) {
  for (const auto& [field, blob] : sealed) {
    if (blob.empty()) {
      auto s = conn_->prepare("DELETE FROM resident_identity WHERE resident_id = ? AND field = ?");
      s.bind_all(id.value, field);
      s.exec();
      continue;
    }
    auto s = conn_->prepare(
        "INSERT INTO resident_identity (resident_id, field, sealed) VALUES (?, ?, ?) "
        "ON CONFLICT (resident_id, field) DO UPDATE SET sealed = excluded.sealed");
    s.bind_all(id.value, field, blob);
    s.exec();
  }
}

SealedIdentity SqliteTx::get_identity(ResidentId id) {
  auto s = conn_->prepare("SELECT field, sealed FROM resident_identity WHERE resident_id = ?");
  s.bind_all(id.value);
  SealedIdentity out;
  while (s.step()) out[s.text(0)] = s.blob(1);
  return out;
}

void SqliteTx::put_name_tokens(ResidentId id, const std::vector<std::string>& tokens) {
  {
    auto s = conn_->prepare("DELETE FROM resident_name_index WHERE resident_id = ?");
    s.bind_all(id.value);
    s.exec();
  }
  for (const auto& t : tokens) {
    auto s = conn_->prepare("INSERT INTO resident_name_index (resident_id, token) VALUES (?, ?)");
    s.bind_all(id.value, t);
    s.exec();
  }
}

std::vector<ResidentId> SqliteTx::residents_with_name_tokens(
    WijkId wijk, const std::vector<std::string>& tokens) {
  std::vector<ResidentId> out;
  for (const auto& t : tokens) {
    auto s = conn_->prepare(
        "SELECT DISTINCT n.resident_id FROM resident_name_index n "
        "JOIN residents r ON r.id = n.resident_id WHERE n.token = ? AND r.wijk_id = ?");
    s.bind_all(t, wijk.value);
    while (s.step()) out.emplace_back(s.i64(0));
  }
  return out;
}

// --- signals ---------------------------------------------------------------------------------

SignalId SqliteTx::insert_signal(const Signal& g) {
  std::optional<std::int64_t> buurt;
  if (g.buurt_id.valid()) buurt = g.buurt_id.value;
  {
    auto s = conn_->prepare(
        "INSERT INTO signals (resident_id, wijk_id, buurt_id, raised_by, org_id, description, "
        "urgent, state, meldcode, meldcode_weighed, case_id, regisseur, close_reason, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind_all(g.resident_id.value, g.wijk_id.value, buurt, g.raised_by.value, g.org_id.value,
               g.description, g.urgent, std::string(to_string(g.state)), g.meldcode,
               g.meldcode_weighed, raw(g.case_id), raw(g.regisseur), g.close_reason, g.created_at,
               g.updated_at);
    s.exec();
  }
  const SignalId id(conn_->last_insert_id());
  for (auto c : g.categories) {
    auto s = conn_->prepare("INSERT INTO signal_categories (signal_id, category_id) VALUES (?, ?)");
    s.bind_all(id.value, c.value);
    s.exec();
  }
  return id;
}

std::optional<Signal> SqliteTx::get_signal(SignalId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kSignalCols + " FROM signals s WHERE s.id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_signal(s);
}

std::vector<Signal> SqliteTx::get_signals(const std::vector<SignalId>& ids) {
  std::vector<Signal> out;
  for_ids(*conn_, std::string("SELECT ") + kSignalCols + " FROM json_each(?1) ids CROSS JOIN signals s ON s.id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) { out.push_back(read_signal(s)); });
  return out;
}

void SqliteTx::update_signal(const Signal& g) {
  auto s = conn_->prepare(
      "UPDATE signals SET description = ?, urgent = ?, state = ?, meldcode = ?, "
      "meldcode_weighed = ?, case_id = ?, regisseur = ?, close_reason = ?, updated_at = ? "
      "WHERE id = ?");
  s.bind_all(g.description, g.urgent, std::string(to_string(g.state)), g.meldcode,
             g.meldcode_weighed, raw(g.case_id), raw(g.regisseur), g.close_reason, g.updated_at,
             g.id.value);
  s.exec();
}

namespace {

// The WHERE clause of a signal query, with its parameters in binding order.
struct SignalWhere {
  std::string sql = " WHERE 1 = 1";
  std::vector<std::variant<std::int64_t, std::string>> params;
};

// `on_counts`: for signal_counts (migration 6), which has the same wijk, state, meldcode and urgent
// columns and `linked` for "case_id IS NOT NULL"; only for filters without category, raiser,
// organisation, resident or code, which it cannot answer.
SignalWhere signal_where(const SignalFilter& f, bool on_counts = false) {
  SignalWhere w;
  auto add = [&](std::variant<std::int64_t, std::string> v) { w.params.push_back(std::move(v)); };
  if (f.wijk) {
    w.sql += " AND s.wijk_id = ?";
    add(std::int64_t{f.wijk->value});
  }
  if (!f.wijken.empty()) {
    w.sql += " AND s.wijk_id IN (";
    for (std::size_t i = 0; i < f.wijken.size(); ++i) {
      w.sql += i ? ", ?" : "?";
      add(std::int64_t{f.wijken[i].value});
    }
    w.sql += ")";
  }
  if (f.state) {
    w.sql += " AND s.state = ?";
    add(std::string(to_string(*f.state)));
  }
  if (f.open_only) w.sql += " AND s.state NOT IN ('closed', 'linked')";
  if (!f.include_linked) w.sql += on_counts ? " AND s.linked = 0" : " AND s.case_id IS NULL";
  if (!f.include_meldcode) w.sql += " AND s.meldcode = 0";
  if (f.urgent_only) w.sql += " AND s.urgent = 1";
  if (f.category) {
    w.sql += " AND EXISTS (SELECT 1 FROM signal_categories c WHERE c.signal_id = s.id "
           "AND c.category_id = ?)";
    add(std::int64_t{f.category->value});
  }
  if (f.raised_by) {
    w.sql += " AND s.raised_by = ?";
    add(std::int64_t{f.raised_by->value});
  }
  if (f.org) {
    w.sql += " AND s.org_id = ?";
    add(std::int64_t{f.org->value});
  }
  if (f.resident) {
    w.sql += " AND s.resident_id = ?";
    add(std::int64_t{f.resident->value});
  }
  if (!f.code.empty()) {
    w.sql += " AND s.resident_id = (SELECT id FROM residents WHERE code = ?)";
    add(f.code);
  }
  return w;
}

// Binds the clause's parameters from 1; returns the last index bound.
int bind_where(Stmt& s, const SignalWhere& w) {
  int i = 0;
  for (const auto& p : w.params) std::visit([&](const auto& v) { s.bind(++i, v); }, p);
  return i;
}

constexpr const char* kSignalOrder = " ORDER BY s.urgent DESC, s.created_at DESC, s.id DESC";

}  // namespace

std::vector<Signal> SqliteTx::select_signals(const SignalFilter& f, std::vector<Resident>* residents) {
  const SignalWhere w = signal_where(f);
  // Order and cut on the bare rows first (the covering index gives the order), then join the full
  // columns, the residents and the categories for the one page only: one statement, one row per
  // category. The page is put in list order here, so nothing rests on the join's row order.
  // With the residents, for a list page: then only what a list shows (see SignalPage), which
  // spares a page of 50 some 450 column reads and its texts.
  const std::string resident_cols = residents ? kResidentSummaryCols : "";
  const int cols = residents ? kSignalSummaryColCount : kSignalBaseColCount;
  auto s = conn_->prepare(std::string("SELECT ") + (residents ? kSignalSummaryCols : kSignalBaseCols) +
                          ", c.category_id" +
                          resident_cols + " FROM (SELECT s.id FROM signals s" + w.sql +
                          kSignalOrder + " LIMIT ? OFFSET ?) p CROSS JOIN signals s ON s.id = p.id" +
                          (residents ? " CROSS JOIN residents r ON r.id = s.resident_id" : "") +
                          " LEFT JOIN signal_categories c ON c.signal_id = s.id");
  int i = bind_where(s, w);
  s.bind(++i, f.limit);
  s.bind(++i, f.offset);
  std::vector<Signal> out;
  out.reserve(static_cast<std::size_t>(std::clamp(f.limit, 0, 200)));
  while (s.step()) {
    // A signal's category rows come one after another: the categories are the innermost loop of
    // the join (a LEFT JOIN's right side always is, and CROSS JOIN fixes the order of the rest).
    if (out.empty() || out.back().id != SignalId(s.i64(0))) {
      out.push_back(residents ? read_signal_summary(s) : read_signal_base(s));
      if (residents) residents->push_back(read_resident_summary(s, out.back().resident_id, cols + 1));
    }
    if (!s.is_null(cols)) out.back().categories.emplace_back(s.i64(cols));
  }
  std::sort(out.begin(), out.end(), [](const Signal& a, const Signal& b) {
    return std::tuple(a.urgent, a.created_at, a.id.value) > std::tuple(b.urgent, b.created_at, b.id.value);
  });
  for (auto& g : out) std::sort(g.categories.begin(), g.categories.end());
  return out;
}

std::vector<Signal> SqliteTx::list_signals(const SignalFilter& f) { return select_signals(f, nullptr); }

SignalPage SqliteTx::list_signal_page(const SignalFilter& f) {
  SignalPage page;
  page.signals = select_signals(f, &page.residents);
  return page;
}

int SqliteTx::count_signals(const SignalFilter& f) {
  // The usual filters are columns of signal_counts (migration 6): sum a few rows.
  if (!f.category && !f.raised_by && !f.org && !f.resident && f.code.empty()) {
    const SignalWhere w = signal_where(f, true);
    auto s = conn_->prepare("SELECT coalesce(sum(n), 0) FROM signal_counts s" + w.sql);
    bind_where(s, w);
    return s.step() ? s.i32(0) : 0;
  }
  const SignalWhere w = signal_where(f);
  auto s = conn_->prepare("SELECT count(*) FROM signals s" + w.sql);
  bind_where(s, w);
  return s.step() ? s.i32(0) : 0;
}

std::optional<Signal> SqliteTx::open_case_for_resident(ResidentId r) {
  auto s = conn_->prepare(std::string("SELECT ") + kSignalCols +
                          " FROM signals s WHERE s.resident_id = ? AND s.case_id IS NULL "
                          "AND s.state NOT IN ('closed', 'linked') ORDER BY s.id LIMIT 1");
  s.bind_all(r.value);
  if (!s.step()) return std::nullopt;
  return read_signal(s);
}

std::vector<Signal> SqliteTx::linked_signals(SignalId case_id) {
  auto s = conn_->prepare(std::string("SELECT ") + kSignalCols +
                          " FROM signals s WHERE s.case_id = ? ORDER BY s.created_at");
  s.bind_all(case_id.value);
  std::vector<Signal> out;
  while (s.step()) out.push_back(read_signal(s));
  return out;
}

bool SqliteTx::user_raised_signal_about(UserId user, ResidentId resident) {
  auto s = conn_->prepare("SELECT 1 FROM signals WHERE raised_by = ? AND resident_id = ? LIMIT 1");
  s.bind_all(user.value, resident.value);
  return s.step();
}

void SqliteTx::add_timeline(const TimelineEvent& e) {
  auto s = conn_->prepare(
      "INSERT INTO signal_timeline (signal_id, at, user_id, kind, text) VALUES (?, ?, ?, ?, ?)");
  s.bind_all(e.signal_id.value, e.at, e.user_id.value, e.kind, e.text);
  s.exec();
}

std::vector<TimelineEvent> SqliteTx::timeline(SignalId id) {
  auto s = conn_->prepare(
      "SELECT signal_id, at, user_id, kind, text FROM signal_timeline WHERE signal_id = ? "
      "ORDER BY at, id");
  s.bind_all(id.value);
  std::vector<TimelineEvent> out;
  while (s.step())
    out.push_back({SignalId(s.i64(0)), s.i64(1), UserId(s.i64(2)), s.text(3), s.text(4)});
  return out;
}

std::vector<MeldcodeStep> SqliteTx::meldcode_steps(SignalId id) {
  auto s = conn_->prepare(
      "SELECT step, date, rationale, user_id, recorded_at FROM meldcode_steps "
      "WHERE signal_id = ? ORDER BY step, id");
  s.bind_all(id.value);
  std::vector<MeldcodeStep> out;
  while (s.step()) out.push_back({s.i32(0), s.text(1), s.text(2), UserId(s.i64(3)), s.i64(4)});
  return out;
}

void SqliteTx::insert_meldcode_step(SignalId id, const MeldcodeStep& m) {
  auto s = conn_->prepare(
      "INSERT INTO meldcode_steps (signal_id, step, date, rationale, user_id, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.bind_all(id.value, m.step, m.date, m.rationale, m.by.value, m.recorded_at);
  s.exec();
}

// --- meetings --------------------------------------------------------------------------------

MeetingId SqliteTx::insert_meeting(const Meeting& m) {
  {
    auto s = conn_->prepare(
        "INSERT INTO meetings (wijk_id, starts_at, place, held, notes, version) "
        "VALUES (?, ?, ?, ?, ?, 1)");
    s.bind_all(m.wijk_id.value, m.starts_at, m.place, m.held, m.notes);
    s.exec();
  }
  const MeetingId id(conn_->last_insert_id());
  for (auto o : m.invited) {
    auto s = conn_->prepare("INSERT OR IGNORE INTO meeting_invites (meeting_id, org_id) VALUES (?, ?)");
    s.bind_all(id.value, o.value);
    s.exec();
  }
  return id;
}

std::optional<Meeting> SqliteTx::get_meeting(MeetingId id) {
  std::optional<Meeting> m;
  {
    auto s = conn_->prepare(std::string("SELECT ") + kMeetingCols + " FROM meetings WHERE id = ?");
    s.bind_all(id.value);
    if (!s.step()) return std::nullopt;
    m = read_meeting(s);
  }
  auto s = conn_->prepare("SELECT org_id FROM meeting_invites WHERE meeting_id = ?");
  s.bind_all(id.value);
  while (s.step()) m->invited.emplace_back(s.i64(0));
  return m;
}

bool SqliteTx::update_meeting(const Meeting& m) {
  {
    auto s = conn_->prepare(
        "UPDATE meetings SET starts_at = ?, place = ?, held = ?, notes = ?, version = version + 1 "
        "WHERE id = ? AND version = ?");
    s.bind_all(m.starts_at, m.place, m.held, m.notes, m.id.value, m.version);
    s.exec();
  }
  if (conn_->changes() == 0) return false;
  {
    auto s = conn_->prepare("DELETE FROM meeting_invites WHERE meeting_id = ?");
    s.bind_all(m.id.value);
    s.exec();
  }
  for (auto o : m.invited) {
    auto s = conn_->prepare("INSERT OR IGNORE INTO meeting_invites (meeting_id, org_id) VALUES (?, ?)");
    s.bind_all(m.id.value, o.value);
    s.exec();
  }
  return true;
}

std::vector<Meeting> SqliteTx::list_meetings(const MeetingFilter& f) {
  std::string sql = std::string("SELECT ") + kMeetingCols + " FROM meetings WHERE 1 = 1";
  if (!f.wijken.empty()) {
    sql += " AND wijk_id IN (";
    for (std::size_t i = 0; i < f.wijken.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  if (f.from) sql += " AND starts_at >= ?";
  if (f.to) sql += " AND starts_at < ?";
  sql += f.descending ? " ORDER BY starts_at DESC" : " ORDER BY starts_at";
  sql += " LIMIT ?";
  auto s = conn_->prepare(sql);
  int i = 0;
  for (auto w : f.wijken) s.bind(++i, w.value);
  if (f.from) s.bind(++i, *f.from);
  if (f.to) s.bind(++i, *f.to);
  s.bind(++i, f.limit);
  std::vector<Meeting> out;
  while (s.step()) out.push_back(read_meeting(s));
  return out;
}

std::vector<AgendaItem> SqliteTx::agenda(MeetingId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kItemCols +
                          " FROM agenda_items WHERE meeting_id = ? ORDER BY position, id");
  s.bind_all(id.value);
  std::vector<AgendaItem> out;
  while (s.step()) out.push_back(read_item(s));
  return out;
}

std::optional<AgendaItem> SqliteTx::get_agenda_item(AgendaItemId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kItemCols + " FROM agenda_items WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_item(s);
}

AgendaItemId SqliteTx::insert_agenda_item(const AgendaItem& i) {
  auto s = conn_->prepare(
      "INSERT INTO agenda_items (meeting_id, signal_id, action_id, kind, position, summary, "
      "decision, recorded, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)");
  s.bind_all(i.meeting_id.value, i.signal_id.value, raw(i.action_id),
             std::string(i.kind == AgendaItemKind::kFollowUp ? "follow_up" : "new_signal"),
             i.position, i.summary, std::string(to_string(i.decision)), i.recorded);
  s.exec();
  return AgendaItemId(conn_->last_insert_id());
}

bool SqliteTx::update_agenda_item(const AgendaItem& i) {
  auto s = conn_->prepare(
      "UPDATE agenda_items SET summary = ?, decision = ?, recorded = ?, position = ?, "
      "version = version + 1 WHERE id = ? AND version = ?");
  s.bind_all(i.summary, std::string(to_string(i.decision)), i.recorded, i.position, i.id.value,
             i.version);
  s.exec();
  return conn_->changes() > 0;
}

void SqliteTx::set_agenda_positions(const std::vector<AgendaItemId>& order) {
  int pos = 0;
  for (auto id : order) {
    auto s = conn_->prepare("UPDATE agenda_items SET position = ? WHERE id = ?");
    s.bind_all(++pos, id.value);
    s.exec();
  }
}

void SqliteTx::delete_agenda_item(AgendaItemId id) {
  auto s = conn_->prepare("DELETE FROM agenda_items WHERE id = ?");
  s.bind_all(id.value);
  s.exec();
}

std::vector<SignalId> SqliteTx::signals_pending_on_agendas(WijkId wijk) {
  auto s = conn_->prepare(
      "SELECT DISTINCT i.signal_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
      "WHERE m.wijk_id = ? AND m.held = 0 AND i.recorded = 0");
  s.bind_all(wijk.value);
  std::vector<SignalId> out;
  while (s.step()) out.emplace_back(s.i64(0));
  return out;
}

std::vector<Attendance> SqliteTx::attendance(MeetingId id) {
  auto s = conn_->prepare(
      "SELECT org_id, present, person FROM meeting_attendance WHERE meeting_id = ?");
  s.bind_all(id.value);
  std::vector<Attendance> out;
  while (s.step()) out.push_back({OrgId(s.i64(0)), s.flag(1), s.text(2)});
  return out;
}

void SqliteTx::set_attendance(MeetingId id, const std::vector<Attendance>& rows) {
  {
    auto s = conn_->prepare("DELETE FROM meeting_attendance WHERE meeting_id = ?");
    s.bind_all(id.value);
    s.exec();
  }
  for (const auto& r : rows) {
    auto s = conn_->prepare(
        "INSERT INTO meeting_attendance (meeting_id, org_id, present, person) VALUES (?, ?, ?, ?)");
    s.bind_all(id.value, r.org_id.value, r.present, r.person);
    s.exec();
  }
}

// --- actions ---------------------------------------------------------------------------------

ActionId SqliteTx::insert_action(const Action& a) {
  auto s = conn_->prepare(
      "INSERT INTO actions (signal_id, resident_id, wijk_id, meeting_id, decision, owner, "
      "due_date, state, note, created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind_all(a.signal_id.value, a.resident_id.value, a.wijk_id.value, raw(a.meeting_id),
             std::string(to_string(a.decision)), a.owner.value, a.due_date,
             std::string(to_string(a.state)), a.note, a.created_at, a.settled_at);
  s.exec();
  return ActionId(conn_->last_insert_id());
}

std::optional<Action> SqliteTx::get_action(ActionId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols + " FROM actions WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_action(s);
}

void SqliteTx::update_action(const Action& a) {
  auto s = conn_->prepare(
      "UPDATE actions SET state = ?, note = ?, settled_at = ?, due_date = ?, owner = ? "
      "WHERE id = ?");
  s.bind_all(std::string(to_string(a.state)), a.note, a.settled_at, a.due_date, a.owner.value,
             a.id.value);
  s.exec();
}

std::vector<Action> SqliteTx::actions_for_owner(UserId owner) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE owner = ? ORDER BY state = 'open' DESC, "
                          "due_date, id LIMIT 500");
  s.bind_all(owner.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqliteTx::open_actions_in_wijk(WijkId wijk) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE wijk_id = ? AND state = 'open' ORDER BY due_date");
  s.bind_all(wijk.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqliteTx::brigade_settled_actions(WijkId wijk, Timestamp since) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE wijk_id = ? AND state != 'open' AND settled_at >= ? "
                          "AND EXISTS (SELECT 1 FROM brigade_requests r WHERE r.action_id = actions.id) "
                          "ORDER BY settled_at");
  s.bind_all(wijk.value, since);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqliteTx::actions_for_signal(SignalId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE signal_id = ? ORDER BY created_at, id");
  s.bind_all(id.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqliteTx::actions_of_meeting(MeetingId m) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE meeting_id = ? ORDER BY created_at, id");
  s.bind_all(m.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

bool SqliteTx::has_open_action(UserId user, ResidentId resident) {
  auto s = conn_->prepare(
      "SELECT 1 FROM actions WHERE resident_id = ? AND owner = ? AND state = 'open' "
      "AND decision <> 'brigade' LIMIT 1");
  s.bind_all(resident.value, user.value);
  return s.step();
}

// --- audit -----------------------------------------------------------------------------------

AuditHead SqliteTx::audit_head() {
  auto s = conn_->prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!s.step()) return {};
  return {s.i64(0), s.text(1)};
}

void SqliteTx::insert_audit(const AuditEntry& e) {
  auto s = conn_->prepare(
      "INSERT INTO audit_log (seq, at, user_id, user_label, event, resident_id, object, reason, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind_all(e.seq, e.at, e.user_id.value, e.user_label, e.event, e.resident_id.value, e.object,
             e.reason, e.prev_hash, e.hash);
  s.exec();
}

void SqliteTx::for_each_audit(const std::function<void(const AuditEntry&)>& fn) {
  auto s = conn_->prepare(std::string("SELECT ") + kAuditCols + " FROM audit_log ORDER BY seq");
  while (s.step()) fn(read_audit(s));
}

std::vector<AuditEntry> SqliteTx::audit_for_resident(ResidentId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kAuditCols +
                          " FROM audit_log WHERE resident_id = ? ORDER BY seq");
  s.bind_all(id.value);
  std::vector<AuditEntry> out;
  while (s.step()) out.push_back(read_audit(s));
  return out;
}

std::vector<AuditEntry> SqliteTx::break_glass_entries(const std::vector<WijkId>& wijken, int limit) {
  std::vector<AuditEntry> out;
  const std::string cols = std::string("SELECT ") + kAuditCols;
  if (wijken.empty()) {
    auto s = conn_->prepare(cols + " FROM audit_log WHERE event = 'break_glass' ORDER BY seq DESC LIMIT ?");
    s.bind_all(limit);
    while (s.step()) out.push_back(read_audit(s));
    return out;
  }
  for_ids(*conn_,
          cols + " FROM json_each(?1) ids CROSS JOIN residents r ON r.wijk_id = ids.value "
                 "CROSS JOIN audit_log ON audit_log.resident_id = r.id AND audit_log.event = 'break_glass' "
                 "ORDER BY seq DESC LIMIT ?2",
          wijken, [&](Stmt& st) { st.bind(2, limit); }, [&](const Stmt& st) { out.push_back(read_audit(st)); });
  return out;
}

}  // namespace meedoen::sqlite
