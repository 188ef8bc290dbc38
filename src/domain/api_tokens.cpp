#include "domain/api_tokens.hpp"

#include <algorithm>

namespace meedoen {

std::string_view api_scope_code(ApiScope s) {
  switch (s) {
    case ApiScope::kFigures:
      return "figures";
  }
  return "";
}

std::optional<ApiScope> parse_api_scope(std::string_view code) {
  for (auto s : all_api_scopes())
    if (api_scope_code(s) == code) return s;
  return std::nullopt;
}

const std::vector<ApiScope>& all_api_scopes() {
  static const std::vector<ApiScope> all = {ApiScope::kFigures};
  return all;
}

bool ApiToken::has(ApiScope s) const {
  return std::find(scopes.begin(), scopes.end(), s) != scopes.end();
}

std::string scopes_to_text(const std::vector<ApiScope>& scopes) {
  std::string out;
  for (auto s : all_api_scopes()) {
    if (std::find(scopes.begin(), scopes.end(), s) == scopes.end()) continue;
    if (!out.empty()) out += ',';
    out += api_scope_code(s);
  }
  return out;
}

std::vector<ApiScope> scopes_from_text(std::string_view text) {
  std::vector<ApiScope> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (auto s = parse_api_scope(text.substr(0, comma))) out.push_back(*s);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace meedoen
