// The Vliegende Brigade's figures: the funnel per wijk and month, without names, small numbers
// suppressed (report/funnel.hpp); beside it the Zelfregiecentra's visits and activities per
// centre and month (app/figures_centres.cpp).
#include "web/pages/pages.hpp"

namespace meedoen::web {
namespace {

json::object centre_block(Ctx& c, const CentreFigureRow& r) {
  json::object o;
  o["centre"] = r.centre_name;
  o["month"] = r.month;
  json::array cells;
  const int top = r.raw.empty() ? 0 : r.raw.front();  // the visits: the largest count of a row
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    json::object s;
    s["label"] = c.t(r.cells[i].first);
    s["value"] = r.cells[i].second;
    s["raw"] = r.raw[i];
    s["max"] = std::max(top, r.raw[i]);
    s["chart"] = r.raw[i] > 0;
    cells.push_back(s);
  }
  o["cells"] = std::move(cells);
  return o;
}

// The centres' part of the page; empty for one who sees no centre's figures.
void centre_figures_json(Ctx& c, int months, json::object& m) {
  auto f = c.app.centres().figures(c.user(), months);
  if (!f) return;
  json::array rows, totals;
  for (const auto& r : f->rows) rows.push_back(centre_block(c, r));
  for (const auto& r : f->totals) totals.push_back(centre_block(c, r));
  json::array headers;
  if (!f->rows.empty())
    for (const auto& cell : f->rows.front().cells) headers.push_back(json::string(c.t(cell.first)));
  m["centre_headers"] = std::move(headers);
  m["centres_shown"] = true;
  m["centres_empty"] = rows.empty();
  m["centre_rows"] = std::move(rows);
  m["centre_totals"] = std::move(totals);
}

}  // namespace

Response brigade_figures_page(Ctx& c) {
  int months = 6;
  if (auto q = c.req.query.get("maanden"); !q.empty()) {
    auto n = parse_id(q);
    if (!n || *n > 24) return error_page(c, Error::invalid("error.bad_request"));
    months = static_cast<int>(*n);
  }
  auto f = c.app.brigade().figures(c.user(), months);
  if (!f) return error_page(c, f.error());
  auto block = [&](const FunnelMonth& fm) {
    json::object o;
    o["month"] = fm.month;
    o["wijk"] = fm.wijk.empty() ? c.t("all_wijken_together") : fm.wijk;
    // The median may be a fraction ("1,5"), which takes the plural as any number but 1 does;
    // a value given for "n" is shown as it is.
    o["median"] = fm.median_days;
    if (!fm.median_days.empty())
      o["median_text"] = c.plural("days_n", fm.median_days == "1" ? 1 : 2, {{"n", fm.median_days}});
    json::array steps;
    const int top = fm.raw.empty() ? 0 : fm.raw.front();
    for (std::size_t i = 0; i < fm.steps.size(); ++i) {
      json::object s;
      s["label"] = c.t(fm.steps[i].first);
      s["value"] = fm.steps[i].second;
      s["raw"] = fm.raw[i];
      s["max"] = top > 0 ? top : 1;
      s["chart"] = fm.raw[i] > 0 && top > 0;
      steps.push_back(s);
    }
    o["steps"] = steps;
    return o;
  };
  json::array rows, totals, month_choices;
  for (const auto& fm : f->rows) rows.push_back(block(fm));
  for (const auto& fm : f->totals) totals.push_back(block(fm));
  for (int n : {3, 6, 12, 24}) {
    json::object o;
    o["value"] = n;
    o["label"] = c.plural("months_n", n);
    o["selected"] = n == f->months;
    month_choices.push_back(o);
  }
  json::object m;
  m["rows"] = rows;
  m["totals"] = totals;
  m["empty"] = rows.empty();
  m["month_choices"] = month_choices;
  m["months"] = c.plural("months_n", f->months);
  centre_figures_json(c, f->months, m);
  return page(c, "brigade/figures", std::move(m), c.t("brigade_figures_title"));
}

}  // namespace meedoen::web
