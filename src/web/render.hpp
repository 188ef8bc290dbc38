// Rendering a page: in the layout or as a fragment, error pages, the result of a form post, and
// labels from the message catalogue.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/meeting.hpp"
#include "domain/result.hpp"
#include "domain/role.hpp"
#include "domain/signal.hpp"
#include "web/context.hpp"
#include "web/labels.hpp"

namespace meedoen::web {

// Renders `tmpl` inside the page layout.
Response page(Ctx& c, const std::string& tmpl, json::object model, const std::string& title,
              int status = 200);
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

// Labels, through the tables of web/labels.hpp.
// The catalogue text of `code`'s label in `table` (labels::kRoles, …) without a copy; `code`
// itself when the table or the catalogue lacks it, so `code` must outlive the result.
std::string_view label(const Ctx& c, Labels table, std::string_view code);
std::string state_label(Ctx& c, SignalState s);
std::string decision_label(Ctx& c, Decision d);
std::string role_label(Ctx& c, Role r);

// The options of a choice: each code with its label from `table` and whether it is among
// `selected`.
json::array options(Ctx& c, Labels table, const std::vector<std::string>& codes,
                    const std::vector<std::string>& selected);
// A list of codes as strings.
template <std::size_t N>
std::vector<std::string> codes(const char* const (&list)[N]) {
  return std::vector<std::string>(std::begin(list), std::end(list));
}
// The confirmation after a form, from the "opgeslagen" query parameter (labels::kSaved); empty
// when unknown.
std::string saved_text(Ctx& c);

}  // namespace meedoen::web
