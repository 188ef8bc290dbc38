// Dispatch ranking as a table: each case is a pool of peers and a request, with the order the
// coordinator should see them in.
#include "domain/dispatch.hpp"

#include <gtest/gtest.h>

namespace meedoen {
namespace {

PeerCandidate peer(std::int64_t id, const std::string& name) {
  PeerCandidate c;
  c.peer = UserId(id);
  c.name = name;
  c.profile.user_id = c.peer;
  c.profile.languages = {"nl"};
  c.profile.weekly_cap = 4;
  c.covers_wijk = true;
  c.on_call_blocks = 2;
  return c;
}

std::vector<std::string> order(const RequestNeeds& needs, const std::vector<PeerCandidate>& pool) {
  std::vector<std::string> out;
  for (const auto& r : rank_peers(needs, pool)) out.push_back(r.name + (r.eligible ? "" : "*"));
  return out;
}

struct Case {
  const char* what;
  RequestNeeds needs;
  std::vector<PeerCandidate> pool;
  std::vector<std::string> expected;  // "*" marks a peer shown but not eligible
};

std::vector<Case> cases() {
  std::vector<Case> out;
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    b.knew_resident = true;
    b.on_call_blocks = 0;
    b.covers_wijk = false;
    out.push_back(
        {"continuity ranks first, over availability and wijk", {}, {a, b}, {"Bram", "Anna"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.covers_wijk = false;
    out.push_back(
        {"a peer who covers the wijk ranks above one who does not", {}, {a, b}, {"Bram", "Anna"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.on_call_blocks = 1;
    b.on_call_blocks = 4;
    out.push_back(
        {"more on-call day parts in the window rank higher", {}, {a, b}, {"Bram", "Anna"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    b.profile.languages = {"nl", "ar"};
    RequestNeeds n;
    n.language = "ar";
    out.push_back({"the resident's language", n, {a, b}, {"Bram", "Anna"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.profile.gender = "female";
    b.profile.gender = "male";
    RequestNeeds n;
    n.gender = "female";
    out.push_back({"the preferred gender", n, {b, a}, {"Anna", "Bram"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    b.profile.themes = {"addiction"};
    RequestNeeds n;
    n.theme = "addiction";
    out.push_back({"the requested lived experience", n, {a, b}, {"Bram", "Anna"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.load_this_week = 4;  // at the cap of 4
    b.covers_wijk = false;
    out.push_back({"a peer at the weekly cap is not eligible, whatever else fits",
                   {},
                   {a, b},
                   {"Bram", "Anna*"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.absent_all_window = true;
    a.knew_resident = true;
    out.push_back({"absent for the whole window: not eligible, even with continuity",
                   {},
                   {a, b},
                   {"Bram", "Anna*"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.load_this_week = 3;
    b.load_this_week = 1;
    out.push_back({"otherwise equal: more room under the cap first", {}, {a, b}, {"Bram", "Anna"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram"), c = peer(3, "Cor");
    b.already_assigned = true;
    out.push_back({"a peer already on the request is shown last; ties go by name",
                   {},
                   {c, b, a},
                   {"Anna", "Cor", "Bram*"}});
  }
  {
    auto a = peer(1, "Anna"), b = peer(2, "Bram");
    a.profile.active = false;
    out.push_back({"an inactive profile is not eligible", {}, {a, b}, {"Bram", "Anna*"}});
  }
  return out;
}

TEST(Dispatch, RanksThePoolAsTheTableSays) {
  for (const auto& c : cases()) EXPECT_EQ(order(c.needs, c.pool), c.expected) << c.what;
}

TEST(Dispatch, EverySuggestionSaysWhy) {
  auto a = peer(1, "Anna");
  a.profile.languages = {"nl", "tr"};
  a.knew_resident = true;
  RequestNeeds n;
  n.language = "tr";
  n.theme = "grief";
  const auto ranked = rank_peers(n, {a});
  ASSERT_EQ(ranked.size(), 1u);
  std::vector<std::string> keys;
  for (const auto& r : ranked[0].reasons) keys.push_back(r.key + (r.good ? "+" : "-"));
  EXPECT_EQ(keys,
            (std::vector<std::string>{"rank.knew_resident+", "rank.on_call+", "rank.covers_wijk+",
                                      "rank.room+", "rank.language+", "rank.no_theme-"}));
  EXPECT_EQ(ranked[0].reasons[3].arg, "0/4");
}

TEST(Dispatch, AnEmptyPoolGivesNoSuggestions) { EXPECT_TRUE(rank_peers({}, {}).empty()); }

}  // namespace
}  // namespace meedoen
