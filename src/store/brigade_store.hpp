// The Vliegende Brigade's requests, assignments, visits, check-ins and debriefs.
// One area of the store, reached from a transaction as tx.brigade().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/brigade.hpp"

namespace meedoen {

struct RequestFilter {
  std::vector<WijkId> wijken;  // empty = all
  bool open_only = false;      // outcome neither closed nor declined (back with the overleg)
  std::optional<ResidentId> resident;
  int limit = 200;
};

class BrigadeStore {
 public:
  virtual ~BrigadeStore() = default;

  // A new request starts at version 1, whatever it says.
  virtual RequestId insert_request(const BrigadeRequest& r) = 0;
  virtual std::optional<BrigadeRequest> get_request(RequestId id) = 0;
  // Same version rule as update_meeting. Changes what is known, the safety flags, the wishes,
  // urgency, outcome and the times after creation; whom it is about, where, where it came from,
  // who asked and when stay.
  virtual bool update_request(const BrigadeRequest& r) = 0;
  // Most urgent first, then oldest first.
  virtual std::vector<BrigadeRequest> list_requests(const RequestFilter& f) = 0;
  virtual std::optional<BrigadeRequest> request_for_action(ActionId id) = 0;
  virtual void add_request_outcome(RequestId id, Timestamp at, UserId by, Outcome o,
                                   const std::string& note) = 0;
  virtual AssignmentId insert_assignment(const Assignment& a) = 0;
  virtual std::optional<Assignment> get_assignment(AssignmentId id) = 0;
  // Changes the state, reason, responded_at and ended_at.
  virtual void update_assignment(const Assignment& a) = 0;
  // Oldest first.
  virtual std::vector<Assignment> assignments_for_request(RequestId id) = 0;
  // Offers first, then newest first; `current_only`: offered and accepted ones only.
  virtual std::vector<Assignment> assignments_for_peer(UserId peer, bool current_only) = 0;
  // The requests `peer` accepted once and no longer holds, each once, newest first, in one
  // statement.
  virtual std::vector<BrigadeRequest> past_requests_of_peer(UserId peer, int limit) = 0;
  // The requests `user` asked for since `since`, newest first, at most `limit`.
  virtual std::vector<BrigadeRequest> requests_by(UserId user, Timestamp since, int limit) = 0;
  // For a page of requests or peers at once (one statement per 50 ids instead of one per row):
  // each request's assignments oldest first, and its number of visits with the time of the last.
  // Requests without any are left out.
  virtual std::map<RequestId, std::vector<Assignment>> assignments_for_requests(
      const std::vector<RequestId>& ids) = 0;
  virtual std::map<RequestId, std::pair<int, Timestamp>> visit_stats_for(
      const std::vector<RequestId>& ids) = 0;
  // Whether `peer` holds an accepted assignment on an open request about `resident`.
  virtual bool is_assigned_peer(UserId peer, ResidentId resident) = 0;
  // Whether `peer` was ever assigned to (and accepted) a request about `resident`.
  virtual bool peer_knew_resident(UserId peer, ResidentId resident) = 0;
  // Inserts the visit unless the peer already logged one with the same idempotency key; returns
  // the id of the visit either way, and whether it was new.
  virtual std::pair<VisitId, bool> insert_visit(const Visit& v) = 0;
  // Newest first.
  virtual std::vector<Visit> visits_for_request(RequestId id) = 0;
  // A new check-in or debrief is open, whatever it says.
  virtual CheckinId insert_checkin(const Checkin& c) = 0;
  // The peer's latest open check-in.
  virtual std::optional<Checkin> open_checkin(UserId peer) = 0;
  // Ends the check-in if it is open.
  virtual void end_checkin(CheckinId id, Timestamp at) = 0;
  // The ones expected back first.
  virtual std::vector<Checkin> open_checkins() = 0;
  virtual DebriefId insert_debrief(const Debrief& d) = 0;
  // Oldest first.
  virtual std::vector<Debrief> open_debriefs() = 0;
  // False when it was handled already.
  virtual bool handle_debrief(DebriefId id, UserId by, Timestamp at) = 0;
};

}  // namespace meedoen
