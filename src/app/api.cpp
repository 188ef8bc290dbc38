#include "app/api.hpp"

#include "app/audit_trail.hpp"
#include "app/figures.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "report/figures.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// The token of `secret` when it may read `scope`; its use is audited in `tx`.
Result<ApiToken> authorise(Tx& tx, const std::string& secret, ApiScope scope,
                           const std::string& what, Timestamp now) {
  if (secret.empty()) return Error{ErrorKind::kUnauthenticated, "error.api.token", {}, {}};
  auto t = tx.api_tokens().api_token_by_digest(token_digest(secret));
  if (!t || !t->active()) return Error{ErrorKind::kUnauthenticated, "error.api.token", {}, {}};
  if (!may_call_api(*t, scope)) return Error{ErrorKind::kForbidden, "error.api.scope", {}, {}};
  tx.api_tokens().touch_api_token(t->id, now);
  append_audit_labelled(tx, now, "api:" + t->name + " (token " + std::to_string(t->id.value) + ")",
                        "api_call", ResidentId(), what.substr(0, 200),
                        std::string(api_scope_code(scope)));
  return *t;
}

// An API token reads the figures of the whole city.
std::vector<WijkId> all_wijken(Tx& tx) {
  std::vector<WijkId> out;
  for (const auto& w : tx.admin().list_wijken()) out.push_back(w.id);
  return out;
}

}  // namespace

// One API call: its token checked and the call audited, then `read` in the same transaction.
template <class F>
auto Api::call(const std::string& secret, const std::string& what, F read)
    -> Result<decltype(read(std::declval<Tx&>()))> {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (auto t = authorise(*tx, secret, ApiScope::kFigures, what, now()); !t) return t.error();
  auto out = read(*tx);
  if (auto st = tx->commit(); !st) return st.error();
  return out;
}

Result<std::vector<Wijk>> Api::wijken(const std::string& secret, const std::string& what) {
  return call(secret, what, [](Tx& tx) { return tx.admin().list_wijken(); });
}

Result<std::vector<WijkSignalFigures>> Api::signal_figures(const std::string& secret,
                                                           const std::string& what) {
  return call(secret, what, [](Tx& tx) { return meedoen::signal_figures(tx); });
}

Result<BrigadeFigures> Api::brigade_figures(const std::string& secret, int months,
                                            const std::string& what) {
  return call(secret, what,
              [&](Tx& tx) { return meedoen::brigade_figures(tx, all_wijken(tx), months, now()); });
}

Result<CentreFigures> Api::centre_figures(const std::string& secret, int months,
                                          const std::string& what) {
  return call(secret, what,
              [&](Tx& tx) { return meedoen::centre_figures(tx, all_wijken(tx), months, now()); });
}

int Api::small_number_threshold() { return kSmallNumberThreshold; }

}  // namespace meedoen
