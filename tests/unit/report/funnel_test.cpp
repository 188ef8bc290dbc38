#include "report/funnel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace meedoen {
namespace {

FunnelRow row(WijkId w, const char* created, double days_to_contact, bool came_along = false,
              bool referred = false, bool intake = false) {
  FunnelRow r;
  r.wijk = w;
  r.created_at = *parse_local_datetime(created);
  r.origin_at = r.created_at - 2 * 86400;  // the signal came two days before the request
  r.visited = days_to_contact >= 0 || came_along;
  if (days_to_contact >= 0)
    r.first_contact_at = r.origin_at + static_cast<Timestamp>(days_to_contact * 86400);
  r.came_along = came_along;
  r.referred = referred;
  r.intake_confirmed = intake;
  return r;
}

TEST(Funnel, CountsEachStepPerWijkAndLocalMonth) {
  const WijkId a(1), b(2);
  const std::vector<FunnelRow> rows = {
      row(a, "2026-10-31T23:30", 3, true),  // still October in Leiden
      row(a, "2026-11-01T00:30", 5, false, true, true),
      row(a, "2026-11-15T12:00", -1),
      row(b, "2026-11-02T09:00", 4, true, true),
  };
  const auto by = funnel_by_month(rows);
  ASSERT_EQ(by.size(), 3u);
  const auto& oct = by.at({a, "2026-10"});
  EXPECT_EQ(oct.requests, 1);
  EXPECT_EQ(oct.came_along, 1);
  const auto& nov = by.at({a, "2026-11"});
  EXPECT_EQ(nov.requests, 2);
  EXPECT_EQ(nov.visited, 1);
  EXPECT_EQ(nov.contact, 1);
  EXPECT_EQ(nov.referred, 1);
  EXPECT_EQ(nov.intake_confirmed, 1);
  EXPECT_EQ(by.at({b, "2026-11"}).came_along, 1);
}

TEST(Funnel, MedianDaysFromSignalToFirstContact) {
  FunnelCounts c;
  EXPECT_FALSE(c.median_days().has_value());
  for (double d : {7.0, 1.0, 3.0}) c.add(row(WijkId(1), "2026-11-01T10:00", d));
  EXPECT_DOUBLE_EQ(*c.median_days(), 3.0);
  c.add(row(WijkId(1), "2026-11-01T10:00", 4.0));
  EXPECT_DOUBLE_EQ(*c.median_days(), 3.5);
  c.add(row(WijkId(1), "2026-11-01T10:00", -1));  // no contact: not in the median
  EXPECT_DOUBLE_EQ(*c.median_days(), 3.5);
  EXPECT_EQ(c.requests, 5);
  EXPECT_EQ(c.contact, 4);
}

}  // namespace
}  // namespace meedoen

#include "report/figures.hpp"

namespace meedoen {
namespace {

TEST(Figures, ATotalIsHiddenWhenSubtractionWouldGiveASmallNumber) {
  EXPECT_EQ(suppressed(0), "0");
  EXPECT_EQ(suppressed(4), "<5");
  EXPECT_EQ(suppressed(5), "5");
  EXPECT_TRUE(total_reveals_small({6, 2}));            // 8 - 6 = 2
  EXPECT_TRUE(total_reveals_small({6, 1, 2}));         // 9 - 6 = 3: two small cells, still small
  EXPECT_FALSE(total_reveals_small({6, 3, 4}));        // 13 - 6 = 7: two cells, neither known
  EXPECT_FALSE(total_reveals_small({6, 7}));           // nothing suppressed
  EXPECT_FALSE(total_reveals_small({6, 0}));           // zero is not hidden
  EXPECT_TRUE(total_reveals_small({10, 4, 4}));        // 18 - 10 = 8: two cells of "<5", both 4
  EXPECT_TRUE(total_reveals_small({1, 1, 1, 1, 1}));   // 5: five cells, all 1
  EXPECT_FALSE(total_reveals_small({1, 1, 1, 1, 2}));  // 6: one of them is 2, but which
}

// Every way of filling the hidden cells: when the rule says the total may be shown, no hidden
// cell has only one value that fits the total.
TEST(Suppression, AShownTotalLeavesEveryHiddenCellOpen) {
  for (int n = 1; n <= 4; ++n) {
    std::vector<int> cells(static_cast<std::size_t>(n), 1);
    for (;;) {
      int sum = 0;
      for (int c : cells) sum += c;
      // The values the first cell can take when the others are any of 1..4 and the sum is known.
      int low = std::max(1, sum - 4 * (n - 1)), high = std::min(4, sum - (n - 1));
      if (!total_reveals_small(cells)) {
        EXPECT_LT(low, high) << "n " << n << " sum " << sum;
      }
      std::size_t i = 0;
      while (i < cells.size() && cells[i] == 4) cells[i++] = 1;
      if (i == cells.size()) break;
      ++cells[i];
    }
  }
}

}  // namespace
}  // namespace meedoen
