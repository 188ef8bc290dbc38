// The route table: every page of the site, one line each. Adding a page: its handler in
// web/pages/<area>.cpp (declared in web/pages/pages.hpp), a line here, its template and its texts.
// `true`: only for a logged-in user. r.for_device() after a line: a page the centre's tablet may
// open too (it opens no other).
#include "web/pages/pages.hpp"
#include "web/router.hpp"

namespace meedoen::web {

void add_routes(Router& r) {
  r.add("GET", "/login", false, login_page);
  r.for_device();
  r.add("POST", "/login", false, login);
  r.for_device();
  r.add("POST", "/logout", false, logout);
  r.for_device();
  r.add("POST", "/taal", false, language);
  r.for_device();
  r.add("GET", "/", true, start_page);
  r.for_device();
  r.add("GET", "/wijken/{}", true, wijk_page);
  r.add("GET", "/signalen", true, signals_page);
  r.add("GET", "/signalen/nieuw", true, signal_new_page);
  r.add("GET", "/signalen/nieuw/wijk", true, signal_wijk_parts);
  r.add("POST", "/signalen", true, signal_create);
  r.add("POST", "/signalen/meldcode-check", true, signal_meldcode_check);
  r.add("GET", "/signalen/{}", true, signal_page);
  r.add("POST", "/signalen/{}/inzien", true, signal_break_glass);
  r.add("POST", "/signalen/{}/sluiten", true, signal_close);
  r.add("POST", "/signalen/{}/meldcode", true, signal_meldcode_step);
  r.add("GET", "/overleggen", true, meetings_page);
  r.add("GET", "/overleggen/nieuw", true, meeting_new_page);
  r.add("POST", "/overleggen", true, meeting_create);
  r.add("GET", "/overleggen/{}", true, meeting_page);
  r.add("GET", "/overleggen/{}/notulen", true, meeting_minutes);
  r.add("POST", "/overleggen/{}/agenda-bijwerken", true, meeting_refresh);
  r.add("POST", "/overleggen/{}/punten/{}/omhoog", true, meeting_move_up);
  r.add("POST", "/overleggen/{}/punten/{}/omlaag", true, meeting_move_down);
  r.add("POST", "/overleggen/{}/punten/{}", true, meeting_record_item);
  r.add("GET", "/overleggen/{}/punten/{}/wensen", true, meeting_item_prefs);
  r.add("POST", "/overleggen/{}/aanwezigheid", true, meeting_attendance);
  r.add("POST", "/overleggen/{}/gegevens", true, meeting_update);
  r.add("GET", "/acties", true, actions_page);
  r.add("GET", "/inzage", true, break_glass_page);
  r.add("POST", "/acties/{}", true, action_settle);
  r.add("GET", "/brigade", true, brigade_page);
  r.add("GET", "/brigade/cijfers", true, brigade_figures_page);
  r.add("POST", "/brigade/napraten/{}", true, brigade_debrief_handled);
  r.add("GET", "/verzoeken", true, my_requests_page);
  r.add("GET", "/verzoeken/nieuw", true, request_new_page);
  r.add("GET", "/verzoeken/eerder", true, my_past_requests_page);
  r.add("POST", "/verzoeken", true, request_create);
  r.add("GET", "/verzoeken/{}", true, request_page);
  r.add("POST", "/verzoeken/{}/toewijzen", true, request_assign);
  r.add("POST", "/verzoeken/{}/intrekken", true, request_unassign);
  r.add("POST", "/verzoeken/{}/antwoord", true, request_respond);
  r.add("POST", "/verzoeken/{}/bezoeken", true, request_visit);
  r.add("POST", "/verzoeken/{}/inchecken", true, request_checkin);
  r.add("POST", "/verzoeken/{}/uitkomst", true, request_outcome);
  r.add("POST", "/verzoeken/{}/wensen", true, request_wishes);
  r.add("GET", "/verzoeken/{}/verwijzen", true, referral_new_page);
  r.add("POST", "/verzoeken/{}/verwijzingen", true, referral_create);
  r.add("POST", "/uitchecken", true, checkout);
  r.add("POST", "/napraten", true, debrief_create);
  r.add("GET", "/beschikbaarheid", true, availability_page);
  r.add("POST", "/beschikbaarheid/profiel", true, availability_profile);
  r.add("POST", "/beschikbaarheid/week", true, availability_week);
  r.add("POST", "/beschikbaarheid/afwezig", true, availability_absence);
  r.add("POST", "/beschikbaarheid/afwezig/{}/verwijderen", true, availability_absence_delete);
  r.add("GET", "/verwijzingen", true, referrals_page);
  r.add("POST", "/verwijzingen/{}", true, referral_answer);
  r.add("POST", "/verwijzingen/{}/herinnering", true, referral_remind);
  // The one-time link for a partner without an account: no log-in, the token is the key.
  r.add("GET", "/verwijzing/{}", false, referral_link_page);
  r.add("POST", "/verwijzing/{}", false, referral_link_answer);
  r.add("POST", "/verwijzing/{}/tonen", false, referral_link_reveal);
  r.add("GET", "/centrum", true, centres_page);
  r.for_device();
  r.add("GET", "/centrum/{}", true, centre_day_page);
  r.for_device();
  r.add("POST", "/centrum/{}/tellen", true, centre_tap);
  r.for_device();
  r.add("GET", "/centrum/{}/bezoekers", true, visitors_page);
  r.add("POST", "/centrum/{}/bezoekers", true, visitor_create);
  r.add("GET", "/bezoekers/{}", true, visitor_page);
  r.add("POST", "/bezoekers/{}/binnen", true, visitor_check_in);
  r.for_device();
  r.add("POST", "/bezoekers/{}/intrekken", true, visitor_withdraw);
  r.add("GET", "/bezoekers/{}/meedoen", true, participation_page);
  r.add("POST", "/bezoekers/{}/meedoen", true, participation_note);
  r.add("POST", "/bezoekers/{}/meedoen/nee", true, participation_refuse);
  r.add("POST", "/bezoekers/{}/meedoen/intrekken", true, participation_withdraw);
  r.add("GET", "/centrum/{}/zorg", true, concern_page);
  r.add("POST", "/centrum/{}/zorg", true, concern_create);
  r.add("POST", "/terugbellen/{}/gedaan", true, concern_call_back_done);
  r.add("GET", "/verzoeken/{}/centrum", true, visitor_from_request_page);
  r.add("POST", "/verzoeken/{}/centrum", true, visitor_from_request);
  r.add("GET", "/centrum/{}/activiteiten", true, activities_page);
  r.add("POST", "/centrum/{}/activiteiten", true, activity_create);
  r.add("POST", "/activiteiten/{}/besluit", true, activity_decide);
  r.add("POST", "/activiteiten/{}/gaat-niet-door", true, activity_cancel);
  r.add("POST", "/activiteiten/{}/verplaatsen", true, activity_move);
  r.add("POST", "/activiteiten/{}/pauze", true, activity_pause);
  r.add("GET", "/activiteiten/{}/keer/{}", true, occurrence_page);
  r.add("POST", "/activiteiten/{}/keer/{}/aanmelden", true, occurrence_add);
  r.add("POST", "/activiteiten/{}/keer/{}/opkomst", true, occurrence_headcount);
  r.add("POST", "/aanmeldingen/{}/doorhalen", true, signup_strike);
  // The public calendar of a centre: no log-in, no names of visitors.
  r.add("GET", "/centra/{}", false, calendar_page);
  r.add("GET", "/centra/{}/activiteiten.ics", false, calendar_feed);
  r.add("GET", "/centra/{}/activiteiten/{}", false, public_activity_page);
  r.add("GET", "/centra/{}/activiteiten/{}/activiteit.ics", false, public_activity_feed);
  // Signing up with a first name or nickname, and the visitor's own link to cancel: no log-in.
  r.add("GET", "/centra/{}/activiteiten/{}/aanmelden/{}", false, public_signup_page);
  r.add("POST", "/centra/{}/activiteiten/{}/aanmelden/{}", false, public_signup);
  r.add("GET", "/aanmelding/{}", false, signup_link_page);
  r.add("POST", "/aanmelding/{}/afmelden", false, signup_link_cancel);
  r.add("GET", "/beheer", true, admin_page);
  r.add("GET", "/beheer/api-sleutels", true, api_tokens_page);
  r.add("POST", "/beheer/api-sleutels", true, api_token_create);
  r.add("POST", "/beheer/api-sleutels/{}/intrekken", true, api_token_revoke);
  r.add("POST", "/beheer/gebruikers", true, admin_user_create);
  r.add("POST", "/beheer/gebruikers/{}/actief", true, admin_user_active);
  r.add("GET", "/beheer/gebruikers/{}", true, admin_user_page);
  r.add("POST", "/beheer/gebruikers/{}", true, admin_user_update);
  r.add("POST", "/beheer/gebruikers/{}/wachtwoord", true, admin_user_password);
  r.add("POST", "/beheer/organisaties", true, admin_org_create);
  r.add("POST", "/beheer/wijken", true, admin_wijk_create);
  r.add("GET", "/beheer/wijken/{}", true, admin_wijk_page);
  r.add("POST", "/beheer/wijken/{}", true, admin_wijk_update);
  r.add("POST", "/beheer/wijken/{}/categorieen", true, admin_category_create);
  r.add("POST", "/beheer/wijken/{}/categorieen/{}", true, admin_category_update);
  r.add("POST", "/beheer/standaardcategorieen", true, admin_default_category_create);
  r.add("POST", "/beheer/standaardcategorieen/{}/verwijderen", true, admin_default_category_delete);
}

}  // namespace meedoen::web
