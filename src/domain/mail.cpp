#include "domain/mail.hpp"

#include "domain/codes.hpp"

namespace meedoen {
namespace {

constexpr CodeTable<MailKind, 3> kKinds{{
    {MailKind::kBrigadeAssignment, "brigade_assignment"},
    {MailKind::kReferralLink, "referral_link"},
    {MailKind::kReferralReminder, "referral_reminder"},
}};

}  // namespace

std::string_view mail_kind_code(MailKind k) { return code_of(kKinds, k); }
std::optional<MailKind> parse_mail_kind(std::string_view code) { return parse_code(kKinds, code); }

}  // namespace meedoen
