// The audit store's contract: the audit trail is kept as written, in order
// (store/audit_store.hpp). The hashes are the app's (privacy/audit_chain.hpp); the store only keeps
// them.
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const AuditEntry& e) {
  return std::tie(e.seq, e.at, e.user_id, e.user_label, e.event, e.resident_id, e.object, e.reason,
                  e.prev_hash, e.hash);
}

class AuditStoreContract : public StoreContract {
 protected:
  static AuditEntry entry(std::int64_t seq, const std::string& event, ResidentId resident,
                          const std::string& reason = "") {
    AuditEntry e;
    e.seq = seq;
    e.at = kT0 + seq;
    e.user_id = UserId(1);
    e.user_label = "dokter (Praktijk De Linde)";
    e.event = event;
    e.resident_id = resident;
    e.object = "signal:" + std::to_string(seq);
    e.reason = reason;
    e.prev_hash = "hash-" + std::to_string(seq - 1);
    e.hash = "hash-" + std::to_string(seq);
    return e;
  }

  std::vector<AuditEntry> all() {
    std::vector<AuditEntry> out;
    read()->audit().for_each_audit([&](const AuditEntry& e) { out.push_back(e); });
    return out;
  }
};

TEST_P(AuditStoreContract, AnEmptyTrailHasAnEmptyHead) {
  const AuditHead head = read()->audit().audit_head();
  EXPECT_EQ(head.seq, 0);
  EXPECT_EQ(head.hash, "");
  EXPECT_TRUE(all().empty());
}

TEST_P(AuditStoreContract, EntriesAreKeptWithEveryFieldInSequenceAndTheHeadIsTheLast) {
  const World w = world();
  const AuditEntry login = entry(1, "login", ResidentId());
  const AuditEntry create = entry(2, "create", w.resident, "raised the signal");
  const AuditEntry read_identity = entry(3, "read_identity", w.resident, "open action");
  committed([&](Tx& tx) {
    tx.audit().insert_audit(login);
    tx.audit().insert_audit(create);
  });
  committed([&](Tx& tx) { tx.audit().insert_audit(read_identity); });
  const auto entries = all();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(fields(entries[0]), fields(login));
  EXPECT_EQ(fields(entries[1]), fields(create));
  EXPECT_EQ(fields(entries[2]), fields(read_identity));
  const AuditHead head = read()->audit().audit_head();
  EXPECT_EQ(head.seq, 3);
  EXPECT_EQ(head.hash, "hash-3");
}

TEST_P(AuditStoreContract, AResidentsTrailIsTheirEntriesInSequence) {
  const World w = world();
  const ResidentId other = committed([&](Tx& tx) { return add_resident(tx, "R-4MNP", w.wijk); });
  committed([&](Tx& tx) {
    tx.audit().insert_audit(entry(1, "create", w.resident));
    tx.audit().insert_audit(entry(2, "create", other));
    tx.audit().insert_audit(entry(3, "read_identity", w.resident));
  });
  auto tx = read();
  const auto trail = tx->audit().audit_for_resident(w.resident);
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(fields(trail[0]), fields(entry(1, "create", w.resident)));
  EXPECT_EQ(fields(trail[1]), fields(entry(3, "read_identity", w.resident)));
  EXPECT_TRUE(tx->audit().audit_for_resident(ResidentId(other.value + 1)).empty());
}

TEST_P(AuditStoreContract, BreakGlassEntriesAreThoseAboutTheWijkensResidentsNewestFirst) {
  const World w = world();
  WijkId stevenshof;
  committed([&](Tx& tx) {
    stevenshof = add_wijk(tx, "Stevenshof");
    const ResidentId elsewhere = add_resident(tx, "R-5QRS", stevenshof);
    tx.audit().insert_audit(entry(1, "break_glass", w.resident, "Zorgen om veiligheid"));
    tx.audit().insert_audit(entry(2, "read_identity", w.resident));
    tx.audit().insert_audit(entry(3, "break_glass", elsewhere, "Spoed"));
    tx.audit().insert_audit(entry(4, "break_glass", w.resident, "Nog eens"));
  });
  auto seqs = [](const std::vector<AuditEntry>& v) {
    std::vector<std::int64_t> out;
    for (const auto& e : v) out.push_back(e.seq);
    return out;
  };
  auto tx = read();
  const auto mine = tx->audit().break_glass_entries({w.wijk}, 10);
  EXPECT_EQ(seqs(mine), (std::vector<std::int64_t>{4, 1}));
  EXPECT_EQ(fields(mine.at(1)),
            fields(entry(1, "break_glass", w.resident, "Zorgen om veiligheid")));
  EXPECT_EQ(seqs(tx->audit().break_glass_entries({stevenshof}, 10)), std::vector<std::int64_t>{3});
  EXPECT_EQ(seqs(tx->audit().break_glass_entries({w.wijk, stevenshof}, 10)),
            (std::vector<std::int64_t>{4, 3, 1}));
  EXPECT_EQ(seqs(tx->audit().break_glass_entries({w.wijk, stevenshof}, 2)),
            (std::vector<std::int64_t>{4, 3}));
  // No wijken: every wijk's.
  EXPECT_EQ(seqs(tx->audit().break_glass_entries({}, 10)), (std::vector<std::int64_t>{4, 3, 1}));
  EXPECT_EQ(seqs(tx->audit().break_glass_entries({}, 1)), std::vector<std::int64_t>{4});
}

TEST_P(AuditStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const World w = world();
  committed([&](Tx& tx) { tx.audit().insert_audit(entry(1, "login", ResidentId())); });
  {
    auto tx = write();
    tx->audit().insert_audit(entry(2, "create", w.resident));
    EXPECT_EQ(tx->audit().audit_head().seq, 2);  // seen inside its own transaction
  }
  EXPECT_EQ(read()->audit().audit_head().seq, 1);
  EXPECT_EQ(all().size(), 1u);
  EXPECT_TRUE(read()->audit().audit_for_resident(w.resident).empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(AuditStoreContract);

}  // namespace meedoen::testing
