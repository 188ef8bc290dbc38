#include "store/sql/residents_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

std::optional<std::vector<unsigned char>> SqlResidents::vault_key_check() {
  auto s = conn_->prepare("SELECT key_check FROM vault_meta WHERE id = 1");
  if (!s.step()) return std::nullopt;
  return s.blob(0);
}

void SqlResidents::set_vault_key_check(const std::vector<unsigned char>& check, Timestamp at) {
  auto s = conn_->prepare("INSERT INTO vault_meta (id, key_check, created_at) VALUES (1, ?, ?)");
  s.bind_all(check, at);
  s.exec();
}

std::optional<ResidentsStore::SealedSample> SqlResidents::any_sealed_field() {
  auto s = conn_->prepare(
      "SELECT resident_id, field, sealed FROM resident_identity WHERE length(sealed) > 0 LIMIT 1");
  if (!s.step()) return std::nullopt;
  return SealedSample{ResidentId(s.i64(0)), s.text(1), s.blob(2)};
}

ResidentId SqlResidents::insert_resident(const Resident& r) {
  auto s = conn_->prepare(
      "INSERT INTO residents (code, wijk_id, buurt_id, gender, age_band, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  std::optional<std::int64_t> buurt;
  if (r.buurt_id.valid()) buurt = r.buurt_id.value;
  s.bind_all(r.code, r.wijk_id.value, buurt, r.gender, r.age_band, r.created_at);
  return ResidentId(*inserted_id(s));
}

std::optional<Resident> SqlResidents::get_resident(ResidentId id) {
  auto s = conn_->prepare(
      "SELECT id, code, wijk_id, buurt_id, gender, age_band, created_at FROM residents "
      "WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_resident(s);
}

std::vector<Resident> SqlResidents::get_residents(const std::vector<ResidentId>& ids) {
  std::vector<Resident> out;
  for_ids(*conn_,
          "SELECT r.id, r.code, r.wijk_id, r.buurt_id, r.gender, r.age_band, r.created_at "
          "FROM json_each(?1) ids CROSS JOIN residents r ON r.id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) { out.push_back(read_resident(s)); });
  return out;
}

std::optional<Resident> SqlResidents::find_resident_by_code(const std::string& code) {
  auto s = conn_->prepare(
      "SELECT id, code, wijk_id, buurt_id, gender, age_band, created_at FROM residents "
      "WHERE code = ?");
  s.bind_all(code);
  if (!s.step()) return std::nullopt;
  return read_resident(s);
}

void SqlResidents::put_identity(ResidentId id, const SealedIdentity& sealed) {
  for (const auto& [field, blob] : sealed) {
    if (blob.empty()) {
      auto s = conn_->prepare("DELETE FROM resident_identity WHERE resident_id = ? AND field = ?");
      s.bind_all(id.value, field);
      s.exec();
      continue;
    }
    auto s = conn_->prepare(
        "INSERT INTO resident_identity (resident_id, field, sealed) VALUES (?, ?, ?) "
        "ON CONFLICT (resident_id, field) DO UPDATE SET sealed = excluded.sealed");
    s.bind_all(id.value, field, blob);
    s.exec();
  }
}

SealedIdentity SqlResidents::get_identity(ResidentId id) {
  auto s = conn_->prepare("SELECT field, sealed FROM resident_identity WHERE resident_id = ?");
  s.bind_all(id.value);
  SealedIdentity out;
  while (s.step()) out[s.text(0)] = s.blob(1);
  return out;
}

void SqlResidents::put_name_tokens(ResidentId id, const std::vector<std::string>& tokens) {
  {
    auto s = conn_->prepare("DELETE FROM resident_name_index WHERE resident_id = ?");
    s.bind_all(id.value);
    s.exec();
  }
  for (const auto& t : tokens) {
    auto s = conn_->prepare("INSERT INTO resident_name_index (resident_id, token) VALUES (?, ?)");
    s.bind_all(id.value, t);
    s.exec();
  }
}

std::vector<ResidentId> SqlResidents::residents_with_name_tokens(
    WijkId wijk, const std::vector<std::string>& tokens) {
  std::vector<ResidentId> out;
  for (const auto& t : tokens) {
    auto s = conn_->prepare(
        "SELECT DISTINCT n.resident_id FROM resident_name_index n "
        "JOIN residents r ON r.id = n.resident_id WHERE n.token = ? AND r.wijk_id = ?");
    s.bind_all(t, wijk.value);
    while (s.step()) out.emplace_back(s.i64(0));
  }
  return out;
}

}  // namespace meedoen::sql
