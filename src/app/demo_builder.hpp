// Builds the demo data for Leiden (fictional people only) for Demo::load: four months of history
// replayed through the real use cases on a simulated clock, step by step, each step a method that
// tells one part of the story. The steps share what they made (ids, users) through the members.
#pragma once

#include <cstddef>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "app/app.hpp"
#include "app/simulated_clock.hpp"

namespace meedoen {

namespace demo_data {
struct DemoWijk;
}

// The order of the steps, and of the random draws within them, is the demo: on the same day the
// same calls in the same order give the same rows every time, apart from what is random by design
// (pseudonyms, seals, tokens) and the last hours, which follow the real clock. Reorder nothing
// without meaning to change the demo.
class DemoBuilder {
 public:
  // Takes the app's clock over with a simulated one, four months back from today at 09:00, until
  // the builder is destroyed.
  DemoBuilder(AppContext& ctx, App& app);
  DemoBuilder(const DemoBuilder&) = delete;
  DemoBuilder& operator=(const DemoBuilder&) = delete;

  // Fills the database and adds each user's log-in and password to `logins` (when not null).
  // REQUIRES: an empty database, and one call per builder.
  Status build(std::vector<std::pair<std::string, std::string>>* logins);

 private:
  using Logins = std::vector<std::pair<std::string, std::string>>;

  // --- The cast and the outline of the story (demo_builder.cpp) ---
  Status make_organisations();
  Status make_admin();
  Status make_wijken();
  Status make_users(Logins* logins);
  OrgId org_of(const char* name) const;
  WijkId wijk_named(const std::string& name) const;
  const demo_data::DemoWijk& plan_of(WijkId w) const;
  const User& user(const std::string& username) const { return users_.at(username); }
  Status four_weeks(int cycle);
  Status today();

  // --- Signals and overleggen (demo_builder_overleg.cpp) ---
  Status raise_signals(int cycle);
  Status raise(WijkId w, bool urgent, bool repeat);
  RaiseSignalInput about_known_resident(WijkId w);
  RaiseSignalInput about_new_resident();
  std::string concern(const std::string& gender);
  Timestamp meeting_time(WijkId w, Timestamp from) const;
  Status hold_meetings();
  Status run_meeting(WijkId w, MeetingId id);
  Status record_attendance(const User& chair, MeetingId id);
  Status record_items(WijkId w, const User& chair, MeetingId id);
  std::string owner_for(WijkId w, Decision d) const;
  void settle_actions();
  void close_discussed_cases();
  Status meldcode_signal();

  // --- The Vliegende Brigade and referrals (demo_builder_brigade.cpp) ---
  Status make_peer_profiles();
  Status set_weeks();
  Status direct_requests(int n);
  Status dispatch();
  Status respond(const std::string& except = {});
  Status visit_round();
  Status try_to_reach(const User& peer, const RequestRow& row, int fate, const std::string& key);
  Status visit_after_contact(const User& peer, const BrigadeRequest& r, int fate,
                             const std::string& key);
  Status refer(const User& peer, const BrigadeRequest& r, int fate);
  Status follow_up();
  Status brigade_days(int days);
  Status brigade_today();
  Status anouk_in_meerburg();
  Status late_checkout();

  // --- The Zelfregiecentra (demo_builder_centres.cpp) ---
  Status make_centres();
  Status count_visitors();
  // Talks about the participation of the first known visitors, under their consent to it.
  Status note_participation(const std::vector<VisitorId>& known);
  Status fill_occurrences();  // demo_builder_occurrences.cpp

  // One element of `arr`, drawn from the demo's random sequence.
  template <typename Array>
  decltype(auto) pick(Array& arr) {
    return arr[std::uniform_int_distribution<std::size_t>(0, std::size(arr) - 1)(rng_)];
  }

  AppContext& ctx_;
  App& app_;
  std::mt19937 rng_{20190601};
  // Declared before clock_: read from the real clock before the simulated one takes over.
  const Timestamp real_now_;
  const Timestamp t0_;  // where the history starts
  SimulatedClock clock_;

  std::map<std::string, OrgId> orgs_;  // by "kind:name"
  User admin_;
  std::vector<WijkId> wijk_ids_;  // in the order of demo_data::wijken()
  WijkId meerburg_, merenwijk_, stevenshof_;
  CentreId matilo_;
  // Requests in Meerburg whose resident came along to the centre: the peer and when, so that
  // count_visitors makes some of them known visitors, linked to the request.
  struct CameAlong {
    RequestId request;
    UserId peer;
    Timestamp at = 0;
  };
  std::vector<CameAlong> came_along_;
  std::map<std::string, User> users_;  // by username

  std::map<WijkId, std::vector<std::string>> codes_;  // residents made so far, per wijk
  std::map<std::string, std::string> gender_of_;      // by pseudonym
  int asked_ = 0;    // requests made directly to the brigade so far
  int answers_ = 0;  // answers peers gave to an offered request so far
};

}  // namespace meedoen
