// The outbox keeps a mail's kind and values until it is sent, and then forgets the values (they
// may hold a one-time link).
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class MailStoreContract : public StoreContract {};

TEST_P(MailStoreContract, AMailKeepsItsKindAndValuesUntilItIsSent) {
  {
    auto tx = write();
    OutboxMail a;
    a.to = "a@example.nl";
    a.kind = "referral_link";
    a.params = {{"token", "t1"}, {"organisation", "O & Co"}};
    a.created_at = 10;
    tx->mail().insert_mail(a);
    OutboxMail b;
    b.to = "b@example.nl";
    b.kind = "brigade_assignment";
    b.params = {{"request_id", "7"}};
    b.created_at = 11;
    tx->mail().insert_mail(b);
    OutboxMail c;  // no values
    c.to = "c@example.nl";
    c.subject = "s";
    c.body = "b";
    tx->mail().insert_mail(c);
    ASSERT_TRUE(tx->commit().ok());
  }
  auto tx = write();
  auto pending = tx->mail().pending_mail(100, 10);
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0].kind, "referral_link");
  EXPECT_EQ(pending[0].params,
            (std::map<std::string, std::string>{{"organisation", "O & Co"}, {"token", "t1"}}));
  EXPECT_EQ(pending[0].created_at, 10);
  EXPECT_EQ(pending[1].params, (std::map<std::string, std::string>{{"request_id", "7"}}));
  EXPECT_TRUE(pending[2].kind.empty());
  EXPECT_TRUE(pending[2].params.empty());
  EXPECT_EQ(pending[2].subject, "s");

  tx->mail().mark_mail(pending[0].id, true, 100, "");
  tx->mail().mark_mail(pending[1].id, false, 100, "relay down");
  pending = tx->mail().pending_mail(100000, 10);
  ASSERT_EQ(pending.size(), 2u) << "the sent mail is gone from the outbox";
  EXPECT_EQ(pending[0].params.at("request_id"), "7") << "a failed mail keeps its values";
  EXPECT_EQ(pending[0].attempts, 1);
}

TEST_P(MailStoreContract, TheBacklogCountsMailsToSendAndMailsGivenUpOn) {
  EXPECT_EQ(committed([](Tx& tx) { return tx.mail().mail_backlog(); }).waiting, 0);
  committed([](Tx& tx) {
    for (int i = 0; i < 3; ++i) {
      OutboxMail m;
      m.to = "m" + std::to_string(i) + "@example.nl";
      m.kind = "brigade_assignment";
      tx.mail().insert_mail(m);
    }
  });
  auto mails = committed([](Tx& tx) { return tx.mail().pending_mail(100, 10); });
  ASSERT_EQ(mails.size(), 3u);
  committed([&](Tx& tx) {
    tx.mail().mark_mail(mails[0].id, true, 100, "");
    for (int i = 0; i < 10; ++i) tx.mail().mark_mail(mails[1].id, false, 100, "relay down");
  });
  const auto b = committed([](Tx& tx) { return tx.mail().mail_backlog(); });
  EXPECT_EQ(b.waiting, 1) << "the third, not yet tried";
  EXPECT_EQ(b.failed, 1) << "the second, after ten failed tries";
}

TEST_P(MailStoreContract, AClaimedMailIsHeldForTheLeaseThenComesDueAgainUntilItIsMarked) {
  committed([](Tx& tx) {
    for (int i = 0; i < 3; ++i) {
      OutboxMail m;
      m.to = "m" + std::to_string(i) + "@example.nl";
      m.kind = "brigade_assignment";
      m.params = {{"request_id", std::to_string(i)}};
      tx.mail().insert_mail(m);
    }
  });
  auto first = committed([](Tx& tx) { return tx.mail().claim_mail(100, 2, 300); });
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].to, "m0@example.nl") << "oldest first";
  EXPECT_EQ(first[1].params.at("request_id"), "1") << "with its values";
  // A second sender, meanwhile, gets only what the first did not take.
  auto second = committed([](Tx& tx) { return tx.mail().claim_mail(101, 10, 300); });
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].to, "m2@example.nl");
  EXPECT_TRUE(committed([](Tx& tx) { return tx.mail().claim_mail(399, 10, 300); }).empty());
  // The first sender sent one and died before it marked the other: after the lease, that one
  // comes due again; the sent one never does.
  committed([&](Tx& tx) { tx.mail().mark_mail(first[0].id, true, 150, ""); });
  auto again = committed([](Tx& tx) { return tx.mail().claim_mail(400, 10, 300); });
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].id, first[1].id);
  EXPECT_EQ(again[0].attempts, 0) << "a lease is not a failed attempt";
  // A claim that is not committed takes nothing.
  {
    auto tx = write();
    EXPECT_EQ(tx->mail().claim_mail(1000, 10, 300).size(), 2u);
  }
  EXPECT_EQ(committed([](Tx& tx) { return tx.mail().claim_mail(1000, 10, 300); }).size(), 2u);
}

TEST_P(MailStoreContract, AMailNotCommittedIsNotInTheOutbox) {
  {
    auto tx = write();
    OutboxMail m;
    m.to = "a@example.nl";
    m.kind = "referral_link";
    m.params = {{"token", "t1"}};
    tx->mail().insert_mail(m);
  }
  EXPECT_TRUE(read()->mail().pending_mail(100, 10).empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(MailStoreContract);

}  // namespace meedoen::testing
