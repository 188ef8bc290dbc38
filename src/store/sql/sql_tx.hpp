// Tx over one pooled sql::Connection, for SQLite and PostgreSQL alike: the transaction, and each
// area's statements on it. Internal to store/; the rest of the program sees Tx.
#pragma once

#include <functional>
#include <memory>

#include "store/sql/accounts_store.hpp"
#include "store/sql/activities_store.hpp"
#include "store/sql/admin_store.hpp"
#include "store/sql/api_tokens_store.hpp"
#include "store/sql/audit_store.hpp"
#include "store/sql/brigade_store.hpp"
#include "store/sql/centres_store.hpp"
#include "store/sql/concerns_store.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/consents_store.hpp"
#include "store/sql/figures_store.hpp"
#include "store/sql/mail_store.hpp"
#include "store/sql/meetings_store.hpp"
#include "store/sql/occurrences_store.hpp"
#include "store/sql/participation_store.hpp"
#include "store/sql/peers_store.hpp"
#include "store/sql/pool.hpp"
#include "store/sql/referrals_store.hpp"
#include "store/sql/residents_store.hpp"
#include "store/sql/signals_store.hpp"
#include "store/sql/visitors_store.hpp"
#include "store/store.hpp"

namespace meedoen::sql {

class SqlTx final : public Tx {
 public:
  // Takes the connection for the lifetime of the Tx and hands it back through `release`, also
  // when beginning the transaction fails (then the constructor throws).
  SqlTx(std::unique_ptr<Connection> conn, TxMode mode,
        std::function<void(std::unique_ptr<Connection>)> release);
  ~SqlTx() override;
  SqlTx(const SqlTx&) = delete;
  SqlTx& operator=(const SqlTx&) = delete;

  Status commit() override;
  bool ping() override;

  AccountsStore& accounts() override { return accounts_; }
  AdminStore& admin() override { return admin_; }
  ResidentsStore& residents() override { return residents_; }
  SignalsStore& signals() override { return signals_; }
  MeetingsStore& meetings() override { return meetings_; }
  PeersStore& peers() override { return peers_; }
  BrigadeStore& brigade() override { return brigade_; }
  ReferralsStore& referrals() override { return referrals_; }
  FiguresStore& figures() override { return figures_; }
  MailStore& mail() override { return mail_; }
  AuditStore& audit() override { return audit_; }
  ApiTokensStore& api_tokens() override { return api_tokens_; }
  CentresStore& centres() override { return centres_; }
  ActivitiesStore& activities() override { return activities_; }
  OccurrencesStore& occurrences() override { return occurrences_; }
  VisitorsStore& visitors() override { return visitors_; }
  ConsentsStore& consents() override { return consents_; }
  ConcernsStore& concerns() override { return concerns_; }
  ParticipationStore& participation() override { return participation_; }

 private:
  std::unique_ptr<Connection> conn_;
  std::function<void(std::unique_ptr<Connection>)> release_;
  bool done_ = false;
  SqlAccounts accounts_{*conn_};
  SqlAdmin admin_{*conn_};
  SqlResidents residents_{*conn_};
  SqlSignals signals_{*conn_};
  SqlMeetings meetings_{*conn_};
  SqlPeers peers_{*conn_};
  SqlBrigade brigade_{*conn_};
  SqlReferrals referrals_{*conn_};
  SqlFigures figures_{*conn_};
  SqlMail mail_{*conn_};
  SqlAudit audit_{*conn_};
  SqlApiTokens api_tokens_{*conn_};
  SqlCentres centres_{*conn_};
  SqlActivities activities_{*conn_};
  SqlOccurrences occurrences_{*conn_};
  SqlVisitors visitors_{*conn_};
  SqlConsents consents_{*conn_};
  SqlConcerns concerns_{*conn_};
  SqlParticipation participation_{*conn_};
};

// A transaction on a connection of `pool`, given back to it when the Tx ends. The wait for the
// connection and for BEGIN (the write lock, for writes) is counted in the pool's stats.
std::unique_ptr<Tx> begin_pooled(Pool& pool, TxMode mode);

}  // namespace meedoen::sql
