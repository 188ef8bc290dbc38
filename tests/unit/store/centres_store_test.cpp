// The centres' store: a centre with its rooms and hosts, and the drop-in's taps, kept once per key
// (store/centres_store.hpp).
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class CentresStoreContract : public StoreContract {
 protected:
  static Centre centre_of(WijkId wijk, const std::string& name) {
    Centre c;
    c.wijk_id = wijk;
    c.name = name;
    c.address = "Willem de Zwijgerlaan 2";
    c.opening = opening_bit(0, DayPart::kMorning) | opening_bit(3, DayPart::kEvening);
    c.rooms = {{RoomId(), "Huiskamer", 30}, {RoomId(), "Atelier", 12}};
    c.updated_at = kT0;
    return c;
  }

  static Tap tap_of(CentreId centre, UserId by, const std::string& key, int delta = 1) {
    Tap t;
    t.centre_id = centre;
    t.day = 20415;
    t.part = DayPart::kAfternoon;
    t.delta = delta;
    t.key = key;
    t.by = by;
    t.at = kT0;
    return t;
  }
};

TEST_P(CentresStoreContract, ACentreKeepsItsRoomsOpeningAndHosts) {
  const World w = world();
  const auto id = committed([&](Tx& tx) {
    auto id = tx.centres().insert_centre(centre_of(w.wijk, "Matilo"));
    tx.centres().insert_centre(centre_of(w.wijk, "Anders"));
    tx.centres().add_host(id, w.user);
    tx.centres().add_host(id, w.user);  // twice is once
    return id;
  });
  auto c = read()->centres().get_centre(id);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->name, "Matilo");
  EXPECT_EQ(c->wijk_id, w.wijk);
  EXPECT_EQ(c->address, "Willem de Zwijgerlaan 2");
  EXPECT_TRUE(c->open_at(0, DayPart::kMorning));
  EXPECT_TRUE(c->open_at(3, DayPart::kEvening));
  EXPECT_FALSE(c->open_at(0, DayPart::kEvening));
  ASSERT_EQ(c->rooms.size(), 2u);
  EXPECT_EQ(c->rooms[0].name, "Atelier") << "rooms by name";
  EXPECT_EQ(c->rooms[1].capacity, 30);
  EXPECT_EQ(c->room(c->rooms[1].id)->name, "Huiskamer");
  EXPECT_EQ(read()->centres().centres_of_host(w.user), std::vector<CentreId>{id});
  const auto all = read()->centres().list_centres();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Anders");
  EXPECT_EQ(all[1].rooms.size(), 2u);
  EXPECT_FALSE(read()->centres().get_centre(CentreId(id.value + 100)));

  committed([&](Tx& tx) { tx.centres().touch_centre(id, kT0 + 50); });
  committed([&](Tx& tx) { tx.centres().touch_centre(id, kT0 + 10); });
  EXPECT_EQ(read()->centres().get_centre(id)->updated_at, kT0 + 50) << "never goes back";
}

TEST_P(CentresStoreContract, ATapIsKeptOncePerKeyAndReadBackByDay) {
  const World w = world();
  const auto centre =
      committed([&](Tx& tx) { return tx.centres().insert_centre(centre_of(w.wijk, "Matilo")); });
  Tap first = tap_of(centre, w.user, "key-000001");
  first.tags.first_visit = true;
  first.tags.with_someone = true;
  first.tags.age_band = "65_plus";
  first.tags.gender = "female";
  const auto id = committed([&](Tx& tx) { return tx.centres().insert_tap(first); });
  Tap back = tap_of(centre, w.user, "key-000002", -1);
  back.corrects = id;
  committed([&](Tx& tx) { tx.centres().insert_tap(back); });
  Tap other_day = tap_of(centre, w.user, "key-000003");
  other_day.day = 20416;
  committed([&](Tx& tx) { tx.centres().insert_tap(other_day); });

  const auto day = read()->centres().taps_of_day(centre, 20415);
  ASSERT_EQ(day.size(), 2u);
  EXPECT_EQ(day[0].id, id);
  EXPECT_EQ(day[0].part, DayPart::kAfternoon);
  EXPECT_TRUE(day[0].tags.first_visit);
  EXPECT_FALSE(day[0].tags.with_brigade);
  EXPECT_TRUE(day[0].tags.with_someone);
  EXPECT_EQ(day[0].tags.age_band, "65_plus");
  EXPECT_EQ(day[0].tags.gender, "female");
  EXPECT_EQ(day[1].delta, -1);
  EXPECT_EQ(day[1].corrects, id);
  EXPECT_EQ(day[1].by, w.user);

  auto found = read()->centres().tap_by_key(centre, "key-000001");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_FALSE(read()->centres().tap_by_key(centre, "key-999999"));

  auto tx = write();
  EXPECT_ANY_THROW(tx->centres().insert_tap(tap_of(centre, w.user, "key-000001")))
      << "a key is kept once";
}

TEST_P(CentresStoreContract, ADayIsCountedPerPartAndAMinusOneTakesBackTheLatestPlusOne) {
  const World w = world();
  const auto centre =
      committed([&](Tx& tx) { return tx.centres().insert_centre(centre_of(w.wijk, "Matilo")); });
  auto add = [&](const std::string& key, int delta, DayPart part, TapId corrects, bool first) {
    Tap t = tap_of(centre, w.user, key, delta);
    t.part = part;
    t.corrects = corrects;
    t.tags.first_visit = first;
    t.tags.with_someone = true;
    return committed([&](Tx& tx) { return tx.centres().insert_tap(t); });
  };
  const TapId a = add("key-a-0001", 1, DayPart::kMorning, TapId(), true);
  const TapId b = add("key-b-0001", 1, DayPart::kMorning, TapId(), false);
  add("key-c-0001", 1, DayPart::kAfternoon, TapId(), false);
  EXPECT_EQ(read()->centres().tap_to_take_back(centre, 20415, DayPart::kMorning)->id, b);
  add("key-d-0001", -1, DayPart::kMorning, b, false);
  EXPECT_EQ(read()->centres().tap_to_take_back(centre, 20415, DayPart::kMorning)->id, a);
  add("key-e-0001", -1, DayPart::kMorning, a, true);
  EXPECT_FALSE(read()->centres().tap_to_take_back(centre, 20415, DayPart::kMorning));
  EXPECT_FALSE(read()->centres().tap_to_take_back(centre, 20415, DayPart::kEvening));
  EXPECT_FALSE(read()->centres().tap_to_take_back(centre, 20416, DayPart::kAfternoon));
  add("key-f-0001", 1, DayPart::kMorning, TapId(), true);

  const auto t = read()->centres().tallies_of_day(centre, 20415);
  ASSERT_EQ(t.size(), 2u) << "only parts with taps";
  const Tally& afternoon = t[0].part == DayPart::kAfternoon ? t[0] : t[1];
  const Tally& morning = t[0].part == DayPart::kMorning ? t[0] : t[1];
  EXPECT_EQ(afternoon.visitors, 1);
  EXPECT_EQ(afternoon.first_visits, 0);
  EXPECT_EQ(morning.visitors, 1);
  EXPECT_EQ(morning.first_visits, 1) << "a's first visit went with its -1; f's stays";
  EXPECT_EQ(morning.with_someone, 1);
  EXPECT_EQ(morning.with_brigade, 0);
  EXPECT_TRUE(read()->centres().tallies_of_day(centre, 20416).empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(CentresStoreContract);

}  // namespace meedoen::testing
