#include "domain/centres.hpp"

#include <algorithm>
#include <set>

namespace meedoen {
const Room* Centre::room(RoomId id) const {
  for (const auto& r : rooms)
    if (r.id == id) return &r;
  return nullptr;
}

bool valid_tap_key(std::string_view key) {
  if (key.size() < 8 || key.size() > 64) return false;
  return std::all_of(key.begin(), key.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_';
  });
}

std::optional<Tap> tap_to_correct(const std::vector<Tap>& taps) {
  std::set<std::int64_t> taken_back;
  for (const auto& t : taps)
    if (t.delta < 0) taken_back.insert(t.corrects.value);
  for (auto it = taps.rbegin(); it != taps.rend(); ++it)
    if (it->delta > 0 && !taken_back.contains(it->id.value)) return *it;
  return std::nullopt;
}

Tally tally_of(DayPart part, const std::vector<Tap>& taps) {
  Tally t;
  t.part = part;
  for (const auto& tap : taps) {
    if (tap.part != part) continue;
    t.visitors += tap.delta;
    if (tap.tags.first_visit) t.first_visits += tap.delta;
    if (tap.tags.with_brigade) t.with_brigade += tap.delta;
    if (tap.tags.with_someone) t.with_someone += tap.delta;
  }
  return t;
}

}  // namespace meedoen
