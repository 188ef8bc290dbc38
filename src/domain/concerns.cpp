#include "domain/concerns.hpp"

#include "domain/codes.hpp"
#include "domain/text.hpp"

namespace meedoen {
namespace {

constexpr CodeTable<ConcernRoute, 3> kRoutes{{{ConcernRoute::kBrigade, "brigade"},
                                              {ConcernRoute::kOverleg, "overleg"},
                                              {ConcernRoute::kCallBack, "call_back"}}};
constexpr CodeTable<ConcernProgress, 8> kProgress{{{ConcernProgress::kWaiting, "waiting"},
                                                   {ConcernProgress::kPeerGoing, "peer_going"},
                                                   {ConcernProgress::kVisited, "visited"},
                                                   {ConcernProgress::kOnAgenda, "on_agenda"},
                                                   {ConcernProgress::kDiscussed, "discussed"},
                                                   {ConcernProgress::kInCase, "in_case"},
                                                   {ConcernProgress::kClosed, "closed"},
                                                   {ConcernProgress::kCalledBack, "called_back"}}};

}  // namespace

std::string_view to_string(ConcernRoute r) { return code_of(kRoutes, r); }
std::optional<ConcernRoute> parse_concern_route(std::string_view code) {
  return parse_code(kRoutes, code);
}
std::string_view to_string(ConcernProgress p) { return code_of(kProgress, p); }

std::pair<std::string, std::string> concern_problem(const ConcernInput& in, bool names_in_text) {
  const std::string text = trim(in.text);
  if (text.empty()) return {"error.concern.text_required", "text"};
  if (text.size() > kConcernTextMax) return {"error.too_long", "text"};
  if (in.route == ConcernRoute::kCallBack) {
    if (!in.named) return {"error.concern.call_back_named", "visitor"};
    return {};  // it stays at the centre, that knows the visitor by name already
  }
  if (in.named && !in.consent) return {"error.concern.consent_required", "consent"};
  if (names_in_text) return {"error.concern.name_in_text", "text"};
  return {};
}

}  // namespace meedoen
