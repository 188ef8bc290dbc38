// A clock that demo and benchmark data set by hand.
#pragma once

#include <memory>

#include "domain/time.hpp"

namespace meedoen {

// Replaces the app's clock by a FixedClock for its lifetime, so demo and benchmark data replay
// history through the real use cases; the real clock comes back when it goes out of scope.
class SimulatedClock {
 public:
  SimulatedClock(std::unique_ptr<Clock>& slot, Timestamp start)
      : slot_(slot), saved_(std::move(slot)) {
    auto sim = std::make_unique<FixedClock>(start);
    clock_ = sim.get();
    slot_ = std::move(sim);
  }
  ~SimulatedClock() { slot_ = std::move(saved_); }
  SimulatedClock(const SimulatedClock&) = delete;
  SimulatedClock& operator=(const SimulatedClock&) = delete;
  FixedClock* operator->() { return clock_; }

 private:
  std::unique_ptr<Clock>& slot_;
  std::unique_ptr<Clock> saved_;
  FixedClock* clock_ = nullptr;
};

}  // namespace meedoen
