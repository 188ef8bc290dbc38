// The message catalogue: every language has every key, and each role reads one form of address.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace meedoen {
namespace {

boost::json::object load(const std::string& lang) {
  std::ifstream in(std::string(MEEDOEN_SOURCE_DIR) + "/messages/" + lang + ".json");
  std::stringstream ss;
  ss << in.rdbuf();
  return boost::json::parse(ss.str()).as_object();
}

bool formal(const std::string& text) {
  static const std::regex re(R"((^|[^A-Za-z])(u|uw|U|Uw|uzelf)([^A-Za-z]|$))");
  return std::regex_search(text, re);
}

// Texts that address the reader as "u" on pages no peer worker sees: before log-in, a partner's
// link, the inbox of a receiving organisation, administration, the funder's figures, a direct
// request (wijkteam and host).
const std::set<std::string> kNotForPeers = {
    "login_intro", "error.login.missing", "figures_intro", "error.user.disable_self",
    "request_new_intro", "referrals_title", "referrals_intro", "referral_note_help", "link_intro",
    "link_once", "link_reveal_help", "link_thanks", "error.referral.reason_required",
    "error.meeting.undecided", "decision_required_help", "wishes_help",
    // mail to a partner organisation
    "mail_referral_no_answer"};

TEST(Messages, EnglishHasEveryDutchKey) {
  const auto nl = load("nl"), en = load("en");
  for (const auto& [k, v] : nl) EXPECT_TRUE(en.contains(k)) << k;
}

TEST(Messages, PeersAreAddressedAsJeOnEveryTextTheySee) {
  const auto nl = load("nl"), je = load("nl-je");
  for (const auto& [k, v] : je) {
    EXPECT_TRUE(nl.contains(k)) << "informal text for a key Dutch lacks: " << k;
    EXPECT_FALSE(formal(std::string(v.as_string()))) << k << " still says u";
  }
  for (const auto& [k, v] : nl) {
    const std::string key(k);
    if (!formal(std::string(v.as_string())) || kNotForPeers.count(key)) continue;
    EXPECT_TRUE(je.contains(key)) << key
                                  << " says u and has no je form for peers: " << v.as_string();
  }
}

}  // namespace
}  // namespace meedoen
