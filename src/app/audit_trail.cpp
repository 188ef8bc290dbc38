#include "app/audit_trail.hpp"

#include "privacy/audit_chain.hpp"

namespace meedoen {

void append_audit(Tx& tx, Timestamp at, const User* user, const std::string& event,
                  ResidentId resident, const std::string& object, const std::string& reason) {
  const AuditHead head = tx.audit().audit_head();
  AuditEntry e;
  e.seq = head.seq + 1;
  e.at = at;
  if (user) {
    e.user_id = user->id;
    std::string org;
    if (auto o = tx.admin().get_org(user->org_id)) org = o->name;
    e.user_label = user->username + " (" + std::string(to_string(user->role)) + ", " + org + ")";
  } else {
    e.user_label = "system";
  }
  e.event = event;
  e.resident_id = resident;
  e.object = object;
  e.reason = reason;
  e.prev_hash = head.seq == 0 ? kGenesisHash : head.hash;
  e.hash = compute_audit_hash(e);
  tx.audit().insert_audit(e);
}

}  // namespace meedoen
