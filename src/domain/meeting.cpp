#include "domain/meeting.hpp"

#include <array>
#include <utility>

namespace meedoen {
namespace {
constexpr std::array<std::pair<Decision, std::string_view>, 9> kDecisions{{
    {Decision::kNone, "none"},
    {Decision::kBrigade, "brigade"},
    {Decision::kWijkteam, "wijkteam"},
    {Decision::kHuisarts, "huisarts"},
    {Decision::kGgz, "ggz"},
    {Decision::kPolice, "politie"},
    {Decision::kHousing, "woning"},
    {Decision::kKeepEye, "vinger_aan_de_pols"},
    {Decision::kNoAction, "geen_actie"},
}};
constexpr std::array<std::pair<ActionState, std::string_view>, 3> kActionStates{{
    {ActionState::kOpen, "open"}, {ActionState::kDone, "done"}, {ActionState::kNotDone, "not_done"}}};
}  // namespace

std::string_view to_string(Decision d) {
  for (const auto& [v, c] : kDecisions)
    if (v == d) return c;
  return "none";
}

std::optional<Decision> parse_decision(std::string_view code) {
  for (const auto& [v, c] : kDecisions)
    if (c == code) return v;
  return std::nullopt;
}

const std::vector<Decision>& all_decisions() {
  static const std::vector<Decision> all = [] {
    std::vector<Decision> v;
    for (const auto& [d, c] : kDecisions)
      if (d != Decision::kNone) v.push_back(d);
    return v;
  }();
  return all;
}

bool decision_needs_action(Decision d) { return d != Decision::kNone && d != Decision::kNoAction; }

std::string_view to_string(ActionState s) {
  for (const auto& [v, c] : kActionStates)
    if (v == s) return c;
  return "open";
}

std::optional<ActionState> parse_action_state(std::string_view code) {
  for (const auto& [v, c] : kActionStates)
    if (c == code) return v;
  return std::nullopt;
}

}  // namespace meedoen
