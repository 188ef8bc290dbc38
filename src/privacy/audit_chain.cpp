#include "privacy/audit_chain.hpp"

#include <sodium.h>

namespace meedoen {

std::string compute_audit_hash(const AuditEntry& e) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  auto add = [&](const std::string& s) {
    const std::string len = std::to_string(s.size()) + ":";
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  add(e.prev_hash);
  add(std::to_string(e.seq));
  add(std::to_string(e.at));
  add(std::to_string(e.user_id.value));
  add(e.user_label);
  add(e.event);
  add(std::to_string(e.resident_id.value));
  add(e.object);
  add(e.reason);
  unsigned char h[32];
  crypto_generichash_final(&st, h, sizeof h);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

void AuditChainVerifier::add(const AuditEntry& e) {
  if (!result_.ok) return;
  ++result_.checked;
  auto fail = [&](std::string why) {
    result_.ok = false;
    result_.first_bad_seq = e.seq;
    result_.problem = std::move(why);
  };
  if (e.seq != expected_seq_) {
    fail("entry " + std::to_string(expected_seq_) + " is missing");
    result_.first_bad_seq = expected_seq_;
    return;
  }
  if (e.prev_hash != prev_) return fail("entry does not follow the previous one (prev_hash)");
  if (compute_audit_hash(e) != e.hash) return fail("entry was altered (hash mismatch)");
  prev_ = e.hash;
  ++expected_seq_;
}

}  // namespace meedoen
