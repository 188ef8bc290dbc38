// The review of break-glass reveals (who looked at whose identity, when and why).
#include "web/pages/pages.hpp"

namespace meedoen::web {

// The break-glass reveals, for the chair and the privacy officer to review.
Response break_glass_page(Ctx& c) {
  auto list = c.app.audit().break_glass_reviews(c.user());
  if (!list) return error_page(c, list.error());
  json::array rows;
  for (const auto& v : *list) {
    json::object o;
    o["when"] = format_datetime(v.entry.at);
    o["who"] = v.entry.user_label;
    o["code"] = v.resident_code;
    o["wijk"] = v.wijk_name;
    o["object"] = v.entry.object;
    // The audit reason is "break_glass: <what they wrote>"; the page shows what they wrote.
    const auto colon = v.entry.reason.find(": ");
    o["reason"] = colon == std::string::npos ? v.entry.reason : v.entry.reason.substr(colon + 2);
    if (v.entry.object.rfind("signal:", 0) == 0) o["signal_id"] = v.entry.object.substr(7);
    rows.push_back(std::move(o));
  }
  json::object m;
  m["has_rows"] = !rows.empty();
  m["rows"] = std::move(rows);
  return page(c, "audit/break_glass", std::move(m), c.t("break_glass_review_title"));
}
}  // namespace meedoen::web
