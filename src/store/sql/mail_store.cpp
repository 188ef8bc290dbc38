#include "store/sql/mail_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

void SqlMail::insert_mail(const OutboxMail& m) {
  auto s = conn_->prepare(
      "INSERT INTO outbox (to_addr, kind, subject, body, created_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id");
  s.bind_all(m.to, m.kind, m.subject, m.body, m.created_at);
  const std::int64_t id = *inserted_id(s);
  for (const auto& [name, value] : m.params) {
    auto p = conn_->prepare("INSERT INTO outbox_params (mail_id, name, value) VALUES (?, ?, ?)");
    p.bind_all(id, name, value);
    p.exec();
  }
}

namespace {

struct MailId {
  std::int64_t value;
};

constexpr const char* kMailCols =
    "o.id, o.to_addr, o.kind, o.subject, o.body, o.created_at, o.attempts";

OutboxMail read_mail(const Stmt& s) {
  OutboxMail m;
  m.id = s.i64(0);
  m.to = s.text(1);
  m.kind = s.text(2);
  m.subject = s.text(3);
  m.body = s.text(4);
  m.created_at = s.i64(5);
  m.attempts = s.i32(6);
  return m;
}

// The values of `mails` (sorted by id), in one statement over the range of their ids.
void add_params(Connection& conn, std::vector<OutboxMail>& mails) {
  if (mails.empty()) return;
  auto p = conn.prepare(
      "SELECT mail_id, name, value FROM outbox_params WHERE mail_id BETWEEN ? AND ? "
      "ORDER BY mail_id");
  p.bind_all(mails.front().id, mails.back().id);
  std::size_t i = 0;
  while (p.step()) {
    const std::int64_t id = p.i64(0);
    while (i < mails.size() && mails[i].id < id) ++i;
    if (i < mails.size() && mails[i].id == id) mails[i].params.emplace(p.text(1), p.text(2));
  }
}

}  // namespace

std::vector<OutboxMail> SqlMail::pending_mail(Timestamp now, int limit) {
  auto s = conn_->prepare(std::string("SELECT ") + kMailCols +
                          " FROM outbox o WHERE o.sent_at = 0 AND o.attempts < 10 AND "
                          "o.next_try <= ? ORDER BY o.id LIMIT ?");
  s.bind_all(now, limit);
  auto out = collect<OutboxMail>(s, read_mail);
  add_params(*conn_, out);
  return out;
}

MailBacklog SqlMail::mail_backlog() {
  auto s = conn_->prepare(
      "SELECT COALESCE(SUM(CASE WHEN attempts < 10 THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN attempts >= 10 THEN 1 ELSE 0 END), 0) FROM outbox WHERE sent_at = 0");
  MailBacklog b;
  if (s.step()) {
    b.waiting = s.i64(0);
    b.failed = s.i64(1);
  }
  return b;
}

std::vector<OutboxMail> SqlMail::claim_mail(Timestamp now, int limit, int lease_seconds) {
  std::vector<MailId> ids;
  {
    // SQLite has one writer at a time and no row locks, so it needs no SKIP LOCKED.
    const bool row_locks = conn_->dialect() == Dialect::kPostgres;
    auto s = conn_->prepare(
        std::string("UPDATE outbox SET next_try = ?1 + ?3 WHERE id IN (SELECT id FROM outbox "
                    "WHERE sent_at = 0 AND attempts < 10 AND next_try <= ?1 ORDER BY id LIMIT ?2") +
        (row_locks ? " FOR UPDATE SKIP LOCKED" : "") + ") RETURNING id");
    s.bind(1, now).bind(2, limit).bind(3, lease_seconds);
    while (s.step()) ids.push_back({s.i64(0)});
  }
  std::vector<OutboxMail> out;
  for_ids(*conn_,
          std::string("SELECT ") + kMailCols +
              " FROM json_each(?1) ids CROSS JOIN outbox o ON o.id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) { out.push_back(read_mail(s)); });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  add_params(*conn_, out);
  return out;
}

void SqlMail::mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) {
  // A failed mail waits longer after each try: 1, 2, 4 ... minutes, about 8.5 hours in all.
  auto s = conn_->prepare(
      "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = ?, "
      "next_try = ? + 60 * (CAST(1 AS BIGINT) << CAST(attempts AS INTEGER)), "
      "body = CASE WHEN ? = 1 THEN '' ELSE body END WHERE id = ?");
  // A sent mail's body and values are cleared: they may hold a one-time link, which must not
  // outlive its use.
  s.bind_all(sent ? at : Timestamp{0}, error, at, sent, id);
  s.exec();
  if (sent) {
    auto p = conn_->prepare("DELETE FROM outbox_params WHERE mail_id = ?");
    p.bind(1, id);
    p.exec();
  }
}

}  // namespace meedoen::sql
