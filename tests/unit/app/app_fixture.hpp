// A fresh App on a temporary SQLite file with a fixed clock, two wijken and a few users.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "app/app.hpp"
#include "store/store.hpp"

namespace meedoen::testing {

inline constexpr const char* kPassword = "een-test-wachtwoord";

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("meedoen-app-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
    AppConfig cfg;
    cfg.db_path = (dir_ / "t.db").string();
    cfg.key_file = (dir_ / "t.key").string();
    auto clock = std::make_unique<FixedClock>(*parse_local_datetime("2026-11-23T09:00"));
    clock_ = clock.get();
    auto app = App::open(cfg, std::move(clock));
    ASSERT_TRUE(app.ok()) << app.error().message_key << " " << app.error().detail;
    app_ = std::move(*app);

    ASSERT_TRUE(app_->admin()
                    .create_user(nullptr, {"admin", "Admin", kPassword, "admin", org(), {}, false})
                    .ok());
    admin_ = login("admin");
    auto gp = app_->admin().create_org(&admin_, {OrgId(), "Praktijk", "huisarts"});
    auto police = app_->admin().create_org(&admin_, {OrgId(), "Politie", "police"});
    ASSERT_TRUE(gp.ok() && police.ok());
    auto w1 = app_->admin().create_wijk(admin_, {WijkId(), "Meerburg", "Roodenburg", "", "Matilo"},
                                        {"Noord"});
    auto w2 = app_->admin().create_wijk(admin_, {WijkId(), "Stevenshof", "", "", ""}, {"Zuid"});
    ASSERT_TRUE(w1.ok() && w2.ok());
    meerburg_ = *w1;
    stevenshof_ = *w2;
    add("chair", "chair", *gp, {meerburg_});
    add("dokter", "member", *gp, {meerburg_});
    add("agent", "member", *police, {meerburg_});
    add("other", "chair", *police, {stevenshof_});
    chair_ = login("chair");
    gp_ = login("dokter");
    agent_ = login("agent");
    other_ = login("other");
  }

  void TearDown() override {
    app_.reset();
    std::filesystem::remove_all(dir_);
  }

  // The first organisation, made through the operator's path (no actor), as `meedoen org add` does.
  OrgId org() {
    if (!first_org_.valid())
      first_org_ = *app_->admin().create_org(nullptr, {OrgId(), "Gemeente", "municipality"});
    return first_org_;
  }

  void add(const std::string& username, const std::string& role, OrgId o,
           std::vector<WijkId> wijken) {
    auto id = app_->admin().create_user(
        nullptr, {username, username + " Naam", kPassword, role, o, wijken, false});
    ASSERT_TRUE(id.ok()) << id.error().message_key;
  }

  User login(const std::string& username) {
    auto s = app_->accounts().login("", username, kPassword);
    EXPECT_TRUE(s.ok()) << username;
    return s.ok() ? *s->user : User{};
  }

  RaiseSignalInput signal_in(const std::string& name = {},
                             const std::string& text = "Niet buiten gezien") {
    RaiseSignalInput in;
    in.wijk = meerburg_;
    in.identity.name = name;
    in.description = text;
    return in;
  }

  // The whole audit chain, oldest first, read from the test's database.
  std::vector<AuditEntry> audit() {
    auto store = open_sqlite_store((dir_ / "t.db").string());
    EXPECT_TRUE(store.ok());
    std::vector<AuditEntry> out;
    auto tx = (*store)->begin(TxMode::kRead);
    tx->audit().for_each_audit([&](const AuditEntry& e) { out.push_back(e); });
    return out;
  }

  std::string raw_database() {
    std::ostringstream all;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      if (e.path().extension() == ".key") continue;
      std::ifstream in(e.path(), std::ios::binary);
      all << in.rdbuf();
    }
    return all.str();
  }

  std::filesystem::path dir_;
  FixedClock* clock_ = nullptr;
  std::unique_ptr<App> app_;
  OrgId first_org_;
  WijkId meerburg_, stevenshof_;
  User admin_, chair_, gp_, agent_, other_;
};

}  // namespace meedoen::testing
