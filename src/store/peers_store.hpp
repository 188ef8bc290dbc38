// The Vliegende Brigade's peers: profiles, on-call blocks, absences and load.
// One area of the store, reached from a transaction as tx.peers().
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/brigade.hpp"
#include "domain/entities.hpp"

namespace meedoen {

class PeersStore {
 public:
  virtual ~PeersStore() = default;

  virtual std::optional<PeerProfile> get_peer_profile(UserId id) = 0;
  // Writes the whole profile.
  virtual void put_peer_profile(const PeerProfile& p) = 0;
  // By user id.
  virtual std::vector<PeerProfile> list_peer_profiles() = 0;
  // Active peer workers with a profile who work in any of `wijken` (empty: all wijken), each once,
  // by name. Of the users only id, name, organisation, language and role are filled.
  virtual std::vector<std::pair<User, PeerProfile>> peers_in_wijken(
      const std::vector<WijkId>& wijken) = 0;
  // On-call blocks of `peer` with from <= date <= to (YYYY-MM-DD), by date (the parts of one day
  // in no particular order).
  virtual std::vector<OnCallBlock> on_call(UserId peer, const std::string& from,
                                           const std::string& to) = 0;
  // Replaces the peer's blocks between from and to by `blocks`.
  virtual void set_on_call(UserId peer, const std::string& from, const std::string& to,
                           const std::vector<OnCallBlock>& blocks) = 0;
  // Absences of `peer` that end on or after `from`, by their first day.
  virtual std::vector<Absence> absences(UserId peer, const std::string& from) = 0;
  virtual std::int64_t insert_absence(UserId peer, const Absence& a) = 0;
  // False when `peer` has no absence `id`: a peer deletes only their own.
  virtual bool delete_absence(UserId peer, std::int64_t id) = 0;
  // Per peer: visits since `since` (attempts without contact only when `count_attempts`), plus
  // requests they hold (offered or accepted) without a visit of theirs yet. What the weekly cap is
  // weighed against. Peers with nothing to count are left out of the map.
  virtual std::map<UserId, int> peer_loads(const std::vector<UserId>& peers, Timestamp since,
                                           bool count_attempts) = 0;
  // Per peer, their blocks with from <= date <= to; peers without any are left out.
  virtual std::map<UserId, int> on_call_counts(const std::vector<UserId>& peers,
                                               const std::string& from, const std::string& to) = 0;
  // Those of `peers` with an absence that covers `date`.
  virtual std::set<UserId> absent_on(const std::vector<UserId>& peers, const std::string& date) = 0;
};

}  // namespace meedoen
