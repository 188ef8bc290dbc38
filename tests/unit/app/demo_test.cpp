// The demo data agrees with itself: a signal's text fits the resident's recorded gender, and each
// wijk meets on the day and at the hour its rhythm says.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <random>

#include "app/app.hpp"
#include "domain/time.hpp"

namespace meedoen {
namespace {

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-demo-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    AppConfig cfg;
    cfg.db_path = (dir_ / "d.db").string();
    cfg.key_file = (dir_ / "d.key").string();
    auto app = App::open(cfg);
    ASSERT_TRUE(app.ok());
    ASSERT_TRUE((*app)->demo().load(nullptr).ok());
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }

  // Runs `sql` on the demo database and calls `row` with each row's text columns.
  static void query(const char* sql,
                    const std::function<void(const std::vector<std::string>&)>& row) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2((dir_ / "d.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> cols;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* t = sqlite3_column_text(st, i);
        cols.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
      }
      row(cols);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
  }
  static inline std::filesystem::path dir_;
};

TEST_F(DemoTest, ASignalsTextFitsTheResidentsGender) {
  int checked = 0;
  query(
      "SELECT s.description, r.gender, r.code FROM signals s JOIN residents r ON r.id = "
      "s.resident_id",
      [&](const std::vector<std::string>& c) {
        ++checked;
        if (c[0].rfind("Meneer", 0) == 0 || c[0].rfind("Jonge man", 0) == 0) {
          EXPECT_EQ(c[1], "male") << c[2] << ": " << c[0];
        }
        if (c[0].rfind("Mevrouw", 0) == 0) {
          EXPECT_EQ(c[1], "female") << c[2] << ": " << c[0];
        }
      });
  EXPECT_GT(checked, 20);
}

TEST_F(DemoTest, EachWijkMeetsOnItsOwnDayAndHour) {
  // Meerburg on Tuesday 10:00, Merenwijk on Thursday 13:30, Stevenshof on Wednesday 09:30.
  // In Dutch local time (domain/time), weekday 0 = Monday.
  const std::map<std::string, std::string> when = {
      {"Meerburg", "1 10:00"}, {"Merenwijk", "3 13:30"}, {"Stevenshof", "2 09:30"}};
  int checked = 0;
  query("SELECT w.name, m.starts_at FROM meetings m JOIN wijken w ON w.id = m.wijk_id",
        [&](const std::vector<std::string>& c) {
          ++checked;
          const std::string local = format_datetime_input(std::stoll(c[1]));  // YYYY-MM-DDTHH:MM
          const int weekday = weekday_of_days(*parse_date(local.substr(0, 10)));
          EXPECT_EQ(std::to_string(weekday) + " " + local.substr(11), when.at(c[0]))
              << c[0] << " " << local;
        });
  EXPECT_GT(checked, 6);
}

}  // namespace
}  // namespace meedoen
