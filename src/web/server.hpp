// The HTTP server: Boost.Beast on Asio with one C++20 coroutine per connection, an explicit body
// limit and timeout on every read, and a fixed number of threads running the handler.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "web/http.hpp"

namespace meedoen::web {

using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 2;
  std::size_t body_limit = 256 * 1024;
  std::chrono::seconds timeout{30};
  std::size_t target_limit = 8 * 1024;   // a longer URL gets 414
  std::size_t header_limit = 16 * 1024;  // longer headers get 431
  // Called every `housekeeping_every` on a thread of its own while the server runs (the WAL
  // checkpoint, expired sessions); empty: none.
  std::function<void()> housekeeping;
  std::chrono::milliseconds housekeeping_every{5000};
  // The plain text of an answer the server gives itself (400, 413, 414, 431 and 500), in the
  // site's words (Site::plain_text); empty: the status's English reason phrase.
  std::function<std::string(int status)> plain_text;
};

class Server {
 public:
  // Binds and listens; throws std::runtime_error when the address cannot be bound.
  Server(const ServerOptions& options, Handler handler);
  ~Server();
  unsigned short port() const;
  // Serves until stop() or SIGINT/SIGTERM (when handle_signals). Blocks the calling thread.
  void run(bool handle_signals);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meedoen::web
