#include "store/sqlite/mail_store.hpp"

#include "store/sqlite/rows.hpp"

namespace meedoen::sqlite {

void SqliteMail::insert_mail(const OutboxMail& m) {
  auto s =
      conn_->prepare("INSERT INTO outbox (to_addr, subject, body, created_at) VALUES (?, ?, ?, ?)");
  s.bind_all(m.to, m.subject, m.body, m.created_at);
  s.exec();
}

std::vector<OutboxMail> SqliteMail::pending_mail(Timestamp now, int limit) {
  auto s = conn_->prepare(
      "SELECT id, to_addr, subject, body, created_at, attempts FROM outbox WHERE sent_at = 0 "
      "AND attempts < 10 AND next_try <= ? ORDER BY id LIMIT ?");
  s.bind_all(now, limit);
  std::vector<OutboxMail> out;
  while (s.step()) out.push_back({s.i64(0), s.text(1), s.text(2), s.text(3), s.i64(4), s.i32(5)});
  return out;
}

void SqliteMail::mark_mail(std::int64_t id, bool sent, Timestamp at, const std::string& error) {
  // A failed mail waits longer after each try: 1, 2, 4 ... minutes, about 8.5 hours in all.
  auto s = conn_->prepare(
      "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = ?, "
      "next_try = ? + 60 * (1 << attempts), body = CASE WHEN ? THEN '' ELSE body END WHERE id = ?");
  // A sent mail's body is cleared: it may hold a one-time link, which must not outlive its use.
  s.bind_all(sent ? at : Timestamp{0}, error, at, sent, id);
  s.exec();
}

}  // namespace meedoen::sqlite
