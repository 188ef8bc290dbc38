#include "app/app.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "app/internals.hpp"
#include "app/session_cache.hpp"

namespace meedoen {

App::App(AppConfig config, std::unique_ptr<Store> store, std::unique_ptr<Vault> vault,
         std::unique_ptr<Clock> clock)
    : ctx_{std::move(config), std::move(store), std::move(vault), std::move(clock), nullptr} {
  ctx_.sessions = std::make_unique<SessionCache>(ctx_.config.session_cache_seconds);
}

App::~App() = default;

namespace {

// Checks the key against the database's key check value, and stores that value the first time.
// A database from before the check existed, with sealed data, gets it only when the key opens a
// sealed field. Refuses a key file that is missing for a database that already has sealed data.
Result<std::unique_ptr<Vault>> open_vault(Store& store, const std::string& key_file, Timestamp now) {
  std::optional<std::vector<unsigned char>> check;
  std::optional<ResidentsStore::SealedSample> sample;
  {
    auto tx = store.begin(TxMode::kRead);
    check = tx->residents().vault_key_check();
    sample = tx->residents().any_sealed_field();
  }
  auto vault = Vault::open(key_file, /*may_create=*/!check && !sample);
  if (!vault) return vault.error();
  if (check) {
    if (!(*vault)->matches_check(*check))
      return Error{ErrorKind::kInternal, "error.vault.key_mismatch", {}, key_file};
    return vault;
  }
  if (sample && !(*vault)->open(sample->resident, sample->field, sample->sealed))
    return Error{ErrorKind::kInternal, "error.vault.key_mismatch", {}, key_file};
  auto tx = store.begin(TxMode::kWrite);
  // Another process may have set it in between; then it must match too.
  if (auto now_set = tx->residents().vault_key_check()) {
    if (!(*vault)->matches_check(*now_set))
      return Error{ErrorKind::kInternal, "error.vault.key_mismatch", {}, key_file};
    return vault;
  }
  tx->residents().set_vault_key_check((*vault)->key_check(), now);
  if (auto st = tx->commit(); !st) return st.error();
  return vault;
}

}  // namespace

Result<std::unique_ptr<App>> App::open(const AppConfig& config, std::unique_ptr<Clock> clock) {
  if (!clock) clock = std::make_unique<SystemClock>();
  auto store = open_sqlite_store(config.db_path, config.store);
  if (!store) return store.error();
  try {
    auto migrated = (*store)->migrate();
    if (!migrated) return migrated.error();
    auto vault = open_vault(**store, config.key_file, clock->now());
    if (!vault) return vault.error();
    return std::unique_ptr<App>(
        new App(config, std::move(*store), std::move(*vault), std::move(clock)));
  } catch (const Unavailable& e) {
    return Error{ErrorKind::kInternal, "error.database_busy", {}, e.what()};
  }
}

// --- internals -------------------------------------------------------------------------------

void Internals::audit(Tx& tx, Timestamp at, const User* user, const std::string& event,
                           ResidentId resident, const std::string& object,
                           const std::string& reason) {
  const AuditHead head = tx.audit().audit_head();
  AuditEntry e;
  e.seq = head.seq + 1;
  e.at = at;
  if (user) {
    e.user_id = user->id;
    std::string org;
    if (auto o = tx.admin().get_org(user->org_id)) org = o->name;
    e.user_label = user->username + " (" + std::string(to_string(user->role)) + ", " + org + ")";
  } else {
    e.user_label = "system";
  }
  e.event = event;
  e.resident_id = resident;
  e.object = object;
  e.reason = reason;
  e.prev_hash = head.seq == 0 ? kGenesisHash : head.hash;
  e.hash = compute_audit_hash(e);
  tx.audit().insert_audit(e);
}

namespace {
// The cached value for `id`, loading it once with `load`.
template <class Map, class Id, class Load>
const typename Map::mapped_type& memo(Map& cache, Id id, Load load) {
  auto it = cache.find(id);
  if (it == cache.end()) it = cache.emplace(id, load()).first;
  return it->second;
}

template <class Row>
std::string name_of(const std::optional<Row>& row) {
  return row ? row->name : std::string();
}
}  // namespace

const std::string& Lookups::wijk(WijkId id) {
  return memo(wijken_, id, [&] { return name_of(tx_.admin().get_wijk(id)); });
}

const std::string& Lookups::buurt(BuurtId id) {
  return memo(buurten_, id, [&] { return id.valid() ? name_of(tx_.admin().get_buurt(id)) : std::string(); });
}

const std::string& Lookups::org(OrgId id) {
  return memo(orgs_, id, [&] { return name_of(tx_.admin().get_org(id)); });
}

const std::string& Lookups::user(UserId id) {
  return memo(users_, id, [&] { return Internals::user_name(tx_, id); });
}

const std::vector<Category>& Lookups::categories(WijkId id) {
  return memo(categories_, id, [&] { return tx_.admin().categories(id); });
}

std::optional<Resident> Lookups::resident(ResidentId id) {
  if (auto it = residents_.find(id); it != residents_.end()) return it->second;
  auto r = tx_.residents().get_resident(id);
  if (r) residents_.emplace(id, *r);
  return r;
}

void Lookups::prefetch_residents(const std::vector<Signal>& signals) {
  std::vector<ResidentId> ids;
  for (const auto& s : signals) ids.push_back(s.resident_id);
  prefetch_residents(ids);
}

void Lookups::prefetch_residents(const std::vector<ResidentId>& all) {
  std::vector<ResidentId> ids;
  for (auto id : all)
    if (!residents_.count(id)) ids.push_back(id);
  for (auto& r : tx_.residents().get_residents(ids)) residents_.emplace(r.id, std::move(r));
}

void Lookups::add_residents(std::vector<Resident> residents) {
  for (auto& r : residents) residents_.emplace(r.id, std::move(r));
}

ResidentView Internals::resident_view(Lookups& names, const Resident& r) {
  return {r.id, r.code, r.gender, r.age_band, names.buurt(r.buurt_id), names.wijk(r.wijk_id)};
}

SignalRow Internals::signal_row(Lookups& names, Signal signal, bool with_raiser) {
  SignalRow row;
  row.signal = std::move(signal);
  const Signal& s = row.signal;
  if (auto r = names.resident(s.resident_id)) row.resident = resident_view(names, *r);
  row.wijk_name = names.wijk(s.wijk_id);
  row.org_name = names.org(s.org_id);
  if (with_raiser) row.raised_by_name = names.user(s.raised_by);
  if (!s.categories.empty()) {
    for (const auto& c : names.categories(s.wijk_id))
      if (std::find(s.categories.begin(), s.categories.end(), c.id) != s.categories.end())
        row.category_labels.push_back(c.label);
  }
  return row;
}

std::optional<Identity> Internals::open_identity(const Vault& vault, Tx& tx, ResidentId id) {
  const SealedIdentity sealed = tx.residents().get_identity(id);
  Identity out;
  auto field = [&](const char* name, std::string& dest) {
    auto it = sealed.find(name);
    if (it == sealed.end()) return;
    if (auto plain = vault.open(id, name, it->second)) dest = *plain;
  };
  field("name", out.name);
  field("address", out.address);
  field("phone", out.phone);
  field("birth_year", out.birth_year);
  field("notes", out.notes);
  return out;
}

SealedIdentity Internals::seal_identity(const Vault& vault, ResidentId id, const Identity& i) {
  SealedIdentity s;
  s["name"] = vault.seal(id, "name", i.name);
  s["address"] = vault.seal(id, "address", i.address);
  s["phone"] = vault.seal(id, "phone", i.phone);
  s["birth_year"] = vault.seal(id, "birth_year", i.birth_year);
  s["notes"] = vault.seal(id, "notes", i.notes);
  return s;
}

ResidentRelation Internals::relation(Tx& tx, const User& user, ResidentId resident) {
  ResidentRelation rel;
  rel.raised_a_signal = tx.signals().user_raised_signal_about(user.id, resident);
  rel.has_open_action = tx.meetings().has_open_action(user.id, resident);
  rel.is_assigned_peer = user.role == Role::kPeer && tx.brigade().is_assigned_peer(user.id, resident);
  return rel;
}

std::optional<Identity> Internals::reveal(const Vault& vault, Tx& tx, Timestamp at,
                                               const User& user, const Resident& resident,
                                               const ResidentRelation& rel,
                                               const std::string& object, const std::string& why,
                                               std::string* reason_out) {
  const IdentityDecision d = decide_identity(user, resident.wijk_id, rel);
  if (d.access != IdentityAccess::kShown) return std::nullopt;
  auto identity = open_identity(vault, tx, resident.id);
  const std::string reason = why.empty() ? d.reason : d.reason + ": " + why;
  // Break-glass reveals have their own event, so the chair and privacy officer can list them.
  audit(tx, at, &user, d.reason == "break_glass" ? "break_glass" : "read_identity", resident.id, object, reason);
  if (reason_out) *reason_out = d.reason;
  return identity;
}

std::string Internals::new_pseudonym(Tx& tx) {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  for (;;) {
    std::string code = "R-";
    for (int i = 0; i < 4; ++i) code += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    if (!tx.residents().find_resident_by_code(code)) return code;
  }
}

std::string Internals::user_name(Tx& tx, UserId id) {
  if (!id.valid()) return {};
  return tx.accounts().user_display_name(id).value_or(std::string());
}

bool Internals::valid_email(const std::string& e) {
  if (e.size() > 200 || e.find('@') == std::string::npos) return false;
  return std::none_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' ' || c == ',' || c == ';'; });
}

bool Internals::accepted_peer(Tx& tx, RequestId id, UserId peer) {
  const auto all = tx.brigade().assignments_for_request(id);
  return std::any_of(all.begin(), all.end(),
                     [&](const Assignment& a) { return a.peer == peer && a.state == AssignmentState::kAccepted; });
}

OrgId Internals::user_org(Tx& tx, UserId id) {
  auto u = tx.accounts().get_user(id);
  return u ? u->org_id : OrgId();
}

std::string Internals::trim(const std::string& s) {
  auto b = std::find_if_not(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
  auto e = std::find_if_not(s.rbegin(), s.rend(), [](unsigned char c) { return std::isspace(c); });
  if (b >= e.base()) return {};
  return std::string(b, e.base());
}

std::size_t Internals::word_count(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (unsigned char c : s) {
    const bool letter = std::isalnum(c) || c >= 0x80;
    if (letter && !in_word) ++n;
    in_word = letter;
  }
  return n;
}

bool Internals::did_request_once(Tx& tx, RequestId request, UserId peer) {
  for (const auto& a : tx.brigade().assignments_for_request(request))
    if (a.peer == peer && a.state == AssignmentState::kEnded && a.responded_at != 0) return true;
  return false;
}

bool Internals::may_see_signal(const User& user, const Signal& s) {
  if (s.meldcode) return may_view_meldcode_signal(user, s);
  return may_view_wijk(user, s.wijk_id) || s.raised_by == user.id;
}

Status Internals::validate_identity(const Identity& i, Timestamp now) {
  if (i.name.size() > kMaxShortText) return Error::invalid("error.too_long", "name");
  if (i.address.size() > kMaxShortText) return Error::invalid("error.too_long", "address");
  if (i.phone.size() > 40) return Error::invalid("error.too_long", "phone");
  if (i.notes.size() > 1000) return Error::invalid("error.too_long", "notes");
  if (!i.birth_year.empty()) {
    const bool digits = i.birth_year.size() == 4 &&
                        std::all_of(i.birth_year.begin(), i.birth_year.end(), ::isdigit);
    const int this_year = std::stoi(format_date(now).substr(0, 4));
    if (!digits || std::stoi(i.birth_year) < 1900 || std::stoi(i.birth_year) > this_year)
      return Error::invalid("error.signal.birth_year", "birth_year");
  }
  return Status::Ok();
}


Result<Resident> Internals::resident_for(const Vault& vault, Tx& tx, Timestamp t, const User& user,
                                              WijkId wijk, BuurtId buurt, const std::string& code_in,
                                              const std::string& gender, const std::string& age_band,
                                              const Identity& identity, const std::string& why) {
  const std::string code = trim(code_in);
  if (!code.empty()) {
    auto existing = tx.residents().find_resident_by_code(code);
    if (!existing || existing->wijk_id != wijk)
      return Error::invalid("error.signal.unknown_resident", "resident_code");
    return *existing;
  }
  Resident resident;
  resident.code = new_pseudonym(tx);
  resident.wijk_id = wijk;
  resident.buurt_id = buurt;
  resident.gender = gender;
  resident.age_band = age_band;
  resident.created_at = t;
  resident.id = tx.residents().insert_resident(resident);
  audit(tx, t, &user, "create", resident.id, "resident:" + resident.code, "");
  if (!identity.empty()) {
    tx.residents().put_identity(resident.id, seal_identity(vault, resident.id, identity));
    tx.residents().put_name_tokens(resident.id, vault.name_tokens(identity.name));
    audit(tx, t, &user, "create_identity", resident.id, "resident:" + resident.code, why);
  }
  return resident;
}

// The overleg's action for the brigade settles with what came of its request, and the case's
// history and next agenda say so ("terugkoppeling"). Only codes are stored: the peer's note stays
// with the brigade, as it may say more than the overleg should read. A decline is handled by
// set_outcome (the case goes back to the overleg).
void Internals::feed_back_to_overleg(Tx& tx, const BrigadeRequest& r, Outcome to, const User& user,
                                          Timestamp t) {
  if (!r.action_id || to == Outcome::kDeclined) return;
  std::optional<Signal> s;
  if (r.signal_id) s = tx.signals().get_signal(*r.signal_id);
  if (s && s->state == SignalState::kLinked && s->case_id) s = tx.signals().get_signal(*s->case_id);
  if (s) tx.signals().add_timeline({s->id, t, user.id, "brigade_outcome", std::string(to_string(to))});
  const bool reached = to == Outcome::kContact || to == Outcome::kCameAlong || to == Outcome::kReferredWijkteam ||
                       to == Outcome::kReferredOther || to == Outcome::kClosed;
  if (auto a = tx.meetings().get_action(*r.action_id); a && a->state == ActionState::kOpen &&
                                             (reached || to == Outcome::kUnreachable)) {
    a->state = reached ? ActionState::kDone : ActionState::kNotDone;
    a->settled_at = t;
    tx.meetings().update_action(*a);
    if (s) {
      tx.signals().add_timeline({s->id, t, user.id, "action_settled", std::string(to_string(a->state)) + "|"});
      bool any_open = false;
      for (const auto& other : tx.meetings().actions_for_signal(s->id)) any_open = any_open || other.state == ActionState::kOpen;
      if (!any_open)
        if (auto next = transition(s->state, SignalEvent::kActionsSettled)) {
          s->state = *next;
          s->updated_at = t;
          tx.signals().update_signal(*s);
        }
      Internals::place_follow_up(tx, *s, a->id, t);
    }
  }
}

void Internals::note_referral_on_signal(Tx& tx, const Referral& r, UserId by, Timestamp t) {
  auto req = tx.brigade().get_request(r.request_id);
  if (!req || !req->signal_id) return;
  tx.signals().add_timeline({*req->signal_id, t, by, "referral_answer", std::string(to_string(r.status))});
}

void Internals::place_follow_up(Tx& tx, const Signal& s, ActionId action, Timestamp t) {
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

void Internals::place_on_next_meeting(Tx& tx, Signal& s, const User& user, Timestamp t) {
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

}  // namespace meedoen
