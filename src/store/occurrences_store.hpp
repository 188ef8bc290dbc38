// What happens at one occurrence of an activity: its sign-ups (with the digest of a visitor's
// cancel link) and its attendance. One area of the store, reached from a transaction as
// tx.occurrences().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/occurrences.hpp"

namespace meedoen {

class OccurrencesStore {
 public:
  virtual ~OccurrencesStore() = default;

  // Holds the activity until the transaction ends, so that two sign-ups at once are counted in
  // turn (a row lock in PostgreSQL; SQLite has one writer at a time already).
  virtual void lock_activity(ActivityId id) = 0;

  // Keeps `s` (its id is ignored) with the digest of its cancel link (empty when a host wrote it
  // down); returns the new id.
  virtual SignupId insert_signup(const Signup& s, const std::string& token_digest) = 0;
  // Every sign-up of one occurrence, cancelled ones too, in the order they came.
  virtual std::vector<Signup> signups_of(ActivityId activity, std::int64_t day) = 0;
  virtual std::optional<Signup> get_signup(SignupId id) = 0;
  virtual std::optional<Signup> signup_by_token(const std::string& token_digest) = 0;
  // Cancels a standing sign-up; false when it was cancelled already.
  virtual bool cancel_signup(SignupId id, Timestamp at) = 0;
  // The standing sign-ups per occurrence date, for the dates from `from_day` to `to_day` that
  // have any.
  virtual std::map<std::int64_t, int> standing_counts(ActivityId activity, std::int64_t from_day,
                                                      std::int64_t to_day) = 0;
  // The latest sign-up or cancellation of the activity; 0 when it has none.
  virtual Timestamp signups_changed_at(ActivityId activity) = 0;

  // Records how many came, and the known visitors among them; a later count of the same
  // occurrence replaces both.
  virtual void put_attendance(const Headcount& a) = 0;
  virtual std::optional<Headcount> attendance_of(ActivityId activity, std::int64_t day) = 0;
};

}  // namespace meedoen
