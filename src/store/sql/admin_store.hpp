// The implementation of AdminStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/admin_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlAdmin final : public AdminStore {
 public:
  explicit SqlAdmin(Connection& conn) : conn_(&conn) {}

  std::vector<Organisation> list_orgs() override;
  std::optional<Organisation> get_org(OrgId id) override;
  Result<OrgId> insert_org(const Organisation& org) override;
  void update_org(const Organisation& org) override;
  std::vector<Wijk> list_wijken() override;
  std::optional<Wijk> get_wijk(WijkId id) override;
  Result<WijkId> insert_wijk(const Wijk& wijk) override;
  void update_wijk(const Wijk& wijk) override;
  std::vector<Buurt> buurten(WijkId wijk) override;
  std::optional<Buurt> get_buurt(BuurtId id) override;
  BuurtId insert_buurt(const Buurt& buurt) override;
  std::vector<OrgId> partners(WijkId wijk) override;
  void set_partners(WijkId wijk, const std::vector<OrgId>& orgs) override;
  std::vector<Category> categories(WijkId wijk) override;
  CategoryId insert_category(const Category& c) override;
  void update_category(const Category& c) override;
  std::vector<Category> default_categories() override;
  Result<CategoryId> insert_default_category(const std::string& label, bool meldcode) override;
  bool delete_default_category(CategoryId id) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
