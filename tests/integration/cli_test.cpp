// The `meedoen` program as an operator runs it, as real processes on one database file: backup and
// restore while a server writes, two servers on one file, and a wrong key that stops every command.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string output;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("meedoen-cli-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    ASSERT_EQ(cli({"demo"}).code, 0);
  }
  void TearDown() override {
    for (pid_t pid : servers_) stop(pid);
    fs::remove_all(dir_);
  }

  std::string db() const { return (dir_ / "live.db").string(); }
  std::string key() const { return (dir_ / "live.key").string(); }

  // Runs `meedoen ARGS --db live.db --key-file live.key` (unless the args name their own) and
  // waits.
  CliRun cli(std::vector<std::string> args, bool own_paths = false,
             const std::string& binary = MEEDOEN_BIN) {
    if (!own_paths) args.insert(args.end(), {"--db", db(), "--key-file", key()});
    const std::string out = (dir_ / ("out-" + std::to_string(++runs_))).string();
    std::string cmd = binary;
    for (const auto& a : args) cmd += " '" + a + "'";
    cmd += " >" + out + " 2>&1 </dev/null";
    CliRun r;
    const int status = std::system(cmd.c_str());
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(out);
    std::ostringstream ss;
    ss << in.rdbuf();
    r.output = ss.str();
    return r;
  }

  static unsigned short free_port() {
    net::io_context ioc;
    tcp::acceptor a(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    return a.local_endpoint().port();
  }

  // Starts `meedoen serve` on a free port, with `extra` options; returns its port once /healthz
  // answers. Its output goes to serve_log(port).
  unsigned short serve(const std::vector<std::string>& extra = {}) {
    const unsigned short port = free_port();
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    const std::string log = serve_log(port);
    std::vector<std::string> args = {MEEDOEN_BIN,      "serve", "--db",     db(),
                                     "--key-file",     key(),   "--listen", listen,
                                     "--busy-timeout", "2000"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      std::freopen(log.c_str(), "w", stdout);
      std::freopen(log.c_str(), "a", stderr);
      execv(MEEDOEN_BIN, argv.data());
      _exit(127);
    }
    servers_.push_back(pid);
    // Waits for the event "answers /healthz", bounded by the number of tries.
    for (int i = 0; i < 1200; ++i) {
      try {
        if (Client(port).get("/healthz").status == 200) return port;
      } catch (const std::exception&) {
      }
      if (waitpid(pid, nullptr, WNOHANG) == pid) break;
      usleep(50 * 1000);
    }
    ADD_FAILURE() << "meedoen serve did not come up";
    return port;
  }

  std::string serve_log(unsigned short port) const {
    return (dir_ / ("serve-" + std::to_string(port) + ".log")).string();
  }

  // SIGTERM, and the server must end by itself.
  static bool stop(pid_t pid) {
    if (kill(pid, SIGTERM) != 0) return true;
    int status = 0;
    return waitpid(pid, &status, 0) == pid;
  }

  static std::int64_t count(const std::string& file, const char* sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(file.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
    const std::int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
  }

  static std::string text(const std::string& file, const char* sql) {
    sqlite3* h = nullptr;
    sqlite3_open_v2(file.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &st, nullptr);
    std::string v;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
  }

  // Raises signals as the GP until `stop` is set; counts the answers by status.
  static void write_until(unsigned short port, const std::atomic<bool>& stop_now,
                          std::map<int, int>& statuses) {
    Client c(port);
    if (!c.login("huisarts")) {
      ++statuses[-1];
      return;
    }
    for (int i = 0; !stop_now && i < 400; ++i) {
      c.get("/signalen/nieuw");
      auto r =
          c.post("/signalen", "wijk=1&description=" + encode("Schrijflast " + std::to_string(i)));
      ++statuses[r.status];
    }
  }

  fs::path dir_;
  int runs_ = 0;
  std::vector<pid_t> servers_;
};

// With --log-format json every line is one JSON object; a request's lines carry its id, which the
// answer's X-Request-Id names, and nothing a user typed reaches the log.
TEST_F(CliTest, JsonLogsCarryTheRequestIdAndNoIdentity) {
  const unsigned short port = serve({"--log-format", "json", "--verbose"});
  Client c(port);
  ASSERT_TRUE(c.login("huisarts"));
  c.get("/signalen/nieuw");
  auto r = c.post("/signalen", "wijk=1&name=" + encode("Wilhelmina Zonnebloem") +
                                   "&phone=0612345678&description=" +
                                   encode("Zonnebloem is al weken niet buiten gezien"));
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string id = r.headers["X-Request-Id"];
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(c.get("/signalen?zoek=Zonnebloem").status, 200);
  EXPECT_EQ(c.get("/signalen/abc").status, 400);
  ASSERT_TRUE(stop(servers_.back()));
  servers_.pop_back();

  std::ifstream in(serve_log(port));
  std::string line;
  int lines = 0, with_id = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++lines;
    EXPECT_EQ(line.find("Zonnebloem"), std::string::npos) << line;
    EXPECT_EQ(line.find("Wilhelmina"), std::string::npos) << line;
    EXPECT_EQ(line.find("0612345678"), std::string::npos) << line;
    boost::system::error_code ec;
    const auto v = boost::json::parse(line, ec);
    ASSERT_FALSE(ec) << "not one JSON object: " << line;
    const auto& o = v.as_object();
    for (const char* field : {"time", "level", "message"}) EXPECT_TRUE(o.contains(field)) << line;
    if (o.contains("request_id") && o.at("request_id").as_string() == id) {
      ++with_id;
      EXPECT_NE(std::string(o.at("message").as_string()).find("POST /signalen -> 303"),
                std::string::npos)
          << line;
    }
  }
  EXPECT_GT(lines, 5);
  EXPECT_EQ(with_id, 1) << "the POST's own line";
}

TEST_F(CliTest, BackupWhileAServerWritesIsConsistentAndRestoreWaitsForTheServerToStop) {
  const unsigned short port = serve();
  const std::int64_t before = count(db(), "SELECT count(*) FROM signals");
  std::atomic<bool> done{false};
  std::map<int, int> statuses;
  std::thread writer([&] { write_until(port, done, statuses); });
  while (count(db(), "SELECT count(*) FROM signals") < before + 3)
    usleep(20 * 1000);  // writes are going on
  const std::string copy = (dir_ / "copy.db").string();
  auto b = cli({"backup", copy});
  done = true;
  writer.join();
  ASSERT_EQ(b.code, 0) << b.output;
  EXPECT_NE(b.output.find("audit chain intact"), std::string::npos) << b.output;
  EXPECT_EQ(statuses[500], 0);
  EXPECT_EQ(cli({"backup", copy}).code, 1) << "a backup overwrote a file";

  const std::int64_t in_copy = count(copy, "SELECT count(*) FROM signals");
  const std::int64_t live = count(db(), "SELECT count(*) FROM signals");
  EXPECT_GE(in_copy, before + 3);
  EXPECT_LE(in_copy, live);
  // The copy's audit log is the live log's beginning: same length up to its last entry, and that
  // entry has the same hash (which covers every entry before it).
  const std::int64_t last = count(copy, "SELECT max(seq) FROM audit_log");
  EXPECT_EQ(count(copy, "SELECT count(*) FROM audit_log"), last);
  const std::string at_last = "SELECT hash FROM audit_log WHERE seq = " + std::to_string(last);
  EXPECT_EQ(text(copy, at_last.c_str()), text(db(), at_last.c_str()));
  auto verify_copy = cli({"audit", "verify", "--db", copy, "--key-file", key()}, true);
  EXPECT_EQ(verify_copy.code, 0) << verify_copy.output;

  auto refused = cli({"restore", copy});
  EXPECT_EQ(refused.code, 1);
  EXPECT_NE(refused.output.find("in use"), std::string::npos) << refused.output;
  EXPECT_EQ(count(db(), "SELECT count(*) FROM signals"), live)
      << "restore changed a database in use";

  ASSERT_TRUE(stop(servers_.back())) << "SIGTERM did not stop the server";
  servers_.pop_back();
  auto restored = cli({"restore", copy});
  ASSERT_EQ(restored.code, 0) << restored.output;
  EXPECT_EQ(count(db(), "SELECT count(*) FROM signals"), in_copy);
  EXPECT_EQ(cli({"audit", "verify"}).code, 0);
}

TEST_F(CliTest, TwoServersOnOneFileUnderWriteLoadNeverShowAnErrorOrWedge) {
  const unsigned short a = serve();
  const unsigned short b = serve();
  std::atomic<bool> done{false};
  std::map<int, int> sa, sb, sc;
  std::thread t1([&] { write_until(a, done, sa); });
  std::thread t2([&] { write_until(b, done, sb); });
  std::thread t3([&] { write_until(b, done, sc); });
  t1.join();
  t2.join();
  t3.join();
  for (auto* m : {&sa, &sb, &sc}) {
    for (const auto& [status, n] : *m)
      EXPECT_TRUE(status == 303 || status == 503) << status << " × " << n;
    EXPECT_GT((*m)[303], 0);
  }
  EXPECT_EQ(Client(a).get("/healthz").status, 200);
  EXPECT_EQ(Client(b).get("/healthz").status, 200);
}

TEST_F(CliTest, AWrongKeyStopsEveryCommandWithAClearMessage) {
  {
    std::fstream f(key(), std::ios::in | std::ios::out | std::ios::binary);
    char c = 0;
    f.seekg(3);
    f.get(c);
    f.seekp(3);
    f.put(static_cast<char>(c ^ 0x20));
  }
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"audit", "verify"},
        std::vector<std::string>{"serve", "--listen", "127.0.0.1:0"},
        std::vector<std::string>{"migrate"}}) {
    auto r = cli(args);
    EXPECT_EQ(r.code, 2) << args[0];
    EXPECT_NE(r.output.find("does not belong to this database"), std::string::npos) << r.output;
  }
  fs::remove(key());
  auto missing = cli({"audit", "verify"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.output.find("is missing"), std::string::npos) << missing.output;
  EXPECT_FALSE(fs::exists(key())) << "a new key was made for a database with sealed names";
}

// The server finds its templates from where the program is, not from where it was built: a copy
// of the program away from the checkout, without share/meedoen beside it, says what it misses.
TEST_F(CliTest, AProgramAwayFromItsFilesSaysSoAndOneInstalledFindsThem) {
  fs::create_directories(dir_ / "bin");
  const fs::path copy = dir_ / "bin" / "meedoen";
  fs::copy_file(MEEDOEN_BIN, copy);
  auto lost = cli({"serve", "--listen", "127.0.0.1:0"}, false, copy.string());
  EXPECT_EQ(lost.code, 1) << lost.output;
  EXPECT_NE(lost.output.find("cannot find the templates"), std::string::npos) << lost.output;
  // Installed: share/meedoen beside bin/ holds them. A missing key then stops it before it
  // serves, which shows that it got past finding its files without leaving a server running.
  fs::create_directories(dir_ / "share" / "meedoen");
  for (const char* part : {"templates", "messages", "static"})
    fs::create_directory_symlink(fs::path(MEEDOEN_SOURCE_DIR) / part,
                                 dir_ / "share" / "meedoen" / part);
  auto found = cli({"serve", "--listen", "127.0.0.1:0", "--db", db(), "--key-file",
                    (dir_ / "other.key").string()},
                   true, copy.string());
  EXPECT_EQ(found.code, 2) << found.output;
  EXPECT_NE(found.output.find("is missing"), std::string::npos) << found.output;
}

}  // namespace
}  // namespace meedoen
