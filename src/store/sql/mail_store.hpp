// The implementation of MailStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/mail_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlMail final : public MailStore {
 public:
  explicit SqlMail(Connection& conn) : conn_(&conn) {}

  void insert_mail(const OutboxMail& m) override;
  std::vector<OutboxMail> pending_mail(Timestamp now, int limit) override;
  std::vector<OutboxMail> claim_mail(Timestamp now, int limit, int lease_seconds) override;
  MailBacklog mail_backlog() override;
  void mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
