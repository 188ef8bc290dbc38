// What every area of the use cases shares: the configuration, the store, the identity vault, the
// clock and the cache of sessions. Owned by App; each area holds a reference.
#pragma once

#include <memory>
#include <string>

#include "domain/health.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"

namespace meedoen {

class Store;
class Vault;
class SessionCache;

struct AppConfig {
  std::string db_path = "meedoen.db";
  std::string key_file = "meedoen.key";
  int idle_timeout_seconds = 30 * 60;
  int max_failed_logins = 5;        // after this many, each further failure doubles a wait
  int checkout_grace_minutes = 15;  // a check-out this late is flagged to the coordinator
  int referral_response_days = 10;  // a referral without an answer this long is flagged
  int referral_link_days = 14;      // a one-time link for a partner expires after this
  // The brigade's phone for a peer at a visit (shown beside the check-out button); empty: none.
  std::string brigade_phone;
  // Whether attempts without contact (not home, door not opened) count toward a peer's weekly cap.
  bool cap_counts_attempts = false;
  // How long a session read from the store is trusted in this process (see SessionCache); with
  // several app processes, a log-out elsewhere takes effect here within this time. 0 = off.
  int session_cache_seconds = 2;
  StoreOptions store;
};

struct AppContext {
  AppConfig config;
  std::unique_ptr<Store> store;
  std::unique_ptr<Vault> vault;
  std::unique_ptr<Clock> clock;  // replaced for a while by demo data (SimulatedClock)
  std::unique_ptr<SessionCache> sessions;
};

}  // namespace meedoen
