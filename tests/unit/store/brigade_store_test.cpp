// The brigade store's contract: requests, assignments, visits, check-ins and debriefs
// (store/brigade_store.hpp). Outcomes recorded with add_request_outcome are read back by the
// figures (figures_store_test.cpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const BrigadeRequest& r) {
  return std::tie(r.id, r.resident_id, r.wijk_id, r.signal_id, r.action_id, r.source,
                  r.requested_by, r.known, r.safety_aggression, r.safety_dog, r.safety_addiction,
                  r.safety_notes, r.pair_advised, r.pref_language, r.pref_gender, r.pref_theme,
                  r.urgency, r.outcome, r.outcome_note, r.created_at, r.updated_at,
                  r.first_contact_at, r.closed_at, r.version);
}

auto fields(const Assignment& a) {
  return std::tie(a.id, a.request_id, a.peer, a.assigned_by, a.state, a.reason, a.assigned_at,
                  a.responded_at, a.ended_at);
}

auto fields(const Visit& v) {
  return std::tie(v.id, v.request_id, v.peer, v.at, v.kind, v.result, v.note, v.next_step,
                  v.idempotency_key, v.created_at);
}

auto fields(const Checkin& c) {
  return std::tie(c.id, c.request_id, c.peer, c.started_at, c.expected_back, c.ended_at);
}

auto fields(const Debrief& d) {
  return std::tie(d.id, d.peer, d.request_id, d.note, d.requested_at, d.handled_at, d.handled_by);
}

class BrigadeStoreContract : public StoreContract {
 protected:
  struct Team {
    World w;
    WijkId stevenshof;
    UserId yasmin, bert, coordinator;
    ResidentId other;  // a second resident of w.wijk
    RequestId request;
  };

  Team team() {
    return committed([](Tx& tx) {
      Team t;
      t.w = add_world(tx);
      t.stevenshof = add_wijk(tx, "Stevenshof");
      const OrgId zrc = add_org(tx, "Zelfregiecentrum Leiden", "centre");
      t.yasmin = add_user(tx, "yasmin", Role::kPeer, zrc, {t.w.wijk});
      t.bert = add_user(tx, "bert", Role::kPeer, zrc, {t.w.wijk});
      t.coordinator = add_user(tx, "coordinator", Role::kCoordinator, zrc, {t.w.wijk});
      t.other = add_resident(tx, "R-4MNP", t.w.wijk);
      t.request = add_request(tx, t.w);
      return t;
    });
  }

  static Assignment assignment_of(const Team& t, RequestId r, UserId peer, AssignmentState state,
                                  Timestamp at) {
    return {AssignmentId(), r, peer, t.coordinator, state, "", at, 0, 0};
  }

  static Visit visit_of(RequestId r, UserId peer, Timestamp at, const std::string& key) {
    Visit v;
    v.request_id = r;
    v.peer = peer;
    v.at = at;
    v.kind = VisitKind::kHome;
    v.result = VisitResult::kContact;
    v.note = "Koffie gedronken";
    v.next_step = "Volgende week samen naar het centrum";
    v.idempotency_key = key;
    v.created_at = at + 60;
    return v;
  }
};

TEST_P(BrigadeStoreContract, ARequestIsReadBackWithEveryFieldAtVersionOne) {
  const World w = world();
  BrigadeRequest r = request_of(w.resident, w.wijk, w.user, kT0);
  committed([&](Tx& tx) {
    r.signal_id = add_signal(tx, w);
    Action a;
    a.signal_id = *r.signal_id;
    a.resident_id = w.resident;
    a.wijk_id = w.wijk;
    a.decision = Decision::kBrigade;
    a.owner = w.user;
    r.action_id = tx.meetings().insert_action(a);
    r.source = "meeting";
    r.safety_aggression = r.safety_dog = r.safety_addiction = r.pair_advised = true;
    r.safety_notes = "Hond in huis";
    r.pref_language = "ar";
    r.pref_gender = "female";
    r.pref_theme = "grief";
    r.urgency = Urgency::kSoon;
    r.outcome = Outcome::kContact;
    r.outcome_note = "Eerste gesprek";
    r.updated_at = kT0 + 1;
    r.first_contact_at = kT0 + 2;
    r.closed_at = kT0 + 3;
    r.version = 9;  // a new request starts at version 1 whatever it says
    r.id = tx.brigade().insert_request(r);
  });
  r.version = 1;
  auto tx = read();
  EXPECT_EQ(fields(*tx->brigade().get_request(r.id)), fields(r));
  EXPECT_EQ(fields(*tx->brigade().request_for_action(*r.action_id)), fields(r));
}

TEST_P(BrigadeStoreContract, TheRequestsOfWhoAskedAreListedNewestFirstSinceADate) {
  const World w = world();
  const auto ids = committed([&](Tx& tx) {
    const UserId other = add_user(tx, "wijkteam", Role::kWijkteam, w.org, {w.wijk});
    std::vector<RequestId> out;
    out.push_back(add_request(tx, w, kT0 - 40 * kDay));  // too long ago
    out.push_back(add_request(tx, w, kT0));
    out.push_back(add_request(tx, w, kT0 + kDay));
    out.push_back(tx.brigade().insert_request(request_of(w.resident, w.wijk, other, kT0)));
    return out;
  });
  auto tx = read();
  EXPECT_EQ(ids_of(tx->brigade().requests_by(w.user, kT0 - 30 * kDay, 10)),
            (std::vector<RequestId>{ids[2], ids[1]}));
  EXPECT_EQ(ids_of(tx->brigade().requests_by(w.user, kT0 - 30 * kDay, 1)),
            std::vector<RequestId>{ids[2]});
  EXPECT_TRUE(tx->brigade().requests_by(UserId(999), 0, 10).empty());
}

TEST_P(BrigadeStoreContract, UnknownRowsAreNotFound) {
  const Team t = team();
  auto tx = read();
  EXPECT_FALSE(tx->brigade().get_request(RequestId(t.request.value + 1)));
  EXPECT_FALSE(tx->brigade().request_for_action(ActionId(1)));
  EXPECT_FALSE(tx->brigade().get_assignment(AssignmentId(1)));
  EXPECT_TRUE(tx->brigade().assignments_for_request(t.request).empty());
  EXPECT_TRUE(tx->brigade().assignments_for_requests({t.request}).empty());
  EXPECT_TRUE(tx->brigade().visit_stats_for({t.request}).empty());
  EXPECT_TRUE(tx->brigade().visits_for_request(t.request).empty());
  EXPECT_FALSE(tx->brigade().open_checkin(t.yasmin));
}

TEST_P(BrigadeStoreContract, ARequestUpdatesItsCourseFromTheStoredVersionOnly) {
  const Team t = team();
  const BrigadeRequest stale = *read()->brigade().get_request(t.request);
  BrigadeRequest r = stale;
  r.known = "Meer bekend";
  r.safety_aggression = r.safety_dog = r.safety_addiction = r.pair_advised = true;
  r.safety_notes = "Niet alleen gaan";
  r.pref_language = "tr";
  r.pref_gender = "male";
  r.pref_theme = "debt";
  r.urgency = Urgency::kUrgent;
  r.outcome = Outcome::kCameAlong;
  r.outcome_note = "Mee naar het centrum";
  r.updated_at = kT0 + 10;
  r.first_contact_at = kT0 + 5;
  r.closed_at = kT0 + 20;
  BrigadeRequest want = r;
  want.version = 2;
  // Who it is about, where it came from and when are not changed by an update.
  r.resident_id = t.other;
  r.wijk_id = t.stevenshof;
  r.source = "centre";
  r.requested_by = t.coordinator;
  r.created_at = 1;
  EXPECT_TRUE(committed([&](Tx& tx) { return tx.brigade().update_request(r); }));
  EXPECT_EQ(fields(*read()->brigade().get_request(t.request)), fields(want));
  EXPECT_FALSE(committed([&](Tx& tx) { return tx.brigade().update_request(stale); }));
  EXPECT_EQ(fields(*read()->brigade().get_request(t.request)), fields(want));
}

TEST_P(BrigadeStoreContract, ListRequestsIsMostUrgentFirstThenOldestFirst) {
  const Team t = team();  // t.request: normal, created at kT0
  RequestId urgent, soon, older, closed, declined, elsewhere, others;
  committed([&](Tx& tx) {
    auto add = [&](Timestamp at, auto change) {
      BrigadeRequest r = request_of(t.w.resident, t.w.wijk, t.w.user, at);
      change(r);
      return tx.brigade().insert_request(r);
    };
    soon = add(kT0 + 30, [](BrigadeRequest& r) { r.urgency = Urgency::kSoon; });
    urgent = add(kT0 + 40, [](BrigadeRequest& r) { r.urgency = Urgency::kUrgent; });
    older = add(kT0 - 10, [](BrigadeRequest& r) { r.outcome = Outcome::kContact; });
    closed = add(kT0 - 20, [](BrigadeRequest& r) { r.outcome = Outcome::kClosed; });
    declined = add(kT0 - 30, [](BrigadeRequest& r) { r.outcome = Outcome::kDeclined; });
    others = add(kT0 + 50, [&](BrigadeRequest& r) { r.resident_id = t.other; });
    elsewhere = add(kT0 + 60, [&](BrigadeRequest& r) {
      r.wijk_id = t.stevenshof;
      r.resident_id = add_resident(tx, "R-5QRS", t.stevenshof);
    });
  });
  auto tx = read();
  RequestFilter f;
  f.wijken = {t.w.wijk};
  EXPECT_EQ(ids_of(tx->brigade().list_requests(f)),
            (std::vector<RequestId>{urgent, soon, declined, closed, older, t.request, others}));
  // Open: neither closed nor declined (a declined request went back to the overleg).
  f.open_only = true;
  EXPECT_EQ(ids_of(tx->brigade().list_requests(f)),
            (std::vector<RequestId>{urgent, soon, older, t.request, others}));
  f.resident = t.other;
  EXPECT_EQ(ids_of(tx->brigade().list_requests(f)), std::vector<RequestId>{others});
  RequestFilter all;
  all.limit = 2;
  EXPECT_EQ(ids_of(tx->brigade().list_requests(all)), (std::vector<RequestId>{urgent, soon}));
  all.limit = 100;
  EXPECT_EQ(tx->brigade().list_requests(all).size(), 8u);
  all.wijken = {t.stevenshof};
  EXPECT_EQ(ids_of(tx->brigade().list_requests(all)), std::vector<RequestId>{elsewhere});
}

TEST_P(BrigadeStoreContract, AnAssignmentIsReadBackAndAnUpdateChangesOnlyItsCourse) {
  const Team t = team();
  Assignment a = assignment_of(t, t.request, t.yasmin, AssignmentState::kOffered, kT0);
  a.id = committed([&](Tx& tx) { return tx.brigade().insert_assignment(a); });
  EXPECT_EQ(fields(*read()->brigade().get_assignment(a.id)), fields(a));
  Assignment changed = a;
  changed.state = AssignmentState::kEnded;
  changed.reason = "Verhuisd";
  changed.responded_at = kT0 + 100;
  changed.ended_at = kT0 + 200;
  const Assignment want = changed;
  changed.peer = t.bert;
  changed.assigned_by = t.w.user;
  changed.assigned_at = 1;
  committed([&](Tx& tx) { tx.brigade().update_assignment(changed); });
  EXPECT_EQ(fields(*read()->brigade().get_assignment(a.id)), fields(want));
}

TEST_P(BrigadeStoreContract, ARequestsAssignmentsComeOldestFirstAlsoForAPage) {
  const Team t = team();
  AssignmentId first, second, third;
  RequestId empty;
  committed([&](Tx& tx) {
    second = tx.brigade().insert_assignment(
        assignment_of(t, t.request, t.bert, AssignmentState::kAccepted, kT0 + 10));
    first = tx.brigade().insert_assignment(
        assignment_of(t, t.request, t.yasmin, AssignmentState::kDeclined, kT0));
    third = tx.brigade().insert_assignment(
        assignment_of(t, t.request, t.yasmin, AssignmentState::kOffered, kT0 + 10));
    empty = add_request(tx, t.w);
  });
  auto tx = read();
  const std::vector<AssignmentId> order{first, second, third};
  EXPECT_EQ(ids_of(tx->brigade().assignments_for_request(t.request)), order);
  const auto page = tx->brigade().assignments_for_requests({t.request, empty, t.request});
  ASSERT_EQ(page.size(), 1u);  // a request without assignments is left out
  EXPECT_EQ(ids_of(page.at(t.request)), order);
}

TEST_P(BrigadeStoreContract, APeersAssignmentsAreOffersFirstThenNewest) {
  const Team t = team();
  AssignmentId old_accepted, new_accepted, offer, ended;
  committed([&](Tx& tx) {
    const RequestId r2 = add_request(tx, t.w);
    old_accepted = tx.brigade().insert_assignment(
        assignment_of(t, t.request, t.yasmin, AssignmentState::kAccepted, kT0));
    offer = tx.brigade().insert_assignment(
        assignment_of(t, r2, t.yasmin, AssignmentState::kOffered, kT0 - 10));
    new_accepted = tx.brigade().insert_assignment(
        assignment_of(t, r2, t.yasmin, AssignmentState::kAccepted, kT0 + 10));
    ended = tx.brigade().insert_assignment(
        assignment_of(t, r2, t.yasmin, AssignmentState::kEnded, kT0 + 20));
    tx.brigade().insert_assignment(assignment_of(t, r2, t.bert, AssignmentState::kOffered, kT0));
  });
  auto tx = read();
  EXPECT_EQ(ids_of(tx->brigade().assignments_for_peer(t.yasmin, true)),
            (std::vector<AssignmentId>{offer, new_accepted, old_accepted}));
  EXPECT_EQ(ids_of(tx->brigade().assignments_for_peer(t.yasmin, false)),
            (std::vector<AssignmentId>{offer, ended, new_accepted, old_accepted}));
}

TEST_P(BrigadeStoreContract, PastRequestsAreThoseThePeerAcceptedAndNoLongerHoldsNewestFirst) {
  const Team t = team();
  RequestId old_one, new_one;
  committed([&](Tx& tx) {
    auto with = [&](AssignmentState state, Timestamp at, Timestamp responded) {
      const RequestId r = add_request(tx, t.w);
      Assignment a = assignment_of(t, r, t.yasmin, state, at);
      a.responded_at = responded;
      tx.brigade().insert_assignment(a);
      return r;
    };
    old_one = with(AssignmentState::kEnded, kT0, kT0 + 1);
    new_one = with(AssignmentState::kEnded, kT0 + 100, kT0 + 101);
    with(AssignmentState::kEnded, kT0 + 200, 0);             // withdrawn before she answered
    with(AssignmentState::kDeclined, kT0 + 300, kT0 + 301);  // she said no
    with(AssignmentState::kAccepted, kT0 + 400, kT0 + 401);  // she still holds it
  });
  auto tx = read();
  EXPECT_EQ(ids_of(tx->brigade().past_requests_of_peer(t.yasmin, 10)),
            (std::vector<RequestId>{new_one, old_one}));
  EXPECT_EQ(ids_of(tx->brigade().past_requests_of_peer(t.yasmin, 1)),
            std::vector<RequestId>{new_one});
  EXPECT_TRUE(tx->brigade().past_requests_of_peer(t.bert, 10).empty());
}

// The coordinator may end a peer's assignment and later assign her to the same request again
// (app/brigade.cpp weighs only current assignments): while she holds it again it is not a past one,
// and a request she accepted and left twice is one past request.
TEST_P(BrigadeStoreContract, PastRequestsLeaveOutOnesThePeerHoldsAgainAndNameEachOnce) {
  const Team t = team();
  RequestId twice;
  committed([&](Tx& tx) {
    auto accepted_then = [&](RequestId r, AssignmentState now, Timestamp at) {
      Assignment a = assignment_of(t, r, t.yasmin, now, at);
      a.responded_at = at + 1;
      tx.brigade().insert_assignment(a);
    };
    accepted_then(t.request, AssignmentState::kEnded, kT0);  // ended, then offered again
    tx.brigade().insert_assignment(
        assignment_of(t, t.request, t.yasmin, AssignmentState::kOffered, kT0 + 10));
    const RequestId again = add_request(tx, t.w);  // ended, then accepted again
    accepted_then(again, AssignmentState::kEnded, kT0 + 20);
    accepted_then(again, AssignmentState::kAccepted, kT0 + 30);
    twice = add_request(tx, t.w);
    accepted_then(twice, AssignmentState::kEnded, kT0 + 40);
    accepted_then(twice, AssignmentState::kEnded, kT0 + 50);
  });
  EXPECT_EQ(ids_of(read()->brigade().past_requests_of_peer(t.yasmin, 10)),
            std::vector<RequestId>{twice});
}

TEST_P(BrigadeStoreContract,
       AnAssignedPeerHoldsAnAcceptedRequestAndAPeerWhoAcceptedKnewTheResident) {
  const Team t = team();
  const AssignmentId a = committed([&](Tx& tx) {
    tx.brigade().insert_assignment(
        assignment_of(t, t.request, t.bert, AssignmentState::kOffered, kT0));
    Assignment accepted = assignment_of(t, t.request, t.yasmin, AssignmentState::kAccepted, kT0);
    accepted.responded_at = kT0 + 1;
    return tx.brigade().insert_assignment(accepted);
  });
  {
    auto tx = read();
    EXPECT_TRUE(tx->brigade().is_assigned_peer(t.yasmin, t.w.resident));
    EXPECT_TRUE(tx->brigade().peer_knew_resident(t.yasmin, t.w.resident));
    EXPECT_FALSE(tx->brigade().is_assigned_peer(t.bert, t.w.resident));  // only offered
    EXPECT_FALSE(tx->brigade().peer_knew_resident(t.bert, t.w.resident));
    EXPECT_FALSE(tx->brigade().is_assigned_peer(t.yasmin, t.other));
  }
  committed([&](Tx& tx) {
    BrigadeRequest r = *tx.brigade().get_request(t.request);
    r.outcome = Outcome::kClosed;
    ASSERT_TRUE(tx.brigade().update_request(r));
  });
  {
    auto tx = read();
    EXPECT_FALSE(tx->brigade().is_assigned_peer(t.yasmin, t.w.resident));
    EXPECT_TRUE(tx->brigade().peer_knew_resident(t.yasmin, t.w.resident));
  }
  committed([&](Tx& tx) {
    Assignment ended = *tx.brigade().get_assignment(a);
    ended.state = AssignmentState::kEnded;
    ended.ended_at = kT0 + 2;
    tx.brigade().update_assignment(ended);
  });
  EXPECT_TRUE(read()->brigade().peer_knew_resident(t.yasmin, t.w.resident));
}

TEST_P(BrigadeStoreContract, AVisitIsLoggedOncePerPeerAndKeyAndListedNewestFirst) {
  const Team t = team();
  Visit first = visit_of(t.request, t.yasmin, kT0, "key-1");
  Visit later = visit_of(t.request, t.yasmin, kT0 + kDay, "key-2");
  Visit berts = visit_of(t.request, t.bert, kT0 + 10, "key-1");  // the same key, another peer
  {
    auto tx = write();
    auto [id, fresh] = tx->brigade().insert_visit(first);
    EXPECT_TRUE(fresh);
    first.id = id;
    Visit retry = first;
    retry.note = "Dubbel verstuurd";
    EXPECT_EQ(tx->brigade().insert_visit(retry), std::make_pair(first.id, false));
    later.id = tx->brigade().insert_visit(later).first;
    auto [bid, bfresh] = tx->brigade().insert_visit(berts);
    EXPECT_TRUE(bfresh);
    berts.id = bid;
    ASSERT_TRUE(tx->commit().ok());
  }
  auto tx = read();
  const auto visits = tx->brigade().visits_for_request(t.request);
  ASSERT_EQ(visits.size(), 3u);
  EXPECT_EQ(fields(visits[0]), fields(later));
  EXPECT_EQ(fields(visits[1]), fields(berts));
  EXPECT_EQ(fields(visits[2]), fields(first));
  const auto stats = tx->brigade().visit_stats_for({t.request, RequestId(t.request.value + 1)});
  EXPECT_EQ(stats, (std::map<RequestId, std::pair<int, Timestamp>>{{t.request, {3, kT0 + kDay}}}));
}

TEST_P(BrigadeStoreContract, ACheckinIsOpenUntilEndedOnce) {
  const Team t = team();
  Checkin late{CheckinId(), t.request, t.yasmin, kT0, kT0 + 7200, kT0 + 99};
  Checkin soon{CheckinId(), t.request, t.bert, kT0, kT0 + 3600, 0};
  committed([&](Tx& tx) {
    late.id = tx.brigade().insert_checkin(late);  // a new check-in is open whatever it says
    soon.id = tx.brigade().insert_checkin(soon);
  });
  late.ended_at = 0;
  {
    auto tx = read();
    EXPECT_EQ(fields(*tx->brigade().open_checkin(t.yasmin)), fields(late));
    const auto open = tx->brigade().open_checkins();
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(fields(open[0]), fields(soon));  // expected back first
    EXPECT_EQ(fields(open[1]), fields(late));
  }
  committed([&](Tx& tx) {
    tx.brigade().end_checkin(late.id, kT0 + 3000);
    tx.brigade().end_checkin(late.id, kT0 + 9000);  // ending twice does no harm
  });
  auto tx = read();
  EXPECT_FALSE(tx->brigade().open_checkin(t.yasmin));
  EXPECT_EQ(ids_of(tx->brigade().open_checkins()), std::vector<CheckinId>{soon.id});
}

TEST_P(BrigadeStoreContract, TheLatestOpenCheckinIsThePeersOpenOne) {
  const Team t = team();
  const CheckinId newer = committed([&](Tx& tx) {
    tx.brigade().insert_checkin({CheckinId(), t.request, t.yasmin, kT0, kT0 + 3600, 0});
    return tx.brigade().insert_checkin({CheckinId(), t.request, t.yasmin, kT0 + 60, kT0 + 3600, 0});
  });
  EXPECT_EQ(read()->brigade().open_checkin(t.yasmin)->id, newer);
}

TEST_P(BrigadeStoreContract, ADebriefIsOpenUntilHandledOnce) {
  const Team t = team();
  Debrief later{DebriefId(), t.yasmin, t.request, "Zwaar bezoek", kT0 + 10, 0, UserId()};
  Debrief earlier{DebriefId(), t.bert, std::nullopt, "Even praten", kT0, 0, UserId()};
  committed([&](Tx& tx) {
    later.id = tx.brigade().insert_debrief(later);
    earlier.id = tx.brigade().insert_debrief(earlier);
  });
  {
    const auto open = read()->brigade().open_debriefs();
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(fields(open[0]), fields(earlier));
    EXPECT_EQ(fields(open[1]), fields(later));
  }
  {
    auto tx = write();
    EXPECT_TRUE(tx->brigade().handle_debrief(later.id, t.coordinator, kT0 + 100));
    EXPECT_FALSE(tx->brigade().handle_debrief(later.id, t.coordinator, kT0 + 200));
    ASSERT_TRUE(tx->commit().ok());
  }
  EXPECT_EQ(ids_of(read()->brigade().open_debriefs()), std::vector<DebriefId>{earlier.id});
}

TEST_P(BrigadeStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const Team t = team();
  {
    auto tx = write();
    add_request(*tx, t.w);
    tx->brigade().insert_assignment(
        assignment_of(t, t.request, t.yasmin, AssignmentState::kOffered, kT0));
    tx->brigade().insert_visit(visit_of(t.request, t.yasmin, kT0, "key-1"));
    tx->brigade().insert_checkin({CheckinId(), t.request, t.yasmin, kT0, kT0 + 3600, 0});
    tx->brigade().insert_debrief({DebriefId(), t.yasmin, t.request, "", kT0, 0, UserId()});
    BrigadeRequest r = *tx->brigade().get_request(t.request);
    r.outcome = Outcome::kContact;
    EXPECT_TRUE(tx->brigade().update_request(r));
  }
  auto tx = read();
  EXPECT_EQ(tx->brigade().list_requests({}).size(), 1u);
  EXPECT_EQ(tx->brigade().get_request(t.request)->version, 1);
  EXPECT_TRUE(tx->brigade().assignments_for_request(t.request).empty());
  EXPECT_TRUE(tx->brigade().visits_for_request(t.request).empty());
  EXPECT_TRUE(tx->brigade().open_checkins().empty());
  EXPECT_TRUE(tx->brigade().open_debriefs().empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(BrigadeStoreContract);

}  // namespace meedoen::testing
