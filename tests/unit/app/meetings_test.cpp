#include "app_fixture.hpp"

namespace meedoen::testing {
namespace {

using MeetingsTest = AppTest;

TEST_F(MeetingsTest, PlanningBuildsTheAgendaAndADecisionMakesAnActionWithIdentityForItsOwner) {
  auto s1 = app_->signals().raise(gp_, signal_in("Henk Alleman"));
  RaiseSignalInput urgent = signal_in("Truus");
  urgent.urgent = true;
  auto s2 = app_->signals().raise(gp_, urgent);
  ASSERT_TRUE(s1.ok() && s2.ok());
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  ASSERT_TRUE(m.ok()) << m.error().message_key;
  auto view = app_->meetings().view(chair_, *m);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->items.size(), 2u);
  EXPECT_EQ(view->items[0].item.signal_id, s2->signal_id);  // urgent first
  EXPECT_EQ(view->meeting.place, "Matilo");                 // the wijk's usual place

  // A decision without an owner is refused; with an owner it makes an action.
  RecordItemInput in{*m,
                     view->items[1].item.id,
                     view->items[1].item.version,
                     "Wijkagent belt aan",
                     Decision::kPolice,
                     std::nullopt,
                     std::nullopt,
                     "2026-12-14",
                     false,
                     {}};
  EXPECT_EQ(app_->meetings().record_item(chair_, in).error().field, "owner");
  in.owner = agent_.id;
  auto rec = app_->meetings().record_item(chair_, in);
  ASSERT_TRUE(rec.ok());
  EXPECT_TRUE(rec->saved);
  ASSERT_TRUE(rec->action.has_value());

  auto mine = app_->meetings().my_actions(agent_);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  ASSERT_TRUE((*mine)[0].identity.has_value());
  EXPECT_EQ((*mine)[0].identity->name, "Henk Alleman");
  // Only the chair of the wijk runs the meeting.
  EXPECT_EQ(app_->meetings().record_item(agent_, in).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->meetings().view(other_, *m).error().kind, ErrorKind::kForbidden);

  // Done: the case is discussed again, and the identity is no longer shown.
  ASSERT_TRUE(app_->meetings()
                  .settle_action(agent_, *rec->action, ActionState::kDone, "Kennisgemaakt")
                  .ok());
  auto after = app_->signals().detail(chair_, s1->signal_id);
  EXPECT_EQ(after->row.signal.state, SignalState::kDiscussed);
  EXPECT_FALSE(app_->meetings().my_actions(agent_)->at(0).identity.has_value());
}

TEST_F(MeetingsTest, ASecondEditorOfTheSameItemGetsAVersionConflict) {
  ASSERT_TRUE(app_->signals().raise(gp_, signal_in("Piet")).ok());
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput a{*m, item.id, item.version, "Eerste tekst", Decision::kNone,
                    {}, {},      "",           false,          {}};
  RecordItemInput b{*m, item.id, item.version, "Tweede tekst", Decision::kNone,
                    {}, {},      "",           false,          {}};
  ASSERT_TRUE(app_->meetings().record_item(chair_, a).ok());
  auto r = app_->meetings().record_item(chair_, b);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message_key, "error.meeting.version_conflict");
  EXPECT_EQ(app_->meetings().view(chair_, *m)->items.at(0).item.summary, "Eerste tekst");
}

TEST_F(MeetingsTest, ASummaryWithANameFromTheVaultIsHeldBackUntilConfirmed) {
  ASSERT_TRUE(app_->signals().raise(gp_, signal_in("Gerrit Vlasblom")).ok());
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{
      *m,    item.id, item.version, "Gesprek met vlasblom gepland", Decision::kNone, {}, {}, "",
      false, {}};
  auto r = app_->meetings().record_item(chair_, in);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->name_warning);
  EXPECT_FALSE(r->saved);
  in.summary = "Gesprek gepland";
  EXPECT_TRUE(app_->meetings().record_item(chair_, in)->saved);
}

TEST_F(MeetingsTest, OpenActionsComeBackOnTheNextAgenda) {
  ASSERT_TRUE(app_->signals().raise(gp_, signal_in("Bram")).ok());
  auto m1 = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto item = app_->meetings().view(chair_, *m1)->items.at(0).item;
  RecordItemInput in{*m1, item.id,   item.version, "Wijkteam belt", Decision::kWijkteam,
                     {},  agent_.id, "2026-12-10", false,           {}};
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());
  auto m2 = app_->meetings().plan(chair_, {meerburg_, "2026-12-28T10:00", "", {}, ""});
  auto next = app_->meetings().view(chair_, *m2);
  ASSERT_EQ(next->items.size(), 1u);
  EXPECT_EQ(next->items[0].item.kind, AgendaItemKind::kFollowUp);
}

TEST_F(MeetingsTest, AttendanceIsRecordedPerOrganisation) {
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto v = app_->meetings().view(chair_, *m);
  ASSERT_TRUE(app_->meetings()
                  .record_attendance(chair_, *m, v->meeting.version, {{gp_.org_id, true, "Dokter"}})
                  .ok());
  EXPECT_FALSE(app_->meetings()
                   .record_attendance(chair_, *m, v->meeting.version, {})
                   .ok());  // stale version
  auto after = app_->meetings().view(chair_, *m);
  bool found = false;
  for (const auto& a : after->attendance) found = found || (a.org.id == gp_.org_id && a.present);
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace meedoen::testing

namespace meedoen::testing {
namespace {

TEST_F(MeetingsTest, TheDecisionFormNamesEveryMissingFieldAtOnce) {
  ASSERT_TRUE(app_->signals().raise(gp_, signal_in("Henk Alleman")).ok());
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  ASSERT_TRUE(m.ok());
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{*m,
                     item.id,
                     item.version,
                     std::string(5000, 'x'),
                     Decision::kPolice,
                     std::nullopt,
                     std::nullopt,
                     "",
                     false,
                     {}};
  in.regisseur = other_.id;  // not of this wijk
  auto r = app_->meetings().record_item(chair_, in);
  ASSERT_FALSE(r.ok());
  std::set<std::string> fields;
  for (const auto& [f, key] : r.error().fields) fields.insert(f);
  EXPECT_EQ(fields, (std::set<std::string>{"summary", "owner", "due_date", "regisseur"}));
}

}  // namespace
}  // namespace meedoen::testing
