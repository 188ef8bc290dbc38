// The implementation of BrigadeStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/brigade_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlBrigade final : public BrigadeStore {
 public:
  explicit SqlBrigade(Connection& conn) : conn_(&conn) {}

  RequestId insert_request(const BrigadeRequest& r) override;
  std::optional<BrigadeRequest> get_request(RequestId id) override;
  bool update_request(const BrigadeRequest& r) override;
  std::vector<BrigadeRequest> list_requests(const RequestFilter& f) override;
  std::optional<BrigadeRequest> request_for_action(ActionId id) override;
  void add_request_outcome(RequestId id, Timestamp at, UserId by, Outcome o,
                           const std::string& note) override;
  AssignmentId insert_assignment(const Assignment& a) override;
  std::optional<Assignment> get_assignment(AssignmentId id) override;
  void update_assignment(const Assignment& a) override;
  std::vector<Assignment> assignments_for_request(RequestId id) override;
  std::vector<Assignment> assignments_for_peer(UserId peer, bool current_only) override;
  std::vector<BrigadeRequest> past_requests_of_peer(UserId peer, int limit) override;
  std::vector<BrigadeRequest> requests_by(UserId user, Timestamp since, int limit) override;
  std::map<RequestId, std::vector<Assignment>> assignments_for_requests(
      const std::vector<RequestId>& ids) override;
  std::map<RequestId, std::pair<int, Timestamp>> visit_stats_for(
      const std::vector<RequestId>& ids) override;
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

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
