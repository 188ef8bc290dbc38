#include "store/sql/centres_store.hpp"

#include <map>

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kCentreCols = "id, wijk_id, name, address, opening, updated_at FROM centres";

Centre read_centre(const Stmt& s) {
  Centre c;
  c.id = CentreId(s.i64(0));
  c.wijk_id = WijkId(s.i64(1));
  c.name = s.text(2);
  c.address = s.text(3);
  c.opening = static_cast<unsigned>(s.i64(4));
  c.updated_at = s.i64(5);
  return c;
}

constexpr const char* kTapCols =
    "id, centre_id, day, part, delta, corrects, first_visit, with_brigade, with_someone, "
    "age_band, gender, tap_key, user_id, at, visitor_id FROM centre_taps";

Tap read_tap(const Stmt& s) {
  Tap t;
  t.id = TapId(s.i64(0));
  t.centre_id = CentreId(s.i64(1));
  t.day = s.i64(2);
  t.part = parse_day_part(s.view(3)).value_or(DayPart::kMorning);
  t.delta = static_cast<int>(s.i64(4));
  t.corrects = TapId(s.i64(5));
  t.tags.first_visit = s.i64(6) != 0;
  t.tags.with_brigade = s.i64(7) != 0;
  t.tags.with_someone = s.i64(8) != 0;
  t.tags.age_band = s.text(9);
  t.tags.gender = s.text(10);
  t.key = s.text(11);
  t.by = UserId(s.i64(12));
  t.at = s.i64(13);
  t.visitor = VisitorId(s.i64(14));
  return t;
}

}  // namespace

CentreId SqlCentres::insert_centre(const Centre& c) {
  auto s = conn_->prepare(
      "INSERT INTO centres (wijk_id, name, address, opening, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(c.wijk_id.value, c.name, c.address, static_cast<std::int64_t>(c.opening), c.updated_at,
             c.updated_at);
  const CentreId id(*inserted_id(s));
  for (const auto& r : c.rooms) {
    auto ins =
        conn_->prepare("INSERT INTO centre_rooms (centre_id, name, capacity) VALUES (?, ?, ?)");
    ins.bind_all(id.value, r.name, std::int64_t{r.capacity});
    ins.exec();
  }
  return id;
}

void SqlCentres::load_rooms(std::vector<Centre>& centres) {
  if (centres.empty()) return;
  std::map<std::int64_t, Centre*> by_id;
  for (auto& c : centres) by_id[c.id.value] = &c;
  auto s = conn_->prepare(
      "SELECT id, centre_id, name, capacity FROM centre_rooms ORDER BY centre_id, name, id");
  while (s.step()) {
    auto it = by_id.find(s.i64(1));
    if (it == by_id.end()) continue;
    it->second->rooms.push_back(Room{RoomId(s.i64(0)), s.text(2), static_cast<int>(s.i64(3))});
  }
}

std::vector<Centre> SqlCentres::list_centres() {
  auto s = conn_->prepare(std::string("SELECT ") + kCentreCols + " ORDER BY name, id");
  auto out = collect<Centre>(s, read_centre);
  load_rooms(out);
  return out;
}

std::optional<Centre> SqlCentres::get_centre(CentreId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kCentreCols + " WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  std::vector<Centre> one{read_centre(s)};
  auto rooms = conn_->prepare(
      "SELECT id, name, capacity FROM centre_rooms WHERE centre_id = ? ORDER BY name, id");
  rooms.bind_all(id.value);
  while (rooms.step())
    one[0].rooms.push_back(
        Room{RoomId(rooms.i64(0)), rooms.text(1), static_cast<int>(rooms.i64(2))});
  return std::move(one[0]);
}

void SqlCentres::touch_centre(CentreId id, Timestamp at) {
  auto s = conn_->prepare("UPDATE centres SET updated_at = ? WHERE id = ? AND updated_at < ?");
  s.bind_all(at, id.value, at);
  s.exec();
}

void SqlCentres::add_host(CentreId centre, UserId user) {
  auto s = conn_->prepare(
      "INSERT INTO centre_hosts (centre_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  s.bind_all(centre.value, user.value);
  s.exec();
}

std::vector<CentreId> SqlCentres::centres_of_host(UserId user) {
  auto s =
      conn_->prepare("SELECT centre_id FROM centre_hosts WHERE user_id = ? ORDER BY centre_id");
  s.bind_all(user.value);
  return collect<CentreId>(s, [](const Stmt& r) { return CentreId(r.i64(0)); });
}

std::optional<Tap> SqlCentres::tap_by_key(CentreId centre, const std::string& key) {
  auto s =
      conn_->prepare(std::string("SELECT ") + kTapCols + " WHERE centre_id = ? AND tap_key = ?");
  s.bind_all(centre.value, key);
  if (!s.step()) return std::nullopt;
  return read_tap(s);
}

TapId SqlCentres::insert_tap(const Tap& t) {
  auto s = conn_->prepare(
      "INSERT INTO centre_taps (centre_id, day, part, delta, corrects, first_visit, with_brigade, "
      "with_someone, age_band, gender, tap_key, user_id, at, visitor_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(t.centre_id.value, t.day, to_string(t.part), std::int64_t{t.delta}, t.corrects.value,
             t.tags.first_visit, t.tags.with_brigade, t.tags.with_someone, t.tags.age_band,
             t.tags.gender, t.key, t.by.value, t.at, t.visitor.value);
  return TapId(*inserted_id(s));
}

std::vector<Tap> SqlCentres::taps_of_day(CentreId centre, std::int64_t day) {
  auto s = conn_->prepare(std::string("SELECT ") + kTapCols +
                          " WHERE centre_id = ? AND day = ? ORDER BY id");
  s.bind_all(centre.value, day);
  return collect<Tap>(s, read_tap);
}

std::vector<Tally> SqlCentres::tallies_of_day(CentreId centre, std::int64_t day) {
  auto s = conn_->prepare(
      "SELECT part, SUM(delta), SUM(first_visit * delta), SUM(with_brigade * delta), "
      "SUM(with_someone * delta), SUM(CASE WHEN visitor_id > 0 THEN delta ELSE 0 END) FROM "
      "centre_taps WHERE centre_id = ? AND day = ? "
      "GROUP BY part ORDER BY part");
  s.bind_all(centre.value, day);
  return collect<Tally>(s, [](const Stmt& r) {
    Tally t;
    t.part = parse_day_part(r.view(0)).value_or(DayPart::kMorning);
    t.visitors = static_cast<int>(r.i64(1));
    t.first_visits = static_cast<int>(r.i64(2));
    t.with_brigade = static_cast<int>(r.i64(3));
    t.with_someone = static_cast<int>(r.i64(4));
    t.known = static_cast<int>(r.i64(5));
    return t;
  });
}

std::optional<Tap> SqlCentres::tap_to_take_back(CentreId centre, std::int64_t day, DayPart part) {
  auto s = conn_->prepare(std::string("SELECT ") + kTapCols +
                          " t WHERE t.centre_id = ? AND t.day = ? AND t.part = ? AND t.delta > 0 "
                          "AND NOT EXISTS (SELECT 1 FROM centre_taps c WHERE c.centre_id = "
                          "t.centre_id AND c.day = t.day AND c.corrects = t.id) "
                          "ORDER BY t.id DESC LIMIT 1");
  s.bind_all(centre.value, day, to_string(part));
  if (!s.step()) return std::nullopt;
  return read_tap(s);
}

}  // namespace meedoen::sql
