// The use cases of Meedoen, one class per area (app/<area>.hpp): app.signals().raise(user, input).
// Each use case checks who may do it (through privacy/access_policy), runs in one transaction, and
// writes the audit trail. Free of HTTP: the web layer and the command line both call this. App
// itself only opens the database and the vault, and wires the areas to what they share.
#pragma once

#include <memory>

#include "app/accounts.hpp"
#include "app/activities.hpp"
#include "app/admin.hpp"
#include "app/api.hpp"
#include "app/api_tokens.hpp"
#include "app/audit.hpp"
#include "app/brigade.hpp"
#include "app/centres.hpp"
#include "app/concerns.hpp"
#include "app/context.hpp"
#include "app/demo.hpp"
#include "app/mail.hpp"
#include "app/meetings.hpp"
#include "app/occurrences.hpp"
#include "app/operations.hpp"
#include "app/participation.hpp"
#include "app/peers.hpp"
#include "app/referrals.hpp"
#include "app/signals.hpp"
#include "app/start.hpp"
#include "app/visitors.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

class App {
 public:
  // Opens the database (running migrations) and the vault. The clock defaults to the system clock.
  // config.store reaches the store's own options, such as a hook before every statement, by which
  // a test fails the statement it wants (tests/unit/app/fault_injection_test.cpp).
  static Result<std::unique_ptr<App>> open(const AppConfig& config,
                                           std::unique_ptr<Clock> clock = nullptr);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  const AppConfig& config() const { return ctx_.config; }
  Timestamp now() const { return ctx_.clock->now(); }

  Accounts& accounts() { return accounts_; }
  Start& start() { return start_; }
  Signals& signals() { return signals_; }
  Meetings& meetings() { return meetings_; }
  Peers& peers() { return peers_; }
  Brigade& brigade() { return brigade_; }
  Referrals& referrals() { return referrals_; }
  Mail& mail() { return mail_; }
  Admin& admin() { return admin_; }
  Audit& audit() { return audit_; }
  Demo& demo() { return demo_; }
  Operations& operations() { return operations_; }
  ApiTokens& api_tokens() { return api_tokens_; }
  Api& api() { return api_; }
  Centres& centres() { return centres_; }
  Activities& activities() { return activities_; }
  Occurrences& occurrences() { return occurrences_; }
  Visitors& visitors() { return visitors_; }
  Concerns& concerns() { return concerns_; }
  Participation& participation() { return participation_; }

 private:
  App(AppConfig config, std::unique_ptr<Store> store, std::unique_ptr<Vault> vault,
      std::unique_ptr<Clock> clock);

  AppContext ctx_;
  Accounts accounts_{ctx_};
  Start start_{ctx_};
  Signals signals_{ctx_};
  Meetings meetings_{ctx_};
  Peers peers_{ctx_};
  Brigade brigade_{ctx_};
  Referrals referrals_{ctx_};
  Mail mail_{ctx_};
  Admin admin_{ctx_};
  Audit audit_{ctx_};
  Demo demo_{ctx_, *this};
  Operations operations_{ctx_};
  ApiTokens api_tokens_{ctx_};
  Api api_{ctx_};
  Centres centres_{ctx_};
  Activities activities_{ctx_};
  Occurrences occurrences_{ctx_};
  Visitors visitors_{ctx_};
  Concerns concerns_{ctx_};
  Participation participation_{ctx_};
};

}  // namespace meedoen
