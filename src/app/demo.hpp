// Demo and benchmark data, made through the real use cases.
// One area of the use cases, reached as app.demo().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "domain/entities.hpp"

namespace meedoen {

class App;

class Demo {
 public:
  Demo(AppContext& ctx, App& app) : ctx_(ctx), app_(app) {}

  Status load(std::vector<std::pair<std::string, std::string>>* logins);
  // Synthetic city-scale data for benchmarks (bench/): wijken × residents × years.
  Status generate(int wijken, int residents, int years, unsigned seed);

 private:
  Timestamp now() const { return ctx_.clock->now(); }
  // generate()'s Zelfregiecentra (dataset_centres.cpp): one per wijk with a host
  // (bench.host.<wijk>), a week of activities and a year of counted visitors.
  Status generate_centres(const User& admin, OrgId org, const std::vector<WijkId>& wijken,
                          unsigned seed);

  AppContext& ctx_;
  App& app_;
};

}  // namespace meedoen
