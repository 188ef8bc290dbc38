// Tokens for integrations (a municipality's dashboard, a funder's report) that read the JSON API.
// An administrator makes one for a named integration with the scopes it needs, sees its secret
// once, and revokes it; the database keeps only the secret's digest and a short hint to tell
// tokens apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace meedoen {

// What a token may read. Stored and sent as its code ("figures").
enum class ApiScope {
  kFigures,  // the city's figures: counts per wijk, small numbers suppressed
};

std::string_view api_scope_code(ApiScope s);
std::optional<ApiScope> parse_api_scope(std::string_view code);
const std::vector<ApiScope>& all_api_scopes();

inline constexpr std::size_t kApiTokenNameMax = 80;

struct ApiToken {
  ApiTokenId id;
  std::string name;  // the integration it is for
  std::vector<ApiScope> scopes;
  std::string hint;  // the secret's first characters, shown in the list
  UserId created_by;
  Timestamp created_at = 0;
  Timestamp revoked_at = 0;    // 0 while it works
  Timestamp last_used_at = 0;  // 0 when never used

  bool active() const { return revoked_at == 0; }
  bool has(ApiScope s) const;
};

// The scopes as stored: codes joined by ',', in the order of all_api_scopes(); and back, with
// unknown codes left out.
std::string scopes_to_text(const std::vector<ApiScope>& scopes);
std::vector<ApiScope> scopes_from_text(std::string_view text);

}  // namespace meedoen
