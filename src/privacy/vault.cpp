#include "privacy/vault.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace meedoen {
namespace {
constexpr unsigned char kVersion = 1;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "meedoenV";

std::string associated(ResidentId resident, std::string_view field) {
  return "resident:" + std::to_string(resident.value) + ":" + std::string(field);
}

void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

Vault::Vault() = default;

Vault::~Vault() {
  sodium_memzero(enc_key_, sizeof enc_key_);
  sodium_memzero(index_key_, sizeof index_key_);
  sodium_memzero(check_key_, sizeof check_key_);
}

std::unique_ptr<Vault> Vault::from_key(const std::vector<unsigned char>& key) {
  init_sodium();
  if (key.size() != crypto_kdf_KEYBYTES) throw std::invalid_argument("vault key must be 32 bytes");
  std::unique_ptr<Vault> v(new Vault());
  crypto_kdf_derive_from_key(v->enc_key_, sizeof v->enc_key_, 1, kKdfContext, key.data());
  crypto_kdf_derive_from_key(v->index_key_, sizeof v->index_key_, 2, kKdfContext, key.data());
  crypto_kdf_derive_from_key(v->check_key_, sizeof v->check_key_, 3, kKdfContext, key.data());
  return v;
}

Result<std::unique_ptr<Vault>> Vault::open(const std::string& key_file, bool may_create) {
  init_sodium();
  std::vector<unsigned char> key(crypto_kdf_KEYBYTES);
  struct stat st {};
  if (::stat(key_file.c_str(), &st) != 0) {
    if (!may_create) return Error{ErrorKind::kInternal, "error.vault.key_missing", {}, key_file};
    crypto_kdf_keygen(key.data());
    const mode_t old = ::umask(077);
    std::ofstream out(key_file, std::ios::binary | std::ios::trunc);
    ::umask(old);
    if (!out) return Error{ErrorKind::kInternal, "error.vault.key_write", {}, key_file};
    out.write(reinterpret_cast<const char*>(key.data()), static_cast<std::streamsize>(key.size()));
    out.close();
    ::chmod(key_file.c_str(), 0600);
  } else {
    if ((st.st_mode & 077) != 0)
      return Error{ErrorKind::kInternal, "error.vault.key_permissions", {}, key_file};
    std::ifstream in(key_file, std::ios::binary);
    in.read(reinterpret_cast<char*>(key.data()), static_cast<std::streamsize>(key.size()));
    if (in.gcount() != static_cast<std::streamsize>(key.size()) || in.peek() != EOF)
      return Error{ErrorKind::kInternal, "error.vault.key_size", {}, key_file};
  }
  auto vault = from_key(key);
  sodium_memzero(key.data(), key.size());
  return vault;
}

std::vector<unsigned char> Vault::key_check() const {
  static constexpr std::string_view kText = "meedoen vault key check v1";
  std::vector<unsigned char> out(32);
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(kText.data()),
                     kText.size(), check_key_, sizeof check_key_);
  return out;
}

bool Vault::matches_check(const std::vector<unsigned char>& check) const {
  const auto mine = key_check();
  return check.size() == mine.size() && sodium_memcmp(check.data(), mine.data(), mine.size()) == 0;
}

std::vector<unsigned char> Vault::seal(ResidentId resident, std::string_view field,
                                       std::string_view plaintext) const {
  if (plaintext.empty()) return {};
  const std::string ad = associated(resident, field);
  const std::size_t nonce_len = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::vector<unsigned char> out(1 + nonce_len + plaintext.size() +
                                 crypto_aead_xchacha20poly1305_ietf_ABYTES);
  out[0] = kVersion;
  randombytes_buf(out.data() + 1, nonce_len);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + 1 + nonce_len, &clen, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
      out.data() + 1, enc_key_);
  out.resize(1 + nonce_len + clen);
  return out;
}

std::optional<std::string> Vault::open(ResidentId resident, std::string_view field,
                                       const std::vector<unsigned char>& sealed) const {
  if (sealed.empty()) return std::string();
  const std::size_t nonce_len = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (sealed.size() < 1 + nonce_len + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
      sealed[0] != kVersion)
    return std::nullopt;
  const std::string ad = associated(resident, field);
  std::string plain(sealed.size() - 1 - nonce_len - crypto_aead_xchacha20poly1305_ietf_ABYTES,
                    '\0');
  unsigned long long plen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()),
                                                 &plen, nullptr, sealed.data() + 1 + nonce_len,
                                                 sealed.size() - 1 - nonce_len,
                                                 reinterpret_cast<const unsigned char*>(ad.data()),
                                                 ad.size(), sealed.data() + 1, enc_key_) != 0)
    return std::nullopt;
  plain.resize(plen);
  return plain;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80 || c == '\'' || c == '-') {
      cur.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::vector<std::string> Vault::name_tokens(std::string_view text) const {
  std::vector<std::string> tokens;
  for (const auto& w : words_of(text)) {
    if (w.size() < 3) continue;
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(w.data()), w.size(),
                       index_key_, sizeof index_key_);
    char hex[sizeof h * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    tokens.emplace_back(hex);
  }
  return tokens;
}

}  // namespace meedoen
