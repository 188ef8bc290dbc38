// A host who sees that a visitor is not doing well passes it on in one form: what the visitor
// shared (never a diagnosis), and where it goes. To the brigade, as a request (a peer comes by for
// a chat), or to the wijk's overleg, as a signal; with the visitor's consent about the visitor the
// centre knows (and so their pseudonymous record), without it with no identity at all. A known
// visitor who asks for a call-back is kept on the centre's day page until someone has called.
// The hosts then see what became of each. One area of the use cases, reached as app.concerns().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/centres.hpp"
#include "domain/concerns.hpp"
#include "domain/consents.hpp"
#include "domain/entities.hpp"
#include "domain/visitors.hpp"

namespace meedoen {

struct NewConcern {
  std::string route;  // a ConcernRoute's code
  std::string text;
  VisitorId visitor;     // a known visitor of the centre, or 0 for no one in particular
  bool consent = false;  // the visitor agreed that it is passed on with their record
  std::string given_by = kConsentGivers[0];
  std::string form = "verbal";
};

// The form, for a host of the centre.
struct ConcernForm {
  Centre centre;
  std::vector<VisitorVisits> visitors;  // the known visitors, by name
};

// A concern with what became of it.
struct ConcernView {
  Concern concern;
  std::string visitor_name;   // with consent, while they are known; else empty
  std::string resident_code;  // of the request or signal; empty for a call-back
  ConcernProgress progress = ConcernProgress::kWaiting;
  std::int64_t progress_day = 0;  // of the last visit, or the meeting it is on; 0 when none
};

struct CentreConcerns {
  std::vector<ConcernView> call_backs;  // the call-backs that wait, the newest first
  std::vector<ConcernView> passed_on;   // to the brigade or the overleg, of the last 30 days
};

// What passing on made.
struct PassedOn {
  ConcernId id;
  ConcernRoute route = ConcernRoute::kBrigade;
  bool meldcode = false;  // the text points to the meldcode: the signal is on its private track
  bool joined_case = false;
};

class Concerns {
 public:
  explicit Concerns(AppContext& ctx) : ctx_(ctx) {}

  Result<ConcernForm> form(const User& host, CentreId centre);
  Result<PassedOn> pass_on(const User& host, CentreId centre, const NewConcern& in);
  Result<CentreConcerns> of_centre(const User& host, CentreId centre);
  // A call-back is made. Returns its centre; done twice changes nothing.
  Result<CentreId> call_back_done(const User& host, ConcernId id);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
