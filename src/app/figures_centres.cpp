// The centres' figures per centre and month (app/figures.hpp): the tally's counts, the
// occurrences held and the known visitors who went up a rung of the Participatieladder, with
// small numbers suppressed as the brigade's funnel does.
#include <algorithm>
#include <array>
#include <map>

#include "app/figures.hpp"
#include "domain/participation.hpp"
#include "domain/time.hpp"
#include "report/figures.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// The cells in the order shown; kVisits is the sum of the three day parts after it.
enum Cell {
  kVisits,
  kMorning,
  kAfternoon,
  kEvening,
  kFirstVisits,
  kWithBrigade,
  kKnown,
  kActivities,
  kByVisitors,
  kAttendance,
  kMovedUp,
  kCells
};
constexpr std::array<const char*, kCells> kCellKeys = {
    "figures.centre_visits",     "figures.centre_morning",      "figures.centre_afternoon",
    "figures.centre_evening",    "figures.centre_first_visits", "figures.centre_with_brigade",
    "figures.centre_known",      "figures.centre_activities",   "figures.centre_by_visitors",
    "figures.centre_attendance", "figures.centre_moved_up"};

using Counts = std::array<int, kCells>;

// `hide[i]`: a total that would let a reader work out a small number, shown as "–".
CentreFigureRow shown(CentreId id, const std::string& name, const std::string& month,
                      const Counts& v, const std::array<bool, kCells>& hide) {
  CentreFigureRow row;
  row.centre = id;
  row.centre_name = name;
  row.month = month;
  for (int i = 0; i < kCells; ++i) {
    const bool hidden = hide[i] && v[i] >= kSmallNumberThreshold;
    row.cells.emplace_back(kCellKeys[i], hidden ? std::string(kHiddenFigure) : suppressed(v[i]));
    row.raw.push_back(!hidden && v[i] >= kSmallNumberThreshold ? v[i] : 0);
  }
  return row;
}

// A month's visits are the sum of its day parts: hidden when a small part could be subtracted.
std::array<bool, kCells> month_hides(const Counts& v) {
  std::array<bool, kCells> hide{};
  hide[kVisits] = total_reveals_small({v[kMorning], v[kAfternoon], v[kEvening]});
  return hide;
}

}  // namespace

CentreFigures centre_figures(Tx& tx, const std::vector<WijkId>& wijken, int months, Timestamp t) {
  CentreFigures out;
  out.months = std::clamp(months, 1, 24);
  const auto from_day = local_days(figures_period_start(out.months, t));
  const auto to_day = local_days(t);
  std::map<CentreId, std::map<std::string, Counts>> per;  // centre → month → counts
  auto month_of = [](std::int64_t day) { return format_days(day).substr(0, 7); };
  for (const auto& d : tx.figures().centre_days(wijken, from_day, to_day)) {
    auto& c = per[d.centre][month_of(d.day)];
    const int part = d.tally.part == DayPart::kMorning     ? kMorning
                     : d.tally.part == DayPart::kAfternoon ? kAfternoon
                                                           : kEvening;
    c[kVisits] += d.tally.visitors;
    c[part] += d.tally.visitors;
    c[kFirstVisits] += d.tally.first_visits;
    c[kWithBrigade] += d.tally.with_brigade;
    c[kKnown] += d.tally.known;
  }
  for (const auto& h : tx.figures().held_activities(wijken, from_day, to_day)) {
    auto& c = per[h.centre][month_of(h.day)];
    c[kActivities] += 1;
    c[kByVisitors] += h.by_visitor ? 1 : 0;
    c[kAttendance] += h.attendance;
  }
  for (const auto& up :
       moved_up_per_month(tx.figures().ladder_notes(wijken, to_day), from_day, to_day))
    per[up.centre][up.month][kMovedUp] += up.visitors;
  std::map<CentreId, std::string> names;
  for (const auto& c : tx.centres().list_centres()) names[c.id] = c.name;
  for (const auto& [centre, by_month] : per) {
    Counts total{};
    std::array<std::vector<int>, kCells> parts;  // per cell, its months
    std::array<bool, kCells> any_hidden{};
    for (const auto& [month, v] : by_month) {
      const auto hide = month_hides(v);
      out.rows.push_back(shown(centre, names[centre], month, v, hide));
      for (int i = 0; i < kCells; ++i) {
        total[i] += v[i];
        parts[i].push_back(v[i]);
        any_hidden[i] = any_hidden[i] || (hide[i] && v[i] >= kSmallNumberThreshold);
      }
    }
    // A total over the months is hidden when its suppressed months add up to a small number, or
    // when a month of it is hidden itself (the total would give that month away), and the total
    // of visits also when its day parts' totals would.
    std::array<bool, kCells> hide{};
    for (int i = 0; i < kCells; ++i) hide[i] = any_hidden[i] || total_reveals_small(parts[i]);
    hide[kVisits] = hide[kVisits] || month_hides(total)[kVisits];
    // The day parts' totals add up to the visits: with a month's visits hidden, the total of its
    // visits would come back as their sum, and that month with it, so they are hidden too.
    if (any_hidden[kVisits])
      for (int i : {kVisits, kMorning, kAfternoon, kEvening}) hide[i] = true;
    out.totals.push_back(shown(centre, names[centre], "", total, hide));
  }
  return out;
}

}  // namespace meedoen
