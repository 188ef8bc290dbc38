// Strong id types, so a resident id cannot be passed where a signal id is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace meedoen {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr bool valid() const { return value > 0; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using UserId = Id<struct UserTag>;
using OrgId = Id<struct OrgTag>;
using WijkId = Id<struct WijkTag>;
using BuurtId = Id<struct BuurtTag>;
using CategoryId = Id<struct CategoryTag>;
using ResidentId = Id<struct ResidentTag>;
using SignalId = Id<struct SignalTag>;
using MeetingId = Id<struct MeetingTag>;
using AgendaItemId = Id<struct AgendaItemTag>;
using ActionId = Id<struct ActionTag>;
using RequestId = Id<struct RequestTag>;
using AssignmentId = Id<struct AssignmentTag>;
using VisitId = Id<struct VisitTag>;
using CheckinId = Id<struct CheckinTag>;
using DebriefId = Id<struct DebriefTag>;
using ReferralId = Id<struct ReferralTag>;
using ApiTokenId = Id<struct ApiTokenTag>;
using VisitorId = Id<struct VisitorTag>;  // a known visitor of a Zelfregiecentrum
using ConcernId = Id<struct ConcernTag>;  // what a centre's host passed on

}  // namespace meedoen

template <class Tag>
struct std::hash<meedoen::Id<Tag>> {
  std::size_t operator()(meedoen::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
