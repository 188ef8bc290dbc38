#include "domain/occurrences.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace meedoen {

std::vector<Place> places(int capacity, const std::vector<Signup>& signups) {
  std::vector<const Signup*> standing;
  for (const auto& s : signups)
    if (s.cancelled_at == 0) standing.push_back(&s);
  std::stable_sort(standing.begin(), standing.end(), [](const Signup* a, const Signup* b) {
    return a->created_at != b->created_at ? a->created_at < b->created_at
                                          : a->id.value < b->id.value;
  });
  std::vector<Place> out;
  out.reserve(standing.size());
  int waiting = 0;
  for (const Signup* s : standing) {
    Place p;
    p.signup = s;
    p.has_place = capacity <= 0 || static_cast<int>(out.size()) < capacity;
    if (!p.has_place) p.waiting = ++waiting;
    out.push_back(p);
  }
  return out;
}

int signup_room(int capacity, int standing) {
  const int most = capacity <= 0 ? kSignupsMax : capacity + std::max(kWaitingMin, capacity);
  return std::max(0, most - standing);
}

std::string signup_problem(int capacity, const std::vector<Signup>& standing,
                           std::string_view name) {
  const std::string wanted = comparable_name(name);
  if (wanted.empty()) return "error.signup.name_required";
  if (trim(std::string(name)).size() > kSignupNameMax) return "error.too_long";
  int count = 0;
  for (const auto& s : standing) {
    if (s.cancelled_at != 0) continue;
    ++count;
    if (comparable_name(s.name) == wanted) return "error.signup.already";
  }
  if (signup_room(capacity, count) == 0) return "error.signup.full";
  return {};
}

}  // namespace meedoen
