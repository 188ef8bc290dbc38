// A peer's own week: profile, on-call blocks and absences.
#include <algorithm>

#include "brigade_fixture.hpp"

namespace meedoen::testing {
namespace {

TEST_F(BrigadeTest, APeerKeepsTheirOwnWeek) {
  auto s = app_->peers().settings(mo_, "2026-11-25");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->week, "2026-11-23");
  ASSERT_TRUE(
      app_->peers()
          .save_on_call(mo_, "2026-11-23",
                        {{"2026-11-24", DayPart::kMorning}, {"2026-11-22", DayPart::kMorning}})
          .error()
          .kind == ErrorKind::kInvalid)
      << "a day outside the week";
  ASSERT_TRUE(
      app_->peers().save_on_call(mo_, "2026-11-23", {{"2026-11-24", DayPart::kMorning}}).ok());
  ASSERT_TRUE(app_->peers().add_absence(mo_, {0, "2026-11-26", "2026-11-27", "vakantie"}).ok());
  EXPECT_EQ(app_->peers().add_absence(mo_, {0, "2026-11-27", "2026-11-26", ""}).error().field,
            "to");
  s = app_->peers().settings(mo_, "");
  EXPECT_TRUE(s->days[1].parts[0]);
  EXPECT_TRUE(s->days[3].absent);
  EXPECT_EQ(app_->peers().settings(coord_, "").error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->peers().save_profile(mo_, {{"xx"}, {}, "male", 4, ""}).error().field,
            "languages");
  EXPECT_EQ(app_->peers().save_profile(mo_, {{"nl"}, {}, "male", 0, ""}).error().field,
            "weekly_cap");
  EXPECT_EQ(app_->peers().remove_absence(anouk_, s->absences.at(0).id).error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(app_->peers().remove_absence(mo_, s->absences.at(0).id).ok());
}

}  // namespace
}  // namespace meedoen::testing
