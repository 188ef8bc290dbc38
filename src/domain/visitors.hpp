// Known visitors of a Zelfregiecentrum. Nobody has to register to come in, and most visitors are
// only counted. A visitor who wants it can be known to the centre by a first name or nickname of
// their own choice, under a consent (consents.hpp) that says so; a host then checks them in with
// two taps, and the centre keeps their visits. When the consent is withdrawn the name goes at
// once, and their visits stay as counts without anyone in them (and so do the activities they
// came to).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/centres.hpp"
#include "domain/consents.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

inline constexpr std::size_t kVisitorNameMax = 40;

struct Visitor {
  VisitorId id;
  CentreId centre_id;
  std::string name;  // the first name or nickname they chose; empty once they are no longer known
  // Their pseudonymous record, when the brigade brought them along and they agreed to the link
  // (ConsentPurpose::kBrigadeLink); 0 for most visitors.
  ResidentId resident;
  UserId created_by;
  Timestamp created_at = 0;
  Timestamp ended_at = 0;  // the consent was withdrawn: 0 while they are known

  bool known() const { return ended_at == 0; }
};

// A known visitor as a host's list shows them: with their visits.
struct VisitorVisits {
  Visitor visitor;
  int visits = 0;              // the day parts they were checked in, corrections aside
  std::int64_t first_day = 0;  // local date of the first check-in; 0 before any
  std::int64_t last_day = 0;   // and of the latest
  bool in_today = false;       // checked in today, in any day part
  int activities = 0;          // occurrences of activities whose attendance has them in it
};

// The first reason `name` may not be the name of a new known visitor, as a message key, or empty:
// empty, too long, or the name of a visitor the centre knows already (letter case and spaces
// aside; `taken` says whether comparable_name(name) is taken).
std::string visitor_name_problem(std::string_view name, bool taken);

// A day a known visitor came: the day parts they were checked in (corrections taken off) and the
// occurrences whose attendance has them in it.
struct VisitorDay {
  std::int64_t day = 0;  // local date
  int visits = 0;
  int activities = 0;
};

// Their participation in one month: "2026-11", with the day parts and the activities.
struct VisitorMonth {
  std::string month;
  int visits = 0;
  int activities = 0;
};

// The months of `days` from `from_day` on (a local date), the newest first, with every month in
// between that has nothing, so that a gap shows as one; nothing before the first month they came.
std::vector<VisitorMonth> visitor_months(const std::vector<VisitorDay>& days, std::int64_t from_day,
                                         std::int64_t today);

}  // namespace meedoen
