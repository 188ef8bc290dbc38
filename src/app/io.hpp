// What use cases take and return: plain inputs from forms and plain views for pages. Identity
// appears only in fields named `identity`, filled only when the access policy allowed it and the
// reveal was audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/brigade.hpp"
#include "domain/entities.hpp"
#include "domain/meeting.hpp"
#include "domain/referral.hpp"
#include "domain/signal.hpp"

namespace meedoen {

struct AuditVerification {
  bool ok = true;
  std::int64_t checked = 0;
  std::int64_t first_bad_seq = 0;
  std::string problem;
};

struct SessionView {
  std::string token;  // the cookie value (only set when a new session was made)
  std::optional<User> user;
  std::string csrf;
  std::string lang = "nl";
};

// A resident as everyone in the overleg may see them.
struct ResidentView {
  ResidentId id;
  std::string code;
  std::string gender;
  std::string age_band;
  std::string buurt;
  std::string wijk;
};

struct SignalRow {
  Signal signal;
  ResidentView resident;
  std::string wijk_name;
  std::string org_name;
  std::string raised_by_name;
  std::vector<std::string> category_labels;
  int linked_count = 0;
};

struct WijkChoice {
  Wijk wijk;
  std::vector<Buurt> buurten;
  std::vector<Category> categories;  // active only
};

struct SignalFormData {
  std::vector<WijkChoice> wijken;
  std::string org_name;
};

struct RaiseSignalInput {
  WijkId wijk;
  BuurtId buurt;
  std::string resident_code;  // an existing resident, or empty for a new one
  std::string gender = "unknown";
  std::string age_band = "unknown";
  Identity identity;  // optional details of a new resident
  std::vector<CategoryId> categories;
  std::string description;
  bool urgent = false;
  bool meldcode_confirmed = false;  // the raiser saw the meldcode steps and chose the private track
  bool meldcode_declined = false;   // the raiser judged the meldcode does not apply
};

struct RaiseResult {
  SignalId signal_id;
  std::string resident_code;
  std::optional<SignalId> linked_to;
  bool meldcode = false;
  // Set instead of saving when the meldcode applies and the raiser has not chosen yet.
  bool meldcode_needs_choice = false;
};

struct SignalQuery {
  std::optional<WijkId> wijk;
  std::optional<SignalState> state;
  std::optional<CategoryId> category;
  bool urgent_only = false;
  bool mine = false;
  std::string code;
  int page = 1;
};

struct SignalList {
  std::vector<SignalRow> rows;       // without raised_by_name, which the list does not show
  std::vector<Wijk> wijken;          // the viewer's wijken, for the filter
  std::vector<Category> categories;  // of the filtered wijk, for the filter
  int total = 0;
  int page = 1;
  int pages = 1;
};

struct TimelineEntry {
  Timestamp at = 0;
  std::string kind;
  std::string text;
  std::string who;
};

struct ActionView {
  Action action;
  std::string owner_name;
  std::string resident_code;
  std::string wijk_name;
  std::optional<Identity> identity;  // only for the owner, audited
};

struct SignalDetail {
  SignalRow row;
  std::optional<Identity> identity;
  std::string identity_reason;  // why it is shown
  bool may_break_glass = false;
  bool may_close = false;
  bool is_meldcode_officer = false;
  std::vector<SignalRow> linked;
  std::vector<TimelineEntry> timeline;
  std::vector<ActionView> actions;
  std::vector<MeldcodeStep> meldcode_steps;
  std::string regisseur_name;
};

struct MeetingSummary {
  Meeting meeting;
  std::string wijk_name;
  int items = 0;
  bool may_chair = false;
};

struct MeetingList {
  std::vector<MeetingSummary> upcoming;
  std::vector<MeetingSummary> past;
  bool may_plan = false;
};

struct MeetingFormData {
  std::vector<Wijk> wijken;  // where the user chairs
  std::vector<Organisation> orgs;
  std::vector<std::pair<WijkId, std::vector<OrgId>>> partners;
};

struct PlanMeetingInput {
  WijkId wijk;
  std::string starts_at;  // YYYY-MM-DDTHH:MM local
  std::string place;
  std::vector<OrgId> invited;
  std::string notes;
};

struct AgendaItemView {
  AgendaItem item;
  SignalRow signal;
  std::optional<Action> follow_up;  // for follow-ups: the action that came back
  std::string follow_up_owner;
  // For a follow-up of the overleg's request to the brigade: what came of it (pseudonymous).
  struct BrigadeFeedback {
    Outcome outcome = Outcome::kOpen;
    struct Ref {
      std::string to_org;
      ReferralStatus status = ReferralStatus::kSent;
      std::string intake_date;
    };
    std::vector<Ref> referrals;
  };
  std::optional<BrigadeFeedback> brigade;
  std::vector<ActionView> actions;  // actions created from this item
};

struct AttendanceRow {
  Organisation org;
  bool invited = false;
  bool present = false;
  std::string person;
};

struct MeetingView {
  Meeting meeting;
  Wijk wijk;
  std::vector<AgendaItemView> items;
  std::vector<AttendanceRow> attendance;
  std::vector<User> wijk_users;  // possible owners and regisseurs
  bool may_chair = false;
};

// Safety notes and wishes for the peer who goes: set with a direct request, by the chair with an
// overleg decision for the brigade, or by the coordinator before asking a peer. Pseudonymous.
struct BrigadeWishes {
  bool safety_aggression = false;
  bool safety_dog = false;
  bool safety_addiction = false;
  std::string safety_notes;
  bool pair_advised = false;
  std::string pref_language;
  std::string pref_gender;
  std::string pref_theme;
};

struct RecordItemInput {
  MeetingId meeting;
  AgendaItemId item;
  std::int64_t version = 0;
  std::string summary;
  Decision decision = Decision::kNone;
  std::optional<UserId> regisseur;
  std::optional<UserId> owner;
  std::string due_date;
  bool confirm_names = false;  // save although a name from the vault seems to be in the summary
  BrigadeWishes brigade;       // with a decision for the Vliegende Brigade
};

struct RecordItemResult {
  bool saved = false;
  bool name_warning = false;  // the summary seems to contain a name from the vault
  std::optional<ActionId> action;
};

// A break-glass reveal for review: who looked at which resident's identity, when and why.
struct BreakGlassView {
  AuditEntry entry;
  std::string resident_code;
  std::string wijk_name;
};

struct StartPage {
  User user;
  std::vector<SignalRow> urgent;       // chair: urgent signals in their wijken, new
  std::vector<SignalRow> my_signals;   // recently raised by me
  std::vector<ActionView> my_actions;  // open, mine
  std::vector<MeetingSummary> next_meetings;
  std::vector<Wijk> wijken;
  int new_signals = 0;
  bool reads_overleg = false;  // reads a wijk's signals and meetings (not only raises)
  struct Figure {
    std::string wijk;
    std::string label;
    std::string value;  // "<5" below the threshold
  };
  std::vector<Figure> figures;  // funder: aggregates only
};

// Open and all signals (meldcode and linked ones included) of one wijk, as shown: "<5" below the
// threshold (app/figures.hpp).
struct WijkSignalFigures {
  Wijk wijk;
  std::string open;
  std::string all;
};

struct WijkOverview {
  Wijk wijk;
  std::vector<Buurt> buurten;
  std::vector<Organisation> partners;
  std::vector<Category> categories;
  std::vector<std::pair<std::string, int>> by_state;
  std::vector<MeetingSummary> meetings;
  std::vector<User> members;
};

struct NewUserInput {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;
  OrgId org;
  std::vector<WijkId> wijken;
  bool aandachtsfunctionaris = false;
};

struct AdminOverview {
  std::vector<User> users;
  std::vector<Organisation> orgs;
  std::vector<Wijk> wijken;
  std::vector<Category> default_categories;
};

struct WijkConfig {
  Wijk wijk;
  std::vector<Buurt> buurten;
  std::vector<Organisation> orgs;
  std::vector<OrgId> partners;
  std::vector<Category> categories;
};

struct WijkConfigInput {
  WijkId wijk;
  std::string rhythm;
  std::string default_place;
  std::vector<OrgId> partners;
};

}  // namespace meedoen
