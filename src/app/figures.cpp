#include "app/figures.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "app/lookups.hpp"
#include "domain/time.hpp"
#include "privacy/access_policy.hpp"
#include "report/figures.hpp"
#include "report/funnel.hpp"
#include "store/store.hpp"

namespace meedoen {

std::vector<WijkId> figure_wijken(Tx& tx, const User& user) {
  std::vector<WijkId> wijken = user.wijken;
  if (may_view_city_figures(user) && wijken.empty())
    for (const auto& w : tx.admin().list_wijken()) wijken.push_back(w.id);
  return wijken;
}

Timestamp figures_period_start(int months, Timestamp t) {
  months = std::clamp(months, 1, 24);
  // From the first day of the month `months - 1` back.
  const std::string today = format_date(t);
  int y = std::stoi(today.substr(0, 4));
  int m = std::stoi(today.substr(5, 2)) - (months - 1);
  while (m < 1) {
    m += 12;
    --y;
  }
  char first[32];
  std::snprintf(first, sizeof first, "%04d-%02d-01", y, m);
  return parse_local_datetime(std::string(first) + "T00:00").value_or(0);
}

BrigadeFigures brigade_figures(Tx& tx, const std::vector<WijkId>& wijken, int months, Timestamp t) {
  months = std::clamp(months, 1, 24);
  const Timestamp from = figures_period_start(months, t);
  const auto rows = tx.figures().funnel(wijken, from, t + 1);
  Lookups names(tx);
  BrigadeFigures out;
  out.months = months;
  static const char* kStepKeys[] = {"funnel.requests",   "funnel.visited",    "funnel.contact",
                                    "funnel.came_along", "funnel.checked_in", "funnel.referred",
                                    "funnel.intake"};
  auto values = [](const FunnelCounts& c) {
    return std::vector<int>{c.requests,   c.visited,  c.contact,         c.came_along,
                            c.checked_in, c.referred, c.intake_confirmed};
  };
  // `parts[i]` are the cells that add up to step i of this figure (months of a wijk, wijken of the
  // city); when subtracting the shown ones from it would give away a small number, it is hidden.
  auto shown = [&](WijkId id, const std::string& wijk, const std::string& month,
                   const FunnelCounts& c, const std::vector<std::vector<int>>& parts) {
    FunnelMonth fm;
    fm.wijk_id = id;
    fm.month = month;
    fm.wijk = wijk;
    const auto v = values(c);
    for (std::size_t i = 0; i < v.size(); ++i) {
      // A total below the threshold shows as "<5" anyway; only an exact total can be subtracted
      // from.
      const bool hide =
          !parts.empty() && v[i] >= kSmallNumberThreshold && total_reveals_small(parts[i]);
      fm.steps.push_back({kStepKeys[i], hide ? std::string(kHiddenFigure) : suppressed(v[i])});
      fm.raw.push_back(!hide && v[i] >= kSmallNumberThreshold ? v[i] : 0);
    }
    // A median of fewer than five residents would tell too much about each of them.
    if (auto med = c.median_days(); med && c.contact >= kSmallNumberThreshold) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.1f", *med);
      fm.median_days = buf;
    }
    return fm;
  };
  std::map<WijkId, FunnelCounts> totals;
  std::map<WijkId, std::vector<std::vector<int>>> month_parts;  // per wijk: per step, its months
  for (const auto& [key, counts] : funnel_by_month(rows)) {
    out.rows.push_back(shown(key.first, names.wijk(key.first), key.second, counts, {}));
    auto& parts = month_parts[key.first];
    parts.resize(std::size(kStepKeys));
    const auto v = values(counts);
    for (std::size_t i = 0; i < v.size(); ++i) parts[i].push_back(v[i]);
  }
  FunnelCounts all;
  for (const auto& r : rows) {
    totals[r.wijk].add(r);
    all.add(r);
  }
  // All wijken together first (the wijk name left empty): per wijk, most steps are "<5".
  if (totals.size() > 1) {
    std::vector<std::vector<int>> wijk_parts(std::size(kStepKeys));
    for (const auto& [w, counts] : totals) {
      const auto v = values(counts);
      for (std::size_t i = 0; i < v.size(); ++i) wijk_parts[i].push_back(v[i]);
    }
    out.totals.push_back(shown(WijkId{}, "", "", all, wijk_parts));
  }
  for (const auto& [w, counts] : totals)
    out.totals.push_back(shown(w, names.wijk(w), "", counts, month_parts[w]));
  return out;
}

std::vector<WijkSignalFigures> signal_figures(Tx& tx) {
  std::vector<WijkSignalFigures> out;
  for (const auto& w : tx.admin().list_wijken()) {
    SignalFilter open;
    open.wijk = w.id;
    open.open_only = true;
    open.include_meldcode = true;
    SignalFilter all;
    all.wijk = w.id;
    all.include_meldcode = true;
    all.include_linked = true;
    out.push_back({w, suppressed(tx.signals().count_signals(open)),
                   suppressed(tx.signals().count_signals(all))});
  }
  return out;
}

}  // namespace meedoen
