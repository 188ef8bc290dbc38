// The overleg's loop: a signal goes on the next meeting's agenda, and what the brigade and the
// partners did comes back to it (the action settled, a follow-up on the agenda, the answer on the
// signal's history).
#pragma once

#include <optional>

#include "domain/brigade.hpp"
#include "domain/entities.hpp"
#include "domain/referral.hpp"
#include "domain/signal.hpp"
#include "domain/time.hpp"
#include "store/store.hpp"

namespace meedoen {

// A referral's answer on the history of the signal its brigade request came from (if any):
// kind "referral_answer", text the status code (pseudonymous).
void note_referral_on_signal(Tx& tx, const Referral& r, UserId by, Timestamp t);
// When a request's outcome becomes `to`: settles the overleg's action and tells the overleg.
void feed_back_to_overleg(Tx& tx, const BrigadeRequest& r, Outcome to, const User& user,
                          Timestamp t);
// Puts a follow-up ("terugkoppeling") for `action` on the wijk's next meeting that is not held
// yet, unless the case is on its agenda already.
void place_follow_up(Tx& tx, const Signal& s, ActionId action, Timestamp t);
// Puts the signal on the wijk's next planned meeting, when there is one.
void place_on_next_meeting(Tx& tx, Signal& s, const User& user, Timestamp t);
// Saves a new signal `s` raised by `user` (state new, created_at set): it joins the open case of
// its resident (a meldcode signal never), which an urgent signal makes urgent, or else goes on the
// next planned meeting (a meldcode signal on no agenda). Returns the case it joined.
std::optional<SignalId> file_signal(Tx& tx, Signal& s, const User& user, Timestamp t);

}  // namespace meedoen
