// Verifying the audit chain, and a resident's chronological access overview.
#include "app/audit.hpp"

#include "app/lookups.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/audit_chain.hpp"
#include "store/store.hpp"

namespace meedoen {

AuditVerification Audit::verify() {
  AuditChainVerifier v;
  auto tx = ctx_.store->begin(TxMode::kRead);
  tx->audit().for_each_audit([&](const AuditEntry& e) { v.add(e); });
  const ChainCheck r = v.result();
  return {r.ok, r.checked, r.first_bad_seq, r.problem};
}

Result<std::vector<AuditEntry>> Audit::for_resident(const User& user, ResidentId id) {
  if (!may_administer(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  if (!tx->residents().get_resident(id)) return Error::not_found();
  return tx->audit().audit_for_resident(id);
}

Result<std::vector<BreakGlassView>> Audit::break_glass_reviews(const User& user) {
  if (!may_review_break_glass(user)) return Error::forbidden();
  std::vector<WijkId> wijken;
  if (!reviews_every_wijk(user)) {
    for (auto w : user.wijken)
      if (may_chair(user, w)) wijken.push_back(w);
    if (wijken.empty()) return Error::forbidden();  // an empty filter would mean "every wijk"
  }
  auto tx = ctx_.store->begin(TxMode::kRead);
  std::vector<BreakGlassView> out;
  Lookups names(*tx);
  for (auto& e : tx->audit().break_glass_entries(wijken, 200)) {
    BreakGlassView v{e, {}, {}};
    if (auto r = tx->residents().get_resident(e.resident_id)) {
      v.resident_code = r->code;
      if (auto w = tx->admin().get_wijk(r->wijk_id)) v.wijk_name = w->name;
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace meedoen
