// What the brigade's use cases share (app/brigade.cpp, app/brigade_visits.cpp), and the request
// that an overleg decision makes (app/meetings.cpp).
#pragma once

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/lookups.hpp"
#include "domain/brigade.hpp"
#include "store/store.hpp"

namespace meedoen {

inline constexpr std::size_t kMaxKnown = 2000;

template <std::size_t N>
bool one_of(const std::string& v, const char* const (&options)[N]) {
  return std::any_of(std::begin(options), std::end(options), [&](const char* o) { return v == o; });
}

// The assignment of `peer` on request `id` that is offered or accepted; nullopt when none.
std::optional<Assignment> current_assignment(Tx& tx, RequestId id, UserId peer);
// Requests as rows of a list, with their assignments and visit counts read for all at once.
std::vector<RequestRow> request_rows(Lookups& names, const std::vector<BrigadeRequest>& requests,
                                     Timestamp now);
// Whether `peer` said yes to request `id` and still holds it.
bool accepted_peer(Tx& tx, RequestId id, UserId peer);
// Whether `peer` accepted `request` once and that assignment has ended (withdrawn, or the
// request handed on): they may look back at it, pseudonymously.
bool did_request_once(Tx& tx, RequestId request, UserId peer);
// The problems of `w` as (field, message key) pairs; empty when it is fine.
std::vector<std::pair<std::string, std::string>> wishes_problems(const BrigadeWishes& w);
void apply_wishes(BrigadeRequest& r, const BrigadeWishes& w);
// The brigade request an overleg decision for the brigade makes.
void request_from_overleg(Tx& tx, Timestamp t, const User& chair, const Signal& s,
                          const Action& action, const std::string& summary,
                          const BrigadeWishes& wishes);

}  // namespace meedoen
