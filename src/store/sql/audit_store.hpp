// The implementation of AuditStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/audit_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlAudit final : public AuditStore {
 public:
  explicit SqlAudit(Connection& conn) : conn_(&conn) {}

  AuditHead audit_head() override;
  void insert_audit(const AuditEntry& e) override;
  void for_each_audit(const std::function<void(const AuditEntry&)>& fn) override;
  std::vector<AuditEntry> audit_for_resident(ResidentId id) override;
  std::vector<AuditEntry> break_glass_entries(const std::vector<WijkId>& wijken,
                                              int limit) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
