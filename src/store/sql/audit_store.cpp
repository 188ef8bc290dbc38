#include "store/sql/audit_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

AuditHead SqlAudit::audit_head() {
  auto s = conn_->prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!s.step()) return {};
  return {s.i64(0), s.text(1)};
}

void SqlAudit::insert_audit(const AuditEntry& e) {
  auto s = conn_->prepare(
      "INSERT INTO audit_log (seq, at, user_id, user_label, event, resident_id, object, reason, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind_all(e.seq, e.at, e.user_id.value, e.user_label, e.event, e.resident_id.value, e.object,
             e.reason, e.prev_hash, e.hash);
  s.exec();
}

void SqlAudit::for_each_audit(const std::function<void(const AuditEntry&)>& fn) {
  auto s = conn_->prepare(std::string("SELECT ") + kAuditCols + " FROM audit_log ORDER BY seq");
  while (s.step()) fn(read_audit(s));
}

std::vector<AuditEntry> SqlAudit::audit_for_resident(ResidentId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kAuditCols +
                          " FROM audit_log WHERE resident_id = ? ORDER BY seq");
  s.bind_all(id.value);
  std::vector<AuditEntry> out;
  while (s.step()) out.push_back(read_audit(s));
  return out;
}

std::vector<AuditEntry> SqlAudit::break_glass_entries(const std::vector<WijkId>& wijken,
                                                      int limit) {
  std::vector<AuditEntry> out;
  const std::string cols = std::string("SELECT ") + kAuditCols;
  if (wijken.empty()) {
    auto s = conn_->prepare(
        cols + " FROM audit_log WHERE event = 'break_glass' ORDER BY seq DESC LIMIT ?");
    s.bind_all(limit);
    while (s.step()) out.push_back(read_audit(s));
    return out;
  }
  for_ids(
      *conn_,
      cols +
          " FROM json_each(?1) ids CROSS JOIN residents r ON r.wijk_id = ids.value "
          "CROSS JOIN audit_log ON audit_log.resident_id = r.id AND audit_log.event = "
          "'break_glass' "
          "ORDER BY seq DESC LIMIT ?2",
      wijken, [&](Stmt& st) { st.bind(2, limit); },
      [&](const Stmt& st) { out.push_back(read_audit(st)); });
  return out;
}

}  // namespace meedoen::sql
