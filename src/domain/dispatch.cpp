#include "domain/dispatch.hpp"

#include <algorithm>

namespace meedoen {
namespace {

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Weights. Continuity outweighs everything else together: the seeds are clear that a resident
// should not have to tell their story to a new face.
constexpr int kContinuity = 1000;
constexpr int kCoversWijk = 200;
constexpr int kPerBlock = 15;
constexpr int kMaxBlocks = 6;
constexpr int kPerFreeSlot = 10;
constexpr int kMaxFreeSlots = 4;
constexpr int kLanguage = 120;
constexpr int kGender = 60;
constexpr int kTheme = 80;

}  // namespace

std::vector<RankedPeer> rank_peers(const RequestNeeds& needs,
                                   const std::vector<PeerCandidate>& candidates) {
  struct Row {
    RankedPeer r;
    int room;
  };
  std::vector<Row> rows;
  for (const auto& c : candidates) {
    RankedPeer r{c.peer, c.name, 0, true, {}};
    const int room = c.profile.weekly_cap - c.load_this_week;
    if (!c.profile.active) {
      r.eligible = false;
      r.reasons.push_back({"rank.inactive", "", false});
    }
    if (c.already_assigned) {
      r.eligible = false;
      r.reasons.push_back({"rank.already_assigned", "", false});
    }
    if (c.knew_resident) {
      r.score += kContinuity;
      r.reasons.push_back({"rank.knew_resident", "", true});
    }
    if (c.absent_all_window) {
      r.eligible = false;
      r.reasons.push_back({"rank.absent", "", false});
    } else if (c.on_call_blocks > 0) {
      r.score += kPerBlock * std::min(c.on_call_blocks, kMaxBlocks);
      r.reasons.push_back({"rank.on_call", std::to_string(c.on_call_blocks), true});
    } else {
      r.reasons.push_back({"rank.not_on_call", "", false});
    }
    if (c.covers_wijk) {
      r.score += kCoversWijk;
      r.reasons.push_back({"rank.covers_wijk", "", true});
    } else {
      r.reasons.push_back({"rank.other_wijk", "", false});
    }
    if (room <= 0) {
      r.eligible = false;
      r.reasons.push_back(
          {"rank.at_cap",
           std::to_string(c.load_this_week) + "/" + std::to_string(c.profile.weekly_cap), false});
    } else {
      r.score += kPerFreeSlot * std::min(room, kMaxFreeSlots);
      r.reasons.push_back(
          {"rank.room",
           std::to_string(c.load_this_week) + "/" + std::to_string(c.profile.weekly_cap), true});
    }
    if (!needs.language.empty()) {
      if (has(c.profile.languages, needs.language)) {
        r.score += kLanguage;
        r.reasons.push_back({"rank.language", needs.language, true});
      } else {
        r.reasons.push_back({"rank.no_language", needs.language, false});
      }
    }
    if (!needs.gender.empty() && needs.gender != "unknown") {
      if (c.profile.gender == needs.gender) {
        r.score += kGender;
        r.reasons.push_back({"rank.gender", needs.gender, true});
      } else {
        r.reasons.push_back({"rank.no_gender", needs.gender, false});
      }
    }
    if (!needs.theme.empty()) {
      if (has(c.profile.themes, needs.theme)) {
        r.score += kTheme;
        r.reasons.push_back({"rank.theme", needs.theme, true});
      } else {
        r.reasons.push_back({"rank.no_theme", needs.theme, false});
      }
    }
    rows.push_back({std::move(r), room});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.r.eligible != b.r.eligible) return a.r.eligible;
    if (a.r.score != b.r.score) return a.r.score > b.r.score;
    if (a.room != b.room) return a.room > b.room;
    return a.r.name < b.r.name;
  });
  std::vector<RankedPeer> out;
  out.reserve(rows.size());
  for (auto& row : rows) out.push_back(std::move(row.r));
  return out;
}

}  // namespace meedoen
