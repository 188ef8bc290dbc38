#include "store/sql/admin_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

std::vector<Organisation> SqlAdmin::list_orgs() {
  auto s = conn_->prepare("SELECT id, name, kind FROM organisations ORDER BY name");
  std::vector<Organisation> out;
  while (s.step()) out.push_back({OrgId(s.i64(0)), s.text(1), s.text(2)});
  return out;
}

std::optional<Organisation> SqlAdmin::get_org(OrgId id) {
  auto s = conn_->prepare("SELECT id, name, kind FROM organisations WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return Organisation{OrgId(s.i64(0)), s.text(1), s.text(2)};
}

Result<OrgId> SqlAdmin::insert_org(const Organisation& o) {
  auto s = conn_->prepare(
      "INSERT INTO organisations (name, kind) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING id");
  s.bind_all(o.name, o.kind);
  const auto id = inserted_id(s);
  if (!id) return Error::invalid("error.org.name_taken", "name");
  return OrgId(*id);
}

void SqlAdmin::update_org(const Organisation& o) {
  auto s = conn_->prepare("UPDATE organisations SET name = ?, kind = ? WHERE id = ?");
  s.bind_all(o.name, o.kind, o.id.value);
  s.exec();
}

std::vector<Wijk> SqlAdmin::list_wijken() {
  auto s =
      conn_->prepare("SELECT id, name, district, rhythm, default_place FROM wijken ORDER BY name");
  std::vector<Wijk> out;
  while (s.step()) out.push_back({WijkId(s.i64(0)), s.text(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

std::optional<Wijk> SqlAdmin::get_wijk(WijkId id) {
  auto s =
      conn_->prepare("SELECT id, name, district, rhythm, default_place FROM wijken WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return Wijk{WijkId(s.i64(0)), s.text(1), s.text(2), s.text(3), s.text(4)};
}

Result<WijkId> SqlAdmin::insert_wijk(const Wijk& w) {
  auto s = conn_->prepare(
      "INSERT INTO wijken (name, district, rhythm, default_place) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING RETURNING id");
  s.bind_all(w.name, w.district, w.rhythm, w.default_place);
  const auto id = inserted_id(s);
  if (!id) return Error::invalid("error.wijk.name_taken", "name");
  return WijkId(*id);
}

void SqlAdmin::update_wijk(const Wijk& w) {
  auto s = conn_->prepare(
      "UPDATE wijken SET name = ?, district = ?, rhythm = ?, default_place = ? WHERE id = ?");
  s.bind_all(w.name, w.district, w.rhythm, w.default_place, w.id.value);
  s.exec();
}

std::vector<Buurt> SqlAdmin::buurten(WijkId wijk) {
  auto s = conn_->prepare("SELECT id, wijk_id, name FROM buurten WHERE wijk_id = ? ORDER BY name");
  s.bind_all(wijk.value);
  std::vector<Buurt> out;
  while (s.step()) out.push_back({BuurtId(s.i64(0)), WijkId(s.i64(1)), s.text(2)});
  return out;
}

std::optional<Buurt> SqlAdmin::get_buurt(BuurtId id) {
  auto s = conn_->prepare("SELECT id, wijk_id, name FROM buurten WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return Buurt{BuurtId(s.i64(0)), WijkId(s.i64(1)), s.text(2)};
}

BuurtId SqlAdmin::insert_buurt(const Buurt& b) {
  auto s = conn_->prepare("INSERT INTO buurten (wijk_id, name) VALUES (?, ?) RETURNING id");
  s.bind_all(b.wijk_id.value, b.name);
  return BuurtId(*inserted_id(s));
}

std::vector<OrgId> SqlAdmin::partners(WijkId wijk) {
  auto s = conn_->prepare(
      "SELECT p.org_id FROM wijk_partners p JOIN organisations o ON o.id = p.org_id "
      "WHERE p.wijk_id = ? ORDER BY o.name");
  s.bind_all(wijk.value);
  std::vector<OrgId> out;
  while (s.step()) out.emplace_back(s.i64(0));
  return out;
}

void SqlAdmin::set_partners(WijkId wijk, const std::vector<OrgId>& orgs) {
  {
    auto s = conn_->prepare("DELETE FROM wijk_partners WHERE wijk_id = ?");
    s.bind_all(wijk.value);
    s.exec();
  }
  for (auto o : orgs) {
    auto s = conn_->prepare(
        "INSERT INTO wijk_partners (wijk_id, org_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING");
    s.bind_all(wijk.value, o.value);
    s.exec();
  }
}

std::vector<Category> SqlAdmin::categories(WijkId wijk) {
  auto s = conn_->prepare(
      "SELECT id, wijk_id, label, meldcode, active FROM categories WHERE wijk_id = ? "
      "ORDER BY active DESC, label");
  s.bind_all(wijk.value);
  std::vector<Category> out;
  while (s.step())
    out.push_back({CategoryId(s.i64(0)), WijkId(s.i64(1)), s.text(2), s.flag(3), s.flag(4)});
  return out;
}

CategoryId SqlAdmin::insert_category(const Category& c) {
  auto s = conn_->prepare(
      "INSERT INTO categories (wijk_id, label, meldcode, active) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  s.bind_all(c.wijk_id.value, c.label, c.meldcode, c.active);
  return CategoryId(*inserted_id(s));
}

void SqlAdmin::update_category(const Category& c) {
  auto s = conn_->prepare(
      "UPDATE categories SET label = ?, meldcode = ?, active = ? WHERE id = ? AND wijk_id = ?");
  s.bind_all(c.label, c.meldcode, c.active, c.id.value, c.wijk_id.value);
  s.exec();
}

std::vector<Category> SqlAdmin::default_categories() {
  auto s = conn_->prepare("SELECT id, label, meldcode FROM default_categories ORDER BY id");
  std::vector<Category> out;
  while (s.step()) out.push_back({CategoryId(s.i64(0)), WijkId(), s.text(1), s.flag(2), true});
  return out;
}

Result<CategoryId> SqlAdmin::insert_default_category(const std::string& label, bool meldcode) {
  auto s = conn_->prepare(
      "INSERT INTO default_categories (label, meldcode) VALUES (?, ?) "
      "ON CONFLICT DO NOTHING RETURNING id");
  s.bind_all(label, meldcode);
  const auto id = inserted_id(s);
  if (!id) return Error::invalid("error.category.exists", "label");
  return CategoryId(*id);
}

bool SqlAdmin::delete_default_category(CategoryId id) {
  auto s = conn_->prepare("DELETE FROM default_categories WHERE id = ?");
  s.bind_all(id.value);
  s.exec();
  return conn_->changes() > 0;
}

}  // namespace meedoen::sql
