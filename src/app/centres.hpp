// The Zelfregiecentra as their hosts use them: the centres a host runs, the day's count of
// visitors per day part, and the taps that make it (+1 a visitor, -1 a correction). A tap sent
// twice (a slow connection, a page that sends again when it is back online) is counted once, by
// its key. Making centres is the administrator's; the demo and the command line do it too.
// One area of the use cases, reached as app.centres().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/figures.hpp"
#include "domain/centres.hpp"
#include "domain/entities.hpp"

namespace meedoen {

struct NewCentre {
  WijkId wijk_id;
  std::string name;
  std::string address;
  unsigned opening = 0;
  std::vector<Room> rooms;
};

struct TapInput {
  std::string key;   // the page's idempotency key
  int delta = 1;     // +1 or -1
  std::string part;  // a day part's code; empty: the day part of now
  std::string day;   // the local date it was tapped ("2026-12-03"); empty: today (tap_day)
  TapTags tags;      // for +1 only
};

// A centre's count of one day.
struct DayTally {
  Centre centre;
  std::int64_t day = 0;
  DayPart current = DayPart::kMorning;  // the day part of now
  std::vector<Tally> parts;             // every day part, in order
  int total = 0;
  bool repeated = false;  // the tap just sent had been counted before (same key)
};

// The day a tap counts on, from the local date the page says it was tapped (it may be sent days
// later): that date within the last kTapDaysBack days, and today for a date outside them (a phone
// whose clock is wrong), so that no tap is lost. Empty: today; not a date: nothing.
inline constexpr int kTapDaysBack = 7;
std::optional<std::int64_t> tap_day(const std::string& asked, std::int64_t today);

class Centres {
 public:
  explicit Centres(AppContext& ctx) : ctx_(ctx) {}

  Result<CentreId> create(const User& admin, const NewCentre& c);
  // Names `host` (an active host) a host of `centre`.
  Status add_host(const User& admin, CentreId centre, UserId host);
  // The centres `user` hosts, by name; empty for anyone else.
  Result<std::vector<Centre>> hosted(const User& user);
  // The centres' figures per month of the wijken whose figures the user sees (coordinator,
  // funder), for the last `months` months.
  Result<CentreFigures> figures(const User& user, int months);
  // Today's count at a centre the user hosts.
  Result<DayTally> today(const User& host, CentreId centre);
  // Counts one tap and returns today's count after it. A key counted before changes nothing.
  // A -1 takes back the latest +1 of that day part; with none left it is a conflict.
  Result<DayTally> tap(const User& host, CentreId centre, const TapInput& in);
  // A fresh idempotency key, for a form that is sent without the page's script.
  static std::string new_tap_key();

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
