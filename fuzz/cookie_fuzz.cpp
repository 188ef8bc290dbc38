// Fuzzes Request::cookie (web/http.cpp), which every request uses to find its session cookie in
// the Cookie header. The first byte says how long the cookie name is, the rest is the header.
// Checks: a value found is really written as `name=value` in the header and holds no ';'; and a
// cookie written plainly, alone or after another one, is read back as it was written.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "web/context.hpp"
#include "web/http.hpp"

namespace {

using meedoen::web::Request;

std::string cookie(const std::string& header, const std::string& name) {
  Request r;
  r.headers["cookie"] = header;
  return r.cookie(name);
}

void check_found(const std::string& header, const std::string& name) {
  const std::string v = cookie(header, name);
  if (v.empty()) return;
  if (v.find(';') != std::string::npos) __builtin_trap();
  if (header.find(name + "=" + v) == std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::size_t name_size = std::min<std::size_t>(data[0] % 32, size - 1);
  const std::string name(reinterpret_cast<const char*>(data) + 1, name_size);
  const std::string rest(reinterpret_cast<const char*>(data) + 1 + name_size, size - 1 - name_size);

  check_found(rest, name);
  check_found(rest, meedoen::web::kCookie);

  // A name as browsers send it: not empty, no separator, no space (leading spaces are skipped).
  if (name.empty() || name.find_first_of("; =") != std::string::npos) return 0;
  if (rest.find(';') != std::string::npos) return 0;
  if (cookie(name + "=" + rest, name) != rest) __builtin_trap();
  if (name != "other" && cookie("other=1; " + name + "=" + rest, name) != rest) __builtin_trap();
  // Two Cookie header fields arrive joined with "; " (server.cpp): the first one counts.
  if (cookie(name + "=" + rest + "; " + name + "=x", name) != rest) __builtin_trap();
  return 0;
}
