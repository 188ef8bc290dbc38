// The one place that decides who may see what. Every use case asks here; templates and handlers
// never decide. Identity is shown only to those who act on the resident now, or to someone who
// breaks the glass with a written reason (which the caller must audit).
#pragma once

#include <string>
#include <string_view>

#include "domain/entities.hpp"
#include "domain/signal.hpp"

namespace meedoen {

// How a user relates to a resident right now. Filled by the app layer from the store.
struct ResidentRelation {
  bool raised_a_signal = false;   // the user raised a signal about this resident
  bool has_open_action = false;   // the user owns an open action on this resident
  bool is_assigned_peer = false;  // (brigade) the user is assigned to visit, while assigned
  bool broke_glass = false;       // the user gave a written reason in this request
};

enum class IdentityAccess { kHidden, kShown };

struct IdentityDecision {
  IdentityAccess access = IdentityAccess::kHidden;
  std::string reason;  // why it is shown, for the audit trail (English code)
};

// Whether `user` may see the identity of a resident of `wijk` given `relation`.
IdentityDecision decide_identity(const User& user, WijkId wijk, const ResidentRelation& relation);

// Whether `user` may see the wijk's pseudonymous signals, agenda and minutes.
bool may_view_wijk(const User& user, WijkId wijk);
// Whether `user` may raise a signal in `wijk`.
bool may_raise_signal(const User& user, WijkId wijk);
// Whether `user` may plan and run the wijk's meetings.
bool may_chair(const User& user, WijkId wijk);
// Whether `user` may see a meldcode signal: only its raiser and their organisation's designated
// meldcode officer (aandachtsfunctionaris).
bool may_view_meldcode_signal(const User& user, const Signal& signal);
// Whether `user` may administer users, organisations and wijken.
bool may_administer(const User& user);
// Whether `user` may break the glass for a resident in `wijk`: any overleg participant of the wijk,
// always with a written reason that is audited.
bool may_break_glass(const User& user, WijkId wijk);

inline constexpr std::size_t kMinBreakGlassReason = 10;

}  // namespace meedoen
