// The SQLite store's pool, housekeeping and backup, against a real file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>

#include "store/store.hpp"

namespace meedoen {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-store-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    StoreOptions opt;
    opt.busy_timeout_ms = 100;
    opt.pool_wait_ms = 500;
    auto s = open_sqlite_store(path(), opt);
    ASSERT_TRUE(s.ok());
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string path() const { return (dir_ / "t.db").string(); }
  std::uintmax_t wal_size() const {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path() + "-wal", ec);
    return ec ? 0 : n;
  }
  void write_mail(int n, std::size_t bytes) {
    for (int i = 0; i < n; ++i) {
      auto tx = store_->begin(TxMode::kWrite);
      OutboxMail m;
      m.to = "a@example.nl";
      m.subject = "s";
      m.body = std::string(bytes, static_cast<char>('a' + i % 26));
      m.created_at = 1;
      tx->mail().insert_mail(m);
      ASSERT_TRUE(tx->commit().ok());
    }
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, AFailedBeginGivesItsConnectionBackToThePool) {
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  for (int i = 0; i < 10; ++i) EXPECT_THROW(store_->begin(TxMode::kWrite), Unavailable) << i;
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  // All four connections are there: four transactions at once.
  std::vector<std::unique_ptr<Tx>> held;
  for (int i = 0; i < 4; ++i) held.push_back(store_->begin(TxMode::kRead));
  for (auto& tx : held) EXPECT_TRUE(tx->ping());
}

TEST_F(SqliteStoreTest, WaitingForAConnectionIsBounded) {
  std::vector<std::unique_ptr<Tx>> held;
  for (int i = 0; i < 4; ++i) held.push_back(store_->begin(TxMode::kRead));
  EXPECT_THROW(store_->begin(TxMode::kRead), Unavailable);
  held.pop_back();
  EXPECT_TRUE(store_->begin(TxMode::kRead)->ping());
}

TEST_F(SqliteStoreTest, TheWalShrinksBackAfterABurstOfWrites) {
  {
    // A reader that keeps its snapshot through the burst stops checkpoints from resetting the log,
    // as a busy server's readers do.
    auto reader = store_->begin(TxMode::kRead);
    ASSERT_TRUE(reader->mail().pending_mail(0, 1).empty());
    write_mail(60, 200 * 1024);
    EXPECT_GT(wal_size(), 8u * 1024 * 1024);
  }
  store_->maintain();
  EXPECT_LT(wal_size(), 1024u * 1024) << "the -wal file stayed large after the burst";
}

TEST_F(SqliteStoreTest, BackupIsAConsistentCopyAndRefusesToOverwrite) {
  write_mail(20, 1000);
  const std::string dest = (dir_ / "copy.db").string();
  ASSERT_TRUE(store_->backup_to(dest).ok());
  EXPECT_FALSE(store_->backup_to(dest).ok());
  auto copy = open_sqlite_store(dest);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ((*copy)->integrity_problems(), "");
  auto tx = (*copy)->begin(TxMode::kRead);
  EXPECT_EQ(tx->mail().pending_mail(100, 100).size(), 20u);
}

TEST_F(SqliteStoreTest, HealthReportsEachCheck) {
  auto checks = store_->health();
  ASSERT_EQ(checks.size(), 3u);
  for (const auto& c : checks) EXPECT_TRUE(c.ok) << c.name << ": " << c.detail;
  StoreOptions tight;
  tight.min_free_bytes = std::numeric_limits<std::int64_t>::max();
  auto full = open_sqlite_store(path(), tight);
  ASSERT_TRUE(full.ok());
  bool disk_failed = false;
  for (const auto& c : (*full)->health())
    if (c.name == "disk_space") disk_failed = !c.ok;
  EXPECT_TRUE(disk_failed);
}

}  // namespace
}  // namespace meedoen
