#include "web/mail_texts.hpp"

#include <charconv>

#include "domain/role.hpp"

namespace meedoen::web {
namespace {

const std::string* value(const OutboxMail& m, const std::string& name) {
  const auto it = m.params.find(name);
  return it == m.params.end() ? nullptr : &it->second;
}

std::optional<MailText> brigade_assignment(const Views& views, const OutboxMail& m,
                                           const std::string& base_url) {
  const auto* peer = value(m, "peer_name");
  const auto* wijk = value(m, "wijk");
  const auto* request = value(m, "request_id");
  if (!peer || !wijk || !request) return std::nullopt;
  // This mail always goes to a peer worker, whom Dutch addresses informally.
  const std::string lang = text_lang_for("nl", Role::kPeer);
  boost::json::object model;
  model["greeting"] = views.message_with(lang, "mail_assignment_greeting", {{"name", *peer}});
  model["news"] = views.message_with(lang, "mail_assignment_news", {{"wijk", *wijk}});
  model["link"] = base_url + "/verzoeken/" + *request;
  return MailText{views.message(lang, "mail_assignment_subject"),
                  views.render("mail/brigade_assignment", model, lang)};
}

std::optional<MailText> referral_link(const Views& views, const OutboxMail& m,
                                      const std::string& base_url, bool reminder) {
  const auto* organisation = value(m, "organisation");
  const auto* token = value(m, "token");
  const auto* expires = value(m, "expires_at");
  Timestamp expires_at = 0;
  if (!organisation || !token || !expires ||
      std::from_chars(expires->data(), expires->data() + expires->size(), expires_at).ec !=
          std::errc())
    return std::nullopt;
  const std::string lang = "nl";  // a partner's language is not known: the city's own
  const std::map<std::string, std::string> values = {{"organisation", *organisation},
                                                     {"date", format_date(expires_at)}};
  boost::json::object model;
  model["reminder"] = reminder;
  model["intro"] = views.message_with(lang, "mail_referral_intro", values);
  model["link"] = base_url + "/verwijzing/" + *token;
  model["expires"] = views.message_with(lang, "mail_referral_expires", values);
  // Each key written out in its call, so that the catalogue test sees both.
  return MailText{reminder ? views.message_with(lang, "mail_referral_reminder_subject", values)
                           : views.message_with(lang, "mail_referral_subject", values),
                  views.render("mail/referral_link", model, lang)};
}

}  // namespace

std::optional<MailText> mail_text(const Views& views, const OutboxMail& mail,
                                  const std::string& base_url) {
  if (mail.kind.empty()) return MailText{mail.subject, mail.body};  // written before kinds
  const auto kind = parse_mail_kind(mail.kind);
  if (!kind) return std::nullopt;
  switch (*kind) {
    case MailKind::kBrigadeAssignment:
      return brigade_assignment(views, mail, base_url);
    case MailKind::kReferralLink:
      return referral_link(views, mail, base_url, false);
    case MailKind::kReferralReminder:
      return referral_link(views, mail, base_url, true);
  }
  return std::nullopt;
}

}  // namespace meedoen::web
