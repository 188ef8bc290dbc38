// Participation over time of a known visitor, for the hosts of their centre: in a talk now and
// then, where the visitor stands on the Participatieladder and what they want, in their own words.
// Only with their consent to it (ConsentPurpose::kParticipation), which is asked in the same
// talk, can be refused ("I said no to this", so no one asks again next week) and is withdrawn
// with one tap; withdrawal deletes every note at once. The centres' figures count the visitors
// who went up a rung (app/figures.hpp). One area of the use cases, reached as
// app.participation().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/centres.hpp"
#include "domain/consents.hpp"
#include "domain/entities.hpp"
#include "domain/participation.hpp"
#include "domain/visitors.hpp"

namespace meedoen {

// A talk, as the host writes it down. With `consent` the visitor agreed in this talk.
struct NewParticipationNote {
  std::string rung;  // "1".."6", or empty when the rung was not talked about
  std::string goal;
  bool consent = false;
  std::string given_by = kConsentGivers[0];
  std::string form = "verbal";
};

struct ParticipationRecord {
  Centre centre;
  Visitor visitor;
  std::optional<ConsentRecord> consent;  // the one in force
  bool refused = false;                  // the latest answer was no, and nothing stands
  std::vector<ParticipationNote> notes;  // the newest first
  LadderPath path;
};

class Participation {
 public:
  explicit Participation(AppContext& ctx) : ctx_(ctx) {}

  Result<ParticipationRecord> get(const User& host, VisitorId id);
  // Writes down a talk of today; records the consent first when it does not stand yet.
  Result<ParticipationNoteId> note(const User& host, VisitorId id, const NewParticipationNote& in);
  // The visitor said no: recorded as a refusal, with who answered and how.
  Status refuse(const User& host, VisitorId id, const NewParticipationNote& in);
  // The visitor withdraws their consent: every note is deleted at once.
  Status withdraw(const User& host, VisitorId id);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
