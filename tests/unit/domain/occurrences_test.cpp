// The waiting list of an occurrence (domain/occurrences.hpp): places go by the order of signing
// up, and a place given back goes to the first who waits.
#include "domain/occurrences.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

Signup signup(std::int64_t id, const std::string& name, Timestamp at, Timestamp cancelled = 0) {
  Signup s;
  s.id = SignupId(id);
  s.name = name;
  s.created_at = at;
  s.cancelled_at = cancelled;
  return s;
}

// "Ans+" has a place, "Bo:2" waits second in line.
std::string standing(int capacity, const std::vector<Signup>& list) {
  std::string out;
  for (const auto& p : places(capacity, list)) {
    if (!out.empty()) out += ' ';
    out += p.signup->name + (p.has_place ? "+" : ":" + std::to_string(p.waiting));
  }
  return out;
}

TEST(Occurrences, PlacesGoByTheOrderOfSigningUp) {
  struct Case {
    const char* what;
    int capacity;
    std::vector<Signup> list;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"no one yet", 3, {}, ""},
      {"no limit: everyone has a place",
       0,
       {signup(1, "Ans", 10), signup(2, "Bo", 11), signup(3, "Cas", 12)},
       "Ans+ Bo+ Cas+"},
      {"exactly full", 2, {signup(1, "Ans", 10), signup(2, "Bo", 11)}, "Ans+ Bo+"},
      {"one too many waits first in line",
       2,
       {signup(1, "Ans", 10), signup(2, "Bo", 11), signup(3, "Cas", 12)},
       "Ans+ Bo+ Cas:1"},
      {"the order is the time, not the id",
       1,
       {signup(7, "Late", 20), signup(9, "Early", 5)},
       "Early+ Late:1"},
      {"at the same second the id decides",
       1,
       {signup(9, "Second", 5), signup(3, "First", 5)},
       "First+ Second:1"},
      {"a place given back goes to the first who waits",
       2,
       {signup(1, "Ans", 10, 30), signup(2, "Bo", 11), signup(3, "Cas", 12), signup(4, "Dirk", 13)},
       "Bo+ Cas+ Dirk:1"},
      {"a waiting one who cancels lets the next move up in line",
       1,
       {signup(1, "Ans", 10), signup(2, "Bo", 11, 40), signup(3, "Cas", 12)},
       "Ans+ Cas:1"},
      {"signing up again after cancelling goes to the back",
       1,
       {signup(1, "Ans", 10, 20), signup(2, "Bo", 15), signup(3, "Ans", 25)},
       "Bo+ Ans:1"},
  };
  for (const auto& c : cases) EXPECT_EQ(standing(c.capacity, c.list), c.expected) << c.what;
}

TEST(Occurrences, TheWaitingListHasAnEnd) {
  EXPECT_EQ(signup_room(0, 0), kSignupsMax);
  EXPECT_EQ(signup_room(0, kSignupsMax), 0);
  // Four places and a waiting list of kWaitingMin.
  EXPECT_EQ(signup_room(4, 0), 4 + kWaitingMin);
  EXPECT_EQ(signup_room(4, 4 + kWaitingMin), 0);
  // Thirty places: the waiting list may be as long as that.
  EXPECT_EQ(signup_room(30, 59), 1);
  EXPECT_EQ(signup_room(30, 60), 0);
  EXPECT_EQ(signup_room(3, 100), 0);
}

TEST(Occurrences, ANameIsOnTheListOnce) {
  const std::vector<Signup> list = {signup(1, "Ans", 10), signup(2, "Bo de Vries", 11),
                                    signup(3, "Cas", 12, 20)};
  EXPECT_EQ(signup_problem(4, list, "Dirk"), "");
  EXPECT_EQ(signup_problem(4, list, "  ans "), "error.signup.already");
  EXPECT_EQ(signup_problem(4, list, "bo  de vries"), "error.signup.already");
  // Cas cancelled, and may sign up again.
  EXPECT_EQ(signup_problem(4, list, "Cas"), "");
  EXPECT_EQ(signup_problem(4, list, "   "), "error.signup.name_required");
  EXPECT_EQ(signup_problem(4, list, std::string(kSignupNameMax + 1, 'a')), "error.too_long");
  std::vector<Signup> full;
  for (int i = 0; i < 1 + kWaitingMin; ++i)
    full.push_back(signup(i + 1, "n" + std::to_string(i), i));
  EXPECT_EQ(signup_problem(1, full, "Eva"), "error.signup.full");
}

}  // namespace
}  // namespace meedoen
