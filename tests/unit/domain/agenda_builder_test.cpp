#include "domain/agenda_builder.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

Signal signal(int id, bool urgent, Timestamp created, SignalState state = SignalState::kNew) {
  Signal s;
  s.id = SignalId(id);
  s.urgent = urgent;
  s.created_at = created;
  s.state = state;
  return s;
}

Action action(int id, int signal_id, std::string due, ActionState state = ActionState::kOpen) {
  Action a;
  a.id = ActionId(id);
  a.signal_id = SignalId(signal_id);
  a.due_date = std::move(due);
  a.state = state;
  return a;
}

std::vector<int> ids(const std::vector<PlannedItem>& items) {
  std::vector<int> out;
  for (const auto& i : items) out.push_back(static_cast<int>(i.signal_id.value));
  return out;
}

TEST(AgendaBuilder, UrgentSignalsComeFirstThenOldestFirst) {
  AgendaCandidates c;
  c.new_signals = {signal(1, false, 300), signal(2, true, 200), signal(3, false, 100),
                   signal(4, true, 400)};
  EXPECT_EQ(ids(build_agenda(c, "2026-12-01")), (std::vector<int>{2, 4, 3, 1}));
}

TEST(AgendaBuilder, FollowUpsOfDueOpenActionsComeAfterNewSignals) {
  AgendaCandidates c;
  c.new_signals = {signal(1, false, 100)};
  c.open_actions = {action(10, 7, "2026-11-30"), action(11, 8, "2026-12-15"),
                    action(12, 9, "2026-11-01", ActionState::kDone), action(13, 6, "2026-11-20")};
  const auto items = build_agenda(c, "2026-12-01");
  EXPECT_EQ(ids(items), (std::vector<int>{1, 6, 7}));
  EXPECT_EQ(items[1].kind, AgendaItemKind::kFollowUp);
  EXPECT_EQ(items[1].action_id, ActionId(13));
}

TEST(AgendaBuilder, OneItemPerCaseAndNothingTwice) {
  AgendaCandidates c;
  c.new_signals = {signal(1, false, 100), signal(2, false, 100)};
  c.open_actions = {action(10, 5, "2026-11-01"), action(11, 5, "2026-11-02"),
                    action(12, 2, "2026-11-01")};
  c.already_on_agenda = {SignalId(1)};
  EXPECT_EQ(ids(build_agenda(c, "2026-12-01")), (std::vector<int>{2, 5}));
}

TEST(AgendaBuilder, MeldcodeAndLinkedSignalsStayOffTheOpenAgenda) {
  AgendaCandidates c;
  Signal meld = signal(1, true, 100);
  meld.meldcode = true;
  Signal linked = signal(2, false, 100);
  linked.case_id = SignalId(9);
  c.new_signals = {meld, linked, signal(3, false, 100, SignalState::kClosed)};
  EXPECT_TRUE(build_agenda(c, "2026-12-01").empty());
}

TEST(AgendaReorder, MovesOneItemAndKeepsTheOthersInOrder) {
  const std::vector<AgendaItemId> order{AgendaItemId(1), AgendaItemId(2), AgendaItemId(3),
                                        AgendaItemId(4)};
  EXPECT_EQ(reorder(order, 3, 0), (std::vector<AgendaItemId>{AgendaItemId(4), AgendaItemId(1),
                                                             AgendaItemId(2), AgendaItemId(3)}));
  EXPECT_EQ(reorder(order, 0, 1), (std::vector<AgendaItemId>{AgendaItemId(2), AgendaItemId(1),
                                                             AgendaItemId(3), AgendaItemId(4)}));
  EXPECT_EQ(reorder(order, 0, 9), order);
}

}  // namespace
}  // namespace meedoen
