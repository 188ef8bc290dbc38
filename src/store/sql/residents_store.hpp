// The implementation of ResidentsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/residents_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlResidents final : public ResidentsStore {
 public:
  explicit SqlResidents(Connection& conn) : conn_(&conn) {}

  ResidentId insert_resident(const Resident& r) override;
  std::optional<Resident> get_resident(ResidentId id) override;
  std::vector<Resident> get_residents(const std::vector<ResidentId>& ids) override;
  std::optional<Resident> find_resident_by_code(const std::string& code) override;
  void put_identity(ResidentId id, const SealedIdentity& sealed) override;
  SealedIdentity get_identity(ResidentId id) override;
  void put_name_tokens(ResidentId id, const std::vector<std::string>& tokens) override;
  std::vector<ResidentId> residents_with_name_tokens(
      WijkId wijk, const std::vector<std::string>& tokens) override;
  std::optional<std::vector<unsigned char>> vault_key_check() override;
  void set_vault_key_check(const std::vector<unsigned char>& check, Timestamp at) override;
  std::optional<SealedSample> any_sealed_field() override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
