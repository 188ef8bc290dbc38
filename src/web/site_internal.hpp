// Shared by the page files of the web site. Not used outside web/.
#pragma once

#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "web/http.hpp"
#include "web/site.hpp"
#include "web/view.hpp"

namespace meedoen::web {

namespace json = boost::json;

// Everything a handler needs for one request.
struct Ctx {
  const Request& req;
  App& app;
  const Views& views;
  SessionView session;
  std::vector<std::string> params;  // path parameters in order
  std::string new_cookie;           // set when the session was created or replaced
  // Where the page's JSON view model lives: a per-request arena (monotonic resource), so the
  // many small strings and objects of a list page cost a pointer bump instead of malloc/free.
  // Build hot models with `json::object o(c.sp)` and move them into containers of the same arena.
  json::storage_ptr sp;

  // catalogue()'s memo (public only so that Ctx stays an aggregate).
  mutable const json::object* catalogue_ = nullptr;
  mutable std::string catalogue_lang_;
  // The client's address (behind the trusted proxy, from X-Forwarded-For), for log-in throttling.
  std::string client;

  const User& user() const { return *session.user; }
  // The catalogue for this request: the session's language, and in Dutch the informal form of
  // address ("je", messages/nl-je.json) for peer workers, the formal "u" for every other role.
  const std::string& text_lang() const {
    static const std::string kInformal = "nl-je";
    if (session.lang == "nl" && session.user && session.user->role == Role::kPeer) return kInformal;
    return session.lang;
  }
  std::string t(const std::string& key, const std::string& arg = {}) const {
    return views.message(text_lang(), key, arg);
  }
  // The path parameter `i` as an id; nullopt when it is not a positive number.
  std::optional<std::int64_t> id_param(std::size_t i) const;
  // The message catalogue of the session's language, found once per request (lists look up
  // labels for every row).
  const json::object& catalogue() const {
    if (!catalogue_ || catalogue_lang_ != text_lang()) {
      catalogue_ = &views.catalogue(text_lang());
      catalogue_lang_ = text_lang();
    }
    return *catalogue_;
  }
};

// Makes sure the request has a stored session, so a form gets its CSRF token; for pages with a
// form that anonymous visitors post (log-in, a partner's one-time link).
void ensure_session(Ctx& c);

// Renders `tmpl` inside the page layout.
Response page(Ctx& c, const std::string& tmpl, json::object model, const std::string& title, int status = 200);
// Renders a template without the layout (htmx fragments, print pages).
Response fragment(Ctx& c, const std::string& tmpl, json::object model, int status = 200);
// An error page for a failed use case: 400, 403, 404, 409, 422 or 429 with the Dutch message.
Response error_page(Ctx& c, const Error& e);
int status_for(const Error& e);
// After a form post: on success a redirect to `to` (Post/Redirect/Get); on invalid input the form
// again through `again`, with the message under "error" and status 422; other failures get the
// error page.
Response form_result(Ctx& c, const Status& st, const std::string& to,
                     const std::function<Response(json::object extra, int status)>& again);
// {"field": message} for a form error, to show beside the field.
json::object field_errors(Ctx& c, const Error& e);

// Labels.
// The catalogue text `prefix` + `name` (state_new, role_chair, …) without a copy; `name` itself
// when the catalogue lacks it, so `name` must outlive the result.
std::string_view label(const Ctx& c, std::string_view prefix, std::string_view name);
std::string state_label(Ctx& c, SignalState s);
std::string decision_label(Ctx& c, Decision d);
std::string role_label(Ctx& c, Role r);
// The catalogue key for a signal timeline event's kind ("timeline_other" for an unknown kind).
const char* timeline_key(std::string_view kind);
std::string resident_description(Ctx& c, const ResidentView& r);
// A signal as a row of a list; `list_only` leaves out what only a page about the signal shows
// (its text, who raised it, the meldcode badge).
json::object signal_row_json(Ctx& c, const SignalRow& row, bool list_only = false);
json::object identity_json(const Identity& i);
// A peer's open check-in for a page: code, request, back by, overdue; the brigade's phone when given.
json::object checkin_json(Ctx& c, const CheckinView& v, const std::string& phone = {});
// The safety and wish fields of a form whose names start with `prefix` ("", "w_", "b_").
BrigadeWishes wishes_from(const Params& f, const std::string& prefix);
json::object action_json(Ctx& c, const ActionView& a);
json::object meeting_summary_json(Ctx& c, const MeetingSummary& m);
// The wijk and buurt choices of a form (signal, brigade request), with the chosen ones selected;
// the first wijk is selected when none was chosen. Each wijk's active categories come along, with
// the chosen ones checked.
json::array wijk_choices_json(Ctx& c, const std::vector<WijkChoice>& wijken, const std::string& chosen_wijk,
                              const std::string& chosen_buurt, const std::vector<std::string>& chosen_categories);
std::optional<std::int64_t> parse_id(const std::string& s);
// A path on this site to go back to after a form; `fallback` when it is empty or could lead
// elsewhere (anything that does not start with a single "/").
std::string local_path(const std::string& back, const std::string& fallback);
std::vector<std::int64_t> parse_ids(const std::vector<std::string>& v, bool* ok);

using Route = std::function<Response(Ctx&)>;

// Page handlers, grouped by file.
Response start_page(Ctx& c);
Response wijk_page(Ctx& c);
Response signals_page(Ctx& c);
Response signal_new_page(Ctx& c);
Response signal_create(Ctx& c);
Response signal_meldcode_check(Ctx& c);
Response signal_wijk_parts(Ctx& c);
Response signal_page(Ctx& c);
Response signal_break_glass(Ctx& c);
Response signal_close(Ctx& c);
Response signal_meldcode_step(Ctx& c);
Response meetings_page(Ctx& c);
Response meeting_new_page(Ctx& c);
Response meeting_create(Ctx& c);
Response meeting_page(Ctx& c);
Response meeting_refresh(Ctx& c);
Response meeting_move(Ctx& c, int delta);
Response meeting_record_item(Ctx& c);
Response meeting_attendance(Ctx& c);
Response meeting_update(Ctx& c);
Response meeting_minutes(Ctx& c);
Response meeting_item_prefs(Ctx& c);
Response actions_page(Ctx& c);
Response break_glass_page(Ctx& c);
Response action_settle(Ctx& c);
Response admin_page(Ctx& c);
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
// A brigade request as a row of a list, for the request_item partial; with `list_only` false,
// also what the request's own page shows (safety, preferences, what is known, source).
json::object request_row_json(Ctx& c, const RequestRow& row, bool list_only = true);
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
Response availability_page(Ctx& c);
Response availability_profile(Ctx& c);
Response availability_week(Ctx& c);
Response availability_absence(Ctx& c);
Response availability_absence_delete(Ctx& c);
Response referral_new_page(Ctx& c);
Response referral_create(Ctx& c);
Response referrals_page(Ctx& c);
Response referral_answer(Ctx& c);
Response referral_remind(Ctx& c);
Response referral_link_page(Ctx& c);
Response referral_link_answer(Ctx& c);
Response referral_link_reveal(Ctx& c);

}  // namespace meedoen::web
