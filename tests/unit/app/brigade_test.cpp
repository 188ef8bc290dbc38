// The Vliegende Brigade's use cases on a real SQLite file: requests, dispatch, identity for the
// assigned peer only, visits with an idempotency key, outcomes, referrals with consent and the
// one-time link.
#include <algorithm>

#include "app_fixture.hpp"

namespace meedoen::testing {
namespace {

class BrigadeTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    auto lumen = app_->admin().create_org(&admin_, {OrgId(), "Lumen", "clientorganisatie"});
    auto team =
        app_->admin().create_org(&admin_, {OrgId(), "Sociaal Wijkteam", "sociaal_wijkteam"});
    auto debt = app_->admin().create_org(&admin_, {OrgId(), "Schuldhulp", "overig"});
    ASSERT_TRUE(lumen.ok() && team.ok() && debt.ok());
    team_org_ = *team;
    debt_org_ = *debt;
    add("coord", "coordinator", *lumen, {meerburg_});
    add("mo.benali", "peer", *lumen, {meerburg_});
    add("anouk", "peer", *lumen, {meerburg_});
    add("noor", "wijkteam", *team, {meerburg_});
    coord_ = login("coord");
    mo_ = login("mo.benali");
    anouk_ = login("anouk");
    noor_ = login("noor");
    ASSERT_TRUE(app_->peers()
                    .save_profile(mo_, {{"nl", "ar"}, {"verslaving"}, "man", 4, "mo@example.org"})
                    .ok());
    ASSERT_TRUE(app_->peers().save_profile(anouk_, {{"nl"}, {}, "vrouw", 4, ""}).ok());
  }

  RequestId request(const std::string& name = "Gerrit Visser") {
    NewRequestInput in;
    in.wijk = meerburg_;
    in.identity.name = name;
    in.identity.address = "Lammenschansweg 12";
    in.known = "Komt de deur niet meer uit.";
    auto r = app_->brigade().create_request(noor_, in);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message_key);
    return r.ok() ? *r : RequestId();
  }

  RequestId assigned(const User& peer, const std::string& name = "Gerrit Visser") {
    RequestId id = request(name);
    EXPECT_TRUE(app_->brigade().assign_peers(coord_, id, {peer.id}).ok());
    EXPECT_TRUE(app_->brigade().respond_assignment(peer, id, true, "").ok());
    return id;
  }

  int identity_reads(ResidentId r, const std::string& username) {
    auto audit = app_->audit().for_resident(admin_, r);
    if (!audit.ok()) return -1;
    return static_cast<int>(std::count_if(audit->begin(), audit->end(), [&](const AuditEntry& e) {
      return e.event == "read_identity" && e.user_label.rfind(username + " ", 0) == 0;
    }));
  }

  Consent consent() {
    Consent c;
    c.given_by = "bewoner";
    c.date = "2026-11-23";
    c.purpose = "Hulp bij geldzaken";
    c.fields = {true, true, false, true};
    return c;
  }

  OrgId team_org_, debt_org_;
  User coord_, mo_, anouk_, noor_;
};

TEST_F(BrigadeTest, ADirectRequestNeedsWhatIsKnownAndOneOpenRequestPerResident) {
  NewRequestInput in;
  in.wijk = meerburg_;
  EXPECT_EQ(app_->brigade().create_request(noor_, in).error().field, "known");
  in.known = "Zorgen";
  EXPECT_EQ(app_->brigade().create_request(chair_, in).error().kind, ErrorKind::kForbidden)
      << "a chair asks through the overleg";
  in.wishes.pref_language = "klingon";
  EXPECT_EQ(app_->brigade().create_request(noor_, in).error().field, "pref_language");
  in.wishes.pref_language = "ar";
  auto r = app_->brigade().create_request(noor_, in);
  ASSERT_TRUE(r.ok());
  auto d = app_->brigade().request_detail(coord_, *r);
  ASSERT_TRUE(d.ok());
  in.resident_code = d->row.resident.code;
  EXPECT_EQ(app_->brigade().create_request(noor_, in).error().message_key, "error.request.exists");
}

TEST_F(BrigadeTest, WhatIsKnownMustNotNameTheResident) {
  NewRequestInput in;
  in.wijk = meerburg_;
  in.identity.name = "Gerrit van der Visser";
  in.known = "Gerrit komt de deur niet meer uit.";
  EXPECT_EQ(app_->brigade().create_request(noor_, in).error().message_key,
            "error.request.name_in_text");
  in.known =
      "Komt de deur niet uit; de buren van hiernaast maken zich zorgen.";  // "van" is no name
  auto r = app_->brigade().create_request(noor_, in);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  const std::string code = app_->brigade().request_detail(coord_, *r)->row.resident.code;
  ASSERT_TRUE(app_->brigade()
                  .set_outcome(coord_, *r, "gesloten", "Dubbel ingevoerd.",
                               app_->brigade().request_detail(coord_, *r)->row.request.version)
                  .ok());
  NewRequestInput again;
  again.wijk = meerburg_;
  again.resident_code = code;
  again.known = "Meneer Visser wil weer bezoek.";
  EXPECT_EQ(app_->brigade().create_request(noor_, again).error().message_key,
            "error.request.name_in_text")
      << "an existing resident's name is found through the blind index";
  again.identity.name = "Iemand";
  EXPECT_EQ(app_->brigade().create_request(noor_, again).error().field, "resident_code");
}

TEST_F(BrigadeTest, AnOverlegDecisionForTheBrigadeOpensOneRequest) {
  auto s = app_->signals().raise(gp_, signal_in("Henk Alleman"));
  ASSERT_TRUE(s.ok());
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  ASSERT_TRUE(m.ok());
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{*m,
                     item.id,
                     item.version,
                     "Brigade gaat langs",
                     Decision::kBrigade,
                     std::nullopt,
                     coord_.id,
                     "2026-12-14",
                     false,
                     {}};
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());
  auto ov = app_->brigade().overview(coord_);
  ASSERT_TRUE(ov.ok());
  ASSERT_EQ(ov->open_requests.size(), 1u);
  EXPECT_EQ(ov->open_requests[0].request.source, "overleg");
  // The coordinator owns the overleg's action for the brigade, yet dispatches without identity.
  auto actions = app_->meetings().my_actions(coord_);
  ASSERT_EQ(actions->size(), 1u);
  EXPECT_FALSE((*actions)[0].identity.has_value());
  EXPECT_FALSE(app_->signals().detail(coord_, s->signal_id)->identity.has_value());
  EXPECT_EQ(ov->open_requests[0].request.signal_id, s->signal_id);
  EXPECT_EQ(ov->open_requests[0].request.known, "Brigade gaat langs");
}

TEST_F(BrigadeTest, IdentityOnlyForTheAcceptedPeerWhileAssignedAndEveryViewIsAudited) {
  RequestId id = request();
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id}).ok());
  auto offered = app_->brigade().request_detail(mo_, id);
  ASSERT_TRUE(offered.ok());
  EXPECT_FALSE(offered->identity.has_value()) << "not before the peer said yes";
  const ResidentId resident = offered->row.request.resident_id;
  EXPECT_EQ(app_->brigade().request_detail(anouk_, id).error().kind, ErrorKind::kForbidden);
  EXPECT_FALSE(app_->brigade().request_detail(coord_, id)->identity.has_value());

  ASSERT_TRUE(app_->brigade().respond_assignment(mo_, id, true, "").ok());
  auto accepted = app_->brigade().request_detail(mo_, id);
  ASSERT_TRUE(accepted->identity.has_value());
  EXPECT_EQ(accepted->identity->name, "Gerrit Visser");
  (void)app_->brigade().request_detail(mo_, id);
  EXPECT_EQ(identity_reads(resident, "mo.benali"), 2);

  auto done = app_->brigade().request_detail(mo_, id);
  ASSERT_TRUE(app_->brigade()
                  .set_outcome(mo_, id, "gesloten", "Gaat goed, loopt via het centrum.",
                               done->row.request.version)
                  .ok());
  // No longer assigned: he looks back at it pseudonymously, and it is among his past requests.
  auto after = app_->brigade().request_detail(mo_, id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->past);
  EXPECT_FALSE(after->identity.has_value());
  EXPECT_TRUE(after->outcomes.empty());
  EXPECT_EQ(identity_reads(resident, "mo.benali"), 3);
  auto past = app_->brigade().past_requests(mo_);
  ASSERT_TRUE(past.ok());
  ASSERT_EQ(past->size(), 1u);
  EXPECT_EQ(past->front().request.id, id);
  EXPECT_EQ(app_->brigade().past_requests(coord_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->brigade().request_detail(anouk_, id).error().message_key,
            "error.request.not_yours");
}

TEST_F(BrigadeTest, DecliningNeedsAReasonAndFreesTheRequest) {
  RequestId id = request();
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id, anouk_.id}).ok()) << "a pair";
  EXPECT_EQ(app_->brigade().respond_assignment(mo_, id, false, "").error().field, "reason");
  ASSERT_TRUE(app_->brigade().respond_assignment(mo_, id, false, "Ik ken deze bewoner.").ok());
  EXPECT_EQ(app_->brigade().respond_assignment(mo_, id, true, "").error().kind,
            ErrorKind::kForbidden);
  ASSERT_TRUE(app_->brigade().respond_assignment(anouk_, id, true, "").ok());
  auto my = app_->brigade().my_requests(mo_);
  ASSERT_TRUE(my.ok());
  EXPECT_TRUE(my->offered.empty() && my->active.empty());
  EXPECT_EQ(app_->brigade().my_requests(anouk_)->active.size(), 1u);
}

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
  EXPECT_EQ(app_->brigade()
                .log_visit(mo_, {id, "niet_thuis", "raket", "", "", "", "k-125"})
                .error()
                .field,
            "kind");
  EXPECT_EQ(app_->brigade()
                .log_visit(mo_, {id, "niet_thuis", "", "2030-01-01T10:00", "", "", "k-126"})
                .error()
                .field,
            "when");
  EXPECT_EQ(
      app_->brigade().log_visit(anouk_, {id, "contact", "", "", "", "", "k-127"}).error().kind,
      ErrorKind::kForbidden);
}

TEST_F(BrigadeTest, TheWeeklyCapProtectsThePeer) {
  ASSERT_TRUE(app_->peers().save_profile(anouk_, {{"nl"}, {}, "vrouw", 1, ""}).ok());
  (void)assigned(anouk_, "Een");
  RequestId second = request("Twee");
  auto r = app_->brigade().assign_peers(coord_, second, {anouk_.id});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message_key, "error.assign.at_cap");
  auto d = app_->brigade().request_detail(coord_, second);
  auto it = std::find_if(d->suggestions.begin(), d->suggestions.end(),
                         [&](const RankedPeer& p) { return p.peer == anouk_.id; });
  ASSERT_NE(it, d->suggestions.end());
  EXPECT_FALSE(it->eligible);
  EXPECT_TRUE(d->suggestions.front().eligible);
}

TEST_F(BrigadeTest, DeclinedSendsTheCaseBackToTheOverlegAgenda) {
  auto s = app_->signals().raise(gp_, signal_in("Henk Alleman"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{*m,
                     item.id,
                     item.version,
                     "Brigade gaat langs",
                     Decision::kBrigade,
                     std::nullopt,
                     coord_.id,
                     "2026-12-14",
                     false,
                     {}};
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
      app_->brigade().set_outcome(mo_, id, "afgewezen", "", d->row.request.version).error().field,
      "note");
  ASSERT_TRUE(app_->brigade()
                  .set_outcome(mo_, id, "afgewezen", "Wil geen contact.", d->row.request.version)
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
  EXPECT_EQ(mail[0].body.find("Gerrit"), std::string::npos);
  EXPECT_EQ(mail[0].body.find("Lammenschansweg"), std::string::npos);
  EXPECT_NE(mail[0].body.find("/verzoeken/" + std::to_string(id.value)), std::string::npos);
}

TEST_F(BrigadeTest, AReferralNeedsConsentAndCarriesOnlyWhatItCovers) {
  RequestId id = assigned(mo_);
  NewReferralInput in{id,        "sociaal_wijkteam", team_org_, "", "Wil hulp bij post.",
                      consent(), "mondeling"};
  NewReferralInput no_consent = in;
  no_consent.consent.purpose = "";
  EXPECT_EQ(app_->referrals().create(mo_, no_consent).error().message_key, "error.consent.purpose");
  NewReferralInput story_not_covered = in;
  story_not_covered.consent.fields.story = false;
  EXPECT_EQ(app_->referrals().create(mo_, story_not_covered).error().message_key,
            "error.consent.story_not_covered");
  EXPECT_EQ(app_->referrals().create(anouk_, in).error().kind, ErrorKind::kForbidden);
  auto r = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  EXPECT_TRUE(r->inbox);
  EXPECT_FALSE(r->link_sent);
  EXPECT_EQ(app_->brigade().request_detail(mo_, id)->row.request.outcome,
            Outcome::kReferredWijkteam);

  auto inbox = app_->referrals().inbox(noor_);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->size(), 1u);
  ASSERT_TRUE((*inbox)[0].identity.has_value());
  EXPECT_EQ((*inbox)[0].identity->name, "Gerrit Visser");
  EXPECT_EQ((*inbox)[0].identity->address, "Lammenschansweg 12");
  EXPECT_TRUE((*inbox)[0].identity->phone.empty());
  EXPECT_TRUE(app_->referrals().inbox(gp_)->empty()) << "another organisation sees nothing";
  EXPECT_EQ(app_->referrals().inbox(mo_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->referrals().answer(gp_, r->id, {"intake_gepland", "2026-12-01", ""}).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app_->referrals().answer(noor_, r->id, {"intake_gepland", "", ""}).error().field,
            "intake_date");
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_gepland", "2026-12-01", ""}).ok());
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_gedaan", "", ""}).ok());
  EXPECT_EQ(app_->referrals().answer(noor_, r->id, {"afgewezen", "", "te laat"}).error().kind,
            ErrorKind::kConflict);
}

TEST_F(BrigadeTest, TheOneTimeLinkWorksOnceAndExpires) {
  RequestId id = assigned(mo_);
  NewReferralInput in{id, "schuldhulp", debt_org_,  "aanmelden@schuldhulp.example",
                      "", consent(),    "mondeling"};
  in.consent.fields = {false, false, true, false};
  EXPECT_FALSE(
      app_->referrals()
          .create(mo_, {id, "schuldhulp", debt_org_, "geen-adres", "", consent(), "mondeling"})
          .ok());
  auto r = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  EXPECT_TRUE(r->link_sent);
  auto mail = app_->mail().pending(10);
  std::erase_if(mail, [](const OutboxMail& m) { return m.to != "aanmelden@schuldhulp.example"; });
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].body.find("Gerrit"), std::string::npos);
  const auto at = mail[0].body.find("/verwijzing/");
  ASSERT_NE(at, std::string::npos);
  const std::string token = mail[0].body.substr(at + 12, mail[0].body.find('\r', at) - at - 12);

  EXPECT_EQ(app_->referrals().by_token("verkeerd").error().kind, ErrorKind::kNotFound);
  auto view = app_->referrals().by_token(token);
  ASSERT_TRUE(view.ok());
  EXPECT_FALSE(view->used || view->expired);
  EXPECT_EQ(view->view.referral.status, ReferralStatus::kReceived)
      << "opening the link is receiving it";
  EXPECT_FALSE(view->view.identity.has_value()) << "only after a deliberate click";
  EXPECT_TRUE(view->may_reveal);
  view = app_->referrals().by_token(token, true);
  ASSERT_TRUE(view->view.identity.has_value());
  EXPECT_TRUE(view->view.identity->name.empty()) << "the consent covers the phone only";
  EXPECT_EQ(app_->referrals().answer_by_token(token, {"afgewezen", "", ""}).error().field, "note");
  ASSERT_TRUE(app_->referrals().answer_by_token(token, {"intake_gepland", "2026-12-02", ""}).ok());
  EXPECT_EQ(app_->referrals().answer_by_token(token, {"intake_gedaan", "", ""}).error().message_key,
            "error.link.used");
  auto after = app_->referrals().by_token(token, true);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->used);
  EXPECT_FALSE(after->view.identity.has_value());
  EXPECT_EQ(app_->brigade().request_detail(mo_, id)->referrals.at(0).referral.status,
            ReferralStatus::kIntakePlanned);

  // A second referral's link expires unused.
  auto r2 = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r2.ok());
  mail = app_->mail().pending(10);
  const std::string body = mail.back().body;
  const auto at2 = body.find("/verwijzing/");
  const std::string token2 = body.substr(at2 + 12, body.find('\r', at2) - at2 - 12);
  clock_->advance(15 * 86400);
  auto expired = app_->referrals().by_token(token2, true);
  ASSERT_TRUE(expired.ok());
  EXPECT_TRUE(expired->expired);
  EXPECT_FALSE(expired->view.identity.has_value());
  EXPECT_EQ(app_->referrals()
                .answer_by_token(token2, {"intake_gepland", "2026-12-20", ""})
                .error()
                .message_key,
            "error.link.expired");
}

TEST_F(BrigadeTest, AReminderSendsAFreshLinkAndRetiresTheOldOne) {
  RequestId id = assigned(mo_);
  NewReferralInput in{id, "schuldhulp", debt_org_,  "aanmelden@schuldhulp.example",
                      "", consent(),    "mondeling"};
  in.consent.fields = {false, false, true, false};
  auto r = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r.ok());
  auto tokens = [&]() {
    std::vector<std::string> out;
    for (const auto& m : app_->mail().pending(100)) {
      const auto at = m.body.find("/verwijzing/");
      if (at != std::string::npos)
        out.push_back(m.body.substr(at + 12, m.body.find('\r', at) - at - 12));
    }
    return out;
  };
  const std::string first = tokens().at(0);
  EXPECT_EQ(app_->referrals().remind(anouk_, r->id).error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(app_->referrals().remind(mo_, r->id).ok());
  const auto all = tokens();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(app_->referrals().by_token(first)->used) << "the old link stops working";
  EXPECT_FALSE(app_->referrals().by_token(all[1])->used);
  ASSERT_TRUE(app_->referrals().answer_by_token(all[1], {"intake_gepland", "2026-12-03", ""}).ok());
  EXPECT_EQ(app_->referrals().remind(coord_, r->id).error().kind, ErrorKind::kConflict)
      << "answered";
}

TEST_F(BrigadeTest, FiguresSuppressSmallNumbersAndAreForCoordinatorAndFunder) {
  RequestId id = assigned(mo_);
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "contact", "", "", "", "", "k-1"}).ok());
  auto f = app_->brigade().figures(coord_, 6);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->rows.size(), 1u);
  EXPECT_EQ(f->rows[0].steps[0].second, "<5");
  EXPECT_EQ(f->rows[0].steps[3].second, "0");
  EXPECT_TRUE(f->rows[0].median_days.empty()) << "a median of one resident would tell too much";
  EXPECT_EQ(app_->brigade().figures(mo_, 6).error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(app_->peers().save_profile(anouk_, {{"nl"}, {}, "vrouw", 10, ""}).ok());
  for (int i = 0; i < 5; ++i) {
    RequestId more = assigned(anouk_, "Bewoner " + std::to_string(i));
    ASSERT_TRUE(
        app_->brigade()
            .log_visit(anouk_, {more, "kort_gesprek", "", "", "", "", "m-" + std::to_string(i)})
            .ok());
    auto d = app_->brigade().request_detail(anouk_, more);
    ASSERT_TRUE(app_->brigade()
                    .set_outcome(anouk_, more, "gesloten", "Klaar, gaat zelf naar de inloop.",
                                 d->row.request.version)
                    .ok());
  }
  f = app_->brigade().figures(coord_, 6);
  EXPECT_EQ(f->totals.at(0).steps[0].second, "6");
  EXPECT_EQ(f->totals.at(0).steps[2].second, "6");
  EXPECT_EQ(f->totals.at(0).median_days, "0.0");
}

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
  EXPECT_EQ(app_->peers().save_profile(mo_, {{"xx"}, {}, "man", 4, ""}).error().field, "languages");
  EXPECT_EQ(app_->peers().save_profile(mo_, {{"nl"}, {}, "man", 0, ""}).error().field,
            "weekly_cap");
  EXPECT_EQ(app_->peers().remove_absence(anouk_, s->absences.at(0).id).error().kind,
            ErrorKind::kNotFound);
  EXPECT_TRUE(app_->peers().remove_absence(mo_, s->absences.at(0).id).ok());
}

}  // namespace
}  // namespace meedoen::testing

namespace meedoen::testing {
namespace {

// Following one resident from the overleg's decision to a referral: the action settles, the
// history says what came of it, and the next agenda carries the terugkoppeling.
TEST_F(BrigadeTest, TheBrigadesOutcomeClosesTheOverlegsLoop) {
  auto s = app_->signals().raise(gp_, signal_in("Henk Alleman"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{*m,
                     item.id,
                     item.version,
                     "Brigade gaat langs",
                     Decision::kBrigade,
                     std::nullopt,
                     coord_.id,
                     "2026-12-14",
                     false,
                     {}};
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

  NewReferralInput ref{id,        "sociaal_wijkteam", team_org_, "", "Wil hulp bij post.",
                       consent(), "mondeling"};
  auto r = app_->referrals().create(mo_, ref);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_gepland", "2026-12-20", ""}).ok());
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_gedaan", "", ""}).ok());
  signal = app_->signals().detail(chair_, s->signal_id);
  EXPECT_TRUE(std::any_of(signal->timeline.begin(), signal->timeline.end(), [](const auto& e) {
    return e.kind == "referral_answer" && e.text == "intake_gedaan";
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
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{*m,
                     item.id,
                     item.version,
                     "Brigade gaat langs",
                     Decision::kBrigade,
                     std::nullopt,
                     coord_.id,
                     "2027-03-01",
                     false,
                     {}};
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

namespace meedoen::testing {
namespace {

// A request from the overleg carries safety notes and wishes, like a direct one: the chair sets
// them with the decision, the coordinator before asking a peer, and the peer who says yes reads
// them with what the raiser observed.
TEST_F(BrigadeTest, AnOverlegRequestCarriesSafetyAndWishesToThePeerWhoGoes) {
  auto s = app_->signals().raise(
      gp_, signal_in("Henk Alleman", "Hij zit elke dag alleen op het bankje"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  auto item = app_->meetings().view(chair_, *m)->items.at(0).item;
  RecordItemInput in{*m,
                     item.id,
                     item.version,
                     "Brigade gaat langs",
                     Decision::kBrigade,
                     std::nullopt,
                     coord_.id,
                     "2026-12-14",
                     false,
                     {}};
  in.brigade.safety_dog = true;
  in.brigade.safety_notes = "Meneer Alleman heeft een grote hond";
  EXPECT_EQ(app_->meetings().record_item(chair_, in).error().field, "safety_notes")
      << "the notes name the resident";
  in.brigade.safety_notes = "Grote hond, eerst bellen";
  in.brigade.pref_theme = "bogus";
  EXPECT_EQ(app_->meetings().record_item(chair_, in).error().field, "pref_theme");
  in.brigade.pref_theme = kThemes[0];
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());

  const RequestId id = app_->brigade().overview(coord_)->open_requests.at(0).request.id;
  auto d = app_->brigade().request_detail(coord_, id);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->row.request.safety_dog);
  EXPECT_EQ(d->row.request.safety_notes, "Grote hond, eerst bellen");
  EXPECT_EQ(d->row.request.pref_theme, kThemes[0]);
  EXPECT_TRUE(d->may_edit_wishes);
  ASSERT_FALSE(d->suggestions.empty());
  bool explained = false;
  for (const auto& p : d->suggestions)
    for (const auto& why : p.reasons)
      explained = explained || why.key == "rank.theme" || why.key == "rank.no_theme";
  EXPECT_TRUE(explained) << "the ranking explains the match on requested experience";

  BrigadeWishes w;
  w.safety_notes = "Grote hond; bel eerst aan bij de buren";
  w.pref_language = "nl";
  ASSERT_TRUE(app_->brigade().update_wishes(coord_, id, d->row.request.version, w).ok());
  EXPECT_EQ(app_->brigade().update_wishes(mo_, id, d->row.request.version + 1, w).error().kind,
            ErrorKind::kForbidden);
  ASSERT_TRUE(app_->brigade().assign_peers(coord_, id, {mo_.id}).ok());
  auto asked = app_->brigade().request_detail(coord_, id);
  EXPECT_FALSE(asked->may_edit_wishes);
  EXPECT_EQ(
      app_->brigade().update_wishes(coord_, id, asked->row.request.version, w).error().message_key,
      "error.request.already_asked");

  auto offered = app_->brigade().request_detail(mo_, id);
  EXPECT_TRUE(offered->signal_text.empty()) << "not before saying yes";
  ASSERT_TRUE(app_->brigade().respond_assignment(mo_, id, true, "").ok());
  auto going = app_->brigade().request_detail(mo_, id);
  EXPECT_EQ(going->signal_text, "Hij zit elke dag alleen op het bankje");
  EXPECT_EQ(going->row.request.safety_notes, "Grote hond; bel eerst aan bij de buren");
  (void)s;
}

}  // namespace
}  // namespace meedoen::testing

namespace meedoen::testing {
namespace {

// Attempts without contact do not count toward the weekly cap unless the brigade says so.
TEST_F(BrigadeTest, AttemptsWithoutContactCountTowardTheCapOnlyWhenSetSo) {
  RequestId id = assigned(mo_);
  const int before = app_->brigade().my_requests(mo_)->load;  // the request itself, not visited yet
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "niet_thuis", "", "", "", "", "k-cap-1"}).ok());
  ASSERT_TRUE(
      app_->brigade().log_visit(mo_, {id, "niet_opengedaan", "", "", "", "", "k-cap-2"}).ok());
  EXPECT_EQ(app_->brigade().my_requests(mo_)->load, before - 1)
      << "visited now; the two attempts do not count";
  AppConfig counting = app_->config();
  counting.cap_counts_attempts = true;
  auto other = App::open(counting, std::make_unique<FixedClock>(app_->now()));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ((*other)->brigade().my_requests(mo_)->load, before + 1);
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "contact", "", "", "", "", "k-cap-3"}).ok());
  EXPECT_EQ(app_->brigade().my_requests(mo_)->load, before);
}

}  // namespace
}  // namespace meedoen::testing
