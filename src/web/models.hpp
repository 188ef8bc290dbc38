// View models that pages of several areas share: a signal, a resident, an action, a meeting, a
// peer's check-in and a brigade request as JSON for the templates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/io.hpp"
#include "web/context.hpp"

namespace meedoen::web {

// A local date in words: "woensdag 2 december" (with the year when it is not `this_year`).
std::string long_date(const Ctx& c, std::int64_t days, int this_year = 0);
// Minutes after midnight as "10:00".
std::string clock_time(int minute_of_day);

// The catalogue key for a signal timeline event's kind (labels::kTimelineEvents; the row "other"
// for an unknown kind, so an event never reads as a raw key).
std::string_view timeline_key(std::string_view kind);
std::string resident_description(Ctx& c, const ResidentView& r);
// A signal as a row of a list; `list_only` leaves out what only a page about the signal shows
// (its text, who raised it, the meldcode badge).
json::object signal_row_json(Ctx& c, const SignalRow& row, bool list_only = false);
json::object identity_json(const Identity& i);
// A peer's open check-in for a page: code, request, back by, overdue; the brigade's phone when
// given.
json::object checkin_json(Ctx& c, const CheckinView& v, const std::string& phone = {});
json::object action_json(Ctx& c, const ActionView& a);
// A peer's visits this week against their weekly cap, for the meter ("load", "cap") and as text
// ("load_of_cap": "2 van 4 bezoeken").
void add_workload(Ctx& c, json::object& m, int load, int cap);
json::object meeting_summary_json(Ctx& c, const MeetingSummary& m);
// The wijk and buurt choices of a form (signal, brigade request), with the chosen ones selected;
// the first wijk is selected when none was chosen. Each wijk's active categories come along, with
// the chosen ones checked.
json::array wijk_choices_json(Ctx& c, const std::vector<WijkChoice>& wijken,
                              const std::string& chosen_wijk, const std::string& chosen_buurt,
                              const std::vector<std::string>& chosen_categories);
// The catalogue's label of a request's outcome.
std::string outcome_label(Ctx& c, Outcome o);
// A brigade request as a row of a list, for the request_item partial; with `list_only` false,
// also what the request's own page shows (safety, preferences, what is known, source).
json::object request_row_json(Ctx& c, const RequestRow& row, bool list_only = true);

}  // namespace meedoen::web
