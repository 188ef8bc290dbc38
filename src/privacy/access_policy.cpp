#include "privacy/access_policy.hpp"

#include <algorithm>

namespace meedoen {

namespace {
// Peers and hosts take part in an overleg only when the wijk's configuration names their
// organisation as a member; the other overleg roles are members by what they do.
bool reads_only_as_member(Role role) { return role == Role::kPeer || role == Role::kHost; }
}  // namespace

bool may_view_wijk(const User& user, WijkId wijk) {
  if (!user.active || !works_in_overleg(user.role) || !user.in_wijk(wijk)) return false;
  return !reads_only_as_member(user.role) || user.org_in_overleg_of(wijk);
}

std::vector<WijkId> viewable_wijken(const User& user) {
  std::vector<WijkId> out;
  for (auto w : user.wijken)
    if (may_view_wijk(user, w)) out.push_back(w);
  return out;
}

bool may_raise_signal(const User& user, WijkId wijk) {
  return user.active && works_in_overleg(user.role) && user.in_wijk(wijk);
}

bool may_chair(const User& user, WijkId wijk) {
  return user.active && user.role == Role::kChair && user.in_wijk(wijk);
}

bool may_break_glass(const User& user, WijkId wijk) {
  if (!may_view_wijk(user, wijk)) return false;
  return user.role == Role::kChair || user.role == Role::kMember || user.role == Role::kWijkteam;
}

bool may_review_break_glass(const User& user) {
  return user.active && (user.role == Role::kChair || user.role == Role::kAdmin);
}

bool may_administer(const User& user) { return user.active && user.role == Role::kAdmin; }

bool may_manage_api_tokens(const User& user) { return may_administer(user); }

bool may_call_api(const ApiToken& token, ApiScope scope) {
  return token.active() && token.id.valid() && token.has(scope);
}

bool may_view_meldcode_signal(const User& user, const Signal& signal) {
  if (!user.active) return false;
  if (signal.raised_by == user.id) return true;
  return user.aandachtsfunctionaris && user.org_id == signal.org_id;
}

IdentityDecision decide_identity(const User& user, WijkId wijk, const ResidentRelation& rel) {
  if (!user.active) return {};
  // Funders, administrators and a centre's tablet never see identity, whatever their relation.
  if (user.role == Role::kFunder || user.role == Role::kAdmin || user.role == Role::kCentreDevice)
    return {};
  if (rel.raised_a_signal) return {IdentityAccess::kShown, "raised_signal"};
  // The coordinator owns the overleg's actions for the brigade, and dispatches without identity:
  // an open action shows identity to every other owner, never to the coordinator.
  if (rel.has_open_action && user.role != Role::kCoordinator)
    return {IdentityAccess::kShown, "open_action"};
  if (rel.is_assigned_peer) return {IdentityAccess::kShown, "assigned_peer"};
  // Only the fields the consent names; the caller filters them.
  if (rel.referral_recipient) return {IdentityAccess::kShown, "referral_consent"};
  if (rel.broke_glass && may_break_glass(user, wijk))
    return {IdentityAccess::kShown, "break_glass"};
  return {};
}

bool may_coordinate(const User& user, WijkId wijk) {
  return user.active && user.role == Role::kCoordinator && user.in_wijk(wijk);
}

bool may_request_visit(const User& user, WijkId wijk) {
  if (!user.active || !user.in_wijk(wijk)) return false;
  return user.role == Role::kWijkteam || user.role == Role::kHost ||
         user.role == Role::kCoordinator;
}

bool may_be_assigned(const User& user) { return user.active && user.role == Role::kPeer; }

bool may_view_referral(const User& user, const Referral& r) {
  if (!user.active || user.role == Role::kFunder || user.role == Role::kAdmin ||
      user.role == Role::kCentreDevice)
    return false;
  if (r.referred_by == user.id) return true;
  if (may_coordinate(user, r.wijk_id)) return true;
  return user.org_id == r.to_org;
}

// Those with an inbox answer for their organisation.
bool may_answer_referral(const User& user, const Referral& r) {
  return has_referral_inbox(user) && user.org_id == r.to_org;
}

bool may_view_brigade_figures(const User& user) {
  return user.active && (user.role == Role::kCoordinator || user.role == Role::kFunder);
}

bool may_view_centre_figures(const User& user) { return may_view_brigade_figures(user); }

bool may_view_signal(const User& user, const Signal& s) {
  if (s.meldcode) return may_view_meldcode_signal(user, s);
  return may_view_wijk(user, s.wijk_id) || s.raised_by == user.id;
}

bool reviews_every_wijk(const User& user) {
  return may_review_break_glass(user) && user.role == Role::kAdmin;
}

bool may_view_city_figures(const User& user) { return user.active && user.role == Role::kFunder; }

bool chairs_an_overleg(const User& user) { return user.active && user.role == Role::kChair; }

bool may_coordinate_brigade(const User& user) {
  return user.active && user.role == Role::kCoordinator;
}

bool has_referral_inbox(const User& user) {
  return user.active && user.role != Role::kPeer && user.role != Role::kFunder &&
         user.role != Role::kAdmin && user.role != Role::kCentreDevice;
}

Capabilities capabilities(const User& user) {
  Capabilities c;
  // The centre's tablet counts and checks in, and has nothing else in its menu.
  if (user.role == Role::kCentreDevice) {
    c.counts_at_centre = is_centre_device(user);
    return c;
  }
  c.in_overleg = user.active && works_in_overleg(user.role) && !user.wijken.empty();
  c.reads_overleg = !viewable_wijken(user).empty();
  c.chairs = chairs_an_overleg(user);
  c.reviews_break_glass = may_review_break_glass(user);
  c.administers = may_administer(user);
  c.works_as_peer = may_be_assigned(user);
  c.coordinates_brigade = may_coordinate_brigade(user);
  // The coordinator asks from the overview, not from the menu.
  c.asks_brigade = user.active && (user.role == Role::kWijkteam || user.role == Role::kHost) &&
                   !user.wijken.empty();
  c.has_referral_inbox = has_referral_inbox(user);
  c.sees_city_figures = may_view_city_figures(user);
  c.hosts_centre = works_as_host(user);
  c.counts_at_centre = works_as_host(user) || is_centre_device(user);
  return c;
}

bool works_as_host(const User& user) { return user.active && user.role == Role::kHost; }

bool may_be_named_host(const User& user) {
  return user.role == Role::kHost || user.role == Role::kCentreDevice;
}

bool is_centre_device(const User& user) { return user.active && user.role == Role::kCentreDevice; }

bool may_count(const User& user, CentreId centre, const std::vector<CentreId>& hosted) {
  return (works_as_host(user) || is_centre_device(user)) &&
         std::find(hosted.begin(), hosted.end(), centre) != hosted.end();
}

bool may_open_page(const User& user, bool device_page) {
  return user.role != Role::kCentreDevice || device_page;
}

bool may_keep_visitors(const User& user, CentreId centre, const std::vector<CentreId>& hosted) {
  return may_host(user, centre, hosted);
}

bool may_host(const User& user, CentreId centre, const std::vector<CentreId>& hosted) {
  return works_as_host(user) && std::find(hosted.begin(), hosted.end(), centre) != hosted.end();
}

bool may_pass_on_concern(const User& user, CentreId centre, const std::vector<CentreId>& hosted) {
  return may_host(user, centre, hosted);
}

bool may_note_participation(const User& user, CentreId centre,
                            const std::vector<CentreId>& hosted) {
  return may_host(user, centre, hosted);
}

bool may_know_visitor(const User& user, CentreId visitor_centre, bool known,
                      const std::vector<CentreId>& hosted) {
  return known && may_count(user, visitor_centre, hosted);
}

bool may_link_visitor(const User& user, bool accepted_peer) {
  return accepted_peer && may_be_assigned(user);
}

bool may_manage_centres(const User& user) { return may_administer(user); }

bool may_follow_request(const User& user, const BrigadeRequest& r) {
  return user.active && r.requested_by == user.id;
}

bool may_show_organiser_publicly(const Activity& a) {
  return a.status == ActivityStatus::kApproved && a.show_organiser && !a.organiser.empty();
}

}  // namespace meedoen
