// `meedoen migrate-store`: a city's SQLite database copied into PostgreSQL with every row and the
// audit chain intact. Runs in the integration_postgres test (ctest).
#include <sys/wait.h>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

namespace fs = std::filesystem;

class MigrateStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::pg_test_host()) GTEST_SKIP() << "no PostgreSQL cluster (MEEDOEN_TEST_PG_HOST)";
    dir_ = fs::temp_directory_path() / ("meedoen-copy-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::pair<int, std::string> run(const std::string& args) {
    const std::string out = (dir_ / "out").string();
    const std::string cmd = std::string(MEEDOEN_BIN) + " " + args + " --key-file " + key() + " >" +
                            out + " 2>&1 </dev/null";
    const int status = std::system(cmd.c_str());
    std::ifstream in(out);
    std::ostringstream text;
    text << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
  }

  std::string file() const { return (dir_ / "city.db").string(); }
  std::string key() const { return (dir_ / "city.key").string(); }

  fs::path dir_;
};

std::int64_t count(sql::Connection& conn, const std::string& sql) {
  auto s = conn.prepare(sql);
  return s.step() ? s.i64(0) : -1;
}

TEST_F(MigrateStoreTest, ACityArrivesWithEveryRowAndAnIntactAuditChain) {
  ASSERT_EQ(run("demo --db " + file()).first, 0);
  const std::string url = testing::pg_url(testing::create_pg_database());
  auto [code, text] = run("migrate-store --from " + file() + " --to '" + url + "'");
  ASSERT_EQ(code, 0) << text;
  EXPECT_NE(text.find("audit chain intact on the target"), std::string::npos) << text;
  EXPECT_EQ(run("audit verify --db '" + url + "'").first, 0);

  sqlite::SqliteConnection from(file());
  postgres::PgConnection to(url);
  for (const char* table : {"users", "residents", "resident_identity", "signals",
                            "signal_categories", "meetings", "brigade_requests", "visits",
                            "referrals", "audit_log", "default_categories", "outbox_params"}) {
    SCOPED_TRACE(table);
    const std::string sql = std::string("SELECT count(*) FROM ") + table;
    EXPECT_GT(count(from, sql), 0);
    EXPECT_EQ(count(to, sql), count(from, sql));
  }
  // The same rows, not only as many: the audit chain's last hash, a signal's case link, and the
  // counts the triggers rebuilt.
  const char* head = "SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1";
  EXPECT_EQ(count(to, head), count(from, head));
  EXPECT_EQ(count(to, "SELECT count(*) FROM signals WHERE case_id IS NOT NULL"),
            count(from, "SELECT count(*) FROM signals WHERE case_id IS NOT NULL"));
  EXPECT_EQ(count(to, "SELECT sum(n) FROM signal_counts"),
            count(from, "SELECT count(*) FROM signals"));
  // A new row continues after the copied ids.
  EXPECT_GT(count(to, "SELECT nextval(pg_get_serial_sequence('signals', 'id'))"),
            count(from, "SELECT max(id) FROM signals"));

  // A second copy into a database that holds a city is refused, and changes nothing.
  auto again = run("migrate-store --from " + file() + " --to '" + url + "'");
  EXPECT_EQ(again.first, 1);
  EXPECT_NE(again.second.find("target_not_empty"), std::string::npos) << again.second;
  EXPECT_EQ(count(to, "SELECT count(*) FROM signals"), count(from, "SELECT count(*) FROM signals"));
}

}  // namespace
}  // namespace meedoen
