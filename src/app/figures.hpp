// Figures that several use cases show: the brigade's funnel (its own page and the API), the
// centres' visits and activities (figures_centres.cpp), and the signals per wijk (the
// municipality's start page and the API). Counts below the threshold are suppressed here, once,
// so every place that shows them shows the same.
#pragma once

#include <string>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/io.hpp"
#include "domain/centres.hpp"
#include "domain/entities.hpp"

namespace meedoen {

class Tx;

// The wijken whose figures `user` sees: their own, or every wijk for one who sees the city's
// figures without wijken of their own. Empty: none.
std::vector<WijkId> figure_wijken(Tx& tx, const User& user);

// The first instant of the period of the last `months` (1..24) calendar months up to `now`.
Timestamp figures_period_start(int months, Timestamp now);

// One centre's figures of one month (or of the whole period: month ""), each cell a label key and
// its value as shown ("<5" below the threshold, "–" where a total would give one away).
struct CentreFigureRow {
  CentreId centre;
  std::string centre_name;
  std::string month;  // YYYY-MM; "" in the total over the months
  std::vector<std::pair<std::string, std::string>> cells;
  std::vector<int> raw;  // the same counts where shown exactly, for a chart; 0 otherwise
};

struct CentreFigures {
  std::vector<CentreFigureRow> rows;    // per centre and month, oldest first
  std::vector<CentreFigureRow> totals;  // per centre, all months shown
  int months = 6;
};

// The centres of `wijken`, per month of the last `months` months up to `now`: visits by day part,
// first-time visitors, came with the brigade, check-ins of known visitors, and the activities held
// (attendance recorded), those organised by visitors, and how many came to them.
CentreFigures centre_figures(Tx& tx, const std::vector<WijkId>& wijken, int months, Timestamp now);

// The funnel per wijk and month for the last `months` (1..24) months up to `now`, and the totals
// per wijk and, with more than one wijk, for all of them together; small numbers suppressed,
// totals that would give one away hidden.
BrigadeFigures brigade_figures(Tx& tx, const std::vector<WijkId>& wijken, int months,
                               Timestamp now);

// Open and all signals of every wijk of the city, by name.
std::vector<WijkSignalFigures> signal_figures(Tx& tx);

}  // namespace meedoen
