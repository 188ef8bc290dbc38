// Random numbers from the operating system's secure source (libsodium), for codes that must not be
// guessed. The app layer draws them here, so that crypto stays in privacy/.
#pragma once

#include <cstdint>

namespace meedoen {

// A uniformly random number in [0, upper). REQUIRES: upper > 0.
std::uint32_t random_below(std::uint32_t upper);

}  // namespace meedoen
