// A wrong or missing key file stops the program instead of blinding it: the database keeps a key
// check value from the day its vault was set up.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "app/app.hpp"

namespace meedoen {
namespace {

class VaultKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-key-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    cfg_.db_path = (dir_ / "k.db").string();
    cfg_.key_file = (dir_ / "k.key").string();
    auto app = App::open(cfg_);
    ASSERT_TRUE(app.ok()) << app.error().message_key;
    ASSERT_TRUE((*app)->demo().load(nullptr).ok());  // residents with sealed names
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string open_error(const AppConfig& cfg) {
    auto app = App::open(cfg);
    return app.ok() ? std::string("opened") : app.error().message_key;
  }

  std::filesystem::path dir_;
  AppConfig cfg_;
};

TEST_F(VaultKeyTest, TheRightKeyOpens) { EXPECT_EQ(open_error(cfg_), "opened"); }

TEST_F(VaultKeyTest, AMissingKeyFileIsNotReplacedForADatabaseWithSealedData) {
  std::filesystem::rename(cfg_.key_file, cfg_.key_file + ".elders");
  EXPECT_EQ(open_error(cfg_), "error.vault.key_missing");
  EXPECT_FALSE(std::filesystem::exists(cfg_.key_file)) << "a new key file was made";
  std::filesystem::rename(cfg_.key_file + ".elders", cfg_.key_file);
  EXPECT_EQ(open_error(cfg_), "opened");
}

TEST_F(VaultKeyTest, AKeyWithOneFlippedByteIsRefused) {
  std::fstream f(cfg_.key_file, std::ios::in | std::ios::out | std::ios::binary);
  char b = 0;
  f.seekg(17);
  f.get(b);
  f.seekp(17);
  f.put(static_cast<char>(b ^ 0x01));
  f.close();
  EXPECT_EQ(open_error(cfg_), "error.vault.key_mismatch");
}

TEST_F(VaultKeyTest, AnotherDatabasesKeyIsRefused) {
  AppConfig other = cfg_;
  other.db_path = (dir_ / "other.db").string();
  other.key_file = (dir_ / "other.key").string();
  ASSERT_EQ(open_error(other), "opened");  // a new, empty database gets a new key
  AppConfig mixed = cfg_;
  mixed.key_file = other.key_file;
  EXPECT_EQ(open_error(mixed), "error.vault.key_mismatch");
}

}  // namespace
}  // namespace meedoen
