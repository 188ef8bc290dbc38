// The `meedoen` command: serve the web app, run migrations, load demo data, manage users and
// verify the audit chain. Settings come from flags, the environment (MEEDOEN_DB, MEEDOEN_KEY_FILE,
// MEEDOEN_LISTEN, MEEDOEN_ROOT) or an INI config file given with --config.
#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/app.hpp"
#include "web/logging.hpp"
#include "web/mailer.hpp"
#include "web/server.hpp"
#include "web/site.hpp"

namespace {

using meedoen::App;
using meedoen::AppConfig;

// What an operator reads when the database or key cannot be opened (docs/operations.md says more).
std::string explain(const meedoen::Error& e) {
  const std::string& k = e.message_key;
  if (k == "error.vault.key_missing")
    return "the key file " + e.detail +
           " is missing, but this database already holds sealed names. "
           "No new key was made: names sealed with the old key could never be read again. Put the "
           "right key file back (from where you keep key backups), see docs/operations.md, \"Key "
           "recovery\".";
  if (k == "error.vault.key_mismatch")
    return "the key file " + e.detail +
           " does not belong to this database (its key check value does "
           "not match). Nothing was changed. Use the key file that was made with this database; "
           "see "
           "docs/operations.md, \"Key recovery\".";
  if (k == "error.vault.key_permissions")
    return "the key file " + e.detail + " may be readable by others; make it 0600 (chmod 600).";
  if (k == "error.vault.key_size") return "the key file " + e.detail + " is not a 32-byte key.";
  if (k == "error.vault.key_write") return "the key file " + e.detail + " cannot be created.";
  if (k == "error.database_busy")
    return "the database is locked by another program past the busy timeout: " + e.detail;
  if (k == "error.migration" && e.detail.find("(42501)") != std::string::npos)
    return "the schema must be created or upgraded, and this database role may not: run "
           "`meedoen migrate` as the owner of the database (docs/operations.md). " +
           e.detail;
  return "cannot open the database or key: " + k + " " + e.detail;
}

std::unique_ptr<App> open_app(const AppConfig& cfg) {
  auto app = App::open(cfg);
  if (!app) {
    std::cerr << "meedoen: " << explain(app.error()) << "\n";
    std::exit(2);
  }
  return std::move(*app);
}

// A server holds a shared lock on "<db>.lock" while it runs (several may), so that restore can
// tell that the database is in use and refuse to replace it. The lock goes with the process, also
// on kill -9.
int lock_file(const std::string& db, int how) {
  const std::string path = db + ".lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (::flock(fd, how | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

int fail(const meedoen::Error& e) {
  std::cerr << "meedoen: " << e.message_key << (e.field.empty() ? "" : " (" + e.field + ")")
            << "\n";
  return 1;
}

// Where the templates, texts and static files are, found from the program's own location: an
// installed program (bin/meedoen) has them in share/meedoen beside bin/, a program built in a
// checkout (build/meedoen) in the checkout itself. Empty when neither has them.
std::string default_root() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  for (const fs::path& candidate :
       {exe.parent_path().parent_path() / "share" / "meedoen", exe.parent_path().parent_path()})
    if (fs::is_directory(candidate / "templates") && fs::is_directory(candidate / "messages"))
      return candidate.string();
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Meedoen: signaleringsoverleg, Vliegende Brigade and Zelfregiecentrum"};
  cli.set_config("--config", "", "Read settings from an INI/TOML file");
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may follow the subcommand: `meedoen demo --db x.db`
  AppConfig cfg;
  std::string root = default_root();
  cli.add_option("--db", cfg.db_path, "SQLite database file, or a postgresql:// URL")
      ->envname("MEEDOEN_DB")
      ->capture_default_str();
  cli.add_option("--key-file", cfg.key_file, "Identity vault key file (created 0600 on first run)")
      ->envname("MEEDOEN_KEY_FILE")
      ->capture_default_str();
  cli.add_option("--root", root,
                 "Folder with templates/, messages/ and static/ (default: found from the program's "
                 "location)")
      ->envname("MEEDOEN_ROOT")
      ->capture_default_str();
  bool verbose = false;
  cli.add_flag("-v,--verbose", verbose, "Log every request");
  std::string log_format = "text";
  cli.add_option("--log-format", log_format,
                 "text, or json: one JSON object per line, with the request id")
      ->check(CLI::IsMember({"text", "json"}))
      ->envname("MEEDOEN_LOG_FORMAT")
      ->capture_default_str();

  auto* serve = cli.add_subcommand("serve", "Serve the web app");
  std::string listen = "127.0.0.1:8080";
  int threads = 2;
  bool secure_cookies = false;
  std::string trusted_proxy;
  serve->add_option("--listen", listen, "Address and port to listen on")
      ->envname("MEEDOEN_LISTEN")
      ->capture_default_str();
  serve->add_option("--threads", threads, "Worker threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve
      ->add_option("--idle-timeout", cfg.idle_timeout_seconds,
                   "Seconds of inactivity before log-out")
      ->capture_default_str();
  serve->add_flag("--secure-cookies", secure_cookies, "Mark cookies Secure (behind a TLS proxy)")
      ->envname("MEEDOEN_SECURE_COOKIES");
  serve
      ->add_option("--trusted-proxy", trusted_proxy,
                   "Address of the TLS proxy in front; only its X-Forwarded-For and "
                   "X-Forwarded-Proto are believed")
      ->envname("MEEDOEN_TRUSTED_PROXY");
  std::vector<std::string> metrics_allow;
  serve
      ->add_option("--metrics-allow", metrics_allow,
                   "Addresses or networks that may read /metrics (127.0.0.1, 10.0.0.0/8; "
                   "repeat or separate with commas); none by default")
      ->delimiter(',')
      ->envname("MEEDOEN_METRICS_ALLOW");
  meedoen::web::SmtpOptions smtp;
  std::string base_url_value = "http://127.0.0.1:8080";  // links in mail start with this
  serve
      ->add_option("--smtp-host", smtp.host,
                   "SMTP relay for notices and referral links (empty: mail waits in the outbox)")
      ->envname("MEEDOEN_SMTP_HOST");
  serve->add_option("--smtp-port", smtp.port, "SMTP relay port")
      ->envname("MEEDOEN_SMTP_PORT")
      ->capture_default_str();
  serve->add_option("--smtp-from", smtp.from, "Sender address")
      ->envname("MEEDOEN_SMTP_FROM")
      ->capture_default_str();
  auto* base_url = serve
                       ->add_option("--base-url", base_url_value,
                                    "The address people use to reach Meedoen, for links in mail")
                       ->envname("MEEDOEN_BASE_URL")
                       ->capture_default_str();
  serve
      ->add_option("--checkout-grace", cfg.checkout_grace_minutes,
                   "Minutes after the expected time before a check-out is flagged")
      ->check(CLI::Range(0, 240))
      ->capture_default_str();
  serve
      ->add_option(
          "--brigade-phone", cfg.brigade_phone,
          "The brigade's phone number, shown to a peer at a visit beside the check-out button")
      ->envname("MEEDOEN_BRIGADE_PHONE");
  serve->add_flag(
      "--cap-counts-attempts", cfg.cap_counts_attempts,
      "Count visits without contact (not home, door not opened) toward a peer's weekly cap");
  serve
      ->add_option("--referral-response-days", cfg.referral_response_days,
                   "Days without an answer before a referral is flagged")
      ->check(CLI::Range(1, 90))
      ->capture_default_str();
  serve
      ->add_option(
          "--session-cache", cfg.session_cache_seconds,
          "Seconds a session read from the database is trusted in this process; with several "
          "processes, a log-out elsewhere takes effect here within this time (0 = always read)")
      ->envname("MEEDOEN_SESSION_CACHE")
      ->check(CLI::Range(0, 60))
      ->capture_default_str();

  cli.add_option("--busy-timeout", cfg.store.busy_timeout_ms,
                 "Milliseconds a write waits for another program's lock on the database before it "
                 "gives up (503)")
      ->check(CLI::Range(50, 60000))
      ->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "Run pending schema migrations");
  auto* migrate_store = cli.add_subcommand(
      "migrate-store",
      "Copy a city from a SQLite file into an empty PostgreSQL database, audit chain included");
  std::string copy_from;
  std::string copy_to;
  migrate_store->add_option("--from", copy_from, "The SQLite database file")
      ->required()
      ->check(CLI::ExistingFile);
  migrate_store->add_option("--to", copy_to, "The PostgreSQL database (postgresql://...)")
      ->required();
  auto* backup = cli.add_subcommand(
      "backup", "Take a consistent copy of the database while it is in use, and check it");
  std::string backup_file;
  backup->add_option("file", backup_file, "Where the copy goes (must not exist)")->required();
  auto* restore = cli.add_subcommand(
      "restore", "Put a backup in place of the database (not while a server uses it)");
  std::string restore_file;
  restore->add_option("file", restore_file, "The backup to restore")
      ->required()
      ->check(CLI::ExistingFile);
  auto* demo = cli.add_subcommand("demo", "Fill an empty database with demo data for Leiden");

  auto* user = cli.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  user->fallthrough();
  auto* user_add = user->add_subcommand("add", "Add a user");
  meedoen::NewUserInput nu;
  std::int64_t org_id = 0;
  std::vector<std::int64_t> wijk_ids;
  user_add->add_option("username", nu.username, "Log-in name")->required();
  user_add->add_option("--name", nu.display_name, "Full name")->required();
  user_add
      ->add_option("--role", nu.role,
                   "member, chair, peer, coordinator, host, wijkteam, funder, admin")
      ->required();
  user_add->add_option("--org", org_id, "Organisation id")->required();
  user_add->add_option("--wijk", wijk_ids, "Wijk id (repeat for several)");
  user_add->add_option("--password", nu.password, "Initial password (or MEEDOEN_PASSWORD)")
      ->envname("MEEDOEN_PASSWORD")
      ->required();
  auto* user_disable = user->add_subcommand("disable", "Disable a user");
  std::string username;
  user_disable->add_option("username", username, "Log-in name")->required();
  auto* user_reset = user->add_subcommand("reset-password", "Set a new password");
  std::string new_password;
  user_reset->add_option("username", username, "Log-in name")->required();
  user_reset->add_option("--password", new_password, "New password (or MEEDOEN_PASSWORD)")
      ->envname("MEEDOEN_PASSWORD")
      ->required();

  auto* org = cli.add_subcommand("org", "Manage organisations");
  org->require_subcommand(1);
  org->fallthrough();
  auto* org_add =
      org->add_subcommand("add", "Add an organisation (the first one comes before any user)");
  meedoen::Organisation new_org;
  org_add->add_option("name", new_org.name, "Name")->required();
  org_add
      ->add_option("--kind", new_org.kind,
                   "huisarts, police, housing, wijkteam, ggz, addiction_care, centre, welfare, "
                   "client_organisation, municipality, residents, other")
      ->required();

  auto* audit = cli.add_subcommand("audit", "The audit trail");
  audit->require_subcommand(1);
  audit->fallthrough();
  auto* verify = audit->add_subcommand(
      "verify", "Check the hash chain; exits 1 when an entry was altered or removed");

  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);
  meedoen::web::LogFormat format = meedoen::web::LogFormat::kText;
  (void)meedoen::web::parse_log_format(log_format, format);
  meedoen::web::set_log_format(format);

  if (*migrate) {
    auto app = open_app(cfg);
    std::cout << "schema version " << app->operations().schema_version() << "\n";
    return 0;
  }
  if (*migrate_store) {
    if (!meedoen::is_postgres_url(copy_to) || meedoen::is_postgres_url(copy_from)) {
      std::cerr << "meedoen: --from is a SQLite file and --to a postgresql:// URL\n";
      return 2;
    }
    // The source must open with this key and have an intact chain before anything is copied.
    {
      AppConfig from_cfg = cfg;
      from_cfg.db_path = copy_from;
      const auto r = open_app(from_cfg)->audit().verify();
      if (!r.ok) {
        std::cerr << "meedoen: the audit chain of " << copy_from << " is broken at entry "
                  << r.first_bad_seq << ": " << r.problem << ". Nothing was copied.\n";
        return 1;
      }
    }
    auto copied = meedoen::copy_sqlite_to_postgres_store(
        copy_from, copy_to,
        [](const std::string& table) { std::cout << table << " " << std::flush; });
    std::cout << "\n";
    if (!copied) {
      std::cerr << "meedoen: nothing was copied: " << copied.error().message_key << " "
                << copied.error().detail << "\n";
      return 1;
    }
    std::int64_t rows = 0;
    for (const auto& t : *copied) rows += t.rows;
    AppConfig to_cfg = cfg;
    to_cfg.db_path = copy_to;
    const auto r = open_app(to_cfg)->audit().verify();
    if (!r.ok) {
      std::cerr << "meedoen: the copy's audit chain is broken at entry " << r.first_bad_seq << ": "
                << r.problem << "\n";
      return 1;
    }
    std::cout << "copied " << rows << " rows in " << copied->size()
              << " tables; every table has as many rows as the source; audit chain intact on "
                 "the target ("
              << r.checked << " entries)\n";
    return 0;
  }
  if (*backup) {
    auto app = open_app(cfg);
    if (auto st = app->operations().backup(backup_file); !st) {
      std::cerr << "meedoen: backup failed: " << st.error().message_key << " " << st.error().detail
                << "\n";
      return 1;
    }
    if (meedoen::is_postgres_url(cfg.db_path)) {
      // pg_dump's archive is checked by restoring it (pg_restore; docs/operations.md).
      std::cout << "backup written to " << backup_file << " with pg_dump (custom format)\n";
      return 0;
    }
    AppConfig copy_cfg = cfg;
    copy_cfg.db_path = backup_file;
    auto copy = open_app(copy_cfg);
    if (const auto problems = copy->operations().integrity_problems(); !problems.empty()) {
      std::cerr << "meedoen: the copy failed its integrity check:\n" << problems;
      return 1;
    }
    const auto r = copy->audit().verify();
    if (!r.ok) {
      std::cerr << "meedoen: the copy's audit chain is broken at entry " << r.first_bad_seq << ": "
                << r.problem << "\n";
      return 1;
    }
    std::cout << "backup written to " << backup_file
              << " and checked: integrity ok, audit chain intact (" << r.checked << " entries)\n";
    return 0;
  }
  if (*restore) {
    if (meedoen::is_postgres_url(cfg.db_path)) {
      std::cerr << "meedoen: a PostgreSQL database is restored with pg_restore, then checked with "
                   "`meedoen audit verify` (docs/operations.md). Nothing was changed.\n";
      return 1;
    }
    const int fd = lock_file(cfg.db_path, LOCK_EX);
    if (fd < 0) {
      std::cerr << "meedoen: " << cfg.db_path
                << " is in use by a running server; stop it first. Nothing was changed.\n";
      return 1;
    }
    // Check the backup before anything is replaced: it opens with this key, is sound, and its
    // audit chain is intact.
    const std::string staged = cfg.db_path + ".restoring";
    std::error_code ec;
    std::filesystem::remove(staged, ec);
    std::filesystem::copy_file(restore_file, staged, ec);
    if (ec) {
      std::cerr << "meedoen: cannot copy " << restore_file << ": " << ec.message() << "\n";
      return 1;
    }
    {
      AppConfig staged_cfg = cfg;
      staged_cfg.db_path = staged;
      auto app = open_app(staged_cfg);
      const auto problems = app->operations().integrity_problems();
      const auto r = app->audit().verify();
      if (!problems.empty() || !r.ok) {
        std::cerr << "meedoen: the backup failed its checks; nothing was changed.\n"
                  << problems << r.problem << "\n";
        std::filesystem::remove(staged, ec);
        return 1;
      }
    }
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(cfg.db_path + suffix, ec);
    std::filesystem::rename(staged, cfg.db_path, ec);
    if (ec) {
      std::cerr << "meedoen: cannot put the backup in place: " << ec.message() << "\n";
      return 1;
    }
    std::cout << "restored " << restore_file << " to " << cfg.db_path << "\n";
    ::close(fd);
    return 0;
  }
  if (*demo) {
    auto app = open_app(cfg);
    std::vector<std::pair<std::string, std::string>> logins;
    if (auto st = app->demo().load(&logins); !st) return fail(st.error());
    std::cout << "Demo data loaded. Log in at http://" << listen
              << " with (password for all: " << (logins.empty() ? "" : logins.front().second)
              << "):\n";
    for (const auto& [u, p] : logins) std::cout << "  " << u << "\n";
    return 0;
  }
  if (*user_add) {
    auto app = open_app(cfg);
    nu.org = meedoen::OrgId(org_id);
    for (auto w : wijk_ids) nu.wijken.emplace_back(w);
    auto id = app->admin().create_user(nullptr, nu);
    if (!id) return fail(id.error());
    std::cout << "user " << nu.username << " added (id " << id->value << ")\n";
    return 0;
  }
  if (*org_add) {
    auto app = open_app(cfg);
    auto id = app->admin().create_org(nullptr, new_org);
    if (!id) return fail(id.error());
    std::cout << "organisation " << new_org.name << " added (id " << id->value << ")\n";
    return 0;
  }
  if (*user_disable) {
    auto app = open_app(cfg);
    if (auto st = app->admin().set_user_active(nullptr, username, false); !st)
      return fail(st.error());
    std::cout << "user " << username << " disabled\n";
    return 0;
  }
  if (*user_reset) {
    auto app = open_app(cfg);
    if (auto st = app->admin().reset_password(nullptr, username, new_password); !st)
      return fail(st.error());
    std::cout << "password of " << username << " reset\n";
    return 0;
  }
  if (*verify) {
    auto app = open_app(cfg);
    const auto r = app->audit().verify();
    if (!r.ok) {
      std::cerr << "audit chain BROKEN at entry " << r.first_bad_seq << ": " << r.problem << "\n";
      return 1;
    }
    std::cout << "audit chain intact: " << r.checked << " entries\n";
    return 0;
  }
  if (*serve) {
    if (root.empty()) {
      std::cerr << "meedoen: cannot find the templates, texts and static files next to the "
                   "program; give their folder with --root\n";
      return 1;
    }
    if (base_url->count() == 0) base_url_value = "http://" + listen;
    auto app = open_app(cfg);
    // SQLite only: a restore replaces the file, so it waits for every server to let go.
    if (!meedoen::is_postgres_url(cfg.db_path) && lock_file(cfg.db_path, LOCK_SH) < 0) {
      std::cerr << "meedoen: " << cfg.db_path
                << " is being restored (or its .lock file cannot be made); try again after.\n";
      return 2;
    }
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
      std::cerr << "meedoen: --listen needs address:port\n";
      return 2;
    }
    meedoen::web::ServerOptions so;
    so.address = listen.substr(0, colon);
    so.port = static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
    so.threads = threads;
    so.housekeeping = [&app] { app->operations().maintain(); };
    try {
      meedoen::web::Site site(*app,
                              {root, secure_cookies, trusted_proxy, metrics_allow, base_url_value});
      so.plain_text = [&site](int status) { return site.plain_text(status); };
      meedoen::web::Server server(
          so, [&site](const meedoen::web::Request& r) { return site.handle(r); });
      std::unique_ptr<meedoen::web::Mailer> mailer;
      if (!smtp.host.empty()) {
        mailer = std::make_unique<meedoen::web::Mailer>(*app, site.views(), smtp, base_url_value);
        spdlog::info("Mail goes through {}:{}", smtp.host, smtp.port);
      }
      spdlog::info("Meedoen listens on http://{}:{}", so.address, server.port());
      server.run(true);
    } catch (const std::exception& e) {
      std::cerr << "meedoen: " << e.what() << "\n";
      return 2;
    }
    return 0;
  }
  return 0;
}
