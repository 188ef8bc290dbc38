#include "web/router.hpp"

namespace meedoen::web {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 1;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    if (end > pos) out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segments) {
  if (pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (pattern[i] != "{}" && pattern[i] != segments[i]) return false;
  return true;
}

}  // namespace

void Router::add(const char* method, const char* pattern, bool needs_user, Handler handler) {
  routes_.push_back({method, pattern, split_path(pattern), needs_user, std::move(handler)});
}

void Router::for_device() { routes_.back().for_device = true; }

std::vector<std::pair<std::string, std::string>> Router::patterns() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match m;
  // Beast hands on any request target of visible characters ("*", "http://host/…", "xsignalen"),
  // and split_path reads from after the leading "/": without one, the first character would be
  // skipped unseen and "xsignalen" served as "/signalen".
  if (path.empty() || path[0] != '/') return m;
  const auto segments = split_path(path);
  for (const auto& r : routes_) {
    if (!matches(r.segments, segments)) continue;
    if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
      m.allow += (m.allow.empty() ? "" : ", ") + r.method;
      continue;
    }
    m.handler = &r.handler;
    m.route = static_cast<int>(&r - routes_.data());
    m.needs_user = r.needs_user;
    m.for_device = r.for_device;
    for (std::size_t i = 0; i < segments.size(); ++i)
      if (r.segments[i] == "{}") m.params.push_back(segments[i]);
    return m;
  }
  return m;
}

}  // namespace meedoen::web
