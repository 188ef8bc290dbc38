#include "app/audit_trail.hpp"

#include "privacy/audit_chain.hpp"

namespace meedoen {

namespace {

void append(Tx& tx, Timestamp at, UserId user, std::string label, const std::string& event,
            ResidentId resident, const std::string& object, const std::string& reason) {
  const AuditHead head = tx.audit().audit_head();
  AuditEntry e;
  e.seq = head.seq + 1;
  e.at = at;
  e.user_id = user;
  e.user_label = std::move(label);
  e.event = event;
  e.resident_id = resident;
  e.object = object;
  e.reason = reason;
  e.prev_hash = head.seq == 0 ? kGenesisHash : head.hash;
  e.hash = compute_audit_hash(e);
  tx.audit().insert_audit(e);
}

}  // namespace

void append_audit(Tx& tx, Timestamp at, const User* user, const std::string& event,
                  ResidentId resident, const std::string& object, const std::string& reason) {
  if (!user) return append(tx, at, UserId(), "system", event, resident, object, reason);
  std::string org;
  if (auto o = tx.admin().get_org(user->org_id)) org = o->name;
  append(tx, at, user->id,
         user->username + " (" + std::string(to_string(user->role)) + ", " + org + ")", event,
         resident, object, reason);
}

void append_audit_labelled(Tx& tx, Timestamp at, const std::string& label, const std::string& event,
                           ResidentId resident, const std::string& object,
                           const std::string& reason) {
  append(tx, at, UserId(), label, event, resident, object, reason);
}

std::string centre_ref(CentreId id) { return "centre:" + std::to_string(id.value); }
std::string visitor_ref(VisitorId id) { return "visitor:" + std::to_string(id.value); }

}  // namespace meedoen
