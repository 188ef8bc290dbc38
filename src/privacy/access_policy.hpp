// The one place that decides who may see what. Every use case asks here; templates and handlers
// never decide. Identity is shown only to those who act on the resident now, or to someone who
// breaks the glass with a written reason (which the caller must audit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/activities.hpp"
#include "domain/api_tokens.hpp"
#include "domain/brigade.hpp"
#include "domain/capabilities.hpp"
#include "domain/centres.hpp"
#include "domain/entities.hpp"
#include "domain/referral.hpp"
#include "domain/signal.hpp"

namespace meedoen {

// How a user relates to a resident right now. Filled by the app layer from the store.
struct ResidentRelation {
  bool raised_a_signal = false;     // the user raised a signal about this resident
  bool has_open_action = false;     // the user owns an open action on this resident
  bool is_assigned_peer = false;    // (brigade) the user is assigned to visit, while assigned
  bool broke_glass = false;         // the user gave a written reason in this request
  bool referral_recipient = false;  // the resident consented to share with the user's organisation
};

enum class IdentityAccess { kHidden, kShown };

struct IdentityDecision {
  IdentityAccess access = IdentityAccess::kHidden;
  std::string reason;  // why it is shown, for the audit trail (English code)
};

// Whether `user` may see the identity of a resident of `wijk` given `relation`.
IdentityDecision decide_identity(const User& user, WijkId wijk, const ResidentRelation& relation);

// Whether `user` may see the wijk's pseudonymous signals, agenda and minutes: an overleg role in
// the wijk; a peer or host only when the wijk's configuration names their organisation as an
// overleg member.
bool may_view_wijk(const User& user, WijkId wijk);
// The user's wijken for which may_view_wijk holds (empty: none, so never "no restriction").
std::vector<WijkId> viewable_wijken(const User& user);
// Whether `user` may raise a signal in `wijk`: every overleg role of the wijk, peers and hosts too.
bool may_raise_signal(const User& user, WijkId wijk);
// Whether `user` may plan and run the wijk's meetings.
bool may_chair(const User& user, WijkId wijk);
// Whether `user` may see a meldcode signal: only its raiser and their organisation's designated
// meldcode officer (aandachtsfunctionaris).
bool may_view_meldcode_signal(const User& user, const Signal& signal);
// Whether `user` may see a signal at all: its wijk's overleg or its raiser, and for a meldcode
// signal only as may_view_meldcode_signal says.
bool may_view_signal(const User& user, const Signal& signal);
// Whether `user` may administer users, organisations and wijken.
bool may_administer(const User& user);
// Whether `user` may make, list and revoke the JSON API's tokens: an administrator.
bool may_manage_api_tokens(const User& user);
// Whether an integration with `token` may read what `scope` covers: only while the token is not
// revoked, and only for a scope it was made with. The API serves aggregates only (no identity and
// no resident); every call is audited by the caller.
bool may_call_api(const ApiToken& token, ApiScope scope);
// Whether `user` may break the glass for a resident in `wijk`: only a role that acts on residents
// in the wijk's overleg (the chair, its professional members, the sociaal wijkteam), always with a
// written reason that is audited. Peers, hosts, the coordinator, funders and administrators never.
bool may_break_glass(const User& user, WijkId wijk);

// Whether `user` reviews the break-glass reveals: a chair for their wijken, the administrator (who
// acts as privacy officer until that role exists) for all. The list names who, when, which
// pseudonym and why; never the identity itself.
bool may_review_break_glass(const User& user);

// A break-glass reason is at least a sentence: this many characters and kMinBreakGlassWords words.
inline constexpr std::size_t kMinBreakGlassReason = 20;
inline constexpr std::size_t kMinBreakGlassWords = 4;

// Whether the break-glass review covers every wijk (the administrator, as privacy officer until
// that role exists), not only the wijken the user chairs.
bool reviews_every_wijk(const User& user);
// Whether `user` sees aggregate figures of every wijk: the funder.
bool may_view_city_figures(const User& user);
// Whether `user` chairs an overleg: plans meetings and configures the wijk.
bool chairs_an_overleg(const User& user);

// --- the Vliegende Brigade ---
// Whether `user` coordinates the brigade in `wijk`: sees its requests, suggestions and peers' load.
bool may_coordinate(const User& user, WijkId wijk);
// Whether `user` may ask the brigade for a visit directly in `wijk` (outside the overleg): a
// sociaal wijkteam worker, a Zelfregiecentrum host, or the coordinator.
bool may_request_visit(const User& user, WijkId wijk);
// Whether `user` may follow what became of request `r` (a peer going, visits, the outcome, by the
// resident's code): the one who asked for it, while active.
bool may_follow_request(const User& user, const BrigadeRequest& r);
// Whether `user` may be assigned to visit: an active peer worker. Such a user keeps their own week
// and profile, answers requests, logs visits and asks for a debrief.
bool may_be_assigned(const User& user);
// Whether `user` coordinates the brigade at all (its overview, debriefs and outcomes); which
// requests is may_coordinate's to say.
bool may_coordinate_brigade(const User& user);
// Whether `user` has a referral inbox for their organisation: every active role but peers (who
// refer, not receive), funders and administrators.
bool has_referral_inbox(const User& user);
// Whether `user` may see a referral: who made it, the coordinator of its wijk, and users of the
// organisation it went to (their inbox). Funders and administrators never.
bool may_view_referral(const User& user, const Referral& referral);
// Whether `user` may answer a referral for the receiving organisation.
bool may_answer_referral(const User& user, const Referral& referral);
// Whether `user` may see the brigade's figures (pseudonymous aggregates).
bool may_view_brigade_figures(const User& user);
// The centres' figures (no names, small numbers suppressed): for the same people, beside the
// brigade's funnel, of their own wijken.
bool may_view_centre_figures(const User& user);

// --- the Zelfregiecentrum ---
// Whether `user` hosts `centre`: an active host (gastheer/gastvrouw) named for it. A host counts
// visitors, keeps the centre's activities and approves visitors' proposals; the public calendar
// needs no one.
bool may_host(const User& user, CentreId centre, const std::vector<CentreId>& hosted);
// Whether `user` may see the name of a visitor that `visitor_centre` knows, to check them in:
// who counts there (may_count), and only while the visitor's consent to be known stands
// (`known`). Their names are for the centre itself, and nobody else.
bool may_know_visitor(const User& user, CentreId visitor_centre, bool known,
                      const std::vector<CentreId>& hosted);
// Whether `user` may make someone known at `centre`, read a known visitor's record and consents,
// and record a withdrawal: a host of that centre (not its tablet).
bool may_keep_visitors(const User& user, CentreId centre, const std::vector<CentreId>& hosted);
// Whether `user` may make the resident of a brigade request known at a centre of its wijk, with
// the link to their pseudonymous record: the peer who said yes to it and holds it
// (`accepted_peer`), who came along with them. The hosts then see the chosen name, never the
// resident's code.
bool may_link_visitor(const User& user, bool accepted_peer);
// Whether `user` may pass on at `centre` that a visitor is not doing well, follow what became of
// it and keep the centre's call-backs: a host of that centre (not its tablet). Where it goes is
// then may_request_visit's or may_raise_signal's to say, for the centre's wijk.
bool may_pass_on_concern(const User& user, CentreId centre, const std::vector<CentreId>& hosted);
// Whether `user` may read and write the notes of a known visitor's participation (their rung on
// the ladder, their goal) at `centre`, and record their consent to it: a host of that centre, in
// a talk with the visitor; never the tablet, which shows no one's record.
bool may_note_participation(const User& user, CentreId centre, const std::vector<CentreId>& hosted);
// Whether `user` runs the centres they are named a host of: an active host (gastheer/gastvrouw).
bool works_as_host(const User& user);
// Whether `user` is a centre's shared tablet (the "centre device" log-in): it counts visitors and
// checks known ones in at the centres it is named for, and opens no other page.
bool is_centre_device(const User& user);
// Whether `user` counts visitors and checks known visitors in at `centre`: a host of it, or its
// centre device. Both see the names of its known visitors to check them in, never a resident's
// code or identity.
bool may_count(const User& user, CentreId centre, const std::vector<CentreId>& hosted);
// Whether `user` may open a page at all: a centre device only the pages for counting and
// checking in (`device_page`, the router's mark); everyone else every page, which then decides.
bool may_open_page(const User& user, bool device_page);
// Whether the administrator may name `user` a host of a centre: a user with the host role (an
// inactive one too, who hosts again once active), or a centre device.
bool may_be_named_host(const User& user);
// Whether `user` may make centres and name their hosts: an administrator.
bool may_manage_centres(const User& user);
// Whether the public calendar shows who organises `a`: only an approved activity whose organiser
// asked for their first name to be shown.
bool may_show_organiser_publicly(const Activity& a);

// Everything the menu and the start page show for `user`, decided by the rules above.
Capabilities capabilities(const User& user);

}  // namespace meedoen
