// The words of a mail. The app writes what a mail is about (domain/mail.hpp: a kind and its
// values); here it becomes a subject and a body, from the template templates/mail/<kind> and the
// message catalogue, with links that start at the address people use to reach Meedoen.
#pragma once

#include <optional>
#include <string>

#include "domain/mail.hpp"
#include "web/view.hpp"

namespace meedoen::web {

struct MailText {
  std::string subject;
  std::string body;  // lines end in "\n"; the mailer sends them as CRLF
};

// nullopt when the kind is unknown to this version or a value it needs is missing: such a mail
// is not sent, and says why in the outbox.
std::optional<MailText> mail_text(const Views& views, const OutboxMail& mail,
                                  const std::string& base_url);

}  // namespace meedoen::web
