// The SQLite implementation of Tx. Internal to store/sqlite; the rest of the program sees Tx.
#pragma once

#include <functional>
#include <memory>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace meedoen::sqlite {

class SqliteTx final : public Tx {
 public:
  // Takes the connection for the lifetime of the Tx and hands it back through `release`.
  SqliteTx(std::unique_ptr<Connection> conn, TxMode mode,
           std::function<void(std::unique_ptr<Connection>)> release);
  ~SqliteTx() override;

  Status commit() override;

  std::optional<UserAuth> find_user_auth(const std::string& username) override;
  std::optional<User> get_user(UserId id) override;
  std::optional<std::string> user_display_name(UserId id) override;
  std::vector<User> list_users() override;
  std::vector<User> users_in_wijk(WijkId wijk) override;
  Result<UserId> insert_user(const User& user, const std::string& password_hash) override;
  void update_user(const User& user) override;
  void set_password(UserId id, const std::string& password_hash) override;
  void set_login_failures(UserId id, int failures, Timestamp locked_until) override;

  void insert_session(const SessionRecord& s) override;
  std::optional<SessionRecord> find_session(const std::string& digest) override;
  void touch_session(const std::string& digest, Timestamp at) override;
  void set_session_lang(const std::string& digest, const std::string& lang) override;
  void delete_session(const std::string& digest) override;
  void delete_sessions_idle_since(Timestamp before) override;
  std::vector<ThrottleRow> throttle_rows(const std::vector<std::string>& keys) override;
  void put_throttle_row(const ThrottleRow& row) override;
  void delete_throttle_row(const std::string& key) override;
  void purge_throttle(Timestamp before) override;

  std::vector<Organisation> list_orgs() override;
  std::optional<Organisation> get_org(OrgId id) override;
  Result<OrgId> insert_org(const Organisation& org) override;
  void update_org(const Organisation& org) override;
  std::vector<Wijk> list_wijken() override;
  std::optional<Wijk> get_wijk(WijkId id) override;
  Result<WijkId> insert_wijk(const Wijk& wijk) override;
  void update_wijk(const Wijk& wijk) override;
  std::vector<Buurt> buurten(WijkId wijk) override;
  std::optional<Buurt> get_buurt(BuurtId id) override;
  BuurtId insert_buurt(const Buurt& buurt) override;
  std::vector<OrgId> partners(WijkId wijk) override;
  void set_partners(WijkId wijk, const std::vector<OrgId>& orgs) override;
  std::vector<Category> categories(WijkId wijk) override;
  CategoryId insert_category(const Category& c) override;
  void update_category(const Category& c) override;
  std::vector<Category> default_categories() override;
  Result<CategoryId> insert_default_category(const std::string& label, bool meldcode) override;
  bool delete_default_category(CategoryId id) override;

  ResidentId insert_resident(const Resident& r) override;
  std::optional<Resident> get_resident(ResidentId id) override;
  std::vector<Resident> get_residents(const std::vector<ResidentId>& ids) override;
  std::optional<Resident> find_resident_by_code(const std::string& code) override;
  void put_identity(ResidentId id, const SealedIdentity& sealed) override;
  SealedIdentity get_identity(ResidentId id) override;
  void put_name_tokens(ResidentId id, const std::vector<std::string>& tokens) override;
  std::vector<ResidentId> residents_with_name_tokens(WijkId wijk,
                                                     const std::vector<std::string>& tokens) override;

  SignalId insert_signal(const Signal& s) override;
  std::optional<Signal> get_signal(SignalId id) override;
  std::vector<Signal> get_signals(const std::vector<SignalId>& ids) override;
  void update_signal(const Signal& s) override;
  std::vector<Signal> list_signals(const SignalFilter& f) override;
  SignalPage list_signal_page(const SignalFilter& f) override;
  int count_signals(const SignalFilter& f) override;
  std::optional<Signal> open_case_for_resident(ResidentId r) override;
  std::vector<Signal> linked_signals(SignalId case_id) override;
  bool user_raised_signal_about(UserId user, ResidentId resident) override;
  void add_timeline(const TimelineEvent& e) override;
  std::vector<TimelineEvent> timeline(SignalId id) override;
  std::vector<MeldcodeStep> meldcode_steps(SignalId id) override;
  void insert_meldcode_step(SignalId id, const MeldcodeStep& step) override;

  MeetingId insert_meeting(const Meeting& m) override;
  std::optional<Meeting> get_meeting(MeetingId id) override;
  bool update_meeting(const Meeting& m) override;
  std::vector<Meeting> list_meetings(const MeetingFilter& f) override;
  std::vector<AgendaItem> agenda(MeetingId id) override;
  std::optional<AgendaItem> get_agenda_item(AgendaItemId id) override;
  AgendaItemId insert_agenda_item(const AgendaItem& item) override;
  bool update_agenda_item(const AgendaItem& item) override;
  void set_agenda_positions(const std::vector<AgendaItemId>& order) override;
  void delete_agenda_item(AgendaItemId id) override;
  std::vector<SignalId> signals_pending_on_agendas(WijkId wijk) override;
  std::vector<Attendance> attendance(MeetingId id) override;
  void set_attendance(MeetingId id, const std::vector<Attendance>& rows) override;

  ActionId insert_action(const Action& a) override;
  std::optional<Action> get_action(ActionId id) override;
  void update_action(const Action& a) override;
  std::vector<Action> actions_for_owner(UserId owner) override;
  std::vector<Action> open_actions_in_wijk(WijkId wijk) override;
  std::vector<Action> brigade_settled_actions(WijkId wijk, Timestamp since) override;
  std::vector<Action> actions_for_signal(SignalId id) override;
  std::vector<Action> actions_of_meeting(MeetingId m) override;
  bool has_open_action(UserId user, ResidentId resident) override;

  std::optional<PeerProfile> get_peer_profile(UserId id) override;
  void put_peer_profile(const PeerProfile& p) override;
  std::vector<PeerProfile> list_peer_profiles() override;
  std::vector<std::pair<User, PeerProfile>> peers_in_wijken(const std::vector<WijkId>& wijken) override;
  std::vector<OnCallBlock> on_call(UserId peer, const std::string& from, const std::string& to) override;
  void set_on_call(UserId peer, const std::string& from, const std::string& to,
                   const std::vector<OnCallBlock>& blocks) override;
  std::vector<Absence> absences(UserId peer, const std::string& from) override;
  std::int64_t insert_absence(UserId peer, const Absence& a) override;
  bool delete_absence(UserId peer, std::int64_t id) override;

  RequestId insert_request(const BrigadeRequest& r) override;
  std::optional<BrigadeRequest> get_request(RequestId id) override;
  bool update_request(const BrigadeRequest& r) override;
  std::vector<BrigadeRequest> list_requests(const RequestFilter& f) override;
  std::optional<BrigadeRequest> request_for_action(ActionId id) override;
  void add_request_outcome(RequestId id, Timestamp at, UserId by, Outcome o, const std::string& note) override;
  AssignmentId insert_assignment(const Assignment& a) override;
  std::optional<Assignment> get_assignment(AssignmentId id) override;
  void update_assignment(const Assignment& a) override;
  std::vector<Assignment> assignments_for_request(RequestId id) override;
  std::vector<Assignment> assignments_for_peer(UserId peer, bool current_only) override;
  std::vector<BrigadeRequest> past_requests_of_peer(UserId peer, int limit) override;
  std::map<RequestId, std::vector<Assignment>> assignments_for_requests(const std::vector<RequestId>& ids) override;
  std::map<RequestId, std::pair<int, Timestamp>> visit_stats_for(const std::vector<RequestId>& ids) override;
  std::map<UserId, int> peer_loads(const std::vector<UserId>& peers, Timestamp since, bool count_attempts) override;
  std::map<UserId, int> on_call_counts(const std::vector<UserId>& peers, const std::string& from,
                                       const std::string& to) override;
  std::set<UserId> absent_on(const std::vector<UserId>& peers, const std::string& date) override;
  bool is_assigned_peer(UserId peer, ResidentId resident) override;
  bool peer_knew_resident(UserId peer, ResidentId resident) override;
  std::pair<VisitId, bool> insert_visit(const Visit& v) override;
  std::vector<Visit> visits_for_request(RequestId id) override;
  CheckinId insert_checkin(const Checkin& c) override;
  std::optional<Checkin> open_checkin(UserId peer) override;
  void end_checkin(CheckinId id, Timestamp at) override;
  std::vector<Checkin> open_checkins() override;
  DebriefId insert_debrief(const Debrief& d) override;
  std::vector<Debrief> open_debriefs() override;
  bool handle_debrief(DebriefId id, UserId by, Timestamp at) override;

  ReferralId insert_referral(const Referral& r) override;
  std::optional<Referral> get_referral(ReferralId id) override;
  void update_referral(const Referral& r) override;
  std::vector<Referral> referrals_for_request(RequestId id) override;
  std::vector<Referral> referrals_to_org(OrgId org) override;
  std::vector<Referral> unanswered_referrals(const std::vector<WijkId>& wijken, Timestamp made_before) override;
  void insert_referral_token(const ReferralToken& t) override;
  std::optional<ReferralToken> find_referral_token(const std::string& digest) override;
  bool use_referral_token(const std::string& digest, Timestamp at) override;
  void retire_referral_tokens(ReferralId id, Timestamp at) override;

  std::vector<FunnelRow> funnel(const std::vector<WijkId>& wijken, Timestamp from, Timestamp to) override;

  void insert_mail(const OutboxMail& m) override;
  std::vector<OutboxMail> pending_mail(Timestamp now, int limit) override;
  void mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) override;

  AuditHead audit_head() override;
  void insert_audit(const AuditEntry& e) override;
  void for_each_audit(const std::function<void(const AuditEntry&)>& fn) override;
  std::vector<AuditEntry> audit_for_resident(ResidentId id) override;
  std::vector<AuditEntry> break_glass_entries(const std::vector<WijkId>& wijken, int limit) override;

  bool ping() override;
  std::optional<std::vector<unsigned char>> vault_key_check() override;
  void set_vault_key_check(const std::vector<unsigned char>& check, Timestamp at) override;
  std::optional<SealedSample> any_sealed_field() override;

 private:
  std::vector<WijkId> user_wijken(UserId id);
  std::vector<CategoryId> signal_categories(SignalId id);
  // list_signals, with the residents too when `residents` is given.
  std::vector<Signal> select_signals(const SignalFilter& f, std::vector<Resident>* residents);

  std::unique_ptr<Connection> conn_;
  std::function<void(std::unique_ptr<Connection>)> release_;
  bool done_ = false;
};

}  // namespace meedoen::sqlite
