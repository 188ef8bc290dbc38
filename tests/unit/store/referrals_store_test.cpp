// The referrals store's contract: referrals to partners and their one-time links
// (store/referrals_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const Referral& r) {
  const Consent& c = r.consent;
  return std::tuple_cat(std::tie(r.id, r.request_id, r.resident_id, r.wijk_id, r.referred_by,
                                 r.kind, r.to_org, r.to_email, r.story),
                        std::tie(c.given_by, c.date, c.purpose, c.recipient, c.form, c.fields.name,
                                 c.fields.address, c.fields.phone, c.fields.story),
                        std::tie(r.status, r.intake_date, r.answer_note, r.created_at, r.updated_at,
                                 r.answered_at, r.reminded_at));
}

auto fields(const ReferralToken& t) {
  return std::tie(t.digest, t.referral_id, t.expires_at, t.used_at);
}

class ReferralsStoreContract : public StoreContract {
 protected:
  struct Setting {
    World w;
    WijkId stevenshof;
    OrgId wijkteam;
    UserId peer;
    RequestId request;
  };

  Setting setting() {
    return committed([](Tx& tx) {
      Setting s;
      s.w = add_world(tx);
      s.stevenshof = add_wijk(tx, "Stevenshof");
      s.wijkteam = add_org(tx, "Buurtteam Leiden", "wijkteam");
      const OrgId zrc = add_org(tx, "Zelfregiecentrum Leiden", "centre");
      s.peer = add_user(tx, "yasmin", Role::kPeer, zrc, {s.w.wijk});
      s.request = add_request(tx, s.w);
      return s;
    });
  }

  static Referral referral_of(const Setting& s, Timestamp at) {
    Referral r;
    r.request_id = s.request;
    r.resident_id = s.w.resident;
    r.wijk_id = s.w.wijk;
    r.referred_by = s.peer;
    r.kind = "wijkteam";
    r.to_org = s.wijkteam;
    r.story = "Wil graag hulp bij de post";
    r.consent = {"resident",         "2026-11-23",         "hulp bij geldzaken",
                 "Buurtteam Leiden", ConsentForm::kVerbal, SharedFields{false, false, false, true}};
    r.created_at = r.updated_at = at;
    return r;
  }

  ReferralId add(const Setting& s, Timestamp at, ReferralStatus status = ReferralStatus::kSent,
                 WijkId wijk = WijkId()) {
    Referral r = referral_of(s, at);
    r.status = status;
    if (wijk.valid()) r.wijk_id = wijk;
    return committed([&](Tx& tx) { return tx.referrals().insert_referral(r); });
  }
};

TEST_P(ReferralsStoreContract, AReferralIsReadBackWithEveryFieldAndItsConsent) {
  const Setting s = setting();
  Referral r = referral_of(s, kT0);
  r.kind = "debt_help";
  r.to_email = "intake@buurtteam.example.nl";
  r.consent = {"representative",   "2026-11-20",          "schulden regelen",
               "Buurtteam Leiden", ConsentForm::kWritten, SharedFields{true, true, true, false}};
  r.status = ReferralStatus::kReceived;
  r.intake_date = "2026-12-02";
  r.answer_note = "Ontvangen";
  r.updated_at = kT0 + 1;
  r.answered_at = kT0 + 2;
  r.id = committed([&](Tx& tx) { return tx.referrals().insert_referral(r); });
  auto tx = read();
  EXPECT_EQ(fields(*tx->referrals().get_referral(r.id)), fields(r));
  EXPECT_FALSE(tx->referrals().get_referral(ReferralId(r.id.value + 1)));
}

TEST_P(ReferralsStoreContract, AnUpdateChangesOnlyThePartnersAnswerAndTheReminder) {
  const Setting s = setting();
  const ReferralId id = add(s, kT0);
  Referral r = *read()->referrals().get_referral(id);
  r.status = ReferralStatus::kIntakePlanned;
  r.intake_date = "2026-12-01";
  r.answer_note = "Intake bij ons op kantoor";
  r.updated_at = kT0 + 10;
  r.answered_at = kT0 + 10;
  r.reminded_at = kT0 + 5;
  const Referral want = r;
  // What was referred, to whom and under which consent is fixed once made.
  r.kind = "ggz";
  r.to_org = s.w.org;
  r.story = "Anders";
  r.consent.fields.name = true;
  r.consent.purpose = "iets anders";
  r.created_at = 1;
  committed([&](Tx& tx) { tx.referrals().update_referral(r); });
  EXPECT_EQ(fields(*read()->referrals().get_referral(id)), fields(want));
}

TEST_P(ReferralsStoreContract, ARequestsReferralsComeOldestFirst) {
  const Setting s = setting();
  const ReferralId later = add(s, kT0 + 10);
  const ReferralId earlier = add(s, kT0);
  auto tx = read();
  EXPECT_EQ(ids_of(tx->referrals().referrals_for_request(s.request)),
            (std::vector<ReferralId>{earlier, later}));
  EXPECT_TRUE(tx->referrals().referrals_for_request(RequestId(s.request.value + 1)).empty());
}

TEST_P(ReferralsStoreContract, AnOrganisationsReferralsAreUnfinishedFirstThenNewest) {
  const Setting s = setting();
  const ReferralId done = add(s, kT0 + 30, ReferralStatus::kIntakeDone);
  const ReferralId declined = add(s, kT0 + 40, ReferralStatus::kDeclined);
  const ReferralId sent = add(s, kT0 + 10);
  const ReferralId planned = add(s, kT0 + 20, ReferralStatus::kIntakePlanned);
  const ReferralId received = add(s, kT0, ReferralStatus::kReceived);
  auto tx = read();
  EXPECT_EQ(ids_of(tx->referrals().referrals_to_org(s.wijkteam)),
            (std::vector<ReferralId>{planned, sent, received, declined, done}));
  EXPECT_TRUE(tx->referrals().referrals_to_org(s.w.org).empty());
}

TEST_P(ReferralsStoreContract, UnansweredReferralsAreSentOrReceivedOnesMadeBeforeOldestFirst) {
  const Setting s = setting();
  const ReferralId received = add(s, kT0 - 20, ReferralStatus::kReceived);
  const ReferralId sent = add(s, kT0 - 30);
  add(s, kT0 - 40, ReferralStatus::kIntakePlanned);
  add(s, kT0 - 50, ReferralStatus::kDeclined);
  add(s, kT0);  // made at the cut-off: not before it
  const ReferralId elsewhere = add(s, kT0 - 10, ReferralStatus::kSent, s.stevenshof);
  auto tx = read();
  EXPECT_EQ(ids_of(tx->referrals().unanswered_referrals({s.w.wijk}, kT0)),
            (std::vector<ReferralId>{sent, received}));
  EXPECT_EQ(ids_of(tx->referrals().unanswered_referrals({s.stevenshof}, kT0)),
            std::vector<ReferralId>{elsewhere});
  // No wijken: every wijk's.
  EXPECT_EQ(ids_of(tx->referrals().unanswered_referrals({}, kT0)),
            (std::vector<ReferralId>{sent, received, elsewhere}));
}

TEST_P(ReferralsStoreContract, AOneTimeLinkIsUsedOnlyOnce) {
  const Setting s = setting();
  const ReferralId id = add(s, kT0);
  // A new link is unused whatever it says.
  committed([&](Tx& tx) { tx.referrals().insert_referral_token({"digest-1", id, kT0 + kDay, 7}); });
  EXPECT_EQ(fields(*read()->referrals().find_referral_token("digest-1")),
            fields(ReferralToken{"digest-1", id, kT0 + kDay, 0}));
  {
    auto tx = write();
    EXPECT_TRUE(tx->referrals().use_referral_token("digest-1", kT0 + 60));
    EXPECT_FALSE(tx->referrals().use_referral_token("digest-1", kT0 + 120));
    EXPECT_FALSE(tx->referrals().use_referral_token("digest-unknown", kT0 + 120));
    ASSERT_TRUE(tx->commit().ok());
  }
  auto tx = read();
  EXPECT_EQ(tx->referrals().find_referral_token("digest-1")->used_at, kT0 + 60);
  EXPECT_FALSE(tx->referrals().find_referral_token("digest-unknown"));
}

TEST_P(ReferralsStoreContract, RetiringEndsTheReferralsOpenLinksOnly) {
  const Setting s = setting();
  const ReferralId id = add(s, kT0);
  const ReferralId other = add(s, kT0);
  committed([&](Tx& tx) {
    tx.referrals().insert_referral_token({"used", id, kT0 + kDay, 0});
    tx.referrals().insert_referral_token({"open", id, kT0 + kDay, 0});
    tx.referrals().insert_referral_token({"others", other, kT0 + kDay, 0});
    ASSERT_TRUE(tx.referrals().use_referral_token("used", kT0 + 10));
  });
  committed([&](Tx& tx) { tx.referrals().retire_referral_tokens(id, kT0 + 20); });
  auto tx = read();
  EXPECT_EQ(tx->referrals().find_referral_token("used")->used_at, kT0 + 10);
  EXPECT_EQ(tx->referrals().find_referral_token("open")->used_at, kT0 + 20);
  EXPECT_EQ(tx->referrals().find_referral_token("others")->used_at, 0);
}

TEST_P(ReferralsStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const Setting s = setting();
  const ReferralId id = add(s, kT0);
  committed([&](Tx& tx) { tx.referrals().insert_referral_token({"kept", id, kT0 + kDay, 0}); });
  {
    auto tx = write();
    tx->referrals().insert_referral(referral_of(s, kT0 + 1));
    tx->referrals().insert_referral_token({"lost", id, kT0 + kDay, 0});
    EXPECT_TRUE(tx->referrals().use_referral_token("kept", kT0 + 5));
    Referral r = *tx->referrals().get_referral(id);
    r.status = ReferralStatus::kDeclined;
    tx->referrals().update_referral(r);
  }
  auto tx = read();
  EXPECT_EQ(tx->referrals().referrals_for_request(s.request).size(), 1u);
  EXPECT_EQ(tx->referrals().get_referral(id)->status, ReferralStatus::kSent);
  EXPECT_FALSE(tx->referrals().find_referral_token("lost"));
  EXPECT_EQ(tx->referrals().find_referral_token("kept")->used_at, 0);
}

}  // namespace

MEEDOEN_STORE_CONTRACT(ReferralsStoreContract);

}  // namespace meedoen::testing
