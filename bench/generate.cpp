// Dataset generator for benchmarks: `meedoen_generate --db city.db --key-file city.key
// --wijken 10 --residents 5000 --years 5`. Logs in as bench.<wijk>.<n> with "bench-password".
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "app/app.hpp"

int main(int argc, char** argv) {
  CLI::App cli{"Generate a synthetic city-scale Meedoen dataset"};
  meedoen::AppConfig cfg;
  int wijken = 10, residents = 5000, years = 5;
  unsigned seed = 42;
  cli.add_option("--db", cfg.db_path, "SQLite file to create")->required();
  cli.add_option("--key-file", cfg.key_file, "Vault key file")->required();
  cli.add_option("--wijken", wijken, "Number of wijken")->capture_default_str();
  cli.add_option("--residents", residents, "Number of residents")->capture_default_str();
  cli.add_option("--years", years, "Years of history")->capture_default_str();
  cli.add_option("--seed", seed, "Random seed")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);
  auto app = meedoen::App::open(cfg);
  if (!app) {
    std::cerr << "cannot open: " << app.error().message_key << " " << app.error().detail << "\n";
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  if (auto st = (*app)->demo().generate(wijken, residents, years, seed); !st) {
    std::cerr << "failed: " << st.error().message_key << " " << st.error().field << "\n";
    return 1;
  }
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "generated " << wijken << " wijken, " << residents << " residents, " << years
            << " years in " << secs << " s\n";
  return 0;
}
