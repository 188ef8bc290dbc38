// Sends the app's mail outbox through a configured SMTP server, from a background thread. Plain
// SMTP (RFC 5321) to a relay the city runs, usually on the same host or network; TLS to the
// outside world is the relay's job. Mail is only marked sent after the server accepted it, so a
// relay that is down loses nothing: the next round tries again (up to 10 times).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "web/view.hpp"

namespace meedoen::web {

struct SmtpOptions {
  std::string host;  // empty: no mail is sent; it waits in the outbox
  unsigned short port = 25;
  std::string from = "meedoen@localhost";
  std::string helo = "meedoen.local";
  std::chrono::milliseconds interval{2000};
  std::chrono::seconds timeout{10};
};

// One message over one SMTP connection, with the subject and body of `mail` as they are (see
// mail_texts.hpp for how a mail gets its words). Returns an empty string on success, else what
// went wrong.
std::string smtp_send(const SmtpOptions& options, const OutboxMail& mail);

class Mailer {
 public:
  // Starts the background thread; stops and joins it on destruction. Links in mail start with
  // `base_url`, the address people use to reach Meedoen.
  Mailer(App& app, const Views& views, SmtpOptions options, std::string base_url);
  ~Mailer();
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meedoen::web
