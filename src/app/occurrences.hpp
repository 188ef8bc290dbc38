// One occurrence of an activity: the sign-up list with its waiting list, and afterwards how many
// came. A host writes names down at the centre; a visitor can sign up on the public page with a
// first name or nickname, no account, and gets a link of their own to cancel. The places go by
// the order of signing up, so a place given back goes to the first who waits. Afterwards the host
// records how many came and ticks the known visitors among them. Only hosts of the centre see the
// names; the public sees how many places are left. One area of the use cases,
// reached as app.occurrences().
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/activities.hpp"
#include "domain/centres.hpp"
#include "domain/entities.hpp"
#include "domain/occurrences.hpp"
#include "domain/visitors.hpp"

namespace meedoen {

// One occurrence as its hosts see it. `places` points into `signups`: keep them together.
struct HostOccurrence {
  Activity activity;
  Centre centre;
  Occurrence occurrence;
  std::vector<Signup> signups;  // every sign-up, cancelled ones too, in the order they came
  std::vector<Place> places;    // the standing ones with their place
  std::optional<Headcount> headcount;
  bool open = false;   // sign-ups are still taken (it has sign-up, is not cancelled, has not begun)
  bool begun = false;  // it has begun, so attendance can be recorded
  int room = 0;        // how many more names it takes
  // Once it has begun: the visitors the centre knows now, to tick those who came.
  std::vector<VisitorVisits> known;
};

// One occurrence as anyone may see it: no names of visitors.
struct PublicOccurrence {
  Activity activity;  // the organiser's name only when they want it shown
  Centre centre;
  Occurrence occurrence;
  int standing = 0;  // sign-ups that stand
  bool open = false;
  // Places still free; -1 when there is no limit.
  int places_left() const {
    return activity.capacity > 0 ? std::max(0, activity.capacity - standing) : -1;
  }
};

// Where a sign-up stands, for the visitor who made it (through their link).
struct SignupStatus {
  PublicOccurrence occurrence;
  Signup signup;
  bool has_place = false;
  int waiting = 0;          // place on the waiting list, 1 = next in line
  bool may_cancel = false;  // it stands and the occurrence has not begun
  std::string token;        // the link's key: only right after signing up, else empty
};

// Where a sign-up that a host wrote down ended up, and which occurrence that was.
struct HostSignup {
  ActivityId activity;
  std::int64_t day = 0;
  bool has_place = false;
  int waiting = 0;
};

class Occurrences {
 public:
  explicit Occurrences(AppContext& ctx) : ctx_(ctx) {}

  // The occurrence with date `date` ("YYYY-MM-DD", its date in the series) of an activity at a
  // centre the user hosts.
  Result<HostOccurrence> for_host(const User& host, ActivityId id, const std::string& date);
  // A host writes a visitor's name on the list.
  Result<HostSignup> add(const User& host, ActivityId id, const std::string& date,
                         const std::string& name);
  // A host strikes a name off: the place goes to the first who waits.
  Result<HostSignup> strike(const User& host, SignupId id);
  // How many came, once it has begun, and which of the centre's known visitors were among them
  // (`visitors`).
  Result<HostSignup> record_attendance(const User& host, ActivityId id, const std::string& date,
                                       const std::string& count,
                                       const std::vector<VisitorId>& visitors = {});

  // For anyone: an approved activity's occurrence with how many places are left.
  Result<PublicOccurrence> public_occurrence(ActivityId id, const std::string& date);
  // A visitor signs up on the public page; `client` is their address, for the limit of sign-ups
  // per client. The answer carries the token of their cancel link.
  Result<SignupStatus> sign_up(ActivityId id, const std::string& date, const std::string& name,
                               const std::string& client);
  // The sign-up of a cancel link, and the link used to cancel it.
  Result<SignupStatus> by_token(const std::string& token);
  Result<SignupStatus> cancel_by_token(const std::string& token);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
