#include "domain/signal.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

using S = SignalState;
using E = SignalEvent;

struct Case {
  S from;
  E event;
  std::optional<S> to;  // nullopt: refused
};

TEST(SignalStateMachine, FollowsTheTableOfTransitions) {
  const Case cases[] = {
      {S::kNew, E::kPlaceOnAgenda, S::kOnAgenda},
      {S::kNew, E::kRemoveFromAgenda, std::nullopt},
      {S::kNew, E::kDiscussNoAction, std::nullopt},
      {S::kNew, E::kDiscussWithAction, std::nullopt},
      {S::kNew, E::kActionsSettled, std::nullopt},
      {S::kNew, E::kClose, S::kClosed},
      {S::kOnAgenda, E::kPlaceOnAgenda, std::nullopt},
      {S::kOnAgenda, E::kRemoveFromAgenda, S::kNew},
      {S::kOnAgenda, E::kDiscussNoAction, S::kDiscussed},
      {S::kOnAgenda, E::kDiscussWithAction, S::kActionsRunning},
      {S::kOnAgenda, E::kClose, S::kClosed},
      {S::kDiscussed, E::kPlaceOnAgenda, S::kOnAgenda},
      {S::kDiscussed, E::kDiscussWithAction, S::kActionsRunning},
      {S::kDiscussed, E::kActionsSettled, std::nullopt},
      {S::kDiscussed, E::kClose, S::kClosed},
      {S::kActionsRunning, E::kPlaceOnAgenda, S::kActionsRunning},
      {S::kActionsRunning, E::kDiscussNoAction, S::kActionsRunning},
      {S::kActionsRunning, E::kActionsSettled, S::kDiscussed},
      {S::kActionsRunning, E::kRemoveFromAgenda, std::nullopt},
      {S::kActionsRunning, E::kClose, S::kClosed},
      {S::kClosed, E::kPlaceOnAgenda, std::nullopt},
      {S::kClosed, E::kClose, std::nullopt},
      {S::kLinked, E::kPlaceOnAgenda, std::nullopt},
      {S::kLinked, E::kClose, std::nullopt},
  };
  for (const auto& c : cases) {
    auto r = transition(c.from, c.event);
    SCOPED_TRACE(std::string(to_string(c.from)) + " event " +
                 std::to_string(static_cast<int>(c.event)));
    ASSERT_EQ(r.ok(), c.to.has_value());
    if (c.to) {
      EXPECT_EQ(*r, *c.to);
    }
  }
}

TEST(SignalStateMachine, StateCodesRoundTrip) {
  for (auto s : {S::kNew, S::kOnAgenda, S::kDiscussed, S::kActionsRunning, S::kClosed, S::kLinked})
    EXPECT_EQ(parse_signal_state(to_string(s)), s);
  EXPECT_FALSE(parse_signal_state("bogus").has_value());
}

TEST(SignalClosing, NeedsAReason) {
  Signal s;
  s.state = S::kDiscussed;
  EXPECT_FALSE(can_close(s, "").ok());
  EXPECT_FALSE(can_close(s, "   \n").ok());
  EXPECT_EQ(can_close(s, "").error().field, "reason");
  EXPECT_TRUE(can_close(s, "Bewoner komt naar de inloop").ok());
}

TEST(SignalClosing, MeldcodeSignalNeedsTheWeighingFirst) {
  Signal s;
  s.meldcode = true;
  EXPECT_EQ(can_close(s, "Hulp loopt").error().message_key, "error.signal.meldcode_not_weighed");
  s.meldcode_weighed = true;
  EXPECT_TRUE(can_close(s, "Hulp loopt").ok());
}

TEST(SignalClosing, ClosedSignalCannotBeClosedAgain) {
  Signal s;
  s.state = S::kClosed;
  EXPECT_EQ(can_close(s, "nogmaals").error().kind, ErrorKind::kConflict);
}

TEST(Meldcode, TextAboutViolenceOrChildAbusePointsToTheMeldcode) {
  EXPECT_TRUE(text_suggests_meldcode("Buren denken dat mevrouw geslagen wordt"));
  EXPECT_TRUE(text_suggests_meldcode("Zorgen over KINDERMISHANDELING in het gezin"));
  EXPECT_TRUE(text_suggests_meldcode("Er is sprake van huiselijk geweld"));
  EXPECT_FALSE(text_suggests_meldcode("Meneer is al maanden niet buiten gezien"));
  // A word at the end of the text, or before a full stop, counts too.
  EXPECT_TRUE(text_suggests_meldcode("Ze vertelde dat haar partner haar slaat"));
  EXPECT_TRUE(text_suggests_meldcode("Haar partner slaat. Ze is bang."));
}

}  // namespace
}  // namespace meedoen
