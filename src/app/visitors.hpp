// Known visitors of a Zelfregiecentrum, as the centre's hosts keep them. Most visitors are only
// counted. One who wants it is made known by a first name or nickname of their own choice, with
// their consent recorded (for what, by whom, verbal or written, the text they heard); a host then
// checks them in with two taps (open the list, tap the name), which counts them as a visitor of
// the day part too. Withdrawing the consent takes the name away at once; their visits stay as
// counts. One area of the use cases, reached as app.visitors().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/centres.hpp"
#include "domain/consents.hpp"
#include "domain/entities.hpp"
#include "domain/visitors.hpp"

namespace meedoen {

struct NewVisitor {
  std::string name;
  bool consent = false;  // the visitor agreed to be known, after hearing the text
  std::string given_by = kConsentGivers[0];
  std::string form = "verbal";
};

// The known visitors of a centre, for its hosts.
struct KnownVisitors {
  Centre centre;
  std::vector<VisitorVisits> visitors;  // by name
};

// One known visitor with their consents, for a host of the centre.
struct VisitorRecord {
  Centre centre;
  VisitorVisits visits;
  std::vector<ConsentRecord> consents;  // the newest first
  std::vector<VisitorMonth> months;     // the last 12 months, the newest first
};

struct CheckIn {
  VisitorVisits visitor;  // after the check-in
  DayPart part = DayPart::kMorning;
  bool already = false;   // they were checked in this day part already: nothing counted
  bool repeated = false;  // the same key was sent before: nothing counted
};

// A brigade request's link with a centre: the known visitor that its resident became, or the
// centres of its wijk to choose from.
struct RequestCentre {
  bool may_link = false;        // the viewer is the peer who holds the request
  std::vector<Centre> centres;  // of the request's wijk
  std::optional<VisitorVisits> visitor;
  std::string centre_name;  // of the visitor's centre
};

class Visitors {
 public:
  explicit Visitors(AppContext& ctx) : ctx_(ctx) {}

  Result<KnownVisitors> known(const User& host, CentreId centre);
  // Makes a visitor known to the centre, under their consent.
  Result<VisitorId> make_known(const User& host, CentreId centre, const NewVisitor& in);
  Result<VisitorRecord> get(const User& host, VisitorId id);
  // Checks a known visitor in for the day part of now: +1 on the day's count, with the visitor in
  // it (and "first visit" when it is their first). Once per day part; `key` is the idempotency
  // key of the tap, as for an anonymous count. `part` is the day part the host counted in when
  // the tap was made ("morning"; empty for now's) and `day` its local date (tap_day in
  // app/centres.hpp), so that a tap sent later lands where it was made.
  Result<CheckIn> check_in(const User& host, VisitorId id, const std::string& key,
                           const std::string& part = {}, const std::string& day = {});
  // The visitor withdraws their consent to be known, through a host: the name goes at once.
  // Returns the visitor's centre.
  Result<CentreId> withdraw(const User& host, VisitorId id);

  // What became of the resident of brigade request `id` at a centre, for those who follow the
  // request: the peer who holds it, its coordinator, and who asked for it.
  Result<RequestCentre> for_request(const User& user, RequestId id);
  // The peer who holds the request makes its resident known at `centre` (of the request's wijk),
  // with two consents: to be known there, and to link their visits to the brigade's record.
  Result<VisitorId> from_request(const User& peer, RequestId id, CentreId centre,
                                 const NewVisitor& in);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
