// What a host of a Zelfregiecentrum passes on when they see that someone is not doing well. The
// host writes down what the visitor shared, never a diagnosis, and chooses where it goes: to the
// brigade (a peer comes by for a chat, pseudonymously, with the host's note), or as a signal to
// the wijk's overleg. With the visitor's consent it is about the visitor the centre knows (and
// their pseudonymous record); without it, it carries no identity at all, and no name in the text.
// A known visitor may also ask for a call-back from the centre itself, which stays at the centre.
// The host then sees what became of it: someone came by, it is on the agenda, or it was done.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/centres.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

enum class ConcernRoute {
  kBrigade,   // a brigade request: a peer comes by for a chat
  kOverleg,   // a signal to the wijk's signaleringsoverleg
  kCallBack,  // a known visitor asked that the centre calls them back
};
std::string_view to_string(ConcernRoute r);
std::optional<ConcernRoute> parse_concern_route(std::string_view code);

inline constexpr std::size_t kConcernTextMax = 2000;

struct Concern {
  ConcernId id;
  CentreId centre_id;
  ConcernRoute route = ConcernRoute::kBrigade;
  // Whom it is about: a known visitor, only with their consent (always for a call-back); 0 else.
  VisitorId visitor;
  ResidentId resident;  // the pseudonymous record of the request or the signal; 0 for a call-back
  RequestId request;    // kBrigade
  SignalId signal;      // kOverleg
  // A call-back's note (when, what about). What a visitor shared for the brigade or the overleg
  // is in the request or the signal, under their rules, and not kept twice.
  std::string note;
  UserId recorded_by;
  Timestamp created_at = 0;
  Timestamp done_at = 0;  // a call-back made; 0 while it waits
  UserId done_by;
};

// What became of a concern, as its centre's hosts see it.
enum class ConcernProgress {
  kWaiting,     // nobody has taken it up yet
  kPeerGoing,   // a peer said yes to the request
  kVisited,     // a peer came by (a visit is logged)
  kOnAgenda,    // the signal is on the agenda of a meeting
  kDiscussed,   // the overleg discussed it (and may have agreed actions)
  kInCase,      // it joined an open case of the same resident
  kClosed,      // the request or signal is closed
  kCalledBack,  // the centre called back
};
std::string_view to_string(ConcernProgress p);

struct ConcernInput {
  ConcernRoute route = ConcernRoute::kBrigade;
  std::string text;      // what the visitor shared, or a call-back's note
  bool named = false;    // it is about a known visitor
  bool consent = false;  // who agreed that it is passed on with their record
};

// The first problem of a concern as a message key and its field, or empty: no text, too long, a
// call-back for nobody in particular, or a named concern without the visitor's consent.
// `names_in_text` says whether the text holds the name of a visitor the centre knows: a concern
// goes to people outside the centre, who see no names.
std::pair<std::string, std::string> concern_problem(const ConcernInput& in, bool names_in_text);

}  // namespace meedoen
