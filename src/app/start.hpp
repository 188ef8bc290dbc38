// The start page of each role and the overview of a wijk.
// One area of the use cases, reached as app.start().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/io.hpp"

namespace meedoen {

class Start {
 public:
  explicit Start(AppContext& ctx) : ctx_(ctx) {}

  Result<StartPage> page(const User& user);
  Result<WijkOverview> wijk_overview(const User& user, WijkId wijk);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
