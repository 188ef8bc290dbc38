#include "privacy/random.hpp"

#include <sodium.h>

namespace meedoen {

std::uint32_t random_below(std::uint32_t upper) { return randombytes_uniform(upper); }

}  // namespace meedoen
