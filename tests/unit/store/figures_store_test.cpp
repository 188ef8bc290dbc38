// The figures store's contract: the brigade's funnel, one row per request
// (store/figures_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const FunnelRow& f) {
  return std::tie(f.wijk, f.created_at, f.origin_at, f.visited, f.first_contact_at, f.came_along,
                  f.referred, f.intake_confirmed);
}

class FiguresStoreContract : public StoreContract {
 protected:
  static void refer(Tx& tx, const World& w, RequestId r, UserId peer, ReferralStatus status) {
    Referral ref;
    ref.request_id = r;
    ref.resident_id = w.resident;
    ref.wijk_id = w.wijk;
    ref.referred_by = peer;
    ref.kind = "wijkteam";
    ref.to_org = w.org;
    ref.consent = {
        "resident",          "2026-11-23",         "hulp",
        "Praktijk De Linde", ConsentForm::kVerbal, SharedFields{false, false, false, true}};
    ref.status = status;
    ref.created_at = ref.updated_at = kT0;
    tx.referrals().insert_referral(ref);
  }
};

TEST_P(FiguresStoreContract, TheFunnelHasOneRowPerRequestMadeInThePeriodOldestFirst) {
  const World w = world();
  const Timestamp from = kT0 - kDay, to = kT0 + 7 * kDay;
  WijkId stevenshof;
  committed([&](Tx& tx) {
    const UserId peer = add_user(tx, "yasmin", Role::kPeer, w.org, {w.wijk});
    // From the overleg: raised three days before the request, visited with contact, came along
    // to the centre (and was closed later), referred with an intake planned.
    const SignalId signal = add_signal(tx, w, kT0 - 3 * kDay);
    BrigadeRequest overleg = request_of(w.resident, w.wijk, w.user, kT0);
    overleg.source = "meeting";
    overleg.signal_id = signal;
    overleg.first_contact_at = kT0 + kDay;
    overleg.outcome = Outcome::kClosed;
    const RequestId r1 = tx.brigade().insert_request(overleg);
    Visit v;
    v.request_id = r1;
    v.peer = peer;
    v.at = v.created_at = kT0 + kDay;
    v.result = VisitResult::kContact;
    v.idempotency_key = "k1";
    tx.brigade().insert_visit(v);
    tx.brigade().add_request_outcome(r1, kT0 + 2 * kDay, peer, Outcome::kCameAlong, "");
    tx.brigade().add_request_outcome(r1, kT0 + 3 * kDay, peer, Outcome::kClosed, "Gaat goed");
    refer(tx, w, r1, peer, ReferralStatus::kIntakePlanned);
    // Made directly, a little later: not visited, referred without an answer yet; and only an
    // outcome other than "came along".
    const RequestId r2 = add_request(tx, w, kT0 + 3600);
    refer(tx, w, r2, peer, ReferralStatus::kSent);
    tx.brigade().add_request_outcome(r2, kT0 + kDay, peer, Outcome::kContact, "");
    // Outside the period: before it, and at its (exclusive) end.
    add_request(tx, w, from - 1);
    add_request(tx, w, to);
    stevenshof = add_wijk(tx, "Stevenshof");
    const ResidentId elsewhere = add_resident(tx, "R-5QRS", stevenshof);
    tx.brigade().insert_request(request_of(elsewhere, stevenshof, w.user, kT0 - 60));
  });
  const FunnelRow first{w.wijk, kT0, kT0 - 3 * kDay, true, kT0 + kDay, true, true, true};
  const FunnelRow second{w.wijk, kT0 + 3600, kT0 + 3600, false, 0, false, true, false};
  const FunnelRow elsewhere{stevenshof, kT0 - 60, kT0 - 60, false, 0, false, false, false};
  auto tx = read();
  const auto rows = tx->figures().funnel({w.wijk}, from, to);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(fields(rows[0]), fields(first));
  EXPECT_EQ(fields(rows[1]), fields(second));
  // No wijken: every wijk's requests.
  const auto all = tx->figures().funnel({}, from, to);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(fields(all[0]), fields(elsewhere));
  EXPECT_EQ(fields(all[1]), fields(first));
  EXPECT_EQ(tx->figures().funnel({w.wijk}, to, to + kDay).size(), 1u);
  EXPECT_TRUE(tx->figures().funnel({w.wijk}, to + kDay, to + 2 * kDay).empty());
}

TEST_P(FiguresStoreContract, AnOutcomeOfATransactionWithoutCommitIsNotCounted) {
  const World w = world();
  const RequestId r = committed([&](Tx& tx) { return add_request(tx, w); });
  {
    auto tx = write();
    tx->brigade().add_request_outcome(r, kT0 + 1, w.user, Outcome::kCameAlong, "");
  }
  const auto rows = read()->figures().funnel({w.wijk}, kT0, kT0 + 1);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_FALSE(rows[0].came_along);
}

}  // namespace

MEEDOEN_STORE_CONTRACT(FiguresStoreContract);

}  // namespace meedoen::testing
