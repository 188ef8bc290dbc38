#include "web/labels.hpp"

namespace meedoen::web {

std::string_view label_key(Labels table, std::string_view code) {
  for (const Label& l : table)
    if (l.code == code) return l.key;
  return {};
}

namespace labels {
namespace {

constexpr Label kSignalStateRows[] = {
    {"new", "state_new"},
    {"on_agenda", "state_on_agenda"},
    {"discussed", "state_discussed"},
    {"actions_running", "state_actions_running"},
    {"closed", "state_closed"},
    {"linked", "state_linked"},
};
constexpr Label kDecisionRows[] = {
    {"none", "decision_none"},
    {"brigade", "decision_brigade"},
    {"wijkteam", "decision_wijkteam"},
    {"huisarts", "decision_huisarts"},
    {"ggz", "decision_ggz"},
    {"police", "decision_police"},
    {"housing", "decision_housing"},
    {"keep_eye", "decision_keep_eye"},
    {"no_action", "decision_no_action"},
};
constexpr Label kActionStateRows[] = {
    {"open", "action_open"}, {"done", "action_done"}, {"not_done", "action_not_done"}};
constexpr Label kRoleRows[] = {
    {"member", "role_member"},
    {"chair", "role_chair"},
    {"peer", "role_peer"},
    {"coordinator", "role_coordinator"},
    {"host", "role_host"},
    {"wijkteam", "role_wijkteam"},
    {"funder", "role_funder"},
    {"admin", "role_admin"},
    {"centre_device", "role_centre_device"},
};
constexpr Label kGenderRows[] = {{"male", "gender_male"},
                                 {"female", "gender_female"},
                                 {"other", "gender_other"},
                                 {"unknown", "gender_unknown"}};
constexpr Label kAgeBandRows[] = {{"under_30", "age_under_30"},
                                  {"30_50", "age_30_50"},
                                  {"50_plus", "age_50_plus"},
                                  {"65_plus", "age_65_plus"},
                                  {"unknown", "age_unknown"}};
constexpr Label kOrgKindRows[] = {
    {"huisarts", "orgkind_huisarts"},
    {"police", "orgkind_police"},
    {"housing", "orgkind_housing"},
    {"wijkteam", "orgkind_wijkteam"},
    {"ggz", "orgkind_ggz"},
    {"addiction_care", "orgkind_addiction_care"},
    {"centre", "orgkind_centre"},
    {"welfare", "orgkind_welfare"},
    {"client_organisation", "orgkind_client_organisation"},
    {"municipality", "orgkind_municipality"},
    {"residents", "orgkind_residents"},
    {"other", "orgkind_other"},
};
constexpr Label kUrgencyRows[] = {
    {"normal", "urgency_normal"}, {"soon", "urgency_soon"}, {"urgent", "urgency_urgent"}};
constexpr Label kOutcomeRows[] = {
    {"open", "outcome_open"},
    {"contact", "outcome_contact"},
    {"came_along", "outcome_came_along"},
    {"referred_wijkteam", "outcome_referred_wijkteam"},
    {"referred_other", "outcome_referred_other"},
    {"declined", "outcome_declined"},
    {"unreachable", "outcome_unreachable"},
    {"closed", "outcome_closed"},
};
constexpr Label kAssignmentStateRows[] = {{"offered", "assignment_offered"},
                                          {"accepted", "assignment_accepted"},
                                          {"declined", "assignment_declined"},
                                          {"ended", "assignment_ended"}};
constexpr Label kRequestSourceRows[] = {
    {"meeting", "source_meeting"}, {"wijkteam", "source_wijkteam"}, {"centre", "source_centre"}};
constexpr Label kLanguageRows[] = {
    {"nl", "lang_nl"},   {"en", "lang_en"}, {"ar", "lang_ar"},   {"tr", "lang_tr"},
    {"ber", "lang_ber"}, {"pl", "lang_pl"}, {"pap", "lang_pap"}, {"so", "lang_so"},
    {"ti", "lang_ti"},   {"fa", "lang_fa"},
};
constexpr Label kThemeRows[] = {
    {"addiction", "theme_addiction"},
    {"psychosis", "theme_psychosis"},
    {"depression", "theme_depression"},
    {"anxiety", "theme_anxiety"},
    {"homelessness", "theme_homelessness"},
    {"debt", "theme_debt"},
    {"grief", "theme_grief"},
    {"trauma", "theme_trauma"},
    {"loneliness", "theme_loneliness"},
};
constexpr Label kVisitKindRows[] = {{"home", "kind_home"},
                                    {"phone", "kind_phone"},
                                    {"centre", "kind_centre"},
                                    {"outside", "kind_outside"}};
constexpr Label kVisitResultRows[] = {{"contact", "result_contact"},
                                      {"short_talk", "result_short_talk"},
                                      {"not_home", "result_not_home"},
                                      {"no_answer", "result_no_answer"},
                                      {"refused", "result_refused"}};
constexpr Label kDayPartRows[] = {{"morning", "daypart_morning"},
                                  {"afternoon", "daypart_afternoon"},
                                  {"evening", "daypart_evening"}};
constexpr Label kReferralKindRows[] = {
    {"wijkteam", "refkind_wijkteam"},
    {"ggz", "refkind_ggz"},
    {"huisarts", "refkind_huisarts"},
    {"debt_help", "refkind_debt_help"},
    {"addiction_care", "refkind_addiction_care"},
    {"other", "refkind_other"},
};
constexpr Label kReferralStatusRows[] = {{"sent", "referral_sent"},
                                         {"received", "referral_received"},
                                         {"intake_planned", "referral_intake_planned"},
                                         {"intake_done", "referral_intake_done"},
                                         {"declined", "referral_declined"}};
constexpr Label kConsentGiverRows[] = {{"resident", "consent_giver_resident"},
                                       {"representative", "consent_giver_representative"}};
constexpr Label kConsentFormRows[] = {{"verbal", "consent_form_verbal"},
                                      {"written", "consent_form_written"}};
constexpr Label kConsentPurposeRows[] = {{"centre_known", "consent_purpose_centre_known"},
                                         {"brigade_link", "consent_purpose_brigade_link"},
                                         {"pass_on", "consent_purpose_pass_on"},
                                         {"participation", "consent_purpose_participation"}};
constexpr Label kLadderRungRows[] = {{"1", "ladder_rung_1"}, {"2", "ladder_rung_2"},
                                     {"3", "ladder_rung_3"}, {"4", "ladder_rung_4"},
                                     {"5", "ladder_rung_5"}, {"6", "ladder_rung_6"}};
constexpr Label kLadderRungHelpRows[] = {{"1", "ladder_help_1"}, {"2", "ladder_help_2"},
                                         {"3", "ladder_help_3"}, {"4", "ladder_help_4"},
                                         {"5", "ladder_help_5"}, {"6", "ladder_help_6"}};
constexpr Label kConcernRouteRows[] = {{"brigade", "concern_route_brigade"},
                                       {"overleg", "concern_route_overleg"},
                                       {"call_back", "concern_route_call_back"}};
constexpr Label kConcernProgressRows[] = {
    {"waiting", "concern_progress_waiting"},     {"peer_going", "concern_progress_peer_going"},
    {"visited", "concern_progress_visited"},     {"on_agenda", "concern_progress_on_agenda"},
    {"discussed", "concern_progress_discussed"}, {"in_case", "concern_progress_in_case"},
    {"closed", "concern_progress_closed"},       {"called_back", "concern_progress_called_back"}};
constexpr Label kIdentityReasonRows[] = {{"raised_signal", "identity_reason_raised_signal"},
                                         {"open_action", "identity_reason_open_action"},
                                         {"assigned_peer", "identity_reason_assigned_peer"},
                                         {"break_glass", "identity_reason_break_glass"}};
constexpr Label kTimelineEventRows[] = {
    {"raised", "timeline_raised"},
    {"linked", "timeline_linked"},
    {"on_agenda", "timeline_on_agenda"},
    {"discussed", "timeline_discussed"},
    {"action", "timeline_action"},
    {"action_settled", "timeline_action_settled"},
    {"meldcode", "timeline_meldcode"},
    {"closed", "timeline_closed"},
    {"brigade_request", "timeline_brigade_request"},
    {"returned", "timeline_returned"},
    {"brigade_outcome", "timeline_brigade_outcome"},
    {"referral_answer", "timeline_referral_answer"},
    {"other", "timeline_other"},
};
constexpr Label kWeekdayRows[] = {
    {"0", "weekday_0"}, {"1", "weekday_1"}, {"2", "weekday_2"}, {"3", "weekday_3"},
    {"4", "weekday_4"}, {"5", "weekday_5"}, {"6", "weekday_6"},
};
constexpr Label kMeldcodeStepRows[] = {{"1", "meldcode_step_1"},
                                       {"2", "meldcode_step_2"},
                                       {"3", "meldcode_step_3"},
                                       {"4", "meldcode_step_4"},
                                       {"5", "meldcode_step_5"}};
// The "opgeslagen" codes the pages redirect with (web/pages/brigade.cpp, peers.cpp,
// referrals.cpp).
constexpr Label kApiScopeRows[] = {
    {"figures", "api_scope_figures"},
};

constexpr Label kApiScopeHelpRows[] = {
    {"figures", "api_scope_help_figures"},
};

constexpr Label kMonthRows[] = {
    {"1", "month_1"}, {"2", "month_2"},   {"3", "month_3"},   {"4", "month_4"},
    {"5", "month_5"}, {"6", "month_6"},   {"7", "month_7"},   {"8", "month_8"},
    {"9", "month_9"}, {"10", "month_10"}, {"11", "month_11"}, {"12", "month_12"},
};
constexpr Label kRepeatRows[] = {{"once", "repeat_once"},
                                 {"weekly", "repeat_weekly"},
                                 {"biweekly", "repeat_biweekly"},
                                 {"monthly", "repeat_monthly"}};
constexpr Label kWeekOfMonthRows[] = {{"1", "week_of_month_1"},
                                      {"2", "week_of_month_2"},
                                      {"3", "week_of_month_3"},
                                      {"4", "week_of_month_4"},
                                      {"-1", "week_of_month_-1"}};
constexpr Label kActivityStatusRows[] = {{"proposed", "activity_status_proposed"},
                                         {"approved", "activity_status_approved"},
                                         {"declined", "activity_status_declined"}};

constexpr Label kSavedRows[] = {
    {"bezoek", "saved_bezoek"},
    {"toegewezen", "saved_toegewezen"},
    {"beeindigd", "saved_beeindigd"},
    {"aangenomen", "saved_aangenomen"},
    {"ingecheckt", "saved_ingecheckt"},
    {"uitgecheckt", "saved_uitgecheckt"},
    {"uitkomst", "saved_uitkomst"},
    {"napraten", "saved_napraten"},
    {"wensen", "saved_wensen"},
    {"verwezen", "saved_verwezen"},
    {"verwezen_link", "saved_verwezen_link"},
    {"herinnerd", "saved_herinnerd"},
    {"profile", "saved_profile"},
    {"week", "saved_week"},
    {"absence", "saved_absence"},
    {"ingetrokken", "saved_ingetrokken"},
    {"geteld", "saved_geteld"},
    {"activiteit", "saved_activiteit"},
    {"voorstel", "saved_voorstel"},
    {"goedgekeurd", "saved_goedgekeurd"},
    {"afgewezen", "saved_afgewezen"},
    {"gaat_niet_door", "saved_gaat_niet_door"},
    {"verplaatst", "saved_verplaatst"},
    {"gepauzeerd", "saved_gepauzeerd"},
    {"aangemeld", "saved_aangemeld"},
    {"wachtlijst", "saved_wachtlijst"},
    {"doorgehaald", "saved_doorgehaald"},
    {"opkomst", "saved_opkomst"},
    {"bekend", "saved_bekend"},
    {"binnen", "saved_binnen"},
    {"al_binnen", "saved_al_binnen"},
    {"vergeten", "saved_vergeten"},
    {"bekend_centrum", "saved_bekend_centrum"},
    {"doorgegeven", "saved_doorgegeven"},
    {"doorgegeven_meldcode", "saved_doorgegeven_meldcode"},
    {"terugbellen", "saved_terugbellen"},
    {"teruggebeld", "saved_teruggebeld"},
    {"meedoen", "saved_meedoen"},
    {"meedoen_nee", "saved_meedoen_nee"},
    {"meedoen_ingetrokken", "saved_meedoen_ingetrokken"},
};

}  // namespace

const Labels kSignalStates = kSignalStateRows;
const Labels kDecisions = kDecisionRows;
const Labels kActionStates = kActionStateRows;
const Labels kRoles = kRoleRows;
const Labels kGenders = kGenderRows;
const Labels kAgeBands = kAgeBandRows;
const Labels kOrgKinds = kOrgKindRows;
const Labels kUrgencies = kUrgencyRows;
const Labels kOutcomes = kOutcomeRows;
const Labels kAssignmentStates = kAssignmentStateRows;
const Labels kRequestSources = kRequestSourceRows;
const Labels kLanguages = kLanguageRows;
const Labels kThemes = kThemeRows;
const Labels kVisitKinds = kVisitKindRows;
const Labels kVisitResults = kVisitResultRows;
const Labels kDayParts = kDayPartRows;
const Labels kReferralKinds = kReferralKindRows;
const Labels kReferralStatuses = kReferralStatusRows;
const Labels kConsentGivers = kConsentGiverRows;
const Labels kConsentForms = kConsentFormRows;
const Labels kConsentPurposes = kConsentPurposeRows;
const Labels kLadderRungs = kLadderRungRows;
const Labels kLadderRungHelp = kLadderRungHelpRows;
const Labels kConcernRoutes = kConcernRouteRows;
const Labels kConcernProgress = kConcernProgressRows;
const Labels kIdentityReasons = kIdentityReasonRows;
const Labels kTimelineEvents = kTimelineEventRows;
const Labels kWeekdays = kWeekdayRows;
const Labels kMeldcodeSteps = kMeldcodeStepRows;
const Labels kApiScopes = kApiScopeRows;
const Labels kApiScopeHelp = kApiScopeHelpRows;
const Labels kMonths = kMonthRows;
const Labels kRepeats = kRepeatRows;
const Labels kWeeksOfMonth = kWeekOfMonthRows;
const Labels kActivityStatuses = kActivityStatusRows;
const Labels kSaved = kSavedRows;

}  // namespace labels

const std::vector<std::pair<std::string_view, Labels>>& all_labels() {
  using namespace labels;
  static const std::vector<std::pair<std::string_view, Labels>> all = {
      {"kSignalStates", kSignalStates},
      {"kDecisions", kDecisions},
      {"kActionStates", kActionStates},
      {"kRoles", kRoles},
      {"kGenders", kGenders},
      {"kAgeBands", kAgeBands},
      {"kOrgKinds", kOrgKinds},
      {"kUrgencies", kUrgencies},
      {"kOutcomes", kOutcomes},
      {"kAssignmentStates", kAssignmentStates},
      {"kRequestSources", kRequestSources},
      {"kLanguages", kLanguages},
      {"kThemes", kThemes},
      {"kVisitKinds", kVisitKinds},
      {"kVisitResults", kVisitResults},
      {"kDayParts", kDayParts},
      {"kReferralKinds", kReferralKinds},
      {"kReferralStatuses", kReferralStatuses},
      {"kConsentGivers", kConsentGivers},
      {"kConsentForms", kConsentForms},
      {"kConsentPurposes", kConsentPurposes},
      {"kLadderRungs", kLadderRungs},
      {"kLadderRungHelp", kLadderRungHelp},
      {"kConcernRoutes", kConcernRoutes},
      {"kConcernProgress", kConcernProgress},
      {"kIdentityReasons", kIdentityReasons},
      {"kTimelineEvents", kTimelineEvents},
      {"kWeekdays", kWeekdays},
      {"kMeldcodeSteps", kMeldcodeSteps},
      {"kApiScopes", kApiScopes},
      {"kApiScopeHelp", kApiScopeHelp},
      {"kMonths", kMonths},
      {"kRepeats", kRepeats},
      {"kWeeksOfMonth", kWeeksOfMonth},
      {"kActivityStatuses", kActivityStatuses},
      {"kSaved", kSaved},
  };
  return all;
}

}  // namespace meedoen::web
