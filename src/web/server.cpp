#include "web/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace meedoen::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
constexpr auto kTuple = net::as_tuple(net::use_awaitable);

Request to_request(http::request<http::string_body>&& req, const std::string& remote) {
  std::map<std::string, std::string> headers;
  for (const auto& f : req) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto& slot = headers[name];
    slot = slot.empty() ? std::string(f.value()) : slot + "; " + std::string(f.value());
  }
  return make_request(std::string(req.method_string()), std::string(req.target()),
                      std::move(headers), std::move(req.body()), remote);
}

// Every response leaves through here: unsafe header values are refused and the security headers
// are set, on the server's own error answers (400, 413, 414, 431, 500) too.
// The texts of the server's own answers, written once at start.
class PlainTexts {
 public:
  explicit PlainTexts(const ServerOptions& opt) {
    for (int status : {400, 413, 414, 431, 500})
      by_status_[status] =
          opt.plain_text
              ? opt.plain_text(status)
              : std::string(http::obsolete_reason(static_cast<http::status>(status))) + "\n";
  }
  const std::string& operator()(int status) const { return by_status_.at(status); }

 private:
  std::map<int, std::string> by_status_;
};

http::response<http::string_body> to_beast(Response&& r, unsigned version, bool keep_alive,
                                           const PlainTexts& texts) {
  finalize(r, false, texts(500));
  http::response<http::string_body> res{static_cast<http::status>(r.status), version};
  res.set(http::field::server, "meedoen");
  for (auto& [k, v] : r.headers) res.insert(k, v);
  res.body() = std::move(r.body);
  res.keep_alive(keep_alive);
  res.prepare_payload();
  return res;
}

net::awaitable<void> session(beast::tcp_stream stream, const ServerOptions& opt,
                             const PlainTexts& texts, const Handler& handler) {
  beast::flat_buffer buffer;
  std::string remote;
  {
    beast::error_code ec;
    auto ep = stream.socket().remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
  }
  for (;;) {
    stream.expires_after(opt.timeout);
    http::request_parser<http::string_body> parser;
    parser.body_limit(opt.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(opt.header_limit));
    auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, kTuple);
    (void)n;
    if (ec == http::error::end_of_stream) break;
    // A request the server itself refuses: answered, then the connection is closed, since what
    // follows on it cannot be trusted to start a new request.
    auto refuse = [&](int status) -> net::awaitable<void> {
      auto res = to_beast(text(status, texts(status)), 11, false, texts);
      co_await http::async_write(stream, res, kTuple);
      // A lingering close: read and drop what the client still sends (briefly, and not without
      // end), so that closing with unread data does not reset the connection before the client
      // has read the answer.
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      char sink[16384];
      std::size_t drained = 0;
      stream.expires_after(std::chrono::seconds(2));
      while (drained < 4 * opt.body_limit) {
        auto [rec, rn] = co_await stream.async_read_some(net::buffer(sink), kTuple);
        if (rec) break;
        drained += rn;
      }
    };
    if (ec == http::error::header_limit) {
      // The parser stores the request line once it has read all of it: without one, the URL
      // alone was too long; with one, the header fields were.
      if (parser.get().target().empty())
        co_await refuse(414);
      else
        co_await refuse(431);
      break;
    }
    if (ec == http::error::body_limit) {  // a Content-Length over the limit is known at once
      co_await refuse(413);
      break;
    }
    if (ec) {
      // A malformed request gets an answer; a closed or silent connection does not.
      if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
          ec != http::error::partial_message)
        co_await refuse(400);
      break;
    }
    {
      const auto& h = parser.get();
      if (h.target().size() > opt.target_limit) {
        co_await refuse(414);
        break;
      }
      // Only chunked is a transfer coding the server reads; anything else (or chunked not last,
      // or twice) is how requests get smuggled past a proxy.
      const auto te = h.find(http::field::transfer_encoding);
      if (te != h.end() && !beast::iequals(te->value(), "chunked")) {
        co_await refuse(400);
        break;
      }
    }
    if (!parser.is_done()) {
      auto [bec, bn] = co_await http::async_read(stream, buffer, parser, kTuple);
      (void)bn;
      if (bec == http::error::body_limit) {
        co_await refuse(413);
        break;
      }
      if (bec) break;
    }
    auto req = parser.release();
    const bool keep_alive = req.keep_alive();
    const unsigned version = req.version();
    Response out;
    try {
      out = handler(to_request(std::move(req), remote));
    } catch (const std::exception& e) {
      spdlog::error("unhandled error: {}", e.what());
      out = text(500, texts(500));
    }
    auto res = to_beast(std::move(out), version, keep_alive, texts);
    auto [wec, wn] = co_await http::async_write(stream, res, kTuple);
    (void)wn;
    if (wec || !keep_alive) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace

struct Server::Impl {
  ServerOptions opt;
  PlainTexts texts;
  Handler handler;
  net::io_context ioc;
  tcp::acceptor acceptor;
  std::mutex house_mu;
  std::condition_variable house_cv;
  bool house_stop = false;

  Impl(const ServerOptions& o, Handler h)
      : opt(o), texts(o), handler(std::move(h)), ioc(o.threads), acceptor(ioc) {
    const tcp::endpoint ep(net::ip::make_address(opt.address), opt.port);
    acceptor.open(ep.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(ep);
    acceptor.listen(net::socket_base::max_listen_connections);
  }

  net::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(kTuple);
      if (ec == net::error::operation_aborted) co_return;
      if (ec) continue;
      net::co_spawn(acceptor.get_executor(),
                    session(beast::tcp_stream(std::move(socket)), opt, texts, handler),
                    net::detached);
    }
  }
};

Server::Server(const ServerOptions& options, Handler handler) {
  try {
    impl_ = std::make_unique<Impl>(options, std::move(handler));
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot listen on " + options.address + ":" +
                             std::to_string(options.port) + ": " + e.what());
  }
}

Server::~Server() = default;

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run(bool handle_signals) {
  net::co_spawn(impl_->ioc, impl_->accept_loop(), net::detached);
  std::unique_ptr<net::signal_set> signals;
  if (handle_signals) {
    signals = std::make_unique<net::signal_set>(impl_->ioc, SIGINT, SIGTERM);
    signals->async_wait([this](beast::error_code, int) { impl_->ioc.stop(); });
  }
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->opt.threads; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  std::thread housekeeper;
  if (impl_->opt.housekeeping) {
    housekeeper = std::thread([this] {
      std::unique_lock lock(impl_->house_mu);
      while (!impl_->house_stop) {
        if (impl_->house_cv.wait_for(lock, impl_->opt.housekeeping_every,
                                     [this] { return impl_->house_stop; }))
          break;
        lock.unlock();
        try {
          impl_->opt.housekeeping();
        } catch (const std::exception& e) {
          spdlog::warn("housekeeping: {}", e.what());
        }
        lock.lock();
      }
    });
  }
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  if (housekeeper.joinable()) {
    {
      std::lock_guard lock(impl_->house_mu);
      impl_->house_stop = true;
    }
    impl_->house_cv.notify_all();
    housekeeper.join();
  }
}

void Server::stop() { impl_->ioc.stop(); }

}  // namespace meedoen::web
