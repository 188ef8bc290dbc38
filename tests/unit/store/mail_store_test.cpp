// The outbox keeps a mail's kind and values until it is sent, and then forgets the values (they
// may hold a one-time link).
#include <gtest/gtest.h>

#include "store/store.hpp"

namespace meedoen {
namespace {

std::unique_ptr<Store> fresh_store() {
  auto s = open_sqlite_store(":memory:");
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE((*s)->migrate().ok());
  return std::move(*s);
}

TEST(MailStore, AMailKeepsItsKindAndValuesUntilItIsSent) {
  auto store = fresh_store();
  {
    auto tx = store->begin(TxMode::kWrite);
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
  auto tx = store->begin(TxMode::kWrite);
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

}  // namespace
}  // namespace meedoen
