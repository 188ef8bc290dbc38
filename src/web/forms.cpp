#include "web/forms.hpp"

#include <algorithm>

namespace meedoen::web {

std::string local_path(const std::string& back, const std::string& fallback) {
  // One leading "/" and then not "/" or "\\" (browsers read "/\\host" as "//host"); no control
  // characters or backslashes anywhere, so nothing can break out of the Location header.
  if (back.empty() || back.size() > 2000 || back[0] != '/') return fallback;
  if (back.size() > 1 && (back[1] == '/' || back[1] == '\\')) return fallback;
  for (unsigned char ch : back)
    if (ch < 0x20 || ch == 0x7f || ch == '\\') return fallback;
  return back;
}

std::optional<std::int64_t> parse_id(const std::string& s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}

std::vector<std::int64_t> parse_ids(const std::vector<std::string>& v, bool* ok) {
  std::vector<std::int64_t> out;
  *ok = true;
  for (const auto& s : v) {
    if (s.empty()) continue;
    auto id = parse_id(s);
    if (!id) {
      *ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), *id) == out.end())
      out.push_back(*id);  // "7" and "07" once
  }
  return out;
}

BrigadeWishes wishes_from(const Params& f, const std::string& prefix) {
  BrigadeWishes w;
  w.safety_aggression = f.has(prefix + "safety_aggression");
  w.safety_dog = f.has(prefix + "safety_dog");
  w.safety_addiction = f.has(prefix + "safety_addiction");
  w.pair_advised = f.has(prefix + "pair_advised");
  w.safety_notes = f.get(prefix + "safety_notes");
  w.pref_language = f.get(prefix + "pref_language");
  w.pref_gender = f.get(prefix + "pref_gender");
  w.pref_theme = f.get(prefix + "pref_theme");
  return w;
}
}  // namespace meedoen::web
