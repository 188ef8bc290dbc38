// The Vliegende Brigade's requests: direct and from the overleg, what is known, dispatch with the
// weekly cap, identity for the assigned peer only, safety and wishes, and the figures.
#include <algorithm>

#include "brigade_fixture.hpp"

namespace meedoen::testing {
namespace {

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
                  .set_outcome(coord_, *r, "closed", "Dubbel ingevoerd.",
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
  RecordItemInput in = brigade_decision(*m);
  ASSERT_TRUE(app_->meetings().record_item(chair_, in).ok());
  auto ov = app_->brigade().overview(coord_);
  ASSERT_TRUE(ov.ok());
  ASSERT_EQ(ov->open_requests.size(), 1u);
  EXPECT_EQ(ov->open_requests[0].request.source, "meeting");
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
                  .set_outcome(mo_, id, "closed", "Gaat goed, loopt via het centrum.",
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

TEST_F(BrigadeTest, TheWeeklyCapProtectsThePeer) {
  ASSERT_TRUE(app_->peers().save_profile(anouk_, {{"nl"}, {}, "female", 1, ""}).ok());
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
  ASSERT_TRUE(app_->peers().save_profile(anouk_, {{"nl"}, {}, "female", 10, ""}).ok());
  for (int i = 0; i < 5; ++i) {
    RequestId more = assigned(anouk_, "Bewoner " + std::to_string(i));
    ASSERT_TRUE(
        app_->brigade()
            .log_visit(anouk_, {more, "short_talk", "", "", "", "", "m-" + std::to_string(i)})
            .ok());
    auto d = app_->brigade().request_detail(anouk_, more);
    ASSERT_TRUE(app_->brigade()
                    .set_outcome(anouk_, more, "closed", "Klaar, gaat zelf naar de inloop.",
                                 d->row.request.version)
                    .ok());
  }
  f = app_->brigade().figures(coord_, 6);
  EXPECT_EQ(f->totals.at(0).steps[0].second, "6");
  EXPECT_EQ(f->totals.at(0).steps[2].second, "6");
  EXPECT_EQ(f->totals.at(0).median_days, "0.0");
}

// A request from the overleg carries safety notes and wishes, like a direct one: the chair sets
// them with the decision, the coordinator before asking a peer, and the peer who says yes reads
// them with what the raiser observed.
TEST_F(BrigadeTest, AnOverlegRequestCarriesSafetyAndWishesToThePeerWhoGoes) {
  auto s = app_->signals().raise(
      gp_, signal_in("Henk Alleman", "Hij zit elke dag alleen op het bankje"));
  auto m = app_->meetings().plan(chair_, {meerburg_, "2026-11-30T10:00", "", {}, ""});
  RecordItemInput in = brigade_decision(*m);
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

// Attempts without contact do not count toward the weekly cap unless the brigade says so.
TEST_F(BrigadeTest, AttemptsWithoutContactCountTowardTheCapOnlyWhenSetSo) {
  RequestId id = assigned(mo_);
  const int before = app_->brigade().my_requests(mo_)->load;  // the request itself, not visited yet
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "not_home", "", "", "", "", "k-cap-1"}).ok());
  ASSERT_TRUE(app_->brigade().log_visit(mo_, {id, "no_answer", "", "", "", "", "k-cap-2"}).ok());
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
