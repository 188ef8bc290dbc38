// Ranked suggestions of peers for a brigade request. The coordinator decides; this only orders the
// pool and says why, so the choice stays explainable. Weighs, in this order of importance:
// continuity (a peer who knew the resident), availability in the coming days, the wijk, room under
// the weekly cap, and the resident's preferences (language, gender, experience theme).
#pragma once

#include <string>
#include <vector>

#include "domain/brigade.hpp"

namespace meedoen {

// What the ranking knows of one peer, filled by the app layer.
struct PeerCandidate {
  UserId peer;
  std::string name;
  PeerProfile profile;
  bool covers_wijk = false;
  int on_call_blocks = 0;  // on-call day parts in the request's window, absences left out
  bool absent_all_window = false;
  int load_this_week = 0;         // visits this week plus new assignments not yet visited
  bool knew_resident = false;     // visited or was assigned to this resident before
  bool already_assigned = false;  // holds this request now
};

struct RequestNeeds {
  Urgency urgency = Urgency::kNormal;
  std::string language;  // empty: no preference
  std::string gender;
  std::string theme;
};

// One reason, as a catalogue key with an argument; `good` says whether it counts for or against.
struct RankReason {
  std::string key;
  std::string arg;
  bool good = true;
};

struct RankedPeer {
  UserId peer;
  std::string name;
  int score = 0;
  bool eligible = true;  // false: at the cap, absent or inactive; shown but not suggested
  std::vector<RankReason> reasons;
};

// The candidates, best first. Ties go to the peer with more room, then by name.
std::vector<RankedPeer> rank_peers(const RequestNeeds& needs,
                                   const std::vector<PeerCandidate>& candidates);

}  // namespace meedoen
