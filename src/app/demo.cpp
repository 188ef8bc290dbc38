// Demo data for Leiden (fictional people only). The history is replayed through the real use
// cases on a simulated clock, four months back to today, so every state is reached the way users
// reach it and the audit chain is whole. DemoBuilder (app/demo_builder.hpp) tells the story step
// by step; the benchmark data is in dataset.cpp.
#include "app/demo.hpp"

#include "app/demo_builder.hpp"

namespace meedoen {

Status Demo::load(std::vector<std::pair<std::string, std::string>>* logins) {
  // The builder gives the app its real clock back when it goes, at the end of this call.
  DemoBuilder builder(ctx_, app_);
  return builder.build(logins);
}

}  // namespace meedoen
