// Two `meedoen serve` processes on one PostgreSQL database behave as one: a browser that
// alternates between them stays logged in, a log-out in one holds in the other within the session
// cache's time, every mail goes out once, and a `kill -9` of one during writes loses no write that
// was acknowledged and leaves the audit chain whole. Runs in the integration_postgres test (ctest).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <mutex>

#include "http_fixture.hpp"

namespace meedoen {
namespace {

namespace fs = std::filesystem;

// An SMTP relay for any number of sessions at once, and a slow one: each message takes 150 ms, so
// one mailer's batch is still going out when the other mailer looks at the outbox (every 2 s).
// Keeps every RCPT TO.
class Relay {
 public:
  Relay() : acceptor_(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] {
      for (;;) {
        tcp::socket s(io_);
        boost::system::error_code ec;
        acceptor_.accept(s, ec);
        if (ec || stopping_) return;
        sessions_.emplace_back([this, s = std::move(s)]() mutable { session(s); });
      }
    });
  }
  ~Relay() {
    stopping_ = true;
    boost::system::error_code ec;
    tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ec);  // wakes the accept
    thread_.join();
    for (auto& t : sessions_) t.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::vector<std::string> recipients() {
    std::lock_guard lock(mu_);
    return recipients_;
  }

 private:
  void session(tcp::socket& s) {
    net::streambuf buf;
    auto reply = [&](const std::string& r) {
      boost::system::error_code ec;
      net::write(s, net::buffer(r + "\r\n"), ec);
    };
    reply("220 relay");
    bool data = false;
    for (;;) {
      boost::system::error_code ec;
      net::read_until(s, buf, "\r\n", ec);
      if (ec) return;
      std::istream in(&buf);
      std::string line;
      std::getline(in, line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (data) {
        if (line == ".") {
          data = false;
          std::this_thread::sleep_for(std::chrono::milliseconds(150));
          reply("250 queued");
        }
      } else if (line.rfind("EHLO", 0) == 0) {
        reply("250-relay\r\n250 8BITMIME");
      } else if (line.rfind("RCPT TO:", 0) == 0) {
        std::lock_guard lock(mu_);
        recipients_.push_back(line.substr(8));
        reply("250 ok");
      } else if (line == "DATA") {
        data = true;
        reply("354 go");
      } else if (line == "QUIT") {
        reply("221 bye");
        return;
      } else {
        reply("250 ok");
      }
    }
  }

  net::io_context io_;
  tcp::acceptor acceptor_;
  std::thread thread_;
  std::vector<std::thread> sessions_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::vector<std::string> recipients_;
};

class ProcessesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::pg_test_host()) GTEST_SKIP() << "no PostgreSQL cluster (MEEDOEN_TEST_PG_HOST)";
    dir_ = fs::temp_directory_path() / ("meedoen-procs-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    url_ = testing::pg_url(testing::create_pg_database());
    ASSERT_EQ(run("demo"), 0);
  }
  void TearDown() override {
    for (pid_t pid : servers_) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
    }
    fs::remove_all(dir_);
  }

  std::string key() const { return (dir_ / "live.key").string(); }

  int run(const std::string& command) {
    const std::string cmd = std::string(MEEDOEN_BIN) + " " + command + " --db '" + url_ +
                            "' --key-file " + key() + " >>" + (dir_ / "cli.log").string() +
                            " 2>&1 </dev/null";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  static unsigned short free_port() {
    net::io_context ioc;
    tcp::acceptor a(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    return a.local_endpoint().port();
  }

  // Starts `meedoen serve` on a free port, mailing through `smtp_port`; returns its pid and port
  // once /healthz answers.
  std::pair<pid_t, unsigned short> serve(unsigned short smtp_port) {
    const unsigned short port = free_port();
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    const std::string log = (dir_ / ("serve-" + std::to_string(port) + ".log")).string();
    const std::string smtp = std::to_string(smtp_port);
    const pid_t pid = fork();
    if (pid == 0) {
      std::freopen(log.c_str(), "w", stdout);
      std::freopen(log.c_str(), "a", stderr);
      execl(MEEDOEN_BIN, MEEDOEN_BIN, "serve", "--db", url_.c_str(), "--key-file", key().c_str(),
            "--listen", listen.c_str(), "--smtp-host", "127.0.0.1", "--smtp-port", smtp.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    servers_.push_back(pid);
    for (int i = 0; i < 1200; ++i) {
      try {
        if (Client(port).get("/healthz").status == 200) return {pid, port};
      } catch (const std::exception&) {
      }
      if (waitpid(pid, nullptr, WNOHANG) == pid) break;
      usleep(50 * 1000);
    }
    ADD_FAILURE() << "meedoen serve did not come up";
    return {pid, port};
  }

  std::int64_t count(const std::string& sql) {
    postgres::PgConnection conn(url_);
    auto s = conn.prepare(sql);
    return s.step() ? s.i64(0) : -1;
  }

  fs::path dir_;
  std::string url_;
  std::vector<pid_t> servers_;
};

TEST_F(ProcessesTest, TwoProcessesOnOneDatabaseActAsOneAndSurviveAKill) {
  Relay relay;
  auto [pid_a, a] = serve(relay.port());
  auto [pid_b, b] = serve(relay.port());

  // One browser, alternating: a session made in one process is the session in the other.
  Client gp(a);
  ASSERT_TRUE(gp.login("huisarts"));
  gp.use_port(b);
  ASSERT_EQ(gp.get("/signalen").status, 200);

  // A log-out in B is honoured by A within the session cache's time (2 s): A is asked until it
  // sends the browser to the log-in page, at most 200 times.
  Client leaving(b);
  ASSERT_TRUE(leaving.login("wijkteam"));
  leaving.use_port(a);
  ASSERT_EQ(leaving.get("/signalen").status, 200);  // now in A's cache
  leaving.use_port(b);
  leaving.get("/");
  ASSERT_EQ(leaving.post("/logout", "").status, 303);
  leaving.use_port(a);
  bool out = false;
  for (int i = 0; i < 200 && !out; ++i) {
    out = leaving.get("/signalen").status == 303;
    if (!out) usleep(50 * 1000);
  }
  EXPECT_TRUE(out) << "process A still honoured a session that B had ended";

  // Mail: 30 more mails in the outbox (the demo left some) while both mailers run; each goes out
  // exactly once.
  {
    postgres::PgConnection conn(url_);
    conn.exec(
        "INSERT INTO outbox (to_addr, kind, subject, body, created_at) "
        "SELECT 'p' || i || '@example.nl', '', 'Onderwerp', 'Tekst', 0 "
        "FROM generate_series(1, 30) i");
  }
  for (int i = 0; i < 1200 && count("SELECT count(*) FROM outbox WHERE sent_at = 0") > 0; ++i)
    usleep(50 * 1000);
  EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE sent_at = 0"), 0);
  auto sent = relay.recipients();
  std::map<std::string, int> per_address;
  for (const auto& r : sent) ++per_address[r];
  EXPECT_EQ(sent.size(), static_cast<std::size_t>(count("SELECT count(*) FROM outbox")));
  for (const auto& [address, n] : per_address) {
    const std::string to = address.substr(1, address.size() - 2);  // without < >
    EXPECT_EQ(n, count("SELECT count(*) FROM outbox WHERE to_addr = '" + to + "'"))
        << address << " got " << n;
  }
  EXPECT_EQ(per_address.count("<p30@example.nl>"), 1u);

  // Writes through both, alternating; A is killed with SIGKILL halfway.
  std::vector<std::string> acknowledged;
  int failed = 0;
  for (int i = 0; i < 60; ++i) {
    if (i == 30) {
      kill(pid_a, SIGKILL);
      waitpid(pid_a, nullptr, 0);
      servers_.erase(std::find(servers_.begin(), servers_.end(), pid_a));
    }
    const std::string text = "Proceslast " + std::to_string(i);
    for (unsigned short port : {i % 2 ? a : b, b}) {  // a refused request is tried on B
      gp.use_port(port);
      try {
        gp.get("/signalen/nieuw");
        auto r = gp.post("/signalen", "wijk=1&description=" + encode(text));
        if (r.status == 303) {
          acknowledged.push_back(text);
          break;
        }
      } catch (const std::exception&) {
        ++failed;  // the killed process: no answer, so nothing was acknowledged
      }
    }
  }
  EXPECT_EQ(acknowledged.size(), 60u) << failed << " requests went to the killed process";
  for (const auto& text : acknowledged)
    EXPECT_EQ(count("SELECT count(*) FROM signals WHERE description = '" + text + "'"), 1) << text;

  // One audit chain, whole, after two writers and a kill.
  EXPECT_EQ(run("audit verify"), 0);
  EXPECT_EQ(Client(b).get("/healthz").status, 200);
}

TEST(PostgresRoles, TheAppsRoleThatMayNotMigrateSaysWhoMayAndTheOwnerCan) {
  if (!testing::pg_test_host()) GTEST_SKIP() << "no PostgreSQL cluster (MEEDOEN_TEST_PG_HOST)";
  const std::string database = testing::create_pg_database();
  testing::pg_admin("CREATE ROLE " + database + "_app NOLOGIN");
  testing::pg_admin("CREATE ROLE " + database + "_web LOGIN IN ROLE " + database + "_app");
  const auto dir = fs::temp_directory_path() / ("meedoen-roles-" + database);
  fs::create_directories(dir);
  const auto out = (dir / "out").string();
  auto run = [&](const std::string& user, const std::string& command) {
    const std::string cmd = std::string(MEEDOEN_BIN) + " " + command + " --db '" +
                            testing::pg_url(database, user) + "' --key-file " +
                            (dir / "k").string() + " >" + out + " 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(out);
    std::ostringstream text;
    text << in.rdbuf();
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str());
  };
  auto [code, text] = run(database + "_web", "migrate");
  EXPECT_NE(code, 0);
  EXPECT_NE(text.find("run `meedoen migrate` as the owner"), std::string::npos) << text;
  EXPECT_EQ(run("meedoen", "migrate").first, 0);
  auto as_app = run(database + "_web", "migrate");
  EXPECT_EQ(as_app.first, 0) << as_app.second;
  EXPECT_EQ(run(database + "_web", "audit verify").first, 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace meedoen
