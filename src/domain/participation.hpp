// Participation over time of a known visitor of a centre, with their consent
// (ConsentPurpose::kParticipation): now and then a host and the visitor talk about where they
// stand on the Participatieladder, six rungs from isolated to paid work, and about what they
// want, in their own words ("weer op tijd mijn bed uit"). Each talk is a note, dated; the ladder
// is never a form the visitor fills in. Withdrawing the consent, or no longer being known,
// deletes every note.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/centres.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

using ParticipationNoteId = Id<struct ParticipationNoteTag>;

// The rungs of the Participatieladder (Movisie, Divosa): 1 isolated, 2 social contacts outside
// the home, 3 taking part in organised activities, 4 unpaid work, 5 paid work with support,
// 6 paid work. 0 is "not talked about this time".
inline constexpr int kLadderRungs = 6;
inline constexpr std::size_t kGoalMax = 300;

struct ParticipationNote {
  ParticipationNoteId id;
  VisitorId visitor;
  int rung = 0;      // 1..6, or 0 when the talk was about the goal only
  std::string goal;  // in the visitor's own words; may be empty when only the rung was talked of
  std::int64_t day = 0;  // local date of the talk
  UserId recorded_by;
  Timestamp recorded_at = 0;
};

// The first problem of a new note as (field, message key), or empty fields when there is none:
// a rung outside 0..6, a goal that is too long, or neither a rung nor a goal.
std::pair<std::string, std::string> participation_note_problem(int rung, std::string_view goal);

// Where a visitor stands on the ladder, from their notes (in any order): the rung of their first
// talk that had one and of their latest, and the days on which they went up a rung (a talk whose
// rung is higher than the one of the talk before it that had one), oldest first.
struct LadderPath {
  int first = 0;  // 0: no rung talked about yet
  int latest = 0;
  std::int64_t first_day = 0;
  std::int64_t latest_day = 0;
  std::vector<std::int64_t> up_days;
  std::string goal;  // the latest goal they named

  bool moved_up() const { return first > 0 && latest > first; }
};
LadderPath ladder_path(std::vector<ParticipationNote> notes);

// For the figures: a note with a rung, with the centre of its visitor.
struct CentreLadderNote {
  CentreId centre;
  ParticipationNote note;
};

// Per centre and month ("2026-11"), how many visitors went up a rung in a month from `from_day`
// to `to_day`, each visitor once per month (the notes in any order).
struct MovedUp {
  CentreId centre;
  std::string month;
  int visitors = 0;
};
std::vector<MovedUp> moved_up_per_month(const std::vector<CentreLadderNote>& notes,
                                        std::int64_t from_day, std::int64_t to_day);

}  // namespace meedoen
