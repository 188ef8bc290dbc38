// The identity vault: seals identifying fields with XChaCha20-Poly1305 (libsodium) under a key that
// lives outside the database, and makes keyed "blind index" tokens of names so minutes can be
// checked for names without decrypting anything. A sealed field is bound to its resident and field
// name (associated data), so a ciphertext copied to another row does not open.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"
#include "domain/result.hpp"

namespace meedoen {

class Vault {
 public:
  // Loads the 32-byte master key from `key_file`. When the file does not exist, creates it (mode
  // 0600) if `may_create`, else fails with error.vault.key_missing: a database that already holds
  // sealed data must never get a new key. Fails when the file has another size or is readable by
  // others.
  static Result<std::unique_ptr<Vault>> open(const std::string& key_file, bool may_create = true);
  // For tests: a vault with the given key bytes.
  static std::unique_ptr<Vault> from_key(const std::vector<unsigned char>& key);

  ~Vault();
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;

  // Sealed form: version byte, nonce, ciphertext+tag. Empty plaintext seals to an empty blob.
  std::vector<unsigned char> seal(ResidentId resident, std::string_view field,
                                  std::string_view plaintext) const;
  // nullopt when the blob was tampered with or sealed for another resident/field.
  std::optional<std::string> open(ResidentId resident, std::string_view field,
                                  const std::vector<unsigned char>& sealed) const;

  // A value derived from the key (a keyed hash of a fixed text, with its own subkey), stored in the
  // database when the vault is set up. It tells whether a key is the right one without revealing
  // it.
  std::vector<unsigned char> key_check() const;
  // Whether `check` is this key's key_check (constant time).
  bool matches_check(const std::vector<unsigned char>& check) const;

  // Keyed hashes (hex) of the words of a name, lower-cased, for the name index. Words of fewer
  // than three letters are skipped: they match too much.
  std::vector<std::string> name_tokens(std::string_view text) const;

 private:
  Vault();
  unsigned char enc_key_[32];
  unsigned char index_key_[32];
  unsigned char check_key_[32];
};

// Splits text into lower-cased words (letters, digits, apostrophes, hyphens), UTF-8 aware enough
// for Dutch names: bytes ≥ 0x80 are kept as letters.
std::vector<std::string> words_of(std::string_view text);

}  // namespace meedoen
