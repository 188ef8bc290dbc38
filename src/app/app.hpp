// The use cases of Meedoen: one method per thing a user does. Each checks who may do it (through
// privacy/access_policy), runs in one transaction, and writes the audit trail. Free of HTTP: the web
// layer and the command line both call this.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/brigade_views.hpp"
#include "app/views.hpp"
#include "domain/entities.hpp"
#include "domain/health.hpp"
#include "domain/mail.hpp"
#include "domain/meeting.hpp"
#include "domain/result.hpp"
#include "domain/signal.hpp"
#include "domain/time.hpp"

namespace meedoen {

class Store;
class Vault;
class Tx;
class SessionCache;

struct AppConfig {
  std::string db_path = "meedoen.db";
  std::string key_file = "meedoen.key";
  int idle_timeout_seconds = 30 * 60;
  int max_failed_logins = 5;  // after this many, each further failure doubles a wait
  int checkout_grace_minutes = 15;  // a check-out this late is flagged to the coordinator
  int referral_response_days = 10;  // a referral without an answer this long is flagged
  int referral_link_days = 14;      // a one-time link for a partner expires after this
  // The brigade's phone for a peer at a visit (shown beside the check-out button); empty: none.
  std::string brigade_phone;
  // Whether attempts without contact (not home, door not opened) count toward a peer's weekly cap.
  bool cap_counts_attempts = false;
  std::string base_url = "http://127.0.0.1:8080";  // for links in e-mail
  // How long a session read from the store is trusted in this process (see SessionCache); with
  // several app processes, a log-out elsewhere takes effect here within this time. 0 = off.
  int session_cache_seconds = 2;
  StoreOptions store;
};

class App {
 public:
  // Opens the database (running migrations) and the vault. The clock defaults to the system clock.
  static Result<std::unique_ptr<App>> open(const AppConfig& config,
                                           std::unique_ptr<Clock> clock = nullptr);
  ~App();

  const AppConfig& config() const { return config_; }
  Timestamp now() const { return clock_->now(); }
  // Each check of whether the database can be written now (for /healthz); writes nothing.
  std::vector<HealthCheck> health();
  bool healthy();
  int schema_version();
  // Housekeeping for a running server, every few seconds: shrinks the write-ahead log after a
  // burst and removes expired sessions. Never throws.
  void maintain();
  // A consistent copy of the database at `dest`, taken while the server runs.
  Status backup(const std::string& dest);
  // The database's integrity check; empty when sound.
  std::string integrity_problems();

  // --- sessions and log-in (app/auth.cpp) ---
  // A session without a user, so the log-in form has a CSRF token. Returns the cookie value.
  SessionView start_session(const std::string& lang);
  // The session for a cookie value; nullopt when unknown or idle for too long.
  std::optional<SessionView> resume_session(const std::string& token);
  // Checks the password and replaces the session by a new one (a new id) for the user.
  // `client` is the client's address, for throttling guesses per client and account.
  Result<SessionView> login(const std::string& old_token, const std::string& username,
                            const std::string& password, const std::string& client = {});
  void logout(const std::string& token);
  void set_language(const std::string& token, const std::string& lang);
  // Whether the user reads a wijk's signals and meetings, not only raises signals (for menus).
  static bool reads_overleg(const User& user);
  // The break-glass reveals for the chair's wijken (all of them for the administrator), newest first.
  Result<std::vector<BreakGlassView>> break_glass_reviews(const User& user);
  // Whether `token` is the session's CSRF token (constant-time).
  static bool csrf_matches(const SessionView& session, const std::string& token);

  // --- start pages and wijken (app/pages.cpp) ---
  Result<StartPage> start_page(const User& user);
  Result<WijkOverview> wijk_overview(const User& user, WijkId wijk);

  // --- signals (app/signals.cpp) ---
  Result<SignalFormData> signal_form(const User& user);
  Result<RaiseResult> raise_signal(const User& user, const RaiseSignalInput& in);
  // Whether the text or categories point to the meldcode (for the live hint on the form).
  bool meldcode_suggested(WijkId wijk, const std::string& text,
                          const std::vector<CategoryId>& categories);
  Result<SignalList> list_signals(const User& user, const SignalQuery& q);
  // `break_glass_reason` non-empty asks to see identity with that written reason.
  Result<SignalDetail> signal_detail(const User& user, SignalId id,
                                     const std::string& break_glass_reason = {});
  Status close_signal(const User& user, SignalId id, const std::string& reason);
  Status record_meldcode_step(const User& user, SignalId id, int step, const std::string& date,
                              const std::string& rationale);

  // --- the overleg (app/meetings.cpp) ---
  Result<MeetingList> list_meetings(const User& user);
  Result<MeetingFormData> meeting_form(const User& user);
  Result<MeetingId> plan_meeting(const User& user, const PlanMeetingInput& in);
  Result<MeetingView> meeting_view(const User& user, MeetingId id);
  Status refresh_agenda(const User& user, MeetingId id);
  Status move_agenda_item(const User& user, MeetingId id, AgendaItemId item, int delta);
  Result<RecordItemResult> record_item(const User& user, const RecordItemInput& in);
  Status record_attendance(const User& user, MeetingId id, std::int64_t version,
                           const std::vector<Attendance>& rows);
  // Marking it held sends undecided items back to the next agenda; while there are any and
  // `confirm_undecided` is false, it changes nothing and answers error.meeting.undecided (a
  // conflict whose detail is their number), so the chair sees them first.
  Status update_meeting(const User& user, MeetingId id, std::int64_t version,
                        const PlanMeetingInput& in, bool held, bool confirm_undecided = false);
  Result<MeetingView> minutes(const User& user, MeetingId id);

  // --- actions (app/actions.cpp) ---
  Result<std::vector<ActionView>> my_actions(const User& user);
  Status settle_action(const User& user, ActionId id, ActionState state, const std::string& note);

  // --- peers of the Vliegende Brigade (app/peers.cpp) ---
  // The peer's own settings and the week (its Monday, YYYY-MM-DD; empty = this week).
  Result<PeerSettings> peer_settings(const User& user, const std::string& week);
  Status save_peer_profile(const User& user, const PeerProfileInput& in);
  Status save_on_call(const User& user, const std::string& week, const std::vector<OnCallBlock>& blocks);
  Status add_absence(const User& user, const Absence& absence);
  Status remove_absence(const User& user, std::int64_t id);

  // --- brigade requests and visits (app/brigade.cpp) ---
  Result<RequestFormData> request_form(const User& user);
  Result<RequestId> create_request(const User& user, const NewRequestInput& in);
  Result<CoordinatorOverview> coordinator_overview(const User& user);
  Result<RequestDetail> request_detail(const User& user, RequestId id);
  // The coordinator sets safety notes and wishes of a request before a peer is asked.
  Status update_request_wishes(const User& user, RequestId id, std::int64_t version, const BrigadeWishes& wishes);
  // A peer's past requests (the ten most recent), by code only.
  Result<std::vector<RequestRow>> past_requests(const User& user);
  Status assign_peers(const User& user, RequestId id, const std::vector<UserId>& peers);
  Status respond_assignment(const User& user, RequestId id, bool accept, const std::string& reason);
  Status end_assignment(const User& user, RequestId id, UserId peer, const std::string& reason);
  Result<MyRequests> my_requests(const User& user);
  Result<LogVisitResult> log_visit(const User& user, const LogVisitInput& in);
  Status check_in(const User& user, RequestId id, int minutes);
  Status check_out(const User& user);
  Status request_debrief(const User& user, std::optional<RequestId> id, const std::string& note);
  Status handle_debrief(const User& user, DebriefId id);
  Status set_outcome(const User& user, RequestId id, const std::string& outcome, const std::string& note,
                     std::int64_t version);
  Result<BrigadeFigures> brigade_figures(const User& user, int months);

  // --- referrals (app/referrals.cpp) ---
  Result<ReferralFormData> referral_form(const User& user, RequestId id);
  Result<ReferralCreated> create_referral(const User& user, const NewReferralInput& in);
  Result<std::vector<ReferralView>> referral_inbox(const User& user);
  Status answer_referral(const User& user, ReferralId id, const ReferralAnswer& answer);
  // For a referral without an answer: a fresh one-time link by mail (the old link stops working).
  // The referrer or the coordinator; referrals to an inbox have no mail to send.
  Status remind_referral(const User& user, ReferralId id);
  // The one-time link: shows the referral (marking it received) until it is used or expires. The
  // consented identity only with `reveal` (a deliberate click, audited), so a mail scanner that
  // opens the link sees no name.
  Result<ReferralLinkView> referral_by_token(const std::string& token, bool reveal = false);
  Status answer_referral_by_token(const std::string& token, const ReferralAnswer& answer);

  // --- mail outbox (sent by the server's mailer) ---
  std::vector<OutboxMail> pending_mail(int limit);
  void mark_mail(std::int64_t id, bool sent, const std::string& error);

  // --- administration (app/admin.cpp) ---
  Result<AdminOverview> admin_overview(const User& user);
  Result<UserId> create_user(const User* actor, const NewUserInput& in);
  Status update_user(const User& actor, const NewUserInput& in, UserId id);
  Status set_user_active(const User* actor, const std::string& username, bool active);
  Status reset_password(const User* actor, const std::string& username,
                        const std::string& new_password);
  Result<OrgId> create_org(const User* actor, const Organisation& org);
  Result<WijkId> create_wijk(const User& actor, const Wijk& wijk,
                             const std::vector<std::string>& buurten);
  Result<WijkConfig> wijk_config(const User& actor, WijkId id);
  Status update_wijk_config(const User& actor, const WijkConfigInput& in);
  Status add_category(const User& actor, WijkId wijk, const std::string& label, bool meldcode);
  Status update_category(const User& actor, WijkId wijk, CategoryId id, const std::string& label,
                         bool meldcode, bool active);
  // The categories new wijken start with: configuration, kept by the administrator.
  Status add_default_category(const User& actor, const std::string& label, bool meldcode);
  Status remove_default_category(const User& actor, CategoryId id);

  // --- audit (app/audit.cpp) ---
  AuditVerification verify_audit();
  Result<std::vector<AuditEntry>> resident_audit(const User& user, ResidentId id);

  // --- demo data (app/demo.cpp) ---
  Status load_demo(std::vector<std::pair<std::string, std::string>>* logins);
  // Synthetic city-scale data for benchmarks (bench/): wijken × residents × years.
  Status generate_dataset(int wijken, int residents, int years, unsigned seed);

  // Internal helpers shared by the use-case files; not for callers outside app/.
  struct Internals;

 private:
  App(AppConfig config, std::unique_ptr<Store> store, std::unique_ptr<Vault> vault,
      std::unique_ptr<Clock> clock);

  AppConfig config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Vault> vault_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<SessionCache> sessions_;
};

}  // namespace meedoen
