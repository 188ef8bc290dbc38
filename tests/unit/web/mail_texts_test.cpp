// The words of each kind of mail, from its template and the catalogue: what a peer and a partner
// read, with the link to this server, and a mail this version cannot write is not sent.
#include "web/mail_texts.hpp"

#include <gtest/gtest.h>

namespace meedoen::web {
namespace {

const Views& views() {
  static const Views v(MEEDOEN_SOURCE_DIR);
  return v;
}

OutboxMail mail(MailKind kind, std::map<std::string, std::string> params) {
  OutboxMail m;
  m.to = "iemand@example.nl";
  m.kind = mail_kind_code(kind);
  m.params = std::move(params);
  return m;
}

TEST(MailTexts, APeerReadsTheirNewRequestInformallyWithALinkAndNoResident) {
  const auto text =
      mail_text(views(),
                mail(MailKind::kBrigadeAssignment,
                     {{"peer_name", "Mo"}, {"wijk", "Meerburg"}, {"request_id", "42"}}),
                "https://meedoen.leiden.nl");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->subject, "Nieuw verzoek voor de Vliegende Brigade");
  EXPECT_EQ(text->body,
            "Hallo Mo,\n\n"
            "Er staat een nieuw verzoek voor je klaar in wijk Meerburg.\n"
            "Bekijk het en zeg ja of nee:\n"
            "https://meedoen.leiden.nl/verzoeken/42\n\n"
            "In deze e-mail staan bewust geen gegevens van de bewoner.\n");
}

TEST(MailTexts, APartnerReadsTheReferralFormallyWithTheOneTimeLinkAndItsEnd) {
  const Timestamp expires = 1797336000;  // 2026-12-15 12:00 UTC
  const std::map<std::string, std::string> params = {{"organisation", "Schuldhulp & Co"},
                                                     {"token", "abc_DEF-123"},
                                                     {"expires_at", std::to_string(expires)}};
  const auto text = mail_text(views(), mail(MailKind::kReferralLink, params), "http://h:8");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->subject, "Verwijzing via Meedoen voor Schuldhulp & Co") << "no HTML escaping";
  EXPECT_EQ(text->body,
            "Goedendag,\n\n"
            "Via Meedoen (Vliegende Brigade) is een bewoner naar Schuldhulp & Co verwezen. De "
            "bewoner heeft hiervoor toestemming gegeven.\n\n"
            "Open deze link om de aanmelding te bekijken en de intake te bevestigen of af te "
            "wijzen:\n"
            "http://h:8/verwijzing/abc_DEF-123\n\n"
            "De link werkt een keer en verloopt op 2026-12-15.\n"
            "In deze e-mail staan bewust geen gegevens van de bewoner.\n");

  const auto reminder = mail_text(views(), mail(MailKind::kReferralReminder, params), "http://h:8");
  ASSERT_TRUE(reminder.has_value());
  EXPECT_EQ(reminder->subject, "Herinnering: verwijzing via Meedoen voor Schuldhulp & Co");
  EXPECT_EQ(reminder->body.rfind("Goedendag,\n\nWe hebben nog geen antwoord op een verwijzing die "
                                 "we u stuurden. Via Meedoen",
                                 0),
            0u)
      << reminder->body;
}

TEST(MailTexts, AMailThisVersionCannotWriteIsNotSent) {
  auto unknown = mail(MailKind::kBrigadeAssignment, {});
  unknown.kind = "invitation_to_tea";
  EXPECT_FALSE(mail_text(views(), unknown, "http://h").has_value());
  EXPECT_FALSE(mail_text(views(), mail(MailKind::kBrigadeAssignment, {{"peer_name", "Mo"}}), "x")
                   .has_value())
      << "a value is missing";
  EXPECT_FALSE(mail_text(views(),
                         mail(MailKind::kReferralLink,
                              {{"organisation", "O"}, {"token", "t"}, {"expires_at", "morgen"}}),
                         "x")
                   .has_value())
      << "an end date that is not a time";
}

TEST(MailTexts, MailWrittenBeforeKindsIsSentAsItWasWritten) {
  OutboxMail old;
  old.subject = "Verwijzing";
  old.body = "Goedendag,\r\n";
  const auto text = mail_text(views(), old, "http://h");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->subject, "Verwijzing");
  EXPECT_EQ(text->body, "Goedendag,\r\n");
}

TEST(MailTexts, NamedValuesFillTheirPlaceAndUnknownNamesStay) {
  EXPECT_EQ(views().message_with("nl", "mail_referral_expires", {{"date", "2027-01-02"}}),
            "De link werkt een keer en verloopt op 2027-01-02.");
  EXPECT_EQ(views().message_with("nl", "mail_assignment_greeting", {{"other", "x"}}),
            "Hallo {name},");
  EXPECT_EQ(views().message_with("nl", "no.such.key", {}), "no.such.key");
}

}  // namespace
}  // namespace meedoen::web
