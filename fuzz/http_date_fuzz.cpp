// Fuzzes parse_http_date (web/http.cpp), which reads the If-Modified-Since header of every
// conditional request to the public calendar and its feeds. Checks: a date it accepts is written
// back by http_date exactly as it was given, and any moment from 1970 to 9999 written by
// http_date is read back as that moment.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "web/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto t = meedoen::web::parse_http_date(text)) {
    if (meedoen::web::http_date(*t) != text) __builtin_trap();
  }
  if (size >= 8) {
    std::uint64_t raw = 0;
    std::memcpy(&raw, data, 8);
    const std::int64_t t = static_cast<std::int64_t>(raw % 253402300800ull);  // until 9999
    const auto back = meedoen::web::parse_http_date(meedoen::web::http_date(t));
    if (!back || *back != t) __builtin_trap();
  }
  return 0;
}
