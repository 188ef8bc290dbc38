// What a user may do, as far as the menu and the start page show it. Decided by
// privacy/access_policy (capabilities()); the web layer renders it and decides nothing itself.
#pragma once

namespace meedoen {

struct Capabilities {
  bool in_overleg = false;           // takes part in a wijk's overleg (raises signals there)
  bool reads_overleg = false;        // reads a wijk's signals and meetings
  bool chairs = false;               // plans and runs an overleg, configures its wijk
  bool reviews_break_glass = false;  // lists who broke the glass (/inzage)
  bool administers = false;          // users, organisations, wijken
  bool works_as_peer = false;        // "mijn verzoeken" and their own week
  bool coordinates_brigade = false;  // the brigade's overview and its figures
  bool asks_brigade = false;         // asks the brigade for a visit from the menu
  bool has_referral_inbox = false;   // receives referrals for their organisation
  bool sees_city_figures = false;    // figures of every wijk (aggregates only)
  bool hosts_centre = false;         // a Zelfregiecentrum's day page, count and activities
  bool counts_at_centre = false;     // a centre's count and check-in (a host, or the centre device)
};

}  // namespace meedoen
