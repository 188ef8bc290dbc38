#include "domain/centres.hpp"

#include <algorithm>

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

}  // namespace meedoen
