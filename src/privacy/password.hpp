// Password hashing (argon2id via libsodium) and random tokens for sessions and CSRF.
#pragma once

#include <string>
#include <string_view>

namespace meedoen {

// argon2id, t=2, m=19 MiB (the OWASP baseline): strong, and light enough for a small server.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

// 32 random bytes as URL-safe base64, for session ids and CSRF tokens.
std::string random_token();
// BLAKE2b of a token, hex: what the database keeps instead of the session id itself.
std::string token_digest(std::string_view token);
// Constant-time comparison for secrets.
bool secrets_equal(std::string_view a, std::string_view b);

}  // namespace meedoen
