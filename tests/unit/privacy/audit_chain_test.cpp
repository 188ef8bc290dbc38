#include "privacy/audit_chain.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

std::vector<AuditEntry> chain(int n) {
  std::vector<AuditEntry> out;
  std::string prev = kGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditEntry e;
    e.seq = i;
    e.at = 1000 + i;
    e.user_id = UserId(3);
    e.user_label = "huisarts (member, Praktijk)";
    e.event = "read_identity";
    e.resident_id = ResidentId(10 + i);
    e.object = "signal:" + std::to_string(i);
    e.reason = "raised_signal";
    e.prev_hash = prev;
    e.hash = compute_audit_hash(e);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

ChainCheck verify(const std::vector<AuditEntry>& entries) {
  AuditChainVerifier v;
  for (const auto& e : entries) v.add(e);
  return v.result();
}

TEST(AuditChain, IntactChainVerifies) {
  const auto r = verify(chain(5));
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.checked, 5);
}

TEST(AuditChain, AlteredEntryIsFound) {
  auto c = chain(5);
  c[2].reason = "something else";
  const auto r = verify(c);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 3);
}

TEST(AuditChain, AlteredEntryWithRecomputedHashBreaksTheNextLink) {
  auto c = chain(5);
  c[2].user_id = UserId(4);
  c[2].hash = compute_audit_hash(c[2]);
  const auto r = verify(c);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 4);
}

TEST(AuditChain, RemovedEntryIsFound) {
  auto c = chain(5);
  c.erase(c.begin() + 1);
  const auto r = verify(c);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_seq, 2);
}

}  // namespace
}  // namespace meedoen
