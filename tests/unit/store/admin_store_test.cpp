// The admin store's contract: organisations, wijken, buurten, partners and categories
// (store/admin_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const Organisation& o) { return std::tie(o.id, o.name, o.kind); }
auto fields(const Wijk& w) { return std::tie(w.id, w.name, w.district, w.rhythm, w.default_place); }
auto fields(const Buurt& b) { return std::tie(b.id, b.wijk_id, b.name); }
auto fields(const Category& c) { return std::tie(c.id, c.wijk_id, c.label, c.meldcode, c.active); }

template <class T>
std::vector<std::string> names_of(const std::vector<T>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.name);
  return out;
}

class AdminStoreContract : public StoreContract {};

TEST_P(AdminStoreContract, AnOrganisationIsReadBackAndUpdated) {
  Organisation o{OrgId(), "Praktijk De Linde", "huisarts"};
  o.id = committed([&](Tx& tx) { return *tx.admin().insert_org(o); });
  {
    auto tx = read();
    EXPECT_EQ(fields(*tx->admin().get_org(o.id)), fields(o));
    EXPECT_FALSE(tx->admin().get_org(OrgId(o.id.value + 1)));
  }
  o.name = "Gezondheidscentrum De Linde";
  o.kind = "ggz";
  committed([&](Tx& tx) { tx.admin().update_org(o); });
  auto tx = read();
  EXPECT_EQ(fields(*tx->admin().get_org(o.id)), fields(o));
}

TEST_P(AdminStoreContract, AnOrganisationsNameIsTakenOnlyOnce) {
  committed([](Tx& tx) { add_org(tx, "Politie Leiden", "police"); });
  auto tx = write();
  auto again = tx->admin().insert_org({OrgId(), "Politie Leiden", "municipality"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(again.error().field, "name");
  EXPECT_EQ(again.error().message_key, "error.org.name_taken");
  EXPECT_EQ(tx->admin().list_orgs().size(), 1u);
}

TEST_P(AdminStoreContract, OrganisationsAndWijkenAreListedByName) {
  committed([](Tx& tx) {
    add_org(tx, "Woonzorg", "housing");
    add_org(tx, "Buurtteam", "wijkteam");
    add_org(tx, "Kwadraad", "welfare");
    add_wijk(tx, "Stevenshof");
    add_wijk(tx, "Merenwijk");
    add_wijk(tx, "Boshuizen");
  });
  auto tx = read();
  EXPECT_EQ(names_of(tx->admin().list_orgs()),
            (std::vector<std::string>{"Buurtteam", "Kwadraad", "Woonzorg"}));
  EXPECT_EQ(names_of(tx->admin().list_wijken()),
            (std::vector<std::string>{"Boshuizen", "Merenwijk", "Stevenshof"}));
}

TEST_P(AdminStoreContract, AWijkIsReadBackAndUpdatedWithEveryField) {
  Wijk w{WijkId(), "Meerburg", "Roodenburg", "elke 2e dinsdag, 10:00", "Buurthuis Matilo"};
  w.id = committed([&](Tx& tx) { return *tx.admin().insert_wijk(w); });
  {
    auto tx = read();
    EXPECT_EQ(fields(*tx->admin().get_wijk(w.id)), fields(w));
    EXPECT_FALSE(tx->admin().get_wijk(WijkId(w.id.value + 1)));
  }
  w = {w.id, "Meerburg-Oost", "Leiden-Zuid", "elke maandag, 14:00", "De Bakkerij"};
  committed([&](Tx& tx) { tx.admin().update_wijk(w); });
  auto tx = read();
  EXPECT_EQ(fields(*tx->admin().get_wijk(w.id)), fields(w));
}

TEST_P(AdminStoreContract, AWijksNameIsTakenOnlyOnce) {
  committed([](Tx& tx) { add_wijk(tx, "Meerburg"); });
  auto tx = write();
  auto again = tx->admin().insert_wijk({WijkId(), "Meerburg", "", "", ""});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(again.error().field, "name");
  EXPECT_EQ(again.error().message_key, "error.wijk.name_taken");
  EXPECT_EQ(tx->admin().list_wijken().size(), 1u);
}

TEST_P(AdminStoreContract, BuurtenAreThoseOfTheirWijkByName) {
  WijkId meerburg, stevenshof;
  BuurtId noord;
  committed([&](Tx& tx) {
    meerburg = add_wijk(tx, "Meerburg");
    stevenshof = add_wijk(tx, "Stevenshof");
    add_buurt(tx, meerburg, "Zuid");
    noord = add_buurt(tx, meerburg, "Noord");
    add_buurt(tx, stevenshof, "Noord");  // the same name in another wijk is another buurt
  });
  auto tx = read();
  const auto list = tx->admin().buurten(meerburg);
  EXPECT_EQ(names_of(list), (std::vector<std::string>{"Noord", "Zuid"}));
  EXPECT_EQ(fields(list[0]), fields(Buurt{noord, meerburg, "Noord"}));
  EXPECT_EQ(fields(*tx->admin().get_buurt(noord)), fields(Buurt{noord, meerburg, "Noord"}));
  EXPECT_EQ(tx->admin().buurten(stevenshof).size(), 1u);
  EXPECT_TRUE(tx->admin().buurten(WijkId(stevenshof.value + 1)).empty());
  EXPECT_FALSE(tx->admin().get_buurt(BuurtId(noord.value + 10)));
}

TEST_P(AdminStoreContract, SetPartnersReplacesTheWijksPartnersListedByName) {
  WijkId meerburg, stevenshof;
  OrgId politie, huisarts, welzijn;
  committed([&](Tx& tx) {
    meerburg = add_wijk(tx, "Meerburg");
    stevenshof = add_wijk(tx, "Stevenshof");
    politie = add_org(tx, "Politie", "police");
    huisarts = add_org(tx, "Huisarts", "huisarts");
    welzijn = add_org(tx, "Welzijn", "welfare");
    tx.admin().set_partners(meerburg, {welzijn});
    tx.admin().set_partners(stevenshof, {welzijn});
  });
  committed([&](Tx& tx) { tx.admin().set_partners(meerburg, {politie, huisarts, politie}); });
  {
    auto tx = read();
    EXPECT_EQ(tx->admin().partners(meerburg), (std::vector<OrgId>{huisarts, politie}));
    EXPECT_EQ(tx->admin().partners(stevenshof), (std::vector<OrgId>{welzijn}));
  }
  committed([&](Tx& tx) { tx.admin().set_partners(meerburg, {}); });
  auto tx = read();
  EXPECT_TRUE(tx->admin().partners(meerburg).empty());
  EXPECT_EQ(tx->admin().partners(stevenshof), (std::vector<OrgId>{welzijn}));
}

TEST_P(AdminStoreContract, AWijksCategoriesListActiveOnesFirstThenByLabel) {
  WijkId meerburg;
  Category overlast, eenzaam, geweld;
  committed([&](Tx& tx) {
    meerburg = add_wijk(tx, "Meerburg");
    const WijkId other = add_wijk(tx, "Stevenshof");
    overlast = {CategoryId(), meerburg, "Overlast", false, true};
    eenzaam = {CategoryId(), meerburg, "Eenzaam", false, false};
    geweld = {CategoryId(), meerburg, "Huiselijk geweld", true, true};
    overlast.id = tx.admin().insert_category(overlast);
    eenzaam.id = tx.admin().insert_category(eenzaam);
    geweld.id = tx.admin().insert_category(geweld);
    tx.admin().insert_category({CategoryId(), other, "Anders", false, true});
  });
  auto tx = read();
  const auto list = tx->admin().categories(meerburg);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(fields(list[0]), fields(geweld));
  EXPECT_EQ(fields(list[1]), fields(overlast));
  EXPECT_EQ(fields(list[2]), fields(eenzaam));
}

TEST_P(AdminStoreContract, ACategoryIsUpdatedOnlyThroughItsOwnWijk) {
  WijkId meerburg, stevenshof;
  Category c;
  committed([&](Tx& tx) {
    meerburg = add_wijk(tx, "Meerburg");
    stevenshof = add_wijk(tx, "Stevenshof");
    c = {CategoryId(), meerburg, "Overlast", false, true};
    c.id = tx.admin().insert_category(c);
  });
  committed([&](Tx& tx) {
    // Another wijk's administrator naming this category's id changes nothing.
    tx.admin().update_category({c.id, stevenshof, "Gekaapt", true, false});
  });
  {
    auto tx = read();
    EXPECT_EQ(fields(tx->admin().categories(meerburg).at(0)), fields(c));
    EXPECT_TRUE(tx->admin().categories(stevenshof).empty());
  }
  c.label = "Overlast of ruzie";
  c.meldcode = true;
  c.active = false;
  committed([&](Tx& tx) { tx.admin().update_category(c); });
  auto tx = read();
  EXPECT_EQ(fields(tx->admin().categories(meerburg).at(0)), fields(c));
}

TEST_P(AdminStoreContract, DefaultCategoriesAreAddedOnceInOrderAndDeleted) {
  const std::size_t shipped = read()->admin().default_categories().size();
  CategoryId dakloos;
  {
    auto tx = write();
    auto id = tx->admin().insert_default_category("Dakloos of dreigt dakloos te worden", false);
    ASSERT_TRUE(id.ok());
    dakloos = *id;
    auto kind = tx->admin().insert_default_category("Zorgen over een ouder", true);
    ASSERT_TRUE(kind.ok());
    auto again = tx->admin().insert_default_category("Dakloos of dreigt dakloos te worden", true);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().field, "label");
    EXPECT_EQ(again.error().message_key, "error.category.exists");
    ASSERT_TRUE(tx->commit().ok());
  }
  {
    auto tx = read();
    const auto list = tx->admin().default_categories();
    ASSERT_EQ(list.size(), shipped + 2);
    // A default category belongs to no wijk and is active.
    EXPECT_EQ(
        fields(list[shipped]),
        fields(Category{dakloos, WijkId(), "Dakloos of dreigt dakloos te worden", false, true}));
    EXPECT_EQ(list[shipped + 1].label, "Zorgen over een ouder");
    EXPECT_TRUE(list[shipped + 1].meldcode);
  }
  {
    auto tx = write();
    EXPECT_TRUE(tx->admin().delete_default_category(dakloos));
    EXPECT_FALSE(tx->admin().delete_default_category(dakloos));
    ASSERT_TRUE(tx->commit().ok());
  }
  auto tx = read();
  EXPECT_EQ(tx->admin().default_categories().size(), shipped + 1);
}

TEST_P(AdminStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const World w = world();
  {
    auto tx = write();
    add_org(*tx, "Tijdelijk", "other");
    add_wijk(*tx, "Tijdelijk");
    add_buurt(*tx, w.wijk, "Tijdelijk");
    tx->admin().set_partners(w.wijk, {});
    tx->admin().insert_category({CategoryId(), w.wijk, "Tijdelijk", false, true});
    ASSERT_TRUE(tx->admin().insert_default_category("Tijdelijk", false).ok());
  }
  auto tx = read();
  EXPECT_EQ(tx->admin().list_orgs().size(), 1u);
  EXPECT_EQ(tx->admin().list_wijken().size(), 1u);
  EXPECT_EQ(tx->admin().buurten(w.wijk).size(), 1u);
  EXPECT_EQ(tx->admin().partners(w.wijk), std::vector<OrgId>{w.org});
  EXPECT_TRUE(tx->admin().categories(w.wijk).empty());
  for (const auto& c : tx->admin().default_categories()) EXPECT_NE(c.label, "Tijdelijk");
}

}  // namespace

MEEDOEN_STORE_CONTRACT(AdminStoreContract);

}  // namespace meedoen::testing
