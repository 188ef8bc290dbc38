// The store contract: what every Store implementation promises, tested through the area interfaces
// only (never through SQL), so that the PostgreSQL store can run the very same tests. Each area's
// test file (tests/unit/store/<area>_store_test.cpp) derives its suite from StoreContract and ends
// with MEEDOEN_STORE_CONTRACT(Suite), which runs it on every store of store_factories().
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

#include "store/store.hpp"
#include "support/pg_database.hpp"

namespace meedoen::testing {

// Opens a new, empty store of one implementation.
struct StoreFactory {
  std::string name;  // the last part of each test's name, e.g. SignalsStoreContract.X/Sqlite
  std::function<std::unique_ptr<Store>()> open;
};

// Every implementation the contract runs on: SQLite always, and PostgreSQL when the tests have a
// cluster (support/pg_database.hpp; ctest always starts one).
inline std::vector<StoreFactory> store_factories() {
  std::vector<StoreFactory> out = {
      {"Sqlite",
       [] {
         // SQLite's ":memory:" database belongs to the one connection that opened it, so
         // open_sqlite_store gives such a store a pool of exactly one connection, kept on every
         // path (sqlite_store.cpp): each Tx sees the same database. It also means one Tx at a
         // time, which is why no test here holds two; the short wait turns a mistake into a quick
         // Unavailable instead of an eight-second hang.
         StoreOptions options;
         options.pool_wait_ms = 1000;
         auto store = open_sqlite_store(":memory:", options);
         return store.ok() ? std::move(*store) : nullptr;
       }},
  };
  if (pg_test_host()) {
    out.push_back({"Postgres", [] {
                     StoreOptions options;
                     options.pool_wait_ms = 1000;
                     return open_pg_test_store(options);
                   }});
  }
  return out;
}

// So that a failure names the store rather than printing the factory's bytes.
inline void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

struct StoreFactoryName {
  std::string operator()(const ::testing::TestParamInfo<StoreFactory>& info) const {
    return info.param.name;
  }
};

// A fixed moment (2026-11-23 09:00 in Amsterdam): the contract never reads the clock.
inline constexpr Timestamp kT0 = 1795420800;
inline constexpr Timestamp kDay = 86400;

// The rows most tests need: a wijk with a buurt, an organisation that is its partner, a member of
// that organisation working in the wijk, and a resident of the wijk.
struct World {
  WijkId wijk;
  BuurtId buurt;
  OrgId org;
  UserId user;
  ResidentId resident;
};

class StoreContract : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam().open();
    ASSERT_NE(store_, nullptr) << "could not open a " << GetParam().name << " store";
    auto version = store_->migrate();
    ASSERT_TRUE(version.ok()) << version.error().detail;
  }

  std::unique_ptr<Tx> write() { return store_->begin(TxMode::kWrite); }
  std::unique_ptr<Tx> read() { return store_->begin(TxMode::kRead); }

  // Runs `fn` in a write transaction and commits it; returns what `fn` returns.
  template <class F>
  auto committed(F&& fn) {
    auto tx = write();
    if constexpr (std::is_void_v<decltype(fn(*tx))>) {
      fn(*tx);
      EXPECT_TRUE(tx->commit().ok());
    } else {
      auto out = fn(*tx);
      EXPECT_TRUE(tx->commit().ok());
      return out;
    }
  }

  // The helpers below write through the interfaces, as the app does, and fail the test when a
  // write the test depends on is refused.
  static WijkId add_wijk(Tx& tx, const std::string& name = "Meerburg") {
    auto id = tx.admin().insert_wijk({WijkId(), name, "Roodenburg", "elke 2e dinsdag", "Matilo"});
    EXPECT_TRUE(id.ok()) << name;
    return id.ok() ? *id : WijkId();
  }

  static BuurtId add_buurt(Tx& tx, WijkId wijk, const std::string& name = "Noord") {
    return tx.admin().insert_buurt({BuurtId(), wijk, name});
  }

  static OrgId add_org(Tx& tx, const std::string& name = "Praktijk De Linde",
                       const std::string& kind = "huisarts") {
    auto id = tx.admin().insert_org({OrgId(), name, kind});
    EXPECT_TRUE(id.ok()) << name;
    return id.ok() ? *id : OrgId();
  }

  static UserId add_user(Tx& tx, const std::string& username, Role role, OrgId org,
                         std::vector<WijkId> wijken) {
    User u;
    u.username = username;
    u.display_name = username + " Naam";
    u.role = role;
    u.org_id = org;
    u.wijken = std::move(wijken);
    auto id = tx.accounts().insert_user(u, "argon2id$hash-of-" + username);
    EXPECT_TRUE(id.ok()) << username;
    return id.ok() ? *id : UserId();
  }

  static ResidentId add_resident(Tx& tx, const std::string& code, WijkId wijk,
                                 BuurtId buurt = BuurtId()) {
    Resident r;
    r.code = code;
    r.wijk_id = wijk;
    r.buurt_id = buurt;
    r.gender = "female";
    r.age_band = "65_plus";
    r.created_at = kT0;
    return tx.residents().insert_resident(r);
  }

  // A new signal as the app raises it; the test changes what it cares about before inserting.
  static Signal signal_of(ResidentId resident, WijkId wijk, UserId by, OrgId org,
                          Timestamp at = kT0) {
    Signal s;
    s.resident_id = resident;
    s.wijk_id = wijk;
    s.raised_by = by;
    s.org_id = org;
    s.description = "Al weken niet buiten gezien, de post stapelt zich op";
    s.created_at = s.updated_at = at;
    return s;
  }

  static SignalId add_signal(Tx& tx, const World& w, Timestamp at = kT0) {
    return tx.signals().insert_signal(signal_of(w.resident, w.wijk, w.user, w.org, at));
  }

  // A new brigade request as a wijkteam member makes it outside the overleg.
  static BrigadeRequest request_of(ResidentId resident, WijkId wijk, UserId by,
                                   Timestamp at = kT0) {
    BrigadeRequest r;
    r.resident_id = resident;
    r.wijk_id = wijk;
    r.source = "wijkteam";
    r.requested_by = by;
    r.known = "Woont alleen, heeft weinig contact met de buren";
    r.created_at = r.updated_at = at;
    return r;
  }

  static RequestId add_request(Tx& tx, const World& w, Timestamp at = kT0) {
    return tx.brigade().insert_request(request_of(w.resident, w.wijk, w.user, at));
  }

  static World add_world(Tx& tx) {
    World w;
    w.wijk = add_wijk(tx);
    w.buurt = add_buurt(tx, w.wijk);
    w.org = add_org(tx);
    tx.admin().set_partners(w.wijk, {w.org});
    w.user = add_user(tx, "dokter", Role::kMember, w.org, {w.wijk});
    w.resident = add_resident(tx, "R-7K3Q", w.wijk, w.buurt);
    return w;
  }

  World world() {
    return committed([](Tx& tx) { return add_world(tx); });
  }

  std::unique_ptr<Store> store_;
};

// The ids of `rows`, in their order, to compare a list's order and membership in one go. (A failure
// prints ids as their bytes: a PrintTo for them here would differ from what other test files
// instantiate for the same type, which the one-definition rule forbids.)
template <class T>
auto ids_of(const std::vector<T>& rows) {
  std::vector<decltype(rows.front().id)> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

template <class T>
std::vector<T> sorted(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace meedoen::testing

// Runs `Suite` (a TEST_P suite derived from StoreContract) on every store of store_factories().
#define MEEDOEN_STORE_CONTRACT(Suite)                                                           \
  INSTANTIATE_TEST_SUITE_P(, Suite, ::testing::ValuesIn(::meedoen::testing::store_factories()), \
                           ::meedoen::testing::StoreFactoryName{})
