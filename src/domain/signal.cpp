#include "domain/signal.hpp"

#include <algorithm>
#include <cctype>

#include "domain/codes.hpp"

namespace meedoen {
namespace {
constexpr CodeTable<SignalState, 6> kStates{{
    {SignalState::kNew, "new"},
    {SignalState::kOnAgenda, "on_agenda"},
    {SignalState::kDiscussed, "discussed"},
    {SignalState::kActionsRunning, "actions_running"},
    {SignalState::kClosed, "closed"},
    {SignalState::kLinked, "linked"},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

std::string_view to_string(SignalState s) { return code_of(kStates, s); }
std::optional<SignalState> parse_signal_state(std::string_view code) {
  return parse_code(kStates, code);
}

Result<SignalState> transition(SignalState from, SignalEvent event) {
  using S = SignalState;
  using E = SignalEvent;
  const Error refused = Error::conflict("error.signal.transition");
  if (from == S::kClosed || from == S::kLinked) return refused;
  switch (event) {
    case E::kPlaceOnAgenda:
      if (from == S::kNew || from == S::kDiscussed || from == S::kActionsRunning) {
        // A case with running actions stays "actions running" while its follow-up is on the agenda.
        return from == S::kActionsRunning ? S::kActionsRunning : S::kOnAgenda;
      }
      return refused;
    case E::kRemoveFromAgenda:
      if (from == S::kOnAgenda) return S::kNew;
      return refused;
    case E::kDiscussNoAction:
      if (from == S::kOnAgenda || from == S::kDiscussed) return S::kDiscussed;
      if (from == S::kActionsRunning) return S::kActionsRunning;
      return refused;
    case E::kDiscussWithAction:
      if (from == S::kOnAgenda || from == S::kDiscussed || from == S::kActionsRunning)
        return S::kActionsRunning;
      return refused;
    case E::kActionsSettled:
      if (from == S::kActionsRunning) return S::kDiscussed;
      return refused;
    case E::kClose:
      return S::kClosed;
    case E::kReturnToOverleg:
      if (from == S::kDiscussed || from == S::kActionsRunning) return S::kNew;
      return refused;
  }
  return refused;
}

bool text_suggests_meldcode(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "huiselijk geweld", "mishandel",      "geslagen",
      "slaat ",           "slaan",          "schopt",
      "geweld",           "misbruik",       "kindermishandeling",
      "verwaarloos",      "bedreigt",       "bedreiging",
      "blauwe plek",      "veilig thuis",   "seksueel",
      "loverboy",         "eergerelateerd", "uithuwelijk"};
  // Punctuation ends a word like a space does, and so does the end of the text.
  std::string t = lower(text) + " ";
  for (auto& c : t)
    if (std::ispunct(static_cast<unsigned char>(c))) c = ' ';
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](std::string_view w) { return t.find(w) != std::string::npos; });
}

Status can_close(const Signal& signal, std::string_view reason) {
  if (signal.state == SignalState::kClosed || signal.state == SignalState::kLinked)
    return Error::conflict("error.signal.already_closed");
  const bool blank =
      std::all_of(reason.begin(), reason.end(), [](unsigned char c) { return std::isspace(c); });
  if (blank) return Error::invalid("error.signal.close_reason_required", "reason");
  if (reason.size() > kMaxCloseReason) return Error::invalid("error.too_long", "reason");
  if (signal.meldcode && !signal.meldcode_weighed)
    return Error::invalid("error.signal.meldcode_not_weighed", "reason");
  return Status::Ok();
}

}  // namespace meedoen
