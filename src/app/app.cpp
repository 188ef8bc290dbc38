#include "app/app.hpp"

#include "app/session_cache.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {

App::App(AppConfig config, std::unique_ptr<Store> store, std::unique_ptr<Vault> vault,
         std::unique_ptr<Clock> clock)
    : ctx_{std::move(config), std::move(store), std::move(vault), std::move(clock), nullptr} {
  ctx_.sessions = std::make_unique<SessionCache>(ctx_.config.session_cache_seconds);
}

App::~App() = default;

namespace {

// Checks the key against the database's key check value, and stores that value the first time.
// A database from before the check existed, with sealed data, gets it only when the key opens a
// sealed field. Refuses a key file that is missing for a database that already has sealed data.
Result<std::unique_ptr<Vault>> open_vault(Store& store, const std::string& key_file,
                                          Timestamp now) {
  std::optional<std::vector<unsigned char>> check;
  std::optional<ResidentsStore::SealedSample> sample;
  {
    auto tx = store.begin(TxMode::kRead);
    check = tx->residents().vault_key_check();
    sample = tx->residents().any_sealed_field();
  }
  auto vault = Vault::open(key_file, /*may_create=*/!check && !sample);
  if (!vault) return vault.error();
  if (check) {
    if (!(*vault)->matches_check(*check))
      return Error{ErrorKind::kInternal, "error.vault.key_mismatch", {}, key_file};
    return vault;
  }
  if (sample && !(*vault)->open(sample->resident, sample->field, sample->sealed))
    return Error{ErrorKind::kInternal, "error.vault.key_mismatch", {}, key_file};
  auto tx = store.begin(TxMode::kWrite);
  // Another process may have set it in between; then it must match too.
  if (auto now_set = tx->residents().vault_key_check()) {
    if (!(*vault)->matches_check(*now_set))
      return Error{ErrorKind::kInternal, "error.vault.key_mismatch", {}, key_file};
    return vault;
  }
  tx->residents().set_vault_key_check((*vault)->key_check(), now);
  if (auto st = tx->commit(); !st) return st.error();
  return vault;
}

}  // namespace

Result<std::unique_ptr<App>> App::open(const AppConfig& config, std::unique_ptr<Clock> clock) {
  auto opened = open_store(config.db_path, config.store);
  if (!opened) return opened.error();
  std::unique_ptr<Store> store = std::move(*opened);
  if (!clock) clock = std::make_unique<SystemClock>();
  try {
    auto migrated = store->migrate();
    if (!migrated) return migrated.error();
    auto vault = open_vault(*store, config.key_file, clock->now());
    if (!vault) return vault.error();
    return std::unique_ptr<App>(
        new App(config, std::move(store), std::move(*vault), std::move(clock)));
  } catch (const Unavailable& e) {
    return Error{ErrorKind::kInternal, "error.database_busy", {}, e.what()};
  }
}

}  // namespace meedoen
