// The audit trail: verifying the chain, a resident's entries, and the break-glass review.
// One area of the use cases, reached as app.audit().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/io.hpp"

namespace meedoen {

class Audit {
 public:
  explicit Audit(AppContext& ctx) : ctx_(ctx) {}

  AuditVerification verify();
  Result<std::vector<AuditEntry>> for_resident(const User& user, ResidentId id);
  // The break-glass reveals for the chair's wijken (all of them for the administrator), newest
  // first.
  Result<std::vector<BreakGlassView>> break_glass_reviews(const User& user);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
