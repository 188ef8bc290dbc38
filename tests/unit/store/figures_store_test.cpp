// The figures store's contract: the brigade's funnel, one row per request, and the centres' counts
// per day part and their occurrences held (store/figures_store.hpp).
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

// A centre's day parts as the tally counts them (a -1 takes its +1 off, tags and all), only for
// the wijken asked and the days asked; and the occurrences whose attendance was recorded.
TEST_P(FiguresStoreContract, TheCentresCountPerDayPartAndTheirHeldActivities) {
  const World w = world();
  constexpr std::int64_t kDay0 = 20415;
  committed([&](Tx& tx) {
    Centre c;
    c.wijk_id = w.wijk;
    c.name = "Matilo";
    c.updated_at = kT0;
    const CentreId centre = tx.centres().insert_centre(c);
    c.wijk_id = add_wijk(tx, "Stevenshof");
    c.name = "Elders";
    const CentreId elsewhere = tx.centres().insert_centre(c);
    int n = 0;
    auto tap = [&](CentreId at, std::int64_t day, DayPart part, int delta, bool first) {
      Tap t;
      t.centre_id = at;
      t.day = day;
      t.part = part;
      t.delta = delta;
      t.tags.first_visit = first;
      t.key = "key-figures-" + std::to_string(++n);
      t.by = w.user;
      t.at = kT0;
      return tx.centres().insert_tap(t);
    };
    tap(centre, kDay0, DayPart::kMorning, 1, true);
    tap(centre, kDay0, DayPart::kMorning, 1, false);
    const TapId mistake = tap(centre, kDay0, DayPart::kMorning, 1, true);
    Tap back;
    back.centre_id = centre;
    back.day = kDay0;
    back.part = DayPart::kMorning;
    back.delta = -1;
    back.corrects = mistake;
    back.tags.first_visit = true;
    back.key = "key-figures-back";
    back.by = w.user;
    back.at = kT0;
    tx.centres().insert_tap(back);
    tap(centre, kDay0 + 1, DayPart::kEvening, 1, false);
    tap(centre, kDay0 + 9, DayPart::kEvening, 1, false);  // after the days asked
    tap(elsewhere, kDay0, DayPart::kMorning, 1, false);   // another wijk

    Activity a;
    a.centre_id = centre;
    a.title = "Breien";
    a.schedule.first_day = kDay0;
    a.schedule.start_minute = 600;
    a.schedule.duration_minutes = 60;
    a.organiser = "Ans";
    a.status = ActivityStatus::kApproved;
    a.created_by = w.user;
    a.created_at = a.updated_at = kT0;
    const ActivityId knit = tx.activities().insert_activity(a);
    a.title = "Koffie";
    a.organiser = "";
    const ActivityId coffee = tx.activities().insert_activity(a);
    Headcount h;
    h.activity_id = knit;
    h.day = kDay0;
    h.count = 6;
    h.recorded_by = w.user;
    h.recorded_at = kT0;
    tx.occurrences().put_attendance(h);
    h.activity_id = coffee;
    h.day = kDay0 + 1;
    h.count = 11;
    tx.occurrences().put_attendance(h);
    h.day = kDay0 + 20;
    tx.occurrences().put_attendance(h);
  });
  auto tx = read();
  const auto days = tx->figures().centre_days({w.wijk}, kDay0, kDay0 + 7);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].day, kDay0);
  EXPECT_EQ(days[0].tally.part, DayPart::kMorning);
  EXPECT_EQ(days[0].tally.visitors, 2);
  EXPECT_EQ(days[0].tally.first_visits, 1);
  EXPECT_EQ(days[1].day, kDay0 + 1);
  EXPECT_EQ(days[1].tally.part, DayPart::kEvening);
  EXPECT_EQ(days[1].tally.visitors, 1);
  EXPECT_EQ(tx->figures().centre_days({}, kDay0, kDay0 + 7).size(), 3u) << "every wijk";

  const auto held = tx->figures().held_activities({w.wijk}, kDay0, kDay0 + 7);
  ASSERT_EQ(held.size(), 2u);
  EXPECT_EQ(held[0].attendance, 6);
  EXPECT_TRUE(held[0].by_visitor) << "a visitor organises the knitting";
  EXPECT_EQ(held[1].attendance, 11);
  EXPECT_FALSE(held[1].by_visitor);
}

}  // namespace

MEEDOEN_STORE_CONTRACT(FiguresStoreContract);

}  // namespace meedoen::testing
