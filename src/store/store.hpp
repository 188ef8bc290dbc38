// Storage behind interfaces. The app layer opens a transaction (Tx), calls the statements it needs
// through the area they belong to (tx.signals(), tx.brigade(), ...; each in store/<area>_store.hpp)
// and commits; a Tx destroyed without commit rolls back, so nothing is ever half-saved.
// SQLite (sqlite/) is the embedded default; PostgreSQL (postgres/) runs the same statements (sql/).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/health.hpp"
#include "domain/result.hpp"
#include "store/accounts_store.hpp"
#include "store/activities_store.hpp"
#include "store/admin_store.hpp"
#include "store/api_tokens_store.hpp"
#include "store/audit_store.hpp"
#include "store/brigade_store.hpp"
#include "store/centres_store.hpp"
#include "store/concerns_store.hpp"
#include "store/consents_store.hpp"
#include "store/figures_store.hpp"
#include "store/mail_store.hpp"
#include "store/meetings_store.hpp"
#include "store/occurrences_store.hpp"
#include "store/participation_store.hpp"
#include "store/peers_store.hpp"
#include "store/referrals_store.hpp"
#include "store/residents_store.hpp"
#include "store/signals_store.hpp"
#include "store/visitors_store.hpp"

namespace meedoen {

class Tx {
 public:
  virtual ~Tx() = default;
  // Makes the changes durable. A Tx that is destroyed without commit() rolls back.
  virtual Status commit() = 0;
  virtual bool ping() = 0;

  // Each area's statements, inside this transaction.
  virtual AccountsStore& accounts() = 0;
  virtual AdminStore& admin() = 0;
  virtual ResidentsStore& residents() = 0;
  virtual SignalsStore& signals() = 0;
  virtual MeetingsStore& meetings() = 0;
  virtual PeersStore& peers() = 0;
  virtual BrigadeStore& brigade() = 0;
  virtual ReferralsStore& referrals() = 0;
  virtual FiguresStore& figures() = 0;
  virtual MailStore& mail() = 0;
  virtual AuditStore& audit() = 0;
  virtual ApiTokensStore& api_tokens() = 0;
  virtual CentresStore& centres() = 0;
  virtual ActivitiesStore& activities() = 0;
  virtual OccurrencesStore& occurrences() = 0;
  virtual VisitorsStore& visitors() = 0;
  virtual ConsentsStore& consents() = 0;
  virtual ConcernsStore& concerns() = 0;
  virtual ParticipationStore& participation() = 0;
};

enum class TxMode { kRead, kWrite };

class Store {
 public:
  virtual ~Store() = default;
  // Runs pending schema migrations; returns the schema version after.
  virtual Result<int> migrate() = 0;
  virtual int schema_version() = 0;
  // A transaction on a pooled connection. Throws Unavailable when no connection comes free within
  // pool_wait_ms, or the write lock within busy_timeout_ms; the connection goes back to the pool on
  // every path.
  virtual std::unique_ptr<Tx> begin(TxMode mode) = 0;
  // The pool's connections and the time transactions waited to begin, for /metrics.
  virtual StoreStats stats() = 0;
  // Whether the database can be written now, without writing a row: the files are writable, the
  // disk has room and the write lock can be taken (and is given back at once).
  virtual std::vector<HealthCheck> health() = 0;
  // Housekeeping for a running server, called every few seconds: checkpoints the write-ahead log so
  // that it shrinks back after a burst of writes. Never throws.
  virtual void maintain() = 0;
  // A consistent copy of the whole database at `dest` (which must not exist), taken while others
  // read and write.
  virtual Status backup_to(const std::string& dest) = 0;
  // The integrity check of the database; empty when it is sound, else the first problems found.
  virtual std::string integrity_problems() = 0;
};

// Opens (creating if needed) the SQLite database at `path` (":memory:" for tests).
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const StoreOptions& options = {});

// Connects to the PostgreSQL database at `url` (postgresql://user@host/db, or with ?host=/dir for
// a Unix socket; libpq's connection URI). The database must exist; migrate() creates the tables.
Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url,
                                                   const StoreOptions& options = {});

// Copies a whole city from the SQLite database at `from` (migrated first if it is behind) to the
// PostgreSQL database at `to`, which is migrated and must hold no data yet: every table in one
// transaction, with the same ids, so that the audit chain's entries and their hashes arrive as
// they were. Returns the rows of each table; on any error nothing stays in the target.
// `progress` is told each table as it starts.
Result<std::vector<TableCount>> copy_sqlite_to_postgres(
    const std::string& from, const std::string& to,
    const std::function<void(const std::string& table)>& progress = {});

// PostgreSQL for a postgresql:// URL, else the SQLite file at that path.
Result<std::unique_ptr<Store>> open_store(const std::string& db, const StoreOptions& options = {});

}  // namespace meedoen
