// Verifying the audit chain, and a resident's chronological access overview.
#include "app/internals.hpp"

namespace meedoen {

AuditVerification App::verify_audit() {
  AuditChainVerifier v;
  auto tx = store_->begin(TxMode::kRead);
  tx->audit().for_each_audit([&](const AuditEntry& e) { v.add(e); });
  const ChainCheck r = v.result();
  return {r.ok, r.checked, r.first_bad_seq, r.problem};
}

Result<std::vector<AuditEntry>> App::resident_audit(const User& user, ResidentId id) {
  if (!may_administer(user)) return Error::forbidden();
  auto tx = store_->begin(TxMode::kRead);
  if (!tx->residents().get_resident(id)) return Error::not_found();
  return tx->audit().audit_for_resident(id);
}

}  // namespace meedoen
