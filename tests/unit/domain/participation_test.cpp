// Participation over time (domain/participation.hpp): what a note may hold, where a visitor
// stands from their notes, and the visitors who went up a rung per centre and month.
#include "domain/participation.hpp"

#include <gtest/gtest.h>

#include <random>

namespace meedoen {
namespace {

ParticipationNote note(std::int64_t id, std::int64_t day, int rung, std::string goal = {}) {
  ParticipationNote n;
  n.id = ParticipationNoteId(id);
  n.visitor = VisitorId(1);
  n.day = day;
  n.rung = rung;
  n.goal = std::move(goal);
  return n;
}

TEST(ParticipationNote, ARungOrAGoalIsEnough) {
  EXPECT_EQ(participation_note_problem(3, "").second, "");
  EXPECT_EQ(participation_note_problem(0, "iets voor anderen doen").second, "");
  EXPECT_EQ(participation_note_problem(0, "   ").second, "error.participation.empty");
  EXPECT_EQ(participation_note_problem(7, "").first, "rung");
  EXPECT_EQ(participation_note_problem(-1, "x").second, "error.invalid_choice");
  EXPECT_EQ(participation_note_problem(2, std::string(kGoalMax + 1, 'a')).first, "goal");
  EXPECT_EQ(participation_note_problem(2, std::string(kGoalMax, 'a')).second, "");
}

TEST(LadderPath, FollowsTheRungsInTheOrderOfTheTalks) {
  // Given newest first, as the store gives them; a talk about the goal only keeps the rung.
  const auto p = ladder_path({note(4, 40, 3), note(3, 30, 0, "iets voor anderen doen"),
                              note(2, 20, 2), note(1, 10, 1, "weer op tijd mijn bed uit")});
  EXPECT_EQ(p.first, 1);
  EXPECT_EQ(p.first_day, 10);
  EXPECT_EQ(p.latest, 3);
  EXPECT_EQ(p.latest_day, 40);
  EXPECT_TRUE(p.moved_up());
  EXPECT_EQ(p.up_days, (std::vector<std::int64_t>{20, 40}));
  EXPECT_EQ(p.goal, "iets voor anderen doen");
}

TEST(LadderPath, DownAndUpAgainCountsOnlyTheStepUp) {
  const auto p = ladder_path({note(1, 10, 3), note(2, 20, 2), note(3, 30, 3), note(4, 40, 3)});
  EXPECT_EQ(p.up_days, (std::vector<std::int64_t>{30}));
  EXPECT_FALSE(p.moved_up()) << "back where they started";
  EXPECT_FALSE(ladder_path({}).moved_up());
  EXPECT_EQ(ladder_path({note(1, 5, 0, "x")}).first, 0);
}

TEST(LadderPath, TwoTalksOnOneDayFollowTheOrderTheyWereWritten) {
  const auto p = ladder_path({note(2, 10, 2), note(1, 10, 1)});
  EXPECT_EQ(p.up_days, (std::vector<std::int64_t>{10}));
  EXPECT_EQ(p.latest, 2);
}

TEST(MovedUp, EachVisitorOncePerMonthAndOnlyInThePeriod) {
  const std::int64_t nov1 = *parse_date("2026-11-01"), oct1 = *parse_date("2026-10-01");
  std::vector<CentreLadderNote> notes;
  auto add = [&](int centre, int visitor, std::int64_t id, std::int64_t day, int rung) {
    CentreLadderNote l;
    l.centre = CentreId(centre);
    l.note = note(id, day, rung);
    l.note.visitor = VisitorId(visitor);
    notes.push_back(l);
  };
  add(1, 1, 1, oct1 - 40, 1);  // before the period: where visitor 1 started
  add(1, 1, 2, oct1 + 3, 2);   // up in October
  add(1, 1, 3, nov1 + 1, 3);   // up in November
  add(1, 1, 4, nov1 + 9, 4);   // up again in November: still one visitor
  add(1, 2, 5, nov1 + 2, 2);   // visitor 2: a first talk is no step
  add(2, 3, 6, oct1 - 90, 1);  // visitor 3 at centre 2: up before the period only
  add(2, 3, 7, oct1 - 60, 2);
  const auto up = moved_up_per_month(notes, oct1, nov1 + 29);
  ASSERT_EQ(up.size(), 2u);
  EXPECT_EQ(up[0].centre, CentreId(1));
  EXPECT_EQ(up[0].month, "2026-10");
  EXPECT_EQ(up[0].visitors, 1);
  EXPECT_EQ(up[1].month, "2026-11");
  EXPECT_EQ(up[1].visitors, 1);
}

// Property: a visitor is counted in a month exactly when one of their talks in it has a higher
// rung than the talk before it, whatever order the notes come in.
TEST(MovedUp, NeverCountsMoreVisitorsThanWentUp) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<CentreLadderNote> notes;
    const int visitors = 1 + static_cast<int>(rng() % 6);
    int ups = 0;
    std::int64_t id = 0;
    for (int v = 1; v <= visitors; ++v) {
      int before = 0;
      bool up = false;
      for (int k = 0; k < 4; ++k) {
        const int rung = 1 + static_cast<int>(rng() % kLadderRungs);
        CentreLadderNote l;
        l.centre = CentreId(1);
        l.note = note(++id, 100 + k, rung);  // one month: day 100..103 of 1970
        l.note.visitor = VisitorId(v);
        notes.push_back(l);
        up = up || (before > 0 && rung > before);
        before = rung;
      }
      ups += up ? 1 : 0;
    }
    std::shuffle(notes.begin(), notes.end(), rng);
    const auto got = moved_up_per_month(notes, 0, 1000);
    int counted = 0;
    for (const auto& m : got) counted += m.visitors;
    EXPECT_EQ(counted, ups);
  }
}

}  // namespace
}  // namespace meedoen
