// The SQLite implementation of MailStore. Internal to store/sqlite.
#pragma once

#include "store/mail_store.hpp"
#include "store/sqlite/connection.hpp"

namespace meedoen::sqlite {

class SqliteMail final : public MailStore {
 public:
  explicit SqliteMail(Connection& conn) : conn_(&conn) {}

  void insert_mail(const OutboxMail& m) override;
  std::vector<OutboxMail> pending_mail(Timestamp now, int limit) override;
  void mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sqlite
