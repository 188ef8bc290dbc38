// The peers store's contract: peer workers' profiles, on-call blocks, absences and load
// (store/peers_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const PeerProfile& p) {
  return std::tie(p.user_id, p.languages, p.themes, p.gender, p.weekly_cap, p.active, p.email);
}

auto fields(const Absence& a) { return std::tie(a.id, a.from, a.to, a.note); }

// Blocks by date and part; the order of the parts within a day is not promised.
std::vector<std::pair<std::string, DayPart>> blocks(const std::vector<OnCallBlock>& v) {
  std::vector<std::pair<std::string, DayPart>> out;
  for (const auto& b : v) out.emplace_back(b.date, b.part);
  return sorted(out);
}

class PeersStoreContract : public StoreContract {
 protected:
  struct Brigade {
    World w;
    WijkId stevenshof;
    OrgId zrc;
    UserId yasmin, bert, coordinator;
  };

  Brigade brigade() {
    return committed([](Tx& tx) {
      Brigade b;
      b.w = add_world(tx);
      b.stevenshof = add_wijk(tx, "Stevenshof");
      b.zrc = add_org(tx, "Zelfregiecentrum Leiden", "centre");
      b.yasmin = add_user(tx, "yasmin", Role::kPeer, b.zrc, {b.w.wijk});
      b.bert = add_user(tx, "bert", Role::kPeer, b.zrc, {b.w.wijk, b.stevenshof});
      b.coordinator = add_user(tx, "coordinator", Role::kCoordinator, b.zrc, {b.w.wijk});
      for (UserId id : {b.yasmin, b.bert}) tx.peers().put_peer_profile(profile_of(id));
      return b;
    });
  }

  static PeerProfile profile_of(UserId id) {
    PeerProfile p;
    p.user_id = id;
    p.languages = {"nl", "ar"};
    p.themes = {"loneliness"};
    p.gender = "female";
    return p;
  }

  // An assignment of `peer` to a new request, in `state`, and optionally a visit of theirs.
  static RequestId assign(Tx& tx, const Brigade& b, UserId peer, AssignmentState state) {
    const RequestId r = add_request(tx, b.w);
    tx.brigade().insert_assignment({AssignmentId(), r, peer, b.coordinator, state, "", kT0, 0, 0});
    return r;
  }

  static void visit(Tx& tx, RequestId r, UserId peer, Timestamp at, VisitResult result,
                    const std::string& key) {
    Visit v;
    v.request_id = r;
    v.peer = peer;
    v.at = v.created_at = at;
    v.kind = VisitKind::kHome;
    v.result = result;
    v.idempotency_key = key;
    tx.brigade().insert_visit(v);
  }
};

TEST_P(PeersStoreContract, AProfileIsWrittenWholeAndReadBack) {
  const Brigade b = brigade();
  PeerProfile p = profile_of(b.yasmin);
  p.languages = {"nl", "tr", "en"};
  p.themes = {"addiction", "grief"};
  p.gender = "other";
  p.weekly_cap = 2;
  p.active = false;
  p.email = "yasmin@example.nl";
  committed([&](Tx& tx) { tx.peers().put_peer_profile(p); });
  auto tx = read();
  EXPECT_EQ(fields(*tx->peers().get_peer_profile(b.yasmin)), fields(p));
  EXPECT_FALSE(tx->peers().get_peer_profile(b.coordinator));
  const auto all = tx->peers().list_peer_profiles();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(fields(all[0]), fields(p));
  EXPECT_EQ(all[1].user_id, b.bert);
}

TEST_P(PeersStoreContract, AnEmptyProfileHasNoLanguagesOrThemes) {
  const Brigade b = brigade();
  PeerProfile p = profile_of(b.bert);
  p.languages.clear();
  p.themes.clear();
  committed([&](Tx& tx) { tx.peers().put_peer_profile(p); });
  EXPECT_EQ(fields(*read()->peers().get_peer_profile(b.bert)), fields(p));
}

TEST_P(PeersStoreContract, PeersInWijkenAreActivePeerWorkersWithAProfileOnceByName) {
  const Brigade b = brigade();
  UserId elsewhere;
  committed([&](Tx& tx) {
    const WijkId far = add_wijk(tx, "Boshuizen");
    elsewhere = add_user(tx, "ans", Role::kPeer, b.zrc, {far});
    tx.peers().put_peer_profile(profile_of(elsewhere));
    add_user(tx, "zonder-profiel", Role::kPeer, b.zrc, {b.w.wijk});
    tx.peers().put_peer_profile(profile_of(b.coordinator));  // a profile, but no peer worker
    User gone;
    gone.username = "gestopt";
    gone.display_name = "Gestopt";
    gone.role = Role::kPeer;
    gone.org_id = b.zrc;
    gone.active = false;
    gone.wijken = {b.w.wijk};
    tx.peers().put_peer_profile(profile_of(*tx.accounts().insert_user(gone, "h")));
  });
  auto tx = read();
  const auto peers = tx->peers().peers_in_wijken({b.w.wijk, b.stevenshof});
  ASSERT_EQ(peers.size(), 2u);
  const auto& [bert, bert_profile] = peers[0];  // "bert Naam" sorts before "yasmin Naam"
  EXPECT_EQ(bert.id, b.bert);
  EXPECT_EQ(bert.display_name, "bert Naam");
  EXPECT_EQ(bert.role, Role::kPeer);
  EXPECT_EQ(bert.org_id, b.zrc);
  EXPECT_EQ(bert.lang, "nl");
  EXPECT_TRUE(bert.wijken.empty());
  EXPECT_EQ(fields(bert_profile), fields(profile_of(b.bert)));
  EXPECT_EQ(peers[1].first.id, b.yasmin);
  EXPECT_EQ(tx->peers().peers_in_wijken({b.stevenshof}).size(), 1u);
  // No wijken: every wijk's peers.
  EXPECT_EQ(tx->peers().peers_in_wijken({}).size(), 3u);
}

TEST_P(PeersStoreContract, OnCallBlocksAreReadAndReplacedBetweenTwoDatesInclusive) {
  const Brigade b = brigade();
  using P = DayPart;
  committed([&](Tx& tx) {
    tx.peers().set_on_call(b.yasmin, "2026-11-23", "2026-11-29",
                           {{"2026-11-23", P::kMorning},
                            {"2026-11-23", P::kEvening},
                            {"2026-11-25", P::kAfternoon},
                            {"2026-11-29", P::kMorning}});
    tx.peers().set_on_call(b.yasmin, "2026-11-30", "2026-12-06", {{"2026-11-30", P::kMorning}});
    tx.peers().set_on_call(b.bert, "2026-11-23", "2026-11-29", {{"2026-11-24", P::kMorning}});
  });
  {
    auto tx = read();
    EXPECT_EQ(blocks(tx->peers().on_call(b.yasmin, "2026-11-23", "2026-11-25")),
              (std::vector<std::pair<std::string, DayPart>>{{"2026-11-23", P::kMorning},
                                                            {"2026-11-23", P::kEvening},
                                                            {"2026-11-25", P::kAfternoon}}));
    const auto week = tx->peers().on_call(b.yasmin, "2026-11-23", "2026-11-29");
    ASSERT_EQ(week.size(), 4u);
    EXPECT_TRUE(
        std::is_sorted(week.begin(), week.end(), [](auto& x, auto& y) { return x.date < y.date; }));
  }
  // The week is replaced; the next week and the other peer stay as they were.
  committed([&](Tx& tx) {
    tx.peers().set_on_call(b.yasmin, "2026-11-23", "2026-11-29", {{"2026-11-26", P::kEvening}});
  });
  auto tx = read();
  EXPECT_EQ(blocks(tx->peers().on_call(b.yasmin, "2026-11-01", "2026-12-31")),
            (std::vector<std::pair<std::string, DayPart>>{{"2026-11-26", P::kEvening},
                                                          {"2026-11-30", P::kMorning}}));
  EXPECT_EQ(tx->peers().on_call(b.bert, "2026-11-23", "2026-11-29").size(), 1u);
}

TEST_P(PeersStoreContract, OnCallCountsArePerPeerWithinTheDates) {
  const Brigade b = brigade();
  using P = DayPart;
  committed([&](Tx& tx) {
    tx.peers().set_on_call(b.yasmin, "2026-11-23", "2026-11-30",
                           {{"2026-11-23", P::kMorning},
                            {"2026-11-23", P::kAfternoon},
                            {"2026-11-29", P::kEvening},
                            {"2026-11-30", P::kMorning}});
  });
  const auto counts =
      read()->peers().on_call_counts({b.yasmin, b.bert}, "2026-11-23", "2026-11-29");
  EXPECT_EQ(counts, (std::map<UserId, int>{{b.yasmin, 3}}));  // bert has none: not in the map
}

TEST_P(PeersStoreContract, AbsencesThatEndOnOrAfterADateAreListedByStart) {
  const Brigade b = brigade();
  Absence past{0, "2026-11-01", "2026-11-22", "vakantie"};
  Absence edge{0, "2026-11-20", "2026-11-23", "vrij"};
  Absence later{0, "2026-12-24", "2027-01-02", "kerst"};
  committed([&](Tx& tx) {
    later.id = tx.peers().insert_absence(b.yasmin, later);
    past.id = tx.peers().insert_absence(b.yasmin, past);
    edge.id = tx.peers().insert_absence(b.yasmin, edge);
    tx.peers().insert_absence(b.bert, {0, "2026-11-23", "2026-11-30", ""});
  });
  auto tx = read();
  const auto list = tx->peers().absences(b.yasmin, "2026-11-23");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(fields(list[0]), fields(edge));
  EXPECT_EQ(fields(list[1]), fields(later));
}

TEST_P(PeersStoreContract, APeerDeletesOnlyTheirOwnAbsence) {
  const Brigade b = brigade();
  const std::int64_t id = committed([&](Tx& tx) {
    return tx.peers().insert_absence(b.yasmin, {0, "2026-11-23", "2026-11-30", "vakantie"});
  });
  {
    auto tx = write();
    EXPECT_FALSE(tx->peers().delete_absence(b.bert, id));
    EXPECT_TRUE(tx->peers().delete_absence(b.yasmin, id));
    EXPECT_FALSE(tx->peers().delete_absence(b.yasmin, id));
    ASSERT_TRUE(tx->commit().ok());
  }
  EXPECT_TRUE(read()->peers().absences(b.yasmin, "2026-01-01").empty());
}

TEST_P(PeersStoreContract, AbsentOnIsThePeersWhoseAbsenceCoversTheDate) {
  const Brigade b = brigade();
  committed([&](Tx& tx) {
    tx.peers().insert_absence(b.yasmin, {0, "2026-11-23", "2026-11-23", "één dag"});
    tx.peers().insert_absence(b.bert, {0, "2026-11-24", "2026-11-30", ""});
  });
  auto tx = read();
  EXPECT_EQ(tx->peers().absent_on({b.yasmin, b.bert}, "2026-11-23"), std::set<UserId>{b.yasmin});
  EXPECT_EQ(tx->peers().absent_on({b.yasmin, b.bert}, "2026-11-30"), std::set<UserId>{b.bert});
  EXPECT_TRUE(tx->peers().absent_on({b.yasmin}, "2026-11-24").empty());
  EXPECT_TRUE(tx->peers().absent_on({}, "2026-11-24").empty());
}

TEST_P(PeersStoreContract, ALoadIsVisitsSinceTheWeekPlusRequestsHeldWithoutAVisit) {
  const Brigade b = brigade();
  committed([&](Tx& tx) {
    // Yasmin: two requests held without a visit (offered, accepted); on a third, a visit of last
    // week and three this week, two of them attempts without contact; and requests she no longer
    // holds.
    assign(tx, b, b.yasmin, AssignmentState::kOffered);
    assign(tx, b, b.yasmin, AssignmentState::kAccepted);
    const RequestId visited = assign(tx, b, b.yasmin, AssignmentState::kAccepted);
    visit(tx, visited, b.yasmin, kT0 - kDay, VisitResult::kContact, "k1");
    visit(tx, visited, b.yasmin, kT0 + kDay, VisitResult::kShortTalk, "k2");
    visit(tx, visited, b.yasmin, kT0 + 2 * kDay, VisitResult::kNotHome, "k3");
    visit(tx, visited, b.yasmin, kT0 + 3 * kDay, VisitResult::kRefused, "k4");
    visit(tx, visited, b.yasmin, kT0 + 4 * kDay, VisitResult::kNoAnswer, "k5");
    assign(tx, b, b.yasmin, AssignmentState::kDeclined);
    assign(tx, b, b.yasmin, AssignmentState::kEnded);
  });
  auto tx = read();
  // Since kT0: k2 and k4 (a refusal opened the door), plus the two held requests; with the
  // attempts k3 (not home) and k5 (no answer) as well.
  EXPECT_EQ(tx->peers().peer_loads({b.yasmin, b.bert}, kT0, false),
            (std::map<UserId, int>{{b.yasmin, 4}}));
  EXPECT_EQ(tx->peers().peer_loads({b.yasmin}, kT0, true), (std::map<UserId, int>{{b.yasmin, 6}}));
  EXPECT_TRUE(tx->peers().peer_loads({}, kT0, true).empty());
}

TEST_P(PeersStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const Brigade b = brigade();
  {
    auto tx = write();
    PeerProfile p = profile_of(b.yasmin);
    p.weekly_cap = 1;
    tx->peers().put_peer_profile(p);
    tx->peers().set_on_call(b.yasmin, "2026-11-23", "2026-11-29",
                            {{"2026-11-23", DayPart::kMorning}});
    tx->peers().insert_absence(b.yasmin, {0, "2026-11-23", "2026-11-30", ""});
  }
  auto tx = read();
  EXPECT_EQ(tx->peers().get_peer_profile(b.yasmin)->weekly_cap, 4);
  EXPECT_TRUE(tx->peers().on_call(b.yasmin, "2026-11-23", "2026-11-29").empty());
  EXPECT_TRUE(tx->peers().absences(b.yasmin, "2026-11-01").empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(PeersStoreContract);

}  // namespace meedoen::testing
