#include "web/http.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

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

}  // namespace meedoen::web
