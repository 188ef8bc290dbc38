// Reading forms and paths: ids, a local path to go back to, the brigade's wishes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/io.hpp"
#include "web/http.hpp"

namespace meedoen::web {

std::optional<std::int64_t> parse_id(const std::string& s);
// A path on this site to go back to after a form; `fallback` when it is empty or could lead
// elsewhere (anything that does not start with a single "/").
std::string local_path(const std::string& back, const std::string& fallback);
std::vector<std::int64_t> parse_ids(const std::vector<std::string>& v, bool* ok);

// The safety and wish fields of a form whose names start with `prefix` ("", "w_", "b_").
BrigadeWishes wishes_from(const Params& f, const std::string& prefix);

}  // namespace meedoen::web
