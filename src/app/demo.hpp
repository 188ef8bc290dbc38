// Demo and benchmark data, made through the real use cases.
// One area of the use cases, reached as app.demo().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"

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

  AppContext& ctx_;
  App& app_;
};

}  // namespace meedoen
