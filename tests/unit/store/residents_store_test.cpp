// The residents store's contract: residents by pseudonym, their sealed identity, the blind name
// index and the vault's key check (store/residents_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const Resident& r) {
  return std::tie(r.id, r.code, r.wijk_id, r.buurt_id, r.gender, r.age_band, r.created_at);
}

std::vector<unsigned char> bytes(const std::string& s) { return {s.begin(), s.end()}; }

class ResidentsStoreContract : public StoreContract {};

TEST_P(ResidentsStoreContract, AResidentIsReadBackWithEveryFieldByIdAndByCode) {
  const World w = world();
  Resident r{ResidentId(), "R-9XPL", w.wijk, w.buurt, "male", "30_50", kT0 + 5};
  r.id = committed([&](Tx& tx) { return tx.residents().insert_resident(r); });
  auto tx = read();
  EXPECT_EQ(fields(*tx->residents().get_resident(r.id)), fields(r));
  EXPECT_EQ(fields(*tx->residents().find_resident_by_code("R-9XPL")), fields(r));
}

TEST_P(ResidentsStoreContract, AResidentWithoutBuurtHasNone) {
  const World w = world();
  const ResidentId id = committed([&](Tx& tx) { return add_resident(tx, "R-2ABC", w.wijk); });
  auto tx = read();
  EXPECT_FALSE(tx->residents().get_resident(id)->buurt_id.valid());
}

TEST_P(ResidentsStoreContract, AnUnknownResidentIsNotFound) {
  const World w = world();
  auto tx = read();
  EXPECT_FALSE(tx->residents().get_resident(ResidentId(w.resident.value + 1)));
  EXPECT_FALSE(tx->residents().find_resident_by_code("R-ZZZZ"));
  EXPECT_TRUE(tx->residents().get_identity(ResidentId(w.resident.value + 1)).empty());
}

TEST_P(ResidentsStoreContract, GetResidentsLeavesOutUnknownIds) {
  const World w = world();
  const ResidentId other = committed([&](Tx& tx) { return add_resident(tx, "R-4MNP", w.wijk); });
  auto tx = read();
  const auto list =
      tx->residents().get_residents({other, ResidentId(other.value + 7), w.resident, other});
  EXPECT_EQ(sorted(ids_of(list)), sorted(std::vector<ResidentId>{w.resident, other}));
  EXPECT_TRUE(tx->residents().get_residents({}).empty());
}

TEST_P(ResidentsStoreContract, PutIdentityReplacesTheFieldsGivenAndAnEmptyOneRemovesIt) {
  const World w = world();
  const ResidentId other = committed([&](Tx& tx) { return add_resident(tx, "R-4MNP", w.wijk); });
  committed([&](Tx& tx) {
    tx.residents().put_identity(w.resident, {{"name", bytes("sealed-name")},
                                             {"address", bytes("sealed-address")},
                                             {"phone", bytes("sealed-phone")}});
    tx.residents().put_identity(other, {{"name", bytes("other-name")}});
  });
  committed([&](Tx& tx) {
    tx.residents().put_identity(w.resident, {{"name", bytes("sealed-name-2")}, {"phone", {}}});
  });
  auto tx = read();
  const SealedIdentity want{{"name", bytes("sealed-name-2")}, {"address", bytes("sealed-address")}};
  EXPECT_EQ(tx->residents().get_identity(w.resident), want);
  EXPECT_EQ(tx->residents().get_identity(other), (SealedIdentity{{"name", bytes("other-name")}}));
}

TEST_P(ResidentsStoreContract, NameTokensFindResidentsOfTheWijkAskedForOnly) {
  const World w = world();
  ResidentId other, elsewhere;
  committed([&](Tx& tx) {
    other = add_resident(tx, "R-4MNP", w.wijk);
    const WijkId stevenshof = add_wijk(tx, "Stevenshof");
    elsewhere = add_resident(tx, "R-5QRS", stevenshof);
    tx.residents().put_name_tokens(w.resident, {"tok-jansen", "tok-marie"});
    tx.residents().put_name_tokens(other, {"tok-bakker"});
    tx.residents().put_name_tokens(elsewhere, {"tok-jansen"});
  });
  auto tx = read();
  EXPECT_EQ(tx->residents().residents_with_name_tokens(w.wijk, {"tok-jansen"}),
            std::vector<ResidentId>{w.resident});
  EXPECT_EQ(sorted(tx->residents().residents_with_name_tokens(w.wijk, {"tok-bakker", "tok-x"})),
            std::vector<ResidentId>{other});
  auto both = tx->residents().residents_with_name_tokens(w.wijk, {"tok-marie", "tok-bakker"});
  EXPECT_EQ(sorted(both), sorted(std::vector<ResidentId>{w.resident, other}));
  EXPECT_TRUE(tx->residents().residents_with_name_tokens(w.wijk, {"tok-nobody"}).empty());
  EXPECT_TRUE(tx->residents().residents_with_name_tokens(w.wijk, {}).empty());
}

TEST_P(ResidentsStoreContract, PutNameTokensReplacesTheResidentsTokens) {
  const World w = world();
  committed([&](Tx& tx) { tx.residents().put_name_tokens(w.resident, {"tok-oud"}); });
  committed([&](Tx& tx) { tx.residents().put_name_tokens(w.resident, {"tok-nieuw"}); });
  auto tx = read();
  EXPECT_TRUE(tx->residents().residents_with_name_tokens(w.wijk, {"tok-oud"}).empty());
  EXPECT_EQ(tx->residents().residents_with_name_tokens(w.wijk, {"tok-nieuw"}),
            std::vector<ResidentId>{w.resident});
}

TEST_P(ResidentsStoreContract, TheVaultKeyCheckIsAbsentUntilSet) {
  EXPECT_FALSE(read()->residents().vault_key_check());
  committed([](Tx& tx) { tx.residents().set_vault_key_check(bytes("check-value"), kT0); });
  EXPECT_EQ(read()->residents().vault_key_check(), bytes("check-value"));
}

TEST_P(ResidentsStoreContract, AnySealedFieldIsOneStoredFieldOrNothing) {
  const World w = world();
  EXPECT_FALSE(read()->residents().any_sealed_field());
  committed([&](Tx& tx) {
    tx.residents().put_identity(w.resident, {{"address", bytes("sealed-address")}});
  });
  auto tx = read();
  auto sample = tx->residents().any_sealed_field();
  ASSERT_TRUE(sample);
  EXPECT_EQ(sample->resident, w.resident);
  EXPECT_EQ(sample->field, "address");
  EXPECT_EQ(sample->sealed, bytes("sealed-address"));
}

TEST_P(ResidentsStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const World w = world();
  {
    auto tx = write();
    add_resident(*tx, "R-4MNP", w.wijk);
    tx->residents().put_identity(w.resident, {{"name", bytes("sealed-name")}});
    tx->residents().put_name_tokens(w.resident, {"tok-jansen"});
    tx->residents().set_vault_key_check(bytes("check-value"), kT0);
  }
  auto tx = read();
  EXPECT_FALSE(tx->residents().find_resident_by_code("R-4MNP"));
  EXPECT_TRUE(tx->residents().get_identity(w.resident).empty());
  EXPECT_TRUE(tx->residents().residents_with_name_tokens(w.wijk, {"tok-jansen"}).empty());
  EXPECT_FALSE(tx->residents().vault_key_check());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(ResidentsStoreContract);

}  // namespace meedoen::testing
