// What the JSON API serves to integrations: aggregates only, never a resident or an identity.
// Every call names its token's secret and what it asks for; the token is checked (privacy:
// may_call_api) and the call is written to the audit trail in the same transaction as its read,
// with the token's name and id as the actor. One area of the use cases, reached as app.api().
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/context.hpp"
#include "app/figures.hpp"
#include "app/io.hpp"
#include "domain/api_tokens.hpp"

namespace meedoen {

class Tx;

class Api {
 public:
  explicit Api(AppContext& ctx) : ctx_(ctx) {}

  // Each fails with kUnauthenticated ("error.api.token") for an unknown or revoked secret, and
  // with kForbidden ("error.api.scope") for a token without the scope. `what` is the call as the
  // audit trail names it ("GET /api/v1/wijken").
  Result<std::vector<Wijk>> wijken(const std::string& secret, const std::string& what);
  Result<std::vector<WijkSignalFigures>> signal_figures(const std::string& secret,
                                                        const std::string& what);
  // The brigade's funnel of every wijk for the last `months` (1..24).
  Result<BrigadeFigures> brigade_figures(const std::string& secret, int months,
                                         const std::string& what);
  // The centres' figures of every wijk, per centre and month (app/figures.hpp).
  Result<CentreFigures> centre_figures(const std::string& secret, int months,
                                       const std::string& what);
  // Counts from 1 to this minus one are published as "<5" (report/figures.hpp).
  static int small_number_threshold();

 private:
  Timestamp now() const { return ctx_.clock->now(); }
  template <class F>
  auto call(const std::string& secret, const std::string& what, F read)
      -> Result<decltype(read(std::declval<Tx&>()))>;

  AppContext& ctx_;
};

}  // namespace meedoen
