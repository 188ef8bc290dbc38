// The SMTP client against a small in-process server: a message goes through with dot-stuffing and
// a safe header, and a relay that accepts but never answers gives up within the time limit.
#include "web/mailer.hpp"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <istream>
#include <thread>

namespace meedoen::web {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Accepts one connection; answers like a relay unless `stall`, and keeps what it received.
class FakeRelay {
 public:
  explicit FakeRelay(bool stall)
      : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this, stall] {
      tcp::socket s(io_);
      acceptor_.accept(s);
      if (stall) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1300));
        return;
      }
      asio::streambuf buf;
      auto reply = [&](const std::string& r) { asio::write(s, asio::buffer(r + "\r\n")); };
      reply("220 fake");
      bool data = false;
      for (;;) {
        boost::system::error_code ec;
        asio::read_until(s, buf, "\r\n", ec);
        if (ec) return;
        std::istream in(&buf);
        std::string line;
        std::getline(in, line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        received_ += line + "\n";
        if (data) {
          if (line == ".") {
            data = false;
            reply("250 queued");
          }
          continue;
        }
        if (line.rfind("EHLO", 0) == 0)
          reply("250-fake\r\n250 8BITMIME");
        else if (line == "DATA") {
          data = true;
          reply("354 go");
        } else if (line == "QUIT") {
          reply("221 bye");
          return;
        } else
          reply("250 ok");
      }
    });
  }
  ~FakeRelay() { join(); }
  void join() {
    if (thread_.joinable()) thread_.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::string received_;

 private:
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
};

TEST(Mailer, SendsOneMessageWithDotStuffingAndNoHeaderInjection) {
  std::string received;
  {
    FakeRelay relay(false);
    SmtpOptions o;
    o.host = "127.0.0.1";
    o.port = relay.port();
    o.timeout = std::chrono::seconds(2);
    OutboxMail m;
    m.id = 1;
    m.to = "partner@example.org\r\nBcc: evil@example.org";
    m.subject = "Verwijzing via Meedoen";
    m.body = "Regel een\n.punt aan het begin\n";
    EXPECT_EQ(smtp_send(o, m), "");
    relay.join();
    received = relay.received_;
  }
  EXPECT_NE(received.find("RCPT TO:<partner@example.orgBcc: evil@example.org>"), std::string::npos)
      << received;
  EXPECT_EQ(received.find("\nBcc:"), std::string::npos);
  EXPECT_NE(received.find("\n..punt aan het begin\n"), std::string::npos)
      << "a line starting with a dot is stuffed";
}

TEST(Mailer, GivesUpOnARelayThatNeverAnswers) {
  FakeRelay relay(true);
  SmtpOptions o;
  o.host = "127.0.0.1";
  o.port = relay.port();
  o.timeout = std::chrono::seconds(1);
  OutboxMail m;
  m.to = "a@example.org";
  m.subject = "x";
  m.body = "y";
  const std::string error = smtp_send(o, m);
  EXPECT_NE(error.find("no answer"), std::string::npos) << error;
}

}  // namespace
}  // namespace meedoen::web
