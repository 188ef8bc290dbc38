// The consent rules for a referral, as a table, and the referral's status rules.
#include "domain/referral.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

const std::int64_t kToday = *parse_date("2026-11-23");

Consent valid() {
  Consent c;
  c.given_by = "resident";
  c.date = "2026-11-20";
  c.purpose = "Hulp bij post en schulden";
  c.recipient = "Sociaal Wijkteam Leiden";
  c.form = ConsentForm::kVerbal;
  c.fields.story = true;
  return c;
}

TEST(Consent, RulesTable) {
  struct Row {
    const char* what;
    void (*change)(Consent&);
    const char* error;  // nullptr: valid
  };
  const Row rows[] = {
      {"a complete verbal consent of the resident", [](Consent&) {}, nullptr},
      {"given today", [](Consent& c) { c.date = "2026-11-23"; }, nullptr},
      {"given 30 days ago", [](Consent& c) { c.date = "2026-10-24"; }, nullptr},
      {"given 31 days ago", [](Consent& c) { c.date = "2026-10-23"; }, "error.consent.too_old"},
      {"dated tomorrow", [](Consent& c) { c.date = "2026-11-24"; }, "error.consent.future"},
      {"no date", [](Consent& c) { c.date = ""; }, "error.consent.date"},
      {"a malformed date", [](Consent& c) { c.date = "20-11-2026"; }, "error.consent.date"},
      {"nobody named as giver", [](Consent& c) { c.given_by = ""; }, "error.consent.given_by"},
      {"an unknown giver", [](Consent& c) { c.given_by = "buurman"; }, "error.consent.given_by"},
      {"no purpose", [](Consent& c) { c.purpose = "  "; }, "error.consent.purpose"},
      {"no recipient", [](Consent& c) { c.recipient = ""; }, "error.consent.recipient"},
      {"nothing to share", [](Consent& c) { c.fields = {}; }, "error.consent.nothing_shared"},
      {"only a phone number",
       [](Consent& c) {
         c.fields = {false, false, true, false};
       },
       nullptr},
      {"a representative, verbally", [](Consent& c) { c.given_by = "representative"; },
       "error.consent.representative_written"},
      {"a representative, in writing",
       [](Consent& c) {
         c.given_by = "representative";
         c.form = ConsentForm::kWritten;
       },
       nullptr},
  };
  for (const auto& r : rows) {
    Consent c = valid();
    r.change(c);
    const Status st = check_consent(c, kToday);
    if (!r.error) {
      EXPECT_TRUE(st.ok()) << r.what << ": " << st.error().message_key;
    } else {
      ASSERT_FALSE(st.ok()) << r.what;
      EXPECT_EQ(st.error().message_key, r.error) << r.what;
    }
  }
}

TEST(Referral, StatusTransitions) {
  using S = ReferralStatus;
  EXPECT_TRUE(referral_transition(S::kSent, S::kReceived).ok());
  EXPECT_TRUE(referral_transition(S::kSent, S::kIntakePlanned).ok());
  EXPECT_TRUE(referral_transition(S::kReceived, S::kDeclined).ok());
  EXPECT_TRUE(referral_transition(S::kIntakePlanned, S::kIntakeDone).ok());
  EXPECT_FALSE(referral_transition(S::kIntakeDone, S::kDeclined).ok());
  EXPECT_FALSE(referral_transition(S::kDeclined, S::kIntakePlanned).ok());
  EXPECT_FALSE(referral_transition(S::kIntakePlanned, S::kReceived).ok());
}

TEST(Referral, WithoutAnAnswerAfterNDaysItIsFlagged) {
  Referral r;
  r.created_at = 0;
  EXPECT_FALSE(r.no_response(10 * 86400, 10));
  EXPECT_TRUE(r.no_response(10 * 86400 + 1, 10));
  r.status = ReferralStatus::kReceived;
  EXPECT_TRUE(r.no_response(11 * 86400, 10)) << "received is not an answer";
  r.status = ReferralStatus::kIntakePlanned;
  EXPECT_FALSE(r.no_response(100 * 86400, 10));
  r.status = ReferralStatus::kDeclined;
  EXPECT_FALSE(r.no_response(100 * 86400, 10));
}

}  // namespace
}  // namespace meedoen
