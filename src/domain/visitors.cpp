#include "domain/visitors.hpp"

#include "domain/text.hpp"

namespace meedoen {

std::string visitor_name_problem(std::string_view name, bool taken) {
  const std::string trimmed = trim(std::string(name));
  if (comparable_name(trimmed).empty()) return "error.visitor.name_required";
  if (trimmed.size() > kVisitorNameMax) return "error.too_long";
  if (taken) return "error.visitor.name_taken";
  return {};
}

}  // namespace meedoen
