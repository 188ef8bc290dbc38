// Shared by the HTTP integration tests: a browser-like client and the in-process demo server.
#pragma once

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "app/app.hpp"
#include "store/sqlite/connection.hpp"
#include "support/pg_database.hpp"
#include "web/server.hpp"
#include "web/site.hpp"

namespace meedoen {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
};

// A browser-like client: keeps its cookie and the page's CSRF token. Made with a Site, it calls
// Site::handle directly (no socket: a request takes a millisecond); made with a port, it goes
// over TCP to a server, for what only the server does (limits, keep-alive, time-outs).
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  // The same browser (cookie and all) talking to another server from now on.
  void use_port(unsigned short port) { port_ = port; }
  explicit Client(web::Site& site) : site_(&site) {}

  Reply get(const std::string& target) { return send(http::verb::get, target, ""); }
  Reply post(const std::string& target, std::string form, bool with_csrf = true) {
    if (with_csrf) form += (form.empty() ? "" : "&") + std::string("_csrf=") + csrf_;
    return send(http::verb::post, target, form);
  }
  bool login(const std::string& user, const std::string& password = "meedoen-demo") {
    get("/login");
    return post("/login", "username=" + user + "&password=" + password).status == 303;
  }

  std::string csrf_;
  // Sent with every request (X-Forwarded-For and the like).
  std::map<std::string, std::string> extra_headers;

 private:
  Reply send(http::verb verb, const std::string& target, const std::string& body) {
    Reply r = site_ ? handle(verb, target, body) : over_tcp(verb, target, body);
    static const std::regex csrf_re("name=\"_csrf\" value=\"([^\"]+)\"");
    std::smatch m;
    if (std::regex_search(r.body, m, csrf_re)) csrf_ = m[1];
    if (auto it = r.headers.find("Set-Cookie"); it != r.headers.end())
      cookie_ = it->second.substr(0, it->second.find(';'));
    return r;
  }

  Reply handle(http::verb verb, const std::string& target, const std::string& body) {
    std::map<std::string, std::string> headers = {{"host", "127.0.0.1"}};
    for (const auto& [k, v] : extra_headers) {
      std::string name = k;
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      headers[name] = v;
    }
    if (!cookie_.empty()) headers["cookie"] = cookie_;
    if (verb == http::verb::post) headers["content-type"] = "application/x-www-form-urlencoded";
    const web::Response res = site_->handle(web::make_request(
        std::string(http::to_string(verb)), target, std::move(headers), body, "127.0.0.1"));
    Reply r;
    r.status = res.status;
    r.body = res.body;
    for (const auto& [k, v] : res.headers) r.headers[k] = v;
    return r;
  }

  Reply over_tcp(http::verb verb, const std::string& target, const std::string& body) {
    net::io_context ioc;
    tcp::resolver resolver(ioc);
    beast::tcp_stream stream(ioc);
    stream.connect(resolver.resolve("127.0.0.1", std::to_string(port_)));
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : extra_headers) req.set(k, v);
    if (!cookie_.empty()) req.set(http::field::cookie, cookie_);
    if (verb == http::verb::post) {
      req.set(http::field::content_type, "application/x-www-form-urlencoded");
      req.body() = body;
      req.prepare_payload();
    }
    // Asynchronous with a deadline: Beast's timeouts apply to async operations only.
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    bool answered = false;
    stream.expires_after(std::chrono::seconds(60));
    http::async_write(stream, req, [&](beast::error_code ec, std::size_t) {
      if (ec) return;
      stream.expires_after(std::chrono::seconds(60));
      http::async_read(stream, buffer, res,
                       [&](beast::error_code ec2, std::size_t) { answered = !ec2; });
    });
    ioc.run();
    Reply r;
    r.status = answered ? res.result_int() : 0;  // 0: no answer in time
    r.body = res.body();
    for (const auto& f : res) r.headers[std::string(f.name_string())] = std::string(f.value());
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return r;
  }
  unsigned short port_ = 0;
  web::Site* site_ = nullptr;
  std::string cookie_;
};

// Sends `bytes` as they are on one connection and returns everything the server sent back until it
// closed the connection (or 30 s passed): for requests a client library would not send.
inline std::string raw_exchange(unsigned short port, const std::string& bytes) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  std::string out;
  char buf[4096];
  std::function<void(beast::error_code, std::size_t)> on_read = [&](beast::error_code ec,
                                                                    std::size_t n) {
    out.append(buf, n);
    if (ec) return;
    stream.expires_after(std::chrono::seconds(30));
    stream.async_read_some(net::buffer(buf), on_read);
  };
  // Reads while it writes: a server may answer (413) before all of a large request is sent.
  stream.expires_after(std::chrono::seconds(30));
  net::async_write(stream.socket(), net::buffer(bytes), [](beast::error_code, std::size_t) {});
  on_read({}, 0);
  ioc.run();
  return out;
}

inline std::string encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.')
      out += static_cast<char>(c);
    else if (c == ' ')
      out += '+';
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

inline int first_id(const std::string& body, const std::string& prefix) {
  std::regex re(prefix + "([0-9]+)");
  std::smatch m;
  return std::regex_search(body, m, re) ? std::stoi(m[1]) : 0;
}

class HttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-http-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    AppConfig cfg;
    // ctest runs these suites twice: on SQLite, and with MEEDOEN_TEST_DB=postgres on a new
    // PostgreSQL database in the test cluster.
    db_ = on_postgres() ? testing::pg_url(testing::create_pg_database())
                        : (dir_ / "demo.db").string();
    cfg.db_path = db_;
    cfg.key_file = (dir_ / "demo.key").string();
    cfg.brigade_phone = "071 512 34 56";
    auto app = App::open(cfg);
    ASSERT_TRUE(app.ok());
    app_ = std::move(*app).release();
    ASSERT_TRUE(app_->demo().load(nullptr).ok());
    site_ = new web::Site(*app_, {MEEDOEN_SOURCE_DIR, false, "", {"127.0.0.1", "::1"}});
    web::ServerOptions so;
    so.port = 0;
    so.plain_text = [](int status) { return site_->plain_text(status); };
    server_ = new web::Server(so, [](const web::Request& r) { return site_->handle(r); });
    thread_ = new std::thread([] { server_->run(false); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete site_;
    delete app_;
    std::filesystem::remove_all(dir_);
  }

  static bool on_postgres() {
    const char* db = std::getenv("MEEDOEN_TEST_DB");
    return db && std::string(db) == "postgres";
  }

  // A connection of its own to the suite's database, beside the app's, for what a test sets up
  // or checks behind the app's back.
  static std::unique_ptr<sql::Connection> database() {
    if (on_postgres()) return std::make_unique<postgres::PgConnection>(db_);
    return std::make_unique<sqlite::SqliteConnection>(db_);
  }

  // Calls the site directly; tcp_client() goes through the server.
  Client client() { return Client(*site_); }
  Client tcp_client() { return Client(server_->port()); }

  // Raises a signal as `user` with a name, returns the signal's id.
  int raise(Client& c, const std::string& name, const std::string& text) {
    c.get("/signalen/nieuw");
    auto r = c.post("/signalen", "wijk=1&name=" + encode(name) + "&description=" + encode(text));
    EXPECT_EQ(r.status, 303) << r.body;
    return first_id(r.headers["Location"], "/signalen/");
  }

  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline App* app_ = nullptr;
  static inline web::Site* site_ = nullptr;
  static inline web::Server* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
};

}  // namespace meedoen
