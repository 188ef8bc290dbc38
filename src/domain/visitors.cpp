#include "domain/visitors.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "domain/text.hpp"

namespace meedoen {

std::string visitor_name_problem(std::string_view name, bool taken) {
  const std::string trimmed = trim(std::string(name));
  if (comparable_name(trimmed).empty()) return "error.visitor.name_required";
  if (trimmed.size() > kVisitorNameMax) return "error.too_long";
  if (taken) return "error.visitor.name_taken";
  return {};
}

std::vector<VisitorMonth> visitor_months(const std::vector<VisitorDay>& days, std::int64_t from_day,
                                         std::int64_t today) {
  std::map<std::string, VisitorMonth> by_month;
  for (const auto& d : days) {
    if (d.day < from_day || d.day > today || (d.visits <= 0 && d.activities <= 0)) continue;
    auto& m = by_month[format_days(d.day).substr(0, 7)];
    m.visits += std::max(d.visits, 0);
    m.activities += std::max(d.activities, 0);
  }
  std::vector<VisitorMonth> out;
  if (by_month.empty()) return out;
  // Every month from the first one with something up to this month, the newest first.
  const std::string first = by_month.begin()->first;
  std::string month = format_days(today).substr(0, 7);
  while (month >= first) {
    VisitorMonth m;
    if (auto it = by_month.find(month); it != by_month.end()) m = it->second;
    m.month = month;
    out.push_back(m);
    int y = std::stoi(month.substr(0, 4));
    int mo = std::stoi(month.substr(5, 2)) - 1;
    if (mo == 0) {
      mo = 12;
      --y;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
    month = buf;
  }
  return out;
}

}  // namespace meedoen
