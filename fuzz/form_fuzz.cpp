// Fuzzes the parser of form bodies and query strings, Params::parse (web/http.cpp, Boost.URL's
// params_view with '+' as space), through make_request as the server calls it, and the form
// readers of web/forms.cpp on what it decodes. Checks: decoding never makes a field longer than
// it was sent; there is one field per '&'; what parses, encoded again with url_encode, parses
// back to the same fields; and the readers keep their promises (an id is a positive number
// written in digits, a local path is on this site).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "web/forms.hpp"
#include "web/http.hpp"

namespace {

using meedoen::web::Params;

void check_readers(const std::string& value) {
  if (const auto id = meedoen::web::parse_id(value)) {
    const auto digits = value.find_first_not_of('0');
    if (*id <= 0 || digits == std::string::npos || std::to_string(*id) != value.substr(digits))
      __builtin_trap();
  }
  const std::string path = meedoen::web::local_path(value, "/fallback");
  if (path != "/fallback") {
    if (path != value || path[0] != '/') __builtin_trap();
    if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) __builtin_trap();
    for (unsigned char ch : path)
      if (ch < 0x20 || ch == 0x7f || ch == '\\') __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  const auto req = meedoen::web::make_request(
      "POST", "/signalen?" + body, {{"content-type", "application/x-www-form-urlencoded"}}, body);
  const Params& p = req.form;
  if (req.bad_encoding) {
    if (!p.items().empty()) __builtin_trap();  // a bad body yields no half of its fields
    return 0;
  }
  if (req.query.items() != p.items()) __builtin_trap();  // the query reads as the body does

  std::size_t decoded = 0;
  for (const auto& [k, v] : p.items()) decoded += k.size() + v.size();
  if (decoded > body.size()) __builtin_trap();
  const auto fields = body.empty() ? 0 : std::count(body.begin(), body.end(), '&') + 1;
  if (p.items().size() != static_cast<std::size_t>(fields)) __builtin_trap();

  std::string again;
  for (const auto& [k, v] : p.items())
    again += (again.empty() ? "" : "&") + meedoen::web::url_encode(k) + "=" +
             meedoen::web::url_encode(v);
  Params round;
  // One field with an empty name and value encodes as "=", which parses back to it; no fields
  // at all encode as "", which parses to no fields.
  if (!round.parse(again) || round.items() != p.items()) __builtin_trap();

  for (const auto& [k, v] : p.items()) {
    if (!p.has(k)) __builtin_trap();
    const auto all = p.all(k);
    if (all.empty() || all.front() != p.get(k)) __builtin_trap();
    check_readers(v);
  }
  bool ok = false;
  (void)meedoen::web::parse_ids(p.all("ids"), &ok);
  (void)meedoen::web::wishes_from(p, "w_");
  return 0;
}
