// A known visitor's name, and the consent records (domain/visitors.hpp, domain/consents.hpp).
#include "domain/visitors.hpp"

#include <gtest/gtest.h>

#include "domain/consents.hpp"

namespace meedoen {
namespace {

TEST(Visitors, ANameIsNeededShortAndFree) {
  EXPECT_EQ(visitor_name_problem("Ans", false), "");
  EXPECT_EQ(visitor_name_problem("   ", false), "error.visitor.name_required");
  EXPECT_EQ(visitor_name_problem(std::string(kVisitorNameMax, 'a'), false), "");
  EXPECT_EQ(visitor_name_problem(std::string(kVisitorNameMax + 1, 'a'), false), "error.too_long");
  EXPECT_EQ(visitor_name_problem("Ans", true), "error.visitor.name_taken");
}

TEST(Consents, ARepresentativeGivesConsentInWriting) {
  ConsentRecord c;
  EXPECT_TRUE(check_consent_record(c).ok());
  c.given_by = "neighbour";
  EXPECT_EQ(check_consent_record(c).error().field, "given_by");
  c.given_by = "representative";
  EXPECT_EQ(check_consent_record(c).error().field, "consent_form");
  c.form = ConsentForm::kWritten;
  EXPECT_TRUE(check_consent_record(c).ok());
}

TEST(Consents, OnlyAConsentThatStandsIsInForce) {
  ConsentRecord c;
  EXPECT_TRUE(c.in_force());
  c.withdrawn_at = 10;
  EXPECT_FALSE(c.in_force());
  c.withdrawn_at = 0;
  c.refused = true;
  EXPECT_FALSE(c.in_force());
}

TEST(Consents, PurposesAndFormsHaveStableCodes) {
  EXPECT_EQ(to_string(ConsentPurpose::kKnownAtCentre), "centre_known");
  EXPECT_EQ(parse_consent_purpose("centre_known"), ConsentPurpose::kKnownAtCentre);
  EXPECT_FALSE(parse_consent_purpose("anything"));
  EXPECT_EQ(parse_consent_form("written"), ConsentForm::kWritten);
  EXPECT_GE(consent_text_version(ConsentPurpose::kKnownAtCentre), 1);
}

}  // namespace
}  // namespace meedoen
