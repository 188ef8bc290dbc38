// The notes of the talks about a known visitor's participation (domain/participation.hpp). One
// area of the store, reached from a transaction as tx.participation().
#pragma once

#include <vector>

#include "domain/participation.hpp"

namespace meedoen {

class ParticipationStore {
 public:
  virtual ~ParticipationStore() = default;

  // Keeps `n` (its id is ignored); returns the new id.
  virtual ParticipationNoteId insert_note(const ParticipationNote& n) = 0;
  // The notes of a visitor, the newest first (by day, then as recorded).
  virtual std::vector<ParticipationNote> notes_of_visitor(VisitorId visitor) = 0;
  // Deletes every note of the visitor (their consent was withdrawn); returns how many.
  virtual int delete_notes_of_visitor(VisitorId visitor) = 0;
};

}  // namespace meedoen
