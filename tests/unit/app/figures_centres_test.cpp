// The centres' figures (app/figures.hpp, Centres::figures): per centre and month, counted as the
// tally counts, small numbers shown as "<5", and a total hidden when it would give one away.
#include <map>

#include "centre_fixture.hpp"

namespace meedoen::testing {
namespace {

class CentreFiguresTest : public CentreTest {
 protected:
  void SetUp() override {
    CentreTest::SetUp();
    add("coco", "coordinator", org(), {meerburg_});
    coco_ = login("coco");
  }

  void taps(int n, const std::string& part, bool first = false) {
    for (int i = 0; i < n; ++i) {
      TapInput in;
      in.key = "key-fig-" + std::to_string(++keys_);
      in.part = part;
      in.tags.first_visit = first;
      ASSERT_TRUE(app_->centres().tap(greet_, matilo_, in).ok());
    }
  }

  static std::map<std::string, std::string> cells(const CentreFigureRow& r) {
    return {r.cells.begin(), r.cells.end()};
  }

  User coco_;
  int keys_ = 0;
};

TEST_F(CentreFiguresTest, OnlyThoseWhoSeeFiguresSeeThem) {
  EXPECT_EQ(app_->centres().figures(greet_, 6).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->centres().figures(gp_, 6).error().kind, ErrorKind::kForbidden);
  auto f = app_->centres().figures(coco_, 6);
  ASSERT_TRUE(f.ok());
  EXPECT_TRUE(f->rows.empty()) << "nothing counted yet";
}

TEST_F(CentreFiguresTest, SmallNumbersAreSuppressedAndATotalThatGivesOneAwayIsHidden) {
  taps(12, "morning", false);
  taps(6, "afternoon", true);
  taps(3, "evening");  // a small number
  auto f = app_->centres().figures(coco_, 6);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->rows.size(), 1u);
  auto m = cells(f->rows[0]);
  EXPECT_EQ(f->rows[0].centre_name, "Matilo");
  EXPECT_EQ(m["figures.centre_morning"], "12");
  EXPECT_EQ(m["figures.centre_afternoon"], "6");
  EXPECT_EQ(m["figures.centre_evening"], "<5");
  EXPECT_EQ(m["figures.centre_visits"], "–") << "21 - 12 - 6 would give the evening's 3 away";
  EXPECT_EQ(m["figures.centre_first_visits"], "6");
  EXPECT_EQ(m["figures.centre_activities"], "0");
  ASSERT_EQ(f->totals.size(), 1u);
  EXPECT_EQ(cells(f->totals[0])["figures.centre_visits"], "–")
      << "the total of a hidden month is hidden too";

  taps(2, "evening");  // five in the evening now: nothing small left
  f = app_->centres().figures(coco_, 6);
  m = cells(f->rows[0]);
  EXPECT_EQ(m["figures.centre_evening"], "5");
  EXPECT_EQ(m["figures.centre_visits"], "23");
  EXPECT_EQ(f->rows[0].raw[0], 23);
  EXPECT_EQ(cells(f->totals[0])["figures.centre_visits"], "23");
}

// A month's hidden visits do not come back from the totals: the totals of the day parts add up to
// the visits of every month together, so with the other months shown they would give it away.
TEST_F(CentreFiguresTest, AHiddenMonthDoesNotComeBackFromTheDayPartsTotals) {
  const int months[3][3] = {{3, 10, 10}, {2, 3, 10}, {3, 2, 10}};
  for (int m = 0; m < 3; ++m) {
    if (m > 0) clock_->advance(31 * 86400);
    taps(months[m][0], "morning");
    taps(months[m][1], "afternoon");
    taps(months[m][2], "evening");
  }
  auto f = app_->centres().figures(coco_, 6);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->rows.size(), 3u);
  EXPECT_EQ(cells(f->rows[0])["figures.centre_visits"], "–");
  EXPECT_EQ(cells(f->rows[1])["figures.centre_visits"], "15");
  const auto total = cells(f->totals.at(0));
  for (const char* key : {"figures.centre_visits", "figures.centre_morning",
                          "figures.centre_afternoon", "figures.centre_evening"})
    EXPECT_EQ(total.at(key), "–") << key;
}

TEST_F(CentreFiguresTest, EachMonthIsItsOwnRowAndTheTotalAddsThemUp) {
  taps(7, "morning");
  clock_->advance(40 * 86400);  // the next month, or the one after
  taps(9, "morning");
  auto f = app_->centres().figures(coco_, 6);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->rows.size(), 2u);
  EXPECT_LT(f->rows[0].month, f->rows[1].month) << "oldest first";
  EXPECT_EQ(cells(f->rows[0])["figures.centre_visits"], "7");
  EXPECT_EQ(cells(f->rows[1])["figures.centre_visits"], "9");
  EXPECT_EQ(cells(f->totals[0])["figures.centre_visits"], "16");
  f = app_->centres().figures(coco_, 1);
  ASSERT_EQ(f->rows.size(), 1u) << "only this month";
}

}  // namespace
}  // namespace meedoen::testing
