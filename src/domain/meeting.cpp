#include "domain/meeting.hpp"

#include "domain/codes.hpp"

namespace meedoen {
namespace {
constexpr CodeTable<Decision, 9> kDecisions{{
    {Decision::kNone, "none"},
    {Decision::kBrigade, "brigade"},
    {Decision::kWijkteam, "wijkteam"},
    {Decision::kHuisarts, "huisarts"},
    {Decision::kGgz, "ggz"},
    {Decision::kPolice, "police"},
    {Decision::kHousing, "housing"},
    {Decision::kKeepEye, "keep_eye"},
    {Decision::kNoAction, "no_action"},
}};
constexpr CodeTable<ActionState, 3> kActionStates{{{ActionState::kOpen, "open"},
                                                   {ActionState::kDone, "done"},
                                                   {ActionState::kNotDone, "not_done"}}};
}  // namespace

std::string_view to_string(Decision d) { return code_of(kDecisions, d); }
std::optional<Decision> parse_decision(std::string_view code) {
  return parse_code(kDecisions, code);
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

std::string_view to_string(ActionState s) { return code_of(kActionStates, s); }
std::optional<ActionState> parse_action_state(std::string_view code) {
  return parse_code(kActionStates, code);
}

}  // namespace meedoen
