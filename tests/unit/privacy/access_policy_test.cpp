#include "privacy/access_policy.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

const WijkId kMeerburg(1);
const WijkId kStevenshof(2);

User user(Role role, std::vector<WijkId> wijken = {kMeerburg}) {
  User u;
  u.id = UserId(7);
  u.role = role;
  u.org_id = OrgId(3);
  u.wijken = std::move(wijken);
  return u;
}

enum Rel { kNone, kRaised, kOpenAction, kAssignedPeer, kBrokeGlass, kReferralRecipient };

ResidentRelation relation(Rel r) {
  ResidentRelation rel;
  rel.raised_a_signal = r == kRaised;
  rel.has_open_action = r == kOpenAction;
  rel.is_assigned_peer = r == kAssignedPeer;
  rel.broke_glass = r == kBrokeGlass;
  rel.referral_recipient = r == kReferralRecipient;
  return rel;
}

struct Row {
  Role role;
  Rel relation;
  bool shown;
};

// Role × relation → identity visible, for a user of the resident's own wijk.
TEST(AccessPolicy, IdentityTableForTheResidentsOwnWijk) {
  const Row rows[] = {
      {Role::kMember, kNone, false},
      {Role::kMember, kRaised, true},
      {Role::kMember, kOpenAction, true},
      {Role::kMember, kBrokeGlass, true},
      {Role::kChair, kNone, false},
      {Role::kChair, kRaised, true},
      {Role::kChair, kBrokeGlass, true},
      {Role::kPeer, kNone, false},
      {Role::kPeer, kAssignedPeer, true},
      {Role::kCoordinator, kNone, false},
      {Role::kHost, kNone, false},
      {Role::kHost, kRaised, true},
      {Role::kWijkteam, kNone, false},
      {Role::kWijkteam, kOpenAction, true},
      {Role::kFunder, kNone, false},
      {Role::kFunder, kRaised, false},
      {Role::kFunder, kBrokeGlass, false},
      {Role::kAdmin, kNone, false},
      {Role::kAdmin, kOpenAction, false},
      {Role::kAdmin, kBrokeGlass, false},
      {Role::kPeer, kRaised, true},
      {Role::kCoordinator, kAssignedPeer, true},
      {Role::kWijkteam, kReferralRecipient, true},
      {Role::kMember, kReferralRecipient, true},
      {Role::kFunder, kReferralRecipient, false},
      {Role::kAdmin, kReferralRecipient, false},
      {Role::kFunder, kAssignedPeer, false},
      // The coordinator owns the overleg's brigade actions and dispatches without identity.
      {Role::kCoordinator, kOpenAction, false},
      // Break-glass only for the roles that act on residents in the overleg.
      {Role::kWijkteam, kBrokeGlass, true},
      {Role::kPeer, kBrokeGlass, false},
      {Role::kHost, kBrokeGlass, false},
      {Role::kCoordinator, kBrokeGlass, false},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(to_string(r.role)) + " relation " + std::to_string(r.relation));
    const auto d = decide_identity(user(r.role), kMeerburg, relation(r.relation));
    EXPECT_EQ(d.access == IdentityAccess::kShown, r.shown);
    if (r.shown) {
      EXPECT_FALSE(d.reason.empty());
    }
  }
}

TEST(AccessPolicy, OnlyAnAdministratorManagesApiTokensAndATokenReadsOnlyItsScopes) {
  EXPECT_TRUE(may_manage_api_tokens(user(Role::kAdmin, {})));
  for (Role r : all_roles()) {
    if (r == Role::kAdmin) continue;
    EXPECT_FALSE(may_manage_api_tokens(user(r))) << to_string(r);
  }
  User disabled = user(Role::kAdmin, {});
  disabled.active = false;
  EXPECT_FALSE(may_manage_api_tokens(disabled));

  ApiToken t;
  t.id = ApiTokenId(1);
  EXPECT_FALSE(may_call_api(t, ApiScope::kFigures)) << "no scope";
  t.scopes = {ApiScope::kFigures};
  EXPECT_TRUE(may_call_api(t, ApiScope::kFigures));
  t.revoked_at = 10;
  EXPECT_FALSE(may_call_api(t, ApiScope::kFigures)) << "revoked";
  t.revoked_at = 0;
  t.id = ApiTokenId();
  EXPECT_FALSE(may_call_api(t, ApiScope::kFigures)) << "not a stored token";
}

TEST(AccessPolicy, BreakingTheGlassNeedsTheWijk) {
  const auto d =
      decide_identity(user(Role::kChair, {kStevenshof}), kMeerburg, relation(kBrokeGlass));
  EXPECT_EQ(d.access, IdentityAccess::kHidden);
}

TEST(AccessPolicy, DisabledUsersSeeNothing) {
  User u = user(Role::kMember);
  u.active = false;
  EXPECT_EQ(decide_identity(u, kMeerburg, relation(kRaised)).access, IdentityAccess::kHidden);
  EXPECT_FALSE(may_view_wijk(u, kMeerburg));
}

TEST(AccessPolicy, WijkDataOnlyForOverlegRolesOfThatWijk) {
  EXPECT_TRUE(may_view_wijk(user(Role::kMember), kMeerburg));
  EXPECT_FALSE(may_view_wijk(user(Role::kMember), kStevenshof));
  EXPECT_FALSE(may_view_wijk(user(Role::kFunder), kMeerburg));
  EXPECT_FALSE(may_view_wijk(user(Role::kAdmin), kMeerburg));
  EXPECT_TRUE(may_chair(user(Role::kChair), kMeerburg));
  EXPECT_FALSE(may_chair(user(Role::kMember), kMeerburg));
  EXPECT_FALSE(may_chair(user(Role::kChair), kStevenshof));
}

// Role × is the organisation an overleg member of the wijk → reads the wijk's signals; may break
// the glass. Everyone of an overleg role raises signals in their wijk.
TEST(AccessPolicy, ReadingAWijkAndBreakingTheGlassTable) {
  struct MemberRow {
    Role role;
    bool org_member;
    bool reads;
    bool breaks_glass;
  };
  const MemberRow rows[] = {
      {Role::kMember, false, true, true},       {Role::kMember, true, true, true},
      {Role::kChair, false, true, true},        {Role::kWijkteam, false, true, true},
      {Role::kCoordinator, false, true, false}, {Role::kCoordinator, true, true, false},
      {Role::kPeer, false, false, false},       {Role::kPeer, true, true, false},
      {Role::kHost, false, false, false},       {Role::kHost, true, true, false},
      {Role::kFunder, true, false, false},      {Role::kAdmin, true, false, false},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(to_string(r.role)) + (r.org_member ? " (org in overleg)" : ""));
    User u = user(r.role);
    if (r.org_member) u.overleg_wijken = {kMeerburg};
    EXPECT_EQ(may_view_wijk(u, kMeerburg), r.reads);
    EXPECT_EQ(!viewable_wijken(u).empty(), r.reads);
    EXPECT_EQ(may_break_glass(u, kMeerburg), r.breaks_glass);
    EXPECT_EQ(may_raise_signal(u, kMeerburg), works_in_overleg(r.role));
    EXPECT_FALSE(may_break_glass(user(r.role, {kStevenshof}), kMeerburg));
  }
  EXPECT_TRUE(may_review_break_glass(user(Role::kChair)));
  EXPECT_TRUE(may_review_break_glass(user(Role::kAdmin)));
  EXPECT_FALSE(may_review_break_glass(user(Role::kMember)));
  EXPECT_FALSE(may_review_break_glass(user(Role::kFunder)));
}

TEST(AccessPolicy, MeldcodeSignalsOnlyForRaiserAndTheirOfficer) {
  Signal s;
  s.meldcode = true;
  s.raised_by = UserId(99);
  s.org_id = OrgId(3);
  User colleague = user(Role::kMember);
  EXPECT_FALSE(may_view_meldcode_signal(colleague, s));
  colleague.aandachtsfunctionaris = true;
  EXPECT_TRUE(may_view_meldcode_signal(colleague, s));
  User other_org_officer = colleague;
  other_org_officer.org_id = OrgId(4);
  EXPECT_FALSE(may_view_meldcode_signal(other_org_officer, s));
  User raiser = user(Role::kMember);
  raiser.id = UserId(99);
  EXPECT_TRUE(may_view_meldcode_signal(raiser, s));
}

TEST(AccessPolicy, BrigadeRoles) {
  EXPECT_TRUE(may_coordinate(user(Role::kCoordinator), kMeerburg));
  EXPECT_FALSE(may_coordinate(user(Role::kCoordinator), kStevenshof));
  EXPECT_FALSE(may_coordinate(user(Role::kChair), kMeerburg));
  EXPECT_TRUE(may_request_visit(user(Role::kWijkteam), kMeerburg));
  EXPECT_TRUE(may_request_visit(user(Role::kHost), kMeerburg));
  EXPECT_FALSE(may_request_visit(user(Role::kHost), kStevenshof));
  EXPECT_FALSE(may_request_visit(user(Role::kMember), kMeerburg));
  EXPECT_FALSE(may_request_visit(user(Role::kPeer), kMeerburg));
  EXPECT_TRUE(may_be_assigned(user(Role::kPeer)));
  EXPECT_FALSE(may_be_assigned(user(Role::kCoordinator)));
  EXPECT_TRUE(may_view_brigade_figures(user(Role::kFunder, {})));
  EXPECT_TRUE(may_view_brigade_figures(user(Role::kCoordinator)));
  EXPECT_FALSE(may_view_brigade_figures(user(Role::kPeer)));
}

TEST(AccessPolicy, ReferralsAreSeenByTheirMakerCoordinatorAndRecipientOrganisation) {
  Referral r;
  r.referred_by = UserId(50);
  r.wijk_id = kMeerburg;
  r.to_org = OrgId(3);  // user() is of org 3
  User maker = user(Role::kPeer);
  maker.id = UserId(50);
  maker.org_id = OrgId(8);
  EXPECT_TRUE(may_view_referral(maker, r));
  EXPECT_FALSE(may_answer_referral(maker, r));
  EXPECT_TRUE(may_view_referral(user(Role::kWijkteam), r));
  EXPECT_TRUE(may_answer_referral(user(Role::kWijkteam), r));
  User other_org = user(Role::kWijkteam);
  other_org.org_id = OrgId(4);
  EXPECT_FALSE(may_view_referral(other_org, r));
  EXPECT_FALSE(may_answer_referral(other_org, r));
  User coordinator = user(Role::kCoordinator);
  coordinator.org_id = OrgId(9);
  EXPECT_TRUE(may_view_referral(coordinator, r));
  EXPECT_FALSE(may_answer_referral(coordinator, r));
  EXPECT_FALSE(may_view_referral(user(Role::kFunder), r));
  EXPECT_FALSE(may_view_referral(user(Role::kAdmin), r));
}

// Role × capability, for a user of one wijk whose organisation is not an overleg member: what the
// menu and the start page show. One row per role; each column is one decision of the policy.
TEST(AccessPolicy, CapabilitiesTable) {
  struct CapRow {
    Role role;
    bool in_overleg, reads_overleg, chairs, reviews_break_glass, administers, works_as_peer,
        coordinates_brigade, asks_brigade, has_referral_inbox, sees_city_figures;
  };
  const CapRow rows[] = {
      // role            in   reads chair review admin peer  coord asks  inbox city
      {Role::kMember, true, true, false, false, false, false, false, false, true, false},
      {Role::kChair, true, true, true, true, false, false, false, false, true, false},
      {Role::kPeer, true, false, false, false, false, true, false, false, false, false},
      {Role::kCoordinator, true, true, false, false, false, false, true, false, true, false},
      {Role::kHost, true, false, false, false, false, false, false, true, true, false},
      {Role::kWijkteam, true, true, false, false, false, false, false, true, true, false},
      {Role::kFunder, false, false, false, false, false, false, false, false, false, true},
      {Role::kAdmin, false, false, false, true, true, false, false, false, false, false},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(to_string(r.role)));
    const Capabilities c = capabilities(user(r.role));
    EXPECT_EQ(c.in_overleg, r.in_overleg);
    EXPECT_EQ(c.reads_overleg, r.reads_overleg);
    EXPECT_EQ(c.chairs, r.chairs);
    EXPECT_EQ(c.reviews_break_glass, r.reviews_break_glass);
    EXPECT_EQ(c.administers, r.administers);
    EXPECT_EQ(c.works_as_peer, r.works_as_peer);
    EXPECT_EQ(c.coordinates_brigade, r.coordinates_brigade);
    EXPECT_EQ(c.asks_brigade, r.asks_brigade);
    EXPECT_EQ(c.has_referral_inbox, r.has_referral_inbox);
    EXPECT_EQ(c.sees_city_figures, r.sees_city_figures);
    // A disabled user may do none of it.
    User off = user(r.role);
    off.active = false;
    const Capabilities none = capabilities(off);
    EXPECT_FALSE(none.in_overleg || none.reads_overleg || none.chairs || none.reviews_break_glass ||
                 none.administers || none.works_as_peer || none.coordinates_brigade ||
                 none.asks_brigade || none.has_referral_inbox || none.sees_city_figures);
  }
}

TEST(AccessPolicy, WijkScopeOfTheDecisionsWithoutAWijk) {
  // The break-glass review of every wijk is the administrator's; a chair sees their own wijken.
  EXPECT_TRUE(reviews_every_wijk(user(Role::kAdmin, {})));
  EXPECT_FALSE(reviews_every_wijk(user(Role::kChair)));
  // City figures are the funder's, whatever their wijken.
  EXPECT_TRUE(may_view_city_figures(user(Role::kFunder, {})));
  EXPECT_FALSE(may_view_city_figures(user(Role::kCoordinator)));
  // A peer or host whose organisation the wijk names as a member reads its overleg.
  User peer = user(Role::kPeer);
  peer.overleg_wijken = {kMeerburg};
  EXPECT_TRUE(capabilities(peer).reads_overleg);
  // Asking the brigade from the menu needs a wijk to ask for.
  EXPECT_FALSE(capabilities(user(Role::kWijkteam, {})).asks_brigade);
  // The informal "je" is for peers only.
  EXPECT_TRUE(addressed_informally(Role::kPeer));
  EXPECT_FALSE(addressed_informally(Role::kCoordinator));
}

}  // namespace
}  // namespace meedoen
