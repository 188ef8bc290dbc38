// The Vliegende Brigade's figures: the funnel per wijk and month, without names, small numbers
// suppressed (report/funnel.hpp).
#include "web/pages/pages.hpp"

namespace meedoen::web {

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
  return page(c, "brigade/figures", std::move(m), c.t("brigade_figures_title"));
}

}  // namespace meedoen::web
