// Storage behind interfaces. The app layer opens a transaction (Tx), calls the repository methods
// it needs and commits; a Tx destroyed without commit rolls back, so nothing is ever half-saved.
// SQLite (sqlite/) is the embedded default; PostgreSQL will implement the same interfaces.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/brigade.hpp"
#include "domain/entities.hpp"
#include "domain/health.hpp"
#include "domain/mail.hpp"
#include "domain/meeting.hpp"
#include "domain/referral.hpp"
#include "domain/result.hpp"
#include "domain/signal.hpp"

namespace meedoen {

struct UserAuth {
  User user;
  std::string password_hash;
  int failed_logins = 0;
  Timestamp locked_until = 0;
};

// Wrong passwords counted under one key (a digest of client, client and name, or name).
struct ThrottleRow {
  std::string key;
  int failures = 0;
  Timestamp window_start = 0;
  Timestamp locked_until = 0;
};

struct SessionRecord {
  std::string digest;  // BLAKE2b of the cookie value; the value itself is never stored
  std::optional<UserId> user_id;
  std::string csrf;
  std::string lang = "nl";
  Timestamp created_at = 0;
  Timestamp last_seen = 0;
};

// Identifying fields, sealed by the vault. Keys are field names ("name", "address", ...).
using SealedIdentity = std::map<std::string, std::vector<unsigned char>>;

struct SignalFilter {
  std::optional<WijkId> wijk;
  std::vector<WijkId> wijken;  // restrict to these (the viewer's wijken); empty = no restriction
  std::optional<SignalState> state;
  std::optional<CategoryId> category;
  std::optional<UserId> raised_by;
  std::optional<OrgId> org;
  std::optional<ResidentId> resident;
  bool urgent_only = false;
  bool open_only = false;
  bool include_linked = false;
  bool include_meldcode = false;  // meldcode signals are filtered by the caller's policy
  std::string code;               // resident pseudonym
  int limit = 200;
  int offset = 0;
};

// A page of signals with their residents, read together, for a list. Each signal has what a
// list shows: id, resident, wijk, organisation, urgency, state, meldcode, creation and
// categories; each resident its code, wijk, buurt, gender and age band. The rest is left empty.
struct SignalPage {
  std::vector<Signal> signals;
  std::vector<Resident> residents;  // in no particular order
};

struct TimelineEvent {
  SignalId signal_id;
  Timestamp at = 0;
  UserId user_id;
  std::string kind;  // raised, linked, on_agenda, discussed, action, action_settled, meldcode, closed
  std::string text;  // pseudonymous
};

struct MeetingFilter {
  std::vector<WijkId> wijken;
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  bool descending = false;
  int limit = 100;
};

struct RequestFilter {
  std::vector<WijkId> wijken;  // empty = all
  bool open_only = false;      // outcome not closed
  std::optional<ResidentId> resident;
  int limit = 200;
};

struct ReferralToken {
  std::string digest;
  ReferralId referral_id;
  Timestamp expires_at = 0;
  Timestamp used_at = 0;
};

struct AuditHead {
  std::int64_t seq = 0;
  std::string hash;
};

class Tx {
 public:
  virtual ~Tx() = default;
  // Makes the changes durable. A Tx that is destroyed without commit() rolls back.
  virtual Status commit() = 0;

  // Users and log-in.
  virtual std::optional<UserAuth> find_user_auth(const std::string& username) = 0;
  virtual std::optional<User> get_user(UserId id) = 0;
  // Only the name, for lists: get_user also reads the user's wijken.
  virtual std::optional<std::string> user_display_name(UserId id) = 0;
  virtual std::vector<User> list_users() = 0;
  // Active users of the wijk, by name; their own lists of wijken are not filled (one query
  // instead of one per user: the callers want names and roles for a choice or a list).
  virtual std::vector<User> users_in_wijk(WijkId wijk) = 0;
  virtual Result<UserId> insert_user(const User& user, const std::string& password_hash) = 0;
  virtual void update_user(const User& user) = 0;
  virtual void set_password(UserId id, const std::string& password_hash) = 0;
  virtual void set_login_failures(UserId id, int failures, Timestamp locked_until) = 0;

  // Sessions.
  virtual void insert_session(const SessionRecord& s) = 0;
  virtual std::optional<SessionRecord> find_session(const std::string& digest) = 0;
  virtual void touch_session(const std::string& digest, Timestamp at) = 0;
  virtual void set_session_lang(const std::string& digest, const std::string& lang) = 0;
  virtual void delete_session(const std::string& digest) = 0;
  virtual void delete_sessions_idle_since(Timestamp before) = 0;
  // Log-in throttling: the rows for `keys` that exist, a row written whole, and rows whose window
  // and lock both ended before `before` removed.
  virtual std::vector<ThrottleRow> throttle_rows(const std::vector<std::string>& keys) = 0;
  virtual void put_throttle_row(const ThrottleRow& row) = 0;
  virtual void delete_throttle_row(const std::string& key) = 0;
  virtual void purge_throttle(Timestamp before) = 0;

  // Organisations, wijken, buurten, categories, partners.
  virtual std::vector<Organisation> list_orgs() = 0;
  virtual std::optional<Organisation> get_org(OrgId id) = 0;
  virtual Result<OrgId> insert_org(const Organisation& org) = 0;
  virtual void update_org(const Organisation& org) = 0;
  virtual std::vector<Wijk> list_wijken() = 0;
  virtual std::optional<Wijk> get_wijk(WijkId id) = 0;
  virtual Result<WijkId> insert_wijk(const Wijk& wijk) = 0;
  virtual void update_wijk(const Wijk& wijk) = 0;
  virtual std::vector<Buurt> buurten(WijkId wijk) = 0;
  virtual std::optional<Buurt> get_buurt(BuurtId id) = 0;
  virtual BuurtId insert_buurt(const Buurt& buurt) = 0;
  virtual std::vector<OrgId> partners(WijkId wijk) = 0;
  virtual void set_partners(WijkId wijk, const std::vector<OrgId>& orgs) = 0;
  virtual std::vector<Category> categories(WijkId wijk) = 0;  // active and inactive
  virtual CategoryId insert_category(const Category& c) = 0;
  virtual void update_category(const Category& c) = 0;
  // Categories a new wijk starts with (wijk_id 0).
  virtual std::vector<Category> default_categories() = 0;
  virtual Result<CategoryId> insert_default_category(const std::string& label, bool meldcode) = 0;
  virtual bool delete_default_category(CategoryId id) = 0;

  // Residents and the vault's storage.
  virtual ResidentId insert_resident(const Resident& r) = 0;
  virtual std::optional<Resident> get_resident(ResidentId id) = 0;
  // The residents with these ids, in no particular order; unknown ids are left out.
  virtual std::vector<Resident> get_residents(const std::vector<ResidentId>& ids) = 0;
  virtual std::optional<Resident> find_resident_by_code(const std::string& code) = 0;
  virtual void put_identity(ResidentId id, const SealedIdentity& sealed) = 0;
  virtual SealedIdentity get_identity(ResidentId id) = 0;
  virtual void put_name_tokens(ResidentId id, const std::vector<std::string>& tokens) = 0;
  // Residents of `wijk` with any of the given name tokens.
  virtual std::vector<ResidentId> residents_with_name_tokens(
      WijkId wijk, const std::vector<std::string>& tokens) = 0;

  // Signals.
  virtual SignalId insert_signal(const Signal& s) = 0;
  virtual std::optional<Signal> get_signal(SignalId id) = 0;
  // The signals with these ids, in no particular order; unknown ids are left out.
  virtual std::vector<Signal> get_signals(const std::vector<SignalId>& ids) = 0;
  virtual void update_signal(const Signal& s) = 0;
  // The signals the filter selects: urgent first, then newest first.
  virtual std::vector<Signal> list_signals(const SignalFilter& f) = 0;
  // The same for a list page: each signal with what a list shows (see SignalPage), and its resident.
  virtual SignalPage list_signal_page(const SignalFilter& f) = 0;
  virtual int count_signals(const SignalFilter& f) = 0;
  virtual std::optional<Signal> open_case_for_resident(ResidentId r) = 0;
  virtual std::vector<Signal> linked_signals(SignalId case_id) = 0;
  virtual bool user_raised_signal_about(UserId user, ResidentId resident) = 0;
  virtual void add_timeline(const TimelineEvent& e) = 0;
  virtual std::vector<TimelineEvent> timeline(SignalId id) = 0;
  virtual std::vector<MeldcodeStep> meldcode_steps(SignalId id) = 0;
  virtual void insert_meldcode_step(SignalId id, const MeldcodeStep& step) = 0;

  // Meetings and their agenda.
  virtual MeetingId insert_meeting(const Meeting& m) = 0;
  virtual std::optional<Meeting> get_meeting(MeetingId id) = 0;
  // Updates when m.version matches the stored version, and bumps it; false on a version conflict.
  virtual bool update_meeting(const Meeting& m) = 0;
  virtual std::vector<Meeting> list_meetings(const MeetingFilter& f) = 0;
  virtual std::vector<AgendaItem> agenda(MeetingId id) = 0;
  virtual std::optional<AgendaItem> get_agenda_item(AgendaItemId id) = 0;
  virtual AgendaItemId insert_agenda_item(const AgendaItem& item) = 0;
  // Same version rule as update_meeting.
  virtual bool update_agenda_item(const AgendaItem& item) = 0;
  virtual void set_agenda_positions(const std::vector<AgendaItemId>& order) = 0;
  virtual void delete_agenda_item(AgendaItemId id) = 0;
  // Signals with an unrecorded item on a meeting that is not held yet.
  virtual std::vector<SignalId> signals_pending_on_agendas(WijkId wijk) = 0;
  virtual std::vector<Attendance> attendance(MeetingId id) = 0;
  virtual void set_attendance(MeetingId id, const std::vector<Attendance>& rows) = 0;

  // Actions.
  virtual ActionId insert_action(const Action& a) = 0;
  virtual std::optional<Action> get_action(ActionId id) = 0;
  virtual void update_action(const Action& a) = 0;
  virtual std::vector<Action> actions_for_owner(UserId owner) = 0;
  virtual std::vector<Action> open_actions_in_wijk(WijkId wijk) = 0;
  // The wijk's actions for the brigade that its outcome settled at or after `since`.
  virtual std::vector<Action> brigade_settled_actions(WijkId wijk, Timestamp since) = 0;
  virtual std::vector<Action> actions_for_signal(SignalId id) = 0;
  // The actions recorded at meeting `m`, oldest first.
  virtual std::vector<Action> actions_of_meeting(MeetingId m) = 0;
  // An open action of `user` on `resident`, other than one for the Vliegende Brigade: that one is
  // the coordinator's to dispatch, and the coordinator works without identity.
  virtual bool has_open_action(UserId user, ResidentId resident) = 0;

  // The Vliegende Brigade: peers' profiles and availability.
  virtual std::optional<PeerProfile> get_peer_profile(UserId id) = 0;
  virtual void put_peer_profile(const PeerProfile& p) = 0;
  virtual std::vector<PeerProfile> list_peer_profiles() = 0;
  // Active peer workers who work in any of `wijken`, with their profiles (users' wijken not filled).
  virtual std::vector<std::pair<User, PeerProfile>> peers_in_wijken(const std::vector<WijkId>& wijken) = 0;
  // On-call blocks of `peer` with from <= date <= to (YYYY-MM-DD).
  virtual std::vector<OnCallBlock> on_call(UserId peer, const std::string& from, const std::string& to) = 0;
  // Replaces the peer's blocks between from and to by `blocks`.
  virtual void set_on_call(UserId peer, const std::string& from, const std::string& to,
                           const std::vector<OnCallBlock>& blocks) = 0;
  // Absences of `peer` that end on or after `from`.
  virtual std::vector<Absence> absences(UserId peer, const std::string& from) = 0;
  virtual std::int64_t insert_absence(UserId peer, const Absence& a) = 0;
  virtual bool delete_absence(UserId peer, std::int64_t id) = 0;

  // Requests, assignments, visits.
  virtual RequestId insert_request(const BrigadeRequest& r) = 0;
  virtual std::optional<BrigadeRequest> get_request(RequestId id) = 0;
  // Same version rule as update_meeting.
  virtual bool update_request(const BrigadeRequest& r) = 0;
  virtual std::vector<BrigadeRequest> list_requests(const RequestFilter& f) = 0;
  virtual std::optional<BrigadeRequest> request_for_action(ActionId id) = 0;
  virtual void add_request_outcome(RequestId id, Timestamp at, UserId by, Outcome o, const std::string& note) = 0;
  virtual AssignmentId insert_assignment(const Assignment& a) = 0;
  virtual std::optional<Assignment> get_assignment(AssignmentId id) = 0;
  virtual void update_assignment(const Assignment& a) = 0;
  virtual std::vector<Assignment> assignments_for_request(RequestId id) = 0;
  virtual std::vector<Assignment> assignments_for_peer(UserId peer, bool current_only) = 0;
  // The requests `peer` accepted once and no longer holds, newest first, in one statement.
  virtual std::vector<BrigadeRequest> past_requests_of_peer(UserId peer, int limit) = 0;
  // For a page of requests or peers at once (one statement per 50 ids instead of one per row).
  virtual std::map<RequestId, std::vector<Assignment>> assignments_for_requests(const std::vector<RequestId>& ids) = 0;
  virtual std::map<RequestId, std::pair<int, Timestamp>> visit_stats_for(const std::vector<RequestId>& ids) = 0;
  // Visits since `since` plus offered or accepted assignments without a visit yet, per peer.
  // Per peer: visits since `since` (attempts without contact only when `count_attempts`), plus
  // requests they hold without a visit yet. What the weekly cap is weighed against.
  virtual std::map<UserId, int> peer_loads(const std::vector<UserId>& peers, Timestamp since, bool count_attempts) = 0;
  virtual std::map<UserId, int> on_call_counts(const std::vector<UserId>& peers, const std::string& from,
                                               const std::string& to) = 0;
  virtual std::set<UserId> absent_on(const std::vector<UserId>& peers, const std::string& date) = 0;
  // Whether `peer` holds an accepted assignment on an open request about `resident`.
  virtual bool is_assigned_peer(UserId peer, ResidentId resident) = 0;
  // Whether `peer` was ever assigned to (and accepted) a request about `resident`.
  virtual bool peer_knew_resident(UserId peer, ResidentId resident) = 0;
  // Inserts the visit unless the peer already logged one with the same idempotency key; returns
  // the id of the visit either way, and whether it was new.
  virtual std::pair<VisitId, bool> insert_visit(const Visit& v) = 0;
  virtual std::vector<Visit> visits_for_request(RequestId id) = 0;
  virtual CheckinId insert_checkin(const Checkin& c) = 0;
  virtual std::optional<Checkin> open_checkin(UserId peer) = 0;
  virtual void end_checkin(CheckinId id, Timestamp at) = 0;
  virtual std::vector<Checkin> open_checkins() = 0;
  virtual DebriefId insert_debrief(const Debrief& d) = 0;
  virtual std::vector<Debrief> open_debriefs() = 0;
  virtual bool handle_debrief(DebriefId id, UserId by, Timestamp at) = 0;

  // Referrals and their one-time links.
  virtual ReferralId insert_referral(const Referral& r) = 0;
  virtual std::optional<Referral> get_referral(ReferralId id) = 0;
  virtual void update_referral(const Referral& r) = 0;
  virtual std::vector<Referral> referrals_for_request(RequestId id) = 0;
  virtual std::vector<Referral> referrals_to_org(OrgId org) = 0;
  // Referrals in `wijken` that are sent or received but not answered and were made before
  // `made_before`, oldest first.
  virtual std::vector<Referral> unanswered_referrals(const std::vector<WijkId>& wijken, Timestamp made_before) = 0;
  virtual void insert_referral_token(const ReferralToken& t) = 0;
  virtual std::optional<ReferralToken> find_referral_token(const std::string& digest) = 0;
  // Marks the token used; false when it was used already (so two clicks cannot both answer).
  virtual bool use_referral_token(const std::string& digest, Timestamp at) = 0;
  // Ends every link of the referral that is still open (a reminder sends a fresh one).
  virtual void retire_referral_tokens(ReferralId id, Timestamp at) = 0;

  // Figures.
  virtual std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from, Timestamp to) = 0;

  // Mail outbox.
  virtual void insert_mail(const OutboxMail& m) = 0;
  virtual std::vector<OutboxMail> pending_mail(Timestamp now, int limit) = 0;
  virtual void mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) = 0;

  // Audit trail. The app computes hashes (privacy/audit_chain.hpp); the store only keeps them.
  virtual AuditHead audit_head() = 0;
  virtual void insert_audit(const AuditEntry& e) = 0;
  virtual void for_each_audit(const std::function<void(const AuditEntry&)>& fn) = 0;
  virtual std::vector<AuditEntry> audit_for_resident(ResidentId id) = 0;
  // Break-glass entries about residents of `wijken` (empty: all wijken), newest first.
  virtual std::vector<AuditEntry> break_glass_entries(const std::vector<WijkId>& wijken, int limit) = 0;

  virtual bool ping() = 0;

  // The identity vault's key check value (see Vault::key_check); nullopt before it is set.
  virtual std::optional<std::vector<unsigned char>> vault_key_check() = 0;
  virtual void set_vault_key_check(const std::vector<unsigned char>& check, Timestamp at) = 0;
  // One sealed field, to test a key against; nullopt when the vault holds nothing yet.
  struct SealedSample {
    ResidentId resident;
    std::string field;
    std::vector<unsigned char> sealed;
  };
  virtual std::optional<SealedSample> any_sealed_field() = 0;
};

enum class TxMode { kRead, kWrite };

class Store {
 public:
  virtual ~Store() = default;
  // Runs pending schema migrations; returns the schema version after.
  virtual Result<int> migrate() = 0;
  virtual int schema_version() = 0;
  // A transaction on a pooled connection. Throws Unavailable when no connection comes free within
  // pool_wait_ms, or the write lock within busy_timeout_ms; the connection goes back to the pool on
  // every path.
  virtual std::unique_ptr<Tx> begin(TxMode mode) = 0;
  // Whether the database can be written now, without writing a row: the files are writable, the
  // disk has room and the write lock can be taken (and is given back at once).
  virtual std::vector<HealthCheck> health() = 0;
  // Housekeeping for a running server, called every few seconds: checkpoints the write-ahead log so
  // that it shrinks back after a burst of writes. Never throws.
  virtual void maintain() = 0;
  // A consistent copy of the whole database at `dest` (which must not exist), taken while others
  // read and write.
  virtual Status backup_to(const std::string& dest) = 0;
  // The integrity check of the database; empty when it is sound, else the first problems found.
  virtual std::string integrity_problems() = 0;
};

// Opens (creating if needed) the SQLite database at `path` (":memory:" for tests).
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, const StoreOptions& options = {});

}  // namespace meedoen
