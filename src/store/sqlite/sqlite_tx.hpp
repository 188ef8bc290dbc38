// The SQLite implementation of Tx: a transaction on one pooled connection, and each area's
// statements on it. Internal to store/sqlite; the rest of the program sees Tx.
#pragma once

#include <functional>
#include <memory>

#include "store/sqlite/accounts_store.hpp"
#include "store/sqlite/admin_store.hpp"
#include "store/sqlite/audit_store.hpp"
#include "store/sqlite/brigade_store.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/figures_store.hpp"
#include "store/sqlite/mail_store.hpp"
#include "store/sqlite/meetings_store.hpp"
#include "store/sqlite/peers_store.hpp"
#include "store/sqlite/referrals_store.hpp"
#include "store/sqlite/residents_store.hpp"
#include "store/sqlite/signals_store.hpp"
#include "store/store.hpp"

namespace meedoen::sqlite {

class SqliteTx final : public Tx {
 public:
  // Takes the connection for the lifetime of the Tx and hands it back through `release`.
  SqliteTx(std::unique_ptr<Connection> conn, TxMode mode,
           std::function<void(std::unique_ptr<Connection>)> release);
  ~SqliteTx() override;
  SqliteTx(const SqliteTx&) = delete;
  SqliteTx& operator=(const SqliteTx&) = delete;

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

 private:
  std::unique_ptr<Connection> conn_;
  std::function<void(std::unique_ptr<Connection>)> release_;
  bool done_ = false;
  SqliteAccounts accounts_{*conn_};
  SqliteAdmin admin_{*conn_};
  SqliteResidents residents_{*conn_};
  SqliteSignals signals_{*conn_};
  SqliteMeetings meetings_{*conn_};
  SqlitePeers peers_{*conn_};
  SqliteBrigade brigade_{*conn_};
  SqliteReferrals referrals_{*conn_};
  SqliteFigures figures_{*conn_};
  SqliteMail mail_{*conn_};
  SqliteAudit audit_{*conn_};
};

}  // namespace meedoen::sqlite
