// Figures that several use cases show: the brigade's funnel (its own page and the API) and the
// signals per wijk (the municipality's start page and the API). Counts below the threshold are
// suppressed here, once, so every place that shows them shows the same.
#pragma once

#include <string>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/io.hpp"
#include "domain/entities.hpp"
#include "store/store.hpp"

namespace meedoen {

// The funnel per wijk and month for the last `months` (1..24) months up to `now`, and the totals
// per wijk and, with more than one wijk, for all of them together; small numbers suppressed,
// totals that would give one away hidden.
BrigadeFigures brigade_figures(Tx& tx, const std::vector<WijkId>& wijken, int months,
                               Timestamp now);

// Open and all signals of every wijk of the city, by name.
std::vector<WijkSignalFigures> signal_figures(Tx& tx);

}  // namespace meedoen
