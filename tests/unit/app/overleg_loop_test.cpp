// The overleg's loop: what the brigade did comes back to the overleg.
#include <algorithm>

#include "brigade_fixture.hpp"

namespace meedoen::testing {
namespace {

// Following one resident from the overleg's decision to a referral: the action settles, the
// history says what came of it, and the next agenda carries the terugkoppeling.
TEST_F(BrigadeTest, TheBrigadesOutcomeClosesTheOverlegsLoop) {
  auto s = app_->signals().raise(gp_, signal_in("Henk Alleman"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  RecordItemInput in = brigade_decision(*m);
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());
  auto held = app_->meetings().view(chair_, *m);
  ASSERT_TRUE(app_->meetings()
                  .update(chair_, *m, held->meeting.version,
                          {meerburg_, "2026-11-30T10:00", "", {}, ""}, true)
                  .ok());
  auto next = app_->meetings().plan(chair_, {meerburg_, "2026-12-28T10:00", "", {}, ""});
  ASSERT_TRUE(next.ok());
  const RequestId id = app_->brigade().overview(coord_)->open_requests.at(0).request.id;
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id}).ok());
  ASSERT_TRUE(app_->brigade().respond_assignment(mo_, id, true, "").ok());
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "contact", "", "", "", "", "k-loop"}).ok());

  auto signal = app_->signals().detail(chair_, s->signal_id);
  ASSERT_TRUE(signal.ok());
  ASSERT_EQ(signal->actions.size(), 1u);
  EXPECT_EQ(signal->actions[0].action.state, ActionState::kDone)
      << "contact settles the overleg's action";
  EXPECT_TRUE(std::any_of(signal->timeline.begin(), signal->timeline.end(), [](const auto& e) {
    return e.kind == "brigade_outcome" && e.text == "contact";
  }));

  NewReferralInput ref{id, "wijkteam", team_org_, "", "Wil hulp bij post.", consent(), "verbal"};
  auto r = app_->referrals().create(mo_, ref);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_planned", "2026-12-20", ""}).ok());
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_done", "", ""}).ok());
  signal = app_->signals().detail(chair_, s->signal_id);
  EXPECT_TRUE(std::any_of(signal->timeline.begin(), signal->timeline.end(), [](const auto& e) {
    return e.kind == "referral_answer" && e.text == "intake_done";
  })) << "the referral's answer shows on the signal's history";

  auto agenda = app_->meetings().view(chair_, *next);
  ASSERT_TRUE(agenda.ok());
  auto fb = std::find_if(agenda->items.begin(), agenda->items.end(), [&](const AgendaItemView& v) {
    return v.item.signal_id == s->signal_id && v.item.kind == AgendaItemKind::kFollowUp;
  });
  ASSERT_NE(fb, agenda->items.end()) << "the terugkoppeling is on the next agenda";
  ASSERT_TRUE(fb->brigade.has_value());
  EXPECT_EQ(fb->brigade->outcome, Outcome::kReferredWijkteam);
  ASSERT_EQ(fb->brigade->referrals.size(), 1u);
  EXPECT_EQ(fb->brigade->referrals[0].status, ReferralStatus::kIntakeDone);
}

// No meeting was planned when the brigade made contact: planning the next one brings the
// terugkoppeling along.
TEST_F(BrigadeTest, AMeetingPlannedLaterStillGetsTheTerugkoppeling) {
  auto s = app_->signals().raise(gp_, signal_in("Henk Later"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  RecordItemInput in = brigade_decision(*m, "2027-03-01");
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());
  clock_->advance(8 * 86400);  // the meeting of 30 November took place
  auto held = app_->meetings().view(chair_, *m);
  ASSERT_TRUE(app_->meetings()
                  .update(chair_, *m, held->meeting.version,
                          {meerburg_, "2026-11-30T10:00", "", {}, ""}, true)
                  .ok());
  const RequestId id = app_->brigade().overview(coord_)->open_requests.at(0).request.id;
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id}).ok());
  ASSERT_TRUE(app_->brigade().respond_assignment(mo_, id, true, "").ok());
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "contact", "", "", "", "", "k-later"}).ok());
  auto next = app_->meetings().plan(chair_, {meerburg_, "2026-12-28T10:00", "", {}, ""});
  ASSERT_TRUE(next.ok());
  auto agenda = app_->meetings().view(chair_, *next);
  EXPECT_TRUE(std::any_of(agenda->items.begin(), agenda->items.end(), [&](const AgendaItemView& v) {
    return v.item.signal_id == s->signal_id && v.item.kind == AgendaItemKind::kFollowUp &&
           v.brigade && v.brigade->outcome == Outcome::kContact;
  }));
}

}  // namespace
}  // namespace meedoen::testing
