// What the Vliegende Brigade's use cases take and return. Identity appears only in fields named
// `identity`, filled only when the access policy allowed it and the reveal was audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/io.hpp"
#include "domain/brigade.hpp"
#include "domain/dispatch.hpp"
#include "domain/referral.hpp"

namespace meedoen {

struct PeerProfileInput {
  std::vector<std::string> languages;
  std::vector<std::string> themes;
  std::string gender = "unknown";
  int weekly_cap = 4;
  std::string email;
};

struct WeekDay {
  std::string date;  // YYYY-MM-DD
  int weekday = 0;   // 0 = Monday
  bool parts[kDayParts] = {false, false, false};
  bool absent = false;
  bool past = false;
};

struct PeerSettings {
  User user;
  PeerProfile profile;
  std::string org_name;
  std::vector<std::string> wijk_names;
  std::string week;  // Monday of the shown week
  std::string prev_week;
  std::string next_week;
  std::vector<WeekDay> days;
  std::vector<Absence> absences;
};

struct NewRequestInput {
  WijkId wijk;
  BuurtId buurt;
  std::string resident_code;  // existing pseudonym, or empty for a new resident
  std::string gender = "unknown";
  std::string age_band = "unknown";
  Identity identity;  // optional details of a new resident (address for the visit)
  std::string known;
  BrigadeWishes wishes;
  std::string urgency = "normal";
};

struct RequestFormData {
  std::vector<WijkChoice> wijken;
  std::string source;  // what the request will say it came from
};

struct AssignmentView {
  Assignment assignment;
  std::string peer_name;
};

struct VisitView {
  Visit visit;
  std::string peer_name;
};

struct ReferralView {
  Referral referral;
  std::string resident_code;
  std::string wijk_name;
  std::string to_org_name;
  std::string referred_by_name;
  std::optional<Identity> identity;  // only the fields the consent covers, for the recipient
  bool no_response = false;
  bool may_answer = false;
};

struct RequestRow {
  BrigadeRequest request;
  ResidentView resident;
  std::vector<AssignmentView> assignments;
  int age_days = 0;
  int visits = 0;
  Timestamp last_visit = 0;
};

// A request as the one who asked for it follows it (a host's "what became of it"): by the
// resident's code only, whether a peer goes, the visits and the outcome.
struct AskedRequest {
  RequestId id;
  std::string resident_code;
  Timestamp created_at = 0;
  Outcome outcome = Outcome::kOpen;
  bool peer_going = false;  // a peer said yes
  int visits = 0;
  Timestamp last_visit = 0;
};

struct RequestDetail {
  RequestRow row;
  std::optional<Identity> identity;  // the assigned peer's, while assigned and accepted
  std::string requested_by_name;
  std::string source_label_key;
  std::vector<VisitView> visits;
  std::vector<ReferralView> referrals;
  std::vector<std::pair<Outcome, bool>> outcomes;  // choices with whether they are allowed now
  std::vector<RankedPeer> suggestions;             // coordinator only
  bool is_coordinator = false;
  std::optional<Assignment> mine;  // the viewer's current assignment
  bool past = false;  // the viewer is a peer who did this request once; pseudonymous, read only
  std::string
      signal_text;  // what the raiser observed, for the peer who said yes (from the overleg)
  bool may_edit_wishes = false;    // the coordinator, before a peer is asked
  std::optional<Checkin> checkin;  // the viewer's open check-in
  std::string visit_key;           // a fresh idempotency key for the visit form
};

struct LogVisitInput {
  RequestId request;
  std::string result;
  std::string kind;
  std::string when;  // YYYY-MM-DDTHH:MM, empty = now
  std::string note;
  std::string next_step;
  std::string idempotency_key;
};

struct LogVisitResult {
  VisitId id;
  bool duplicate = false;  // a retry of a visit already logged
};

struct PeerLoad {
  User peer;
  PeerProfile profile;
  int load = 0;
  int on_call_this_week = 0;
  bool absent_today = false;
};

struct CheckinView {
  Checkin checkin;
  std::string peer_name;
  std::string resident_code;
  bool overdue = false;
};

struct DebriefView {
  Debrief debrief;
  std::string peer_name;
};

struct CoordinatorOverview {
  std::vector<RequestRow> open_requests;
  std::vector<PeerLoad> peers;
  std::vector<CheckinView> checkins;  // open, overdue first
  std::vector<DebriefView> debriefs;
  std::vector<ReferralView> no_response;
  int grace_minutes = 15;
  int response_days = 10;
};

struct MyRequests {
  std::vector<RequestRow> offered;
  std::vector<RequestRow> active;
  std::optional<CheckinView> checkin;
  PeerProfile profile;
  int load = 0;
};

struct ReferralFormData {
  RequestRow request;
  std::vector<Organisation> orgs;  // possible recipients
};

struct NewReferralInput {
  RequestId request;
  std::string kind;
  OrgId to_org;
  std::string to_email;
  std::string story;
  Consent consent;
  std::string consent_form;
};

struct ReferralCreated {
  ReferralId id;
  bool link_sent = false;  // a one-time link went to to_email
  bool inbox = false;      // the organisation has users who see it in their inbox
};

struct ReferralAnswer {
  std::string status;       // intake_planned, intake_done, declined
  std::string intake_date;  // YYYY-MM-DD
  std::string note;
};

// A referral as the one-time link shows it: only what the consent covers.
struct ReferralLinkView {
  ReferralView view;
  bool expired = false;
  bool used = false;
  bool may_reveal = false;  // the consent names identity fields, and the referral is still open
};

struct FunnelMonth {
  std::string month;  // YYYY-MM; "" in a total over the months
  WijkId wijk_id;     // 0 in the total over all wijken
  std::string wijk;
  std::vector<std::pair<std::string, std::string>> steps;  // label key → value ("<5" below 5)
  std::vector<int> raw;     // the same counts, for the chart (0 when suppressed)
  std::string median_days;  // days from signal to first contact; "" when too few
};

struct BrigadeFigures {
  std::vector<FunnelMonth> rows;    // per wijk and month
  std::vector<FunnelMonth> totals;  // per wijk, all months shown
  int months = 6;
};

}  // namespace meedoen
