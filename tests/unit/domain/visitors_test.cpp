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

// A visitor's months: newest first, a month without visits shown as a gap, nothing before the
// first month they came, and days outside the period left out.
TEST(VisitorMonths, FoldDaysIntoMonthsWithTheGapsBetween) {
  const auto day = [](const char* d) { return *parse_date(d); };
  const std::vector<VisitorDay> days = {
      {day("2026-06-30"), 1, 0},  // before the period
      {day("2026-08-03"), 2, 1}, {day("2026-08-20"), 1, 0},
      {day("2026-10-01"), 0, 1},                             // an activity only
      {day("2026-12-01"), 1, 0}, {day("2026-12-02"), 0, 0},  // all taken back that day
  };
  const auto months = visitor_months(days, day("2026-07-01"), day("2026-12-03"));
  ASSERT_EQ(months.size(), 5u) << "from August, the first month in the period, to December";
  EXPECT_EQ(months[0].month, "2026-12");
  EXPECT_EQ(months[0].visits, 1);
  EXPECT_EQ(months[1].month, "2026-11");
  EXPECT_EQ(months[1].visits, 0) << "a gap";
  EXPECT_EQ(months[2].month, "2026-10");
  EXPECT_EQ(months[2].visits, 0);
  EXPECT_EQ(months[2].activities, 1);
  EXPECT_EQ(months[3].month, "2026-09");
  EXPECT_EQ(months[4].month, "2026-08");
  EXPECT_EQ(months[4].visits, 3);
  EXPECT_EQ(months[4].activities, 1);
  EXPECT_TRUE(visitor_months({}, 0, day("2026-12-03")).empty());
  EXPECT_TRUE(visitor_months({{day("2026-12-02"), 0, 0}}, 0, day("2026-12-03")).empty());
}

}  // namespace
}  // namespace meedoen
