#include "app/mail.hpp"

#include "store/store.hpp"

namespace meedoen {

std::vector<OutboxMail> Mail::pending(int limit) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  return tx->mail().pending_mail(now(), limit);
}

std::vector<OutboxMail> Mail::claim(int limit) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto out = tx->mail().claim_mail(now(), limit, kMailLease);
  if (out.empty()) return out;  // nothing changed; the transaction rolls back
  if (auto st = tx->commit(); !st) return {};
  return out;
}

void Mail::mark(std::int64_t id, bool sent, const std::string& error) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  tx->mail().mark_mail(id, sent, now(), error.substr(0, 500));
  (void)tx->commit();
}

}  // namespace meedoen
