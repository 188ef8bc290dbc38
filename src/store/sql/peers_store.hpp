// The implementation of PeersStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/peers_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlPeers final : public PeersStore {
 public:
  explicit SqlPeers(Connection& conn) : conn_(&conn) {}

  std::optional<PeerProfile> get_peer_profile(UserId id) override;
  void put_peer_profile(const PeerProfile& p) override;
  std::vector<PeerProfile> list_peer_profiles() override;
  std::vector<std::pair<User, PeerProfile>> peers_in_wijken(
      const std::vector<WijkId>& wijken) override;
  std::vector<OnCallBlock> on_call(UserId peer, const std::string& from,
                                   const std::string& to) override;
  void set_on_call(UserId peer, const std::string& from, const std::string& to,
                   const std::vector<OnCallBlock>& blocks) override;
  std::vector<Absence> absences(UserId peer, const std::string& from) override;
  std::int64_t insert_absence(UserId peer, const Absence& a) override;
  bool delete_absence(UserId peer, std::int64_t id) override;
  std::map<UserId, int> peer_loads(const std::vector<UserId>& peers, Timestamp since,
                                   bool count_attempts) override;
  std::map<UserId, int> on_call_counts(const std::vector<UserId>& peers, const std::string& from,
                                       const std::string& to) override;
  std::set<UserId> absent_on(const std::vector<UserId>& peers, const std::string& date) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
