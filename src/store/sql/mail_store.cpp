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

std::vector<OutboxMail> SqlMail::pending_mail(Timestamp now, int limit) {
  auto s = conn_->prepare(
      "SELECT id, to_addr, kind, subject, body, created_at, attempts FROM outbox WHERE sent_at = 0 "
      "AND attempts < 10 AND next_try <= ? ORDER BY id LIMIT ?");
  s.bind_all(now, limit);
  std::vector<OutboxMail> out;
  while (s.step()) {
    OutboxMail m;
    m.id = s.i64(0);
    m.to = s.text(1);
    m.kind = s.text(2);
    m.subject = s.text(3);
    m.body = s.text(4);
    m.created_at = s.i64(5);
    m.attempts = s.i32(6);
    out.push_back(std::move(m));
  }
  if (out.empty()) return out;
  // The values of every mail read, in one statement over the range of their ids.
  auto p = conn_->prepare(
      "SELECT mail_id, name, value FROM outbox_params WHERE mail_id BETWEEN ? AND ? "
      "ORDER BY mail_id");
  p.bind_all(out.front().id, out.back().id);
  std::size_t i = 0;
  while (p.step()) {
    const std::int64_t id = p.i64(0);
    while (i < out.size() && out[i].id < id) ++i;
    if (i < out.size() && out[i].id == id) out[i].params.emplace(p.text(1), p.text(2));
  }
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
