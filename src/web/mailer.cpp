#include "web/mailer.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <condition_variable>
#include <istream>
#include <mutex>
#include <optional>
#include <thread>

#include "web/mail_texts.hpp"

namespace meedoen::web {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// No CR or LF in a header value: a value with them could add headers of its own.
std::string header_safe(const std::string& v) {
  std::string out;
  for (char c : v)
    if (c != '\r' && c != '\n') out += c;
  return out;
}

// Subject as RFC 2047 base64 when it is not plain ASCII.
std::string encode_subject(const std::string& s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c < 0x80;
  if (ascii) return header_safe(s);
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  std::size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(s[i]) << 16) |
                       (static_cast<unsigned char>(s[i + 1]) << 8) |
                       static_cast<unsigned char>(s[i + 2]);
    b64 += {tbl[n >> 18], tbl[(n >> 12) & 63], tbl[(n >> 6) & 63], tbl[n & 63]};
  }
  if (i + 1 == s.size()) {
    const unsigned n = static_cast<unsigned char>(s[i]) << 16;
    b64 += {tbl[n >> 18], tbl[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == s.size()) {
    const unsigned n =
        (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8);
    b64 += {tbl[n >> 18], tbl[(n >> 12) & 63], tbl[(n >> 6) & 63], '='};
  }
  return "=?UTF-8?B?" + b64 + "?=";
}

// The body with CRLF line ends and dot-stuffing (RFC 5321 4.5.2).
std::string dot_stuffed(const std::string& body) {
  std::string out;
  std::string line;
  auto flush = [&] {
    if (!line.empty() && line[0] == '.') out += '.';
    out += line + "\r\n";
    line.clear();
  };
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') continue;
    if (body[i] == '\n') {
      flush();
      continue;
    }
    line += body[i];
  }
  if (!line.empty()) flush();
  return out;
}

class Session {
 public:
  Session(const SmtpOptions& o) : opt_(o), socket_(io_) {}

  std::string send(const OutboxMail& m) {
    tcp::resolver resolver(io_);
    boost::system::error_code ec;
    auto endpoints = resolver.resolve(opt_.host, std::to_string(opt_.port), ec);
    if (ec) return "resolve: " + ec.message();
    if (auto e = wait("connect",
                      [&](auto done) {
                        asio::async_connect(
                            socket_, endpoints,
                            [done](boost::system::error_code e, const tcp::endpoint&) { done(e); });
                      });
        !e.empty())
      return e;
    if (auto e = expect(220); !e.empty()) return e;
    if (auto e = command("EHLO " + opt_.helo, 250); !e.empty()) return e;
    if (auto e = command("MAIL FROM:<" + header_safe(opt_.from) + ">", 250); !e.empty()) return e;
    if (auto e = command("RCPT TO:<" + header_safe(m.to) + ">", 250); !e.empty()) return e;
    if (auto e = command("DATA", 354); !e.empty()) return e;
    std::string msg = "From: Meedoen <" + header_safe(opt_.from) + ">\r\nTo: <" +
                      header_safe(m.to) + ">\r\nSubject: " + encode_subject(m.subject) +
                      "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                      "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n" +
                      dot_stuffed(m.body) + ".";
    if (auto e = command(msg, 250); !e.empty()) return e;
    (void)command("QUIT", 221);
    return {};
  }

 private:
  // Runs one asynchronous step with the configured time limit: a relay that accepts the
  // connection and then stalls must not hold the mail thread (and shutdown) forever.
  template <class Start>
  std::string wait(const char* what, Start start) {
    std::optional<boost::system::error_code> result;
    start([&result](boost::system::error_code e) { result = e; });
    io_.restart();
    io_.run_for(opt_.timeout);
    if (!result) {
      boost::system::error_code ignored;
      socket_.close(ignored);
      io_.restart();
      io_.run_for(std::chrono::milliseconds(100));  // let the cancelled operation finish
      return std::string(what) + ": no answer within " + std::to_string(opt_.timeout.count()) +
             " s";
    }
    if (*result) return std::string(what) + ": " + result->message();
    return {};
  }

  std::string command(const std::string& line, int code) {
    out_ = line + "\r\n";
    if (auto e = wait("write",
                      [&](auto done) {
                        asio::async_write(
                            socket_, asio::buffer(out_),
                            [done](boost::system::error_code e, std::size_t) { done(e); });
                      });
        !e.empty())
      return e;
    return expect(code);
  }

  // Reads a (possibly multi-line) reply and checks its code.
  std::string expect(int code) {
    for (;;) {
      if (auto e = wait("read",
                        [&](auto done) {
                          asio::async_read_until(
                              socket_, buf_, "\r\n",
                              [done](boost::system::error_code e, std::size_t) { done(e); });
                        });
          !e.empty())
        return e;
      std::istream in(&buf_);
      std::string line;
      std::getline(in, line);
      if (line.size() < 4) return "bad reply: " + line;
      if (line[3] == '-') continue;
      if (std::atoi(line.substr(0, 3).c_str()) != code) return "server said: " + line;
      return {};
    }
  }

  const SmtpOptions& opt_;
  asio::io_context io_;
  tcp::socket socket_;
  asio::streambuf buf_;
  std::string out_;
};

}  // namespace

std::string smtp_send(const SmtpOptions& options, const OutboxMail& mail) {
  try {
    Session s(options);
    return s.send(mail);
  } catch (const std::exception& e) {
    return e.what();
  }
}

struct Mailer::Impl {
  App& app;
  const Views& views;
  SmtpOptions opt;
  std::string base_url;
  std::mutex mu;
  std::condition_variable cv;
  bool stopping = false;
  std::thread thread;

  void loop() {
    std::unique_lock lock(mu);
    while (!stopping) {
      lock.unlock();
      try {
        for (auto m : app.mail().claim(20)) {
          auto text = mail_text(views, m, base_url);
          if (!text) {
            app.mail().mark(m.id, false, "unknown mail kind or missing value: " + m.kind);
            spdlog::error("mail {} not sent: unknown kind '{}' or a missing value", m.id, m.kind);
            continue;
          }
          m.subject = std::move(text->subject);
          m.body = std::move(text->body);
          const std::string error = smtp_send(opt, m);
          app.mail().mark(m.id, error.empty(), error);
          if (error.empty())
            spdlog::info("mail {} sent", m.id);
          else
            spdlog::warn("mail {} not sent: {}", m.id, error);
        }
      } catch (const std::exception& e) {
        spdlog::error("mailer: {}", e.what());
      }
      lock.lock();
      cv.wait_for(lock, opt.interval, [this] { return stopping; });
    }
  }
};

Mailer::Mailer(App& app, const Views& views, SmtpOptions options, std::string base_url)
    : impl_(new Impl{app, views, std::move(options), std::move(base_url), {}, {}, false, {}}) {
  impl_->thread = std::thread([this] { impl_->loop(); });
}

Mailer::~Mailer() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  impl_->thread.join();
}

}  // namespace meedoen::web
