// The page handlers, one file per area in web/pages/ (the same names as in app/ and store/). Each
// takes the request context and returns the response; the route table (web/routes.cpp) maps a
// method and path to one of them.
#pragma once

#include "app/app.hpp"
#include "web/context.hpp"
#include "web/forms.hpp"
#include "web/models.hpp"
#include "web/render.hpp"

namespace meedoen::web {

// accounts.cpp: log-in, log-out, language.
Response login_page(Ctx& c);
Response login(Ctx& c);
Response logout(Ctx& c);
Response language(Ctx& c);

// start.cpp
Response start_page(Ctx& c);
Response wijk_page(Ctx& c);

// signals.cpp
Response signals_page(Ctx& c);
Response signal_new_page(Ctx& c);
Response signal_create(Ctx& c);
Response signal_meldcode_check(Ctx& c);
Response signal_wijk_parts(Ctx& c);
Response signal_page(Ctx& c);
Response signal_break_glass(Ctx& c);
Response signal_close(Ctx& c);
Response signal_meldcode_step(Ctx& c);

// meetings.cpp: the overleg; meetings_actions.cpp: "mijn acties".
Response meetings_page(Ctx& c);
Response meeting_new_page(Ctx& c);
Response meeting_create(Ctx& c);
Response meeting_page(Ctx& c);
Response meeting_refresh(Ctx& c);
Response meeting_move_up(Ctx& c);
Response meeting_move_down(Ctx& c);
Response meeting_record_item(Ctx& c);
Response meeting_attendance(Ctx& c);
Response meeting_update(Ctx& c);
Response meeting_minutes(Ctx& c);
Response meeting_item_prefs(Ctx& c);
Response actions_page(Ctx& c);
Response action_settle(Ctx& c);

// audit.cpp
Response break_glass_page(Ctx& c);

// brigade.cpp: the coordinator's overview, requests, visits, "mijn verzoeken";
// brigade_figures.cpp: the figures.
Response brigade_page(Ctx& c);
Response brigade_debrief_handled(Ctx& c);
Response brigade_figures_page(Ctx& c);
Response request_new_page(Ctx& c);
Response request_create(Ctx& c);
Response request_page(Ctx& c);
Response request_assign(Ctx& c);
Response request_unassign(Ctx& c);
Response request_respond(Ctx& c);
Response request_visit(Ctx& c);
Response request_checkin(Ctx& c);
Response request_outcome(Ctx& c);
Response request_wishes(Ctx& c);
Response checkout(Ctx& c);
Response debrief_create(Ctx& c);
Response my_requests_page(Ctx& c);
Response my_past_requests_page(Ctx& c);

// peers.cpp: the peer's own week.
Response availability_page(Ctx& c);
Response availability_profile(Ctx& c);
Response availability_week(Ctx& c);
Response availability_absence(Ctx& c);
Response availability_absence_delete(Ctx& c);

// referrals.cpp: the inbox, and the one-time link for a partner without an account.
Response referral_new_page(Ctx& c);
Response referral_create(Ctx& c);
Response referrals_page(Ctx& c);
Response referral_answer(Ctx& c);
Response referral_remind(Ctx& c);
Response referral_link_page(Ctx& c);
Response referral_link_answer(Ctx& c);
Response referral_link_reveal(Ctx& c);

// centres.cpp: the host's centres and day page, with the count of visitors.
Response centres_page(Ctx& c);
Response centre_day_page(Ctx& c);
Response centre_tap(Ctx& c);
// The count alone, for static/tally.js after a tap or a check-in sent in the background, with
// `said` beside it when the tap has something to tell ("Ingecheckt").
Response tally_fragment(Ctx& c, CentreId centre, const std::string& said, int status = 200);

// visitors.cpp: a centre's known visitors, their consent, and the check-in.
Response visitors_page(Ctx& c);
Response visitor_create(Ctx& c);
Response visitor_page(Ctx& c);
Response visitor_check_in(Ctx& c);
Response visitor_withdraw(Ctx& c);
Response visitor_from_request_page(Ctx& c);
Response visitor_from_request(Ctx& c);
// The request page's part about the centre: the known visitor its resident became, or the link
// to make them known (for the peer who holds it); empty when there is nothing to show.
json::object request_centre_json(Ctx& c, RequestId id);

// participation.cpp: a known visitor's rung on the ladder and goal, with their consent.
Response participation_page(Ctx& c);
Response participation_note(Ctx& c);
Response participation_refuse(Ctx& c);
Response participation_withdraw(Ctx& c);
// The visitor's rung now and goal, for their page: has_consent, now_rung, moved_up, goal.
json::object participation_summary_json(Ctx& c, VisitorId id);

// concerns.cpp: a host passes on that a visitor is not doing well, or notes a call-back.
Response concern_page(Ctx& c);
Response concern_create(Ctx& c);
Response concern_call_back_done(Ctx& c);
// The day page's part about it: the call-backs that wait, and what became of what was passed on
// (whose requests it adds to `requests`, so the day page does not list them twice).
json::object concerns_day_json(Ctx& c, CentreId centre, std::vector<RequestId>* requests);
// The fields of a consent (who gave it, verbal or written) as choices, with what was sent in
// m["v"] (given_by, form) or the defaults selected.
void consent_choices(Ctx& c, json::object& m);

// activities.cpp: the host's activities, and the public calendar and its iCal feeds.
Response activities_page(Ctx& c);
Response activity_create(Ctx& c);
Response activity_decide(Ctx& c);
Response activity_cancel(Ctx& c);
Response activity_move(Ctx& c);
Response activity_pause(Ctx& c);
Response calendar_page(Ctx& c);
Response calendar_feed(Ctx& c);
Response public_activity_page(Ctx& c);
Response public_activity_feed(Ctx& c);

// occurrences.cpp: one occurrence's sign-ups, waiting list and attendance; a visitor's sign-up.
Response occurrence_page(Ctx& c);
Response occurrence_add(Ctx& c);
Response occurrence_headcount(Ctx& c);
Response signup_strike(Ctx& c);
Response public_signup_page(Ctx& c);
Response public_signup(Ctx& c);
Response signup_link_page(Ctx& c);
Response signup_link_cancel(Ctx& c);

// admin.cpp
Response admin_page(Ctx& c);
Response api_tokens_page(Ctx& c);
Response api_token_create(Ctx& c);
Response api_token_revoke(Ctx& c);
Response admin_user_create(Ctx& c);
Response admin_user_active(Ctx& c);
Response admin_user_page(Ctx& c);
Response admin_user_update(Ctx& c);
Response admin_user_password(Ctx& c);
Response admin_org_create(Ctx& c);
Response admin_wijk_create(Ctx& c);
Response admin_wijk_page(Ctx& c);
Response admin_wijk_update(Ctx& c);
Response admin_category_create(Ctx& c);
Response admin_category_update(Ctx& c);
Response admin_default_category_create(Ctx& c);
Response admin_default_category_delete(Ctx& c);

}  // namespace meedoen::web
