#include "privacy/vault.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "privacy/password.hpp"

namespace meedoen {
namespace {

std::unique_ptr<Vault> test_vault(unsigned char fill = 7) {
  return Vault::from_key(std::vector<unsigned char>(32, fill));
}

TEST(Vault, SealsAndOpensAField) {
  auto v = test_vault();
  const auto sealed = v->seal(ResidentId(5), "name", "Jan de Vries");
  const std::string bytes(sealed.begin(), sealed.end());
  EXPECT_EQ(bytes.find("Jan"), std::string::npos);
  EXPECT_EQ(v->open(ResidentId(5), "name", sealed), "Jan de Vries");
}

TEST(Vault, CiphertextIsBoundToItsResidentAndField) {
  auto v = test_vault();
  const auto sealed = v->seal(ResidentId(5), "name", "Jan de Vries");
  EXPECT_FALSE(v->open(ResidentId(6), "name", sealed).has_value());
  EXPECT_FALSE(v->open(ResidentId(5), "address", sealed).has_value());
}

TEST(Vault, TamperedOrForeignCiphertextDoesNotOpen) {
  auto v = test_vault();
  auto sealed = v->seal(ResidentId(5), "name", "Jan de Vries");
  sealed.back() ^= 1;
  EXPECT_FALSE(v->open(ResidentId(5), "name", sealed).has_value());
  auto other = test_vault(8);
  EXPECT_FALSE(other->open(ResidentId(5), "name", v->seal(ResidentId(5), "name", "x")).has_value());
}

TEST(Vault, NameTokensMatchCaseInsensitivelyAndSkipShortWords) {
  auto v = test_vault();
  const auto a = v->name_tokens("Jan de Vries");
  const auto b = v->name_tokens("gesprek met jan en VRIES");
  ASSERT_EQ(a.size(), 2u);  // "de" is too short
  EXPECT_NE(std::find(b.begin(), b.end(), a[0]), b.end());
  EXPECT_NE(std::find(b.begin(), b.end(), a[1]), b.end());
  EXPECT_NE(test_vault(9)->name_tokens("Jan")[0], a[0]);  // keyed: another key, other tokens
}

TEST(Vault, CreatesItsKeyFileWithOwnerOnlyPermissions) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("meedoen-vault-" + random_token().substr(0, 8));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "test.key").string();
  auto first = Vault::open(path);
  ASSERT_TRUE(first.ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(st.st_size, 32);
  auto sealed = (*first)->seal(ResidentId(1), "name", "Els");
  auto second = Vault::open(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)->open(ResidentId(1), "name", sealed), "Els");
  ::chmod(path.c_str(), 0644);
  EXPECT_FALSE(Vault::open(path).ok());
  std::filesystem::remove_all(dir);
}

TEST(Passwords, Argon2idHashesVerify) {
  const auto h = hash_password("een lang wachtwoord");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(h, "een lang wachtwoord"));
  EXPECT_FALSE(verify_password(h, "een ander wachtwoord"));
  EXPECT_FALSE(verify_password("", "x"));
}

}  // namespace
}  // namespace meedoen
