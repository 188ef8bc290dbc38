// The brigade at work: visits logged once, outcomes that send a case back, the check-out that is
// overdue, and mail without identity.
#include <algorithm>

#include "brigade_fixture.hpp"

namespace meedoen::testing {
namespace {

TEST_F(BrigadeTest, ARetriedVisitIsRecordedOnce) {
  RequestId id = assigned(mo_);
  LogVisitInput in{id, "contact", "", "", "", "", "k-123"};
  auto first = app_->brigade().log_visit(mo_, in);
  auto again = app_->brigade().log_visit(mo_, in);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_FALSE(first->duplicate);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(first->id, again->id);
  auto d = app_->brigade().request_detail(mo_, id);
  EXPECT_EQ(d->visits.size(), 1u);
  EXPECT_EQ(d->row.request.outcome, Outcome::kContact) << "first contact sets the outcome";
  EXPECT_EQ(d->row.request.first_contact_at, clock_->now());
  // Only the result is required; bad values are refused, the other peer is refused.
  EXPECT_EQ(app_->brigade().log_visit(mo_, {id, "", "", "", "", "", "k-124"}).error().field,
            "result");
  EXPECT_EQ(
      app_->brigade().log_visit(mo_, {id, "not_home", "raket", "", "", "", "k-125"}).error().field,
      "kind");
  EXPECT_EQ(app_->brigade()
                .log_visit(mo_, {id, "not_home", "", "2030-01-01T10:00", "", "", "k-126"})
                .error()
                .field,
            "when");
  EXPECT_EQ(
      app_->brigade().log_visit(anouk_, {id, "contact", "", "", "", "", "k-127"}).error().kind,
      ErrorKind::kForbidden);
}

TEST_F(BrigadeTest, DeclinedSendsTheCaseBackToTheOverlegAgenda) {
  auto s = app_->signals().raise(gp_, signal_in("Henk Alleman"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  RecordItemInput in = brigade_decision(*m);
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());
  auto held = app_->meetings().view(chair_, *m);
  ASSERT_TRUE(app_->meetings()
                  .update(chair_, *m, held->meeting.version,
                          {meerburg_, "2026-11-30T10:00", "", {}, ""}, true, true)
                  .ok());
  auto next = app_->meetings().plan(chair_, {meerburg_, "2026-12-28T10:00", "", {}, ""});
  ASSERT_TRUE(next.ok());
  const RequestId id = app_->brigade().overview(coord_)->open_requests.at(0).request.id;
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id}).ok());
  ASSERT_TRUE(app_->brigade().respond_assignment(mo_, id, true, "").ok());
  auto d = app_->brigade().request_detail(mo_, id);
  EXPECT_EQ(
      app_->brigade().set_outcome(mo_, id, "declined", "", d->row.request.version).error().field,
      "note");
  ASSERT_TRUE(app_->brigade()
                  .set_outcome(mo_, id, "declined", "Wil geen contact.", d->row.request.version)
                  .ok());
  auto signal = app_->signals().detail(chair_, s->signal_id);
  ASSERT_TRUE(signal.ok());
  EXPECT_EQ(signal->row.signal.state, SignalState::kOnAgenda);
  auto agenda = app_->meetings().view(chair_, *next);
  EXPECT_TRUE(std::any_of(agenda->items.begin(), agenda->items.end(), [&](const AgendaItemView& v) {
    return v.item.signal_id == s->signal_id && v.item.kind == AgendaItemKind::kNewSignal;
  })) << "back on the next meeting's agenda as a case to discuss again";
  ASSERT_EQ(signal->actions.size(), 1u);
  EXPECT_EQ(signal->actions[0].action.state, ActionState::kNotDone);
}

TEST_F(BrigadeTest, AnOverdueCheckOutIsFlaggedAfterTheGraceTime) {
  RequestId id = assigned(mo_);
  EXPECT_EQ(app_->brigade().check_in(mo_, id, 5).error().field, "minutes");
  ASSERT_TRUE(app_->brigade().check_in(mo_, id, 30).ok());
  EXPECT_EQ(app_->brigade().check_in(mo_, id, 30).error().kind, ErrorKind::kConflict);
  clock_->advance(30 * 60 + 15 * 60);
  EXPECT_FALSE(app_->brigade().overview(coord_)->checkins.at(0).overdue);
  clock_->advance(60);
  EXPECT_TRUE(app_->brigade().overview(coord_)->checkins.at(0).overdue);
  ASSERT_TRUE(app_->brigade().check_out(mo_).ok());
  EXPECT_TRUE(app_->brigade().overview(coord_)->checkins.empty());
  ASSERT_TRUE(app_->brigade().request_debrief(mo_, id, "Zwaar").ok());
  auto ov = app_->brigade().overview(coord_);
  ASSERT_EQ(ov->debriefs.size(), 1u);
  ASSERT_TRUE(app_->brigade().handle_debrief(coord_, ov->debriefs[0].debrief.id).ok());
  EXPECT_TRUE(app_->brigade().overview(coord_)->debriefs.empty());
}

TEST_F(BrigadeTest, MailNeverCarriesIdentity) {
  RequestId id = request("Gerrit Visser");
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id}).ok());
  auto mail = app_->mail().pending(10);
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].to, "mo@example.org");
  EXPECT_EQ(mail[0].kind, "brigade_assignment");
  EXPECT_TRUE(mail[0].subject.empty() && mail[0].body.empty()) << "web writes the words";
  for (const auto& [name, value] : mail[0].params) {
    EXPECT_EQ(value.find("Gerrit"), std::string::npos) << name;
    EXPECT_EQ(value.find("Lammenschansweg"), std::string::npos) << name;
  }
  EXPECT_EQ(mail[0].params.at("request_id"), std::to_string(id.value));
}

}  // namespace
}  // namespace meedoen::testing
