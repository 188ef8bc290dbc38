#include "web/http.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cstdio>

namespace meedoen::web {

bool Params::parse(const std::string& encoded) {
  if (encoded.empty()) return true;
  try {
    boost::urls::encoding_opts opt;
    opt.space_as_plus = true;
    boost::urls::params_view pv(encoded, opt);
    for (auto p : pv) items_.emplace_back(std::string(p.key), std::string(p.value));
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string Params::get(const std::string& name) const {
  for (const auto& [k, v] : items_)
    if (k == name) return v;
  return {};
}

bool Params::has(const std::string& name) const {
  return std::any_of(items_.begin(), items_.end(),
                     [&](const auto& kv) { return kv.first == name; });
}

std::vector<std::string> Params::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : items_)
    if (k == name && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  return out;
}

std::string Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

std::string Request::cookie(const std::string& name) const {
  const std::string all = header("cookie");
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string part = all.substr(pos, end - pos);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string::npos) part = part.substr(first);
    const auto eq = part.find('=');
    if (eq != std::string::npos && part.substr(0, eq) == name) return part.substr(eq + 1);
    pos = end + 1;
  }
  return {};
}

Request make_request(std::string method, std::string target,
                     std::map<std::string, std::string> headers, std::string body,
                     std::string remote) {
  Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.headers = std::move(headers);
  r.body = std::move(body);
  r.remote = std::move(remote);
  const auto q = r.target.find('?');
  r.path = r.target.substr(0, q);
  if (q != std::string::npos && !r.query.parse(r.target.substr(q + 1))) r.bad_encoding = true;
  const std::string type = r.header("content-type");
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0 && !r.form.parse(r.body))
    r.bad_encoding = true;
  return r;
}

void Response::set(const std::string& name, const std::string& value) {
  for (auto& [k, v] : headers)
    if (k == name) {
      v = value;
      return;
    }
  headers.emplace_back(name, value);
}

std::string Response::get(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

Response redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.set("Location", location);
  return r;
}

Response text(int status, std::string body) {
  Response r;
  r.status = status;
  r.set("Content-Type", "text/plain; charset=utf-8");
  r.body = std::move(body);
  return r;
}

bool header_safe(const std::string& text) {
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
  return true;
}

void security_headers(Response& r, bool tls) {
  r.set("Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  r.set("X-Content-Type-Options", "nosniff");
  if (r.get("Referrer-Policy").empty()) r.set("Referrer-Policy", "same-origin");
  r.set("X-Frame-Options", "DENY");
  r.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (tls) r.set("Strict-Transport-Security", "max-age=31536000");
  if (r.get("Cache-Control").empty()) r.set("Cache-Control", "no-store");
}

void finalize(Response& r, bool tls, std::string_view error_text) {
  const bool safe = std::all_of(r.headers.begin(), r.headers.end(), [](const auto& kv) {
    return header_safe(kv.first) && header_safe(kv.second);
  });
  if (!safe) {
    spdlog::error("a response header held a control character; sent 500 instead");
    r = text(500, std::string(error_text));
  }
  security_headers(r, tls);
}

std::string url_encode(const std::string& s) {
  return boost::urls::encode(s, boost::urls::unreserved_chars);
}

namespace {

constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// FNV-1a, 64 bits: enough to tell two versions of one page apart, and cheap.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return h;
}

bool etag_listed(const std::string& header, const std::string& etag) {
  if (header.find('*') != std::string::npos) return true;
  // A list of entity tags; a weak one ("W/") matches too, as If-None-Match compares weakly.
  return header.find(etag) != std::string::npos;
}

}  // namespace

std::string http_date(std::int64_t t) {
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  const int weekday = static_cast<int>(((days % 7) + 7) % 7);
  // civil_from_days (H. Hinnant)
  std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04lld %02d:%02d:%02d GMT", kDays[weekday], d,
                kMonths[m - 1], static_cast<long long>(y), static_cast<int>(secs / 3600),
                static_cast<int>(secs % 3600 / 60), static_cast<int>(secs % 60));
  return buf;
}

std::optional<std::int64_t> parse_http_date(std::string_view s) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters, every one in its place.
  if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
      s[19] != ':' || s[22] != ':' || s[25] != ' ' || s.substr(26) != "GMT")
    return std::nullopt;
  auto num = [&](std::size_t at, std::size_t len) -> int {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  const int day = num(5, 2), year = num(12, 4), h = num(17, 2), mi = num(20, 2), sec = num(23, 2);
  int month = -1;
  for (int i = 0; i < 12; ++i)
    if (s.substr(8, 3) == kMonths[i]) month = i + 1;
  if (day < 1 || day > 31 || year < 1970 || month < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
      sec < 0 || sec > 60)
    return std::nullopt;
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t t = days * 86400 + h * 3600 + mi * 60 + sec;
  if (http_date(t) != s) return std::nullopt;  // 31 Feb, a wrong weekday and the like
  return t;
}

void conditional_get(const Request& req, Response& r, std::int64_t last_modified) {
  if (r.status != 200) return;
  char etag[32];
  std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(fnv1a(r.body)));
  r.set("ETag", etag);
  r.set("Last-Modified", http_date(last_modified));
  r.set("Cache-Control", "no-cache");
  bool fresh = false;
  const std::string inm = req.header("if-none-match");
  if (!inm.empty()) {
    fresh = etag_listed(inm, etag);
  } else if (auto since = parse_http_date(req.header("if-modified-since"))) {
    fresh = last_modified <= *since;
  }
  if (fresh && (req.method == "GET" || req.method == "HEAD")) {
    r.status = 304;
    r.body.clear();
  }
}

}  // namespace meedoen::web
