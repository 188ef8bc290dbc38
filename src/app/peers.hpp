// The Vliegende Brigade's peers: their profile, on-call week and absences.
// One area of the use cases, reached as app.peers().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/context.hpp"

namespace meedoen {

class Peers {
 public:
  explicit Peers(AppContext& ctx) : ctx_(ctx) {}

  // The peer's own settings and the week (its Monday, YYYY-MM-DD; empty = this week).
  Result<PeerSettings> settings(const User& user, const std::string& week);
  Status save_profile(const User& user, const PeerProfileInput& in);
  Status save_on_call(const User& user, const std::string& week,
                      const std::vector<OnCallBlock>& blocks);
  Status add_absence(const User& user, const Absence& absence);
  Status remove_absence(const User& user, std::int64_t id);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
