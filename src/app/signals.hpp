// Signals: raising, listing, reading (and breaking the glass), closing, the meldcode.
// One area of the use cases, reached as app.signals().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/io.hpp"

namespace meedoen {

class Signals {
 public:
  explicit Signals(AppContext& ctx) : ctx_(ctx) {}

  Result<SignalFormData> form(const User& user);
  Result<RaiseResult> raise(const User& user, const RaiseSignalInput& in);
  // Whether the text or categories point to the meldcode (for the live hint on the form).
  bool meldcode_suggested(WijkId wijk, const std::string& text,
                          const std::vector<CategoryId>& categories);
  Result<SignalList> list(const User& user, const SignalQuery& q);
  // `break_glass_reason` non-empty asks to see identity with that written reason.
  Result<SignalDetail> detail(const User& user, SignalId id,
                              const std::string& break_glass_reason = {});
  Status close(const User& user, SignalId id, const std::string& reason);
  Status record_meldcode_step(const User& user, SignalId id, int step, const std::string& date,
                              const std::string& rationale);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
