// The message catalogue (messages/*.po): every language has every key with the same placeholders,
// and peer workers read "je" wherever other roles read "u".
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "web/po.hpp"
#include "web/view.hpp"

namespace meedoen::web {
namespace {

// A catalogue's texts by key: the text, or the plural forms.
std::map<std::string, PoEntry> load(const std::string& name) {
  std::ifstream in(std::string(MEEDOEN_SOURCE_DIR) + "/messages/" + name + ".po");
  std::stringstream ss;
  ss << in.rdbuf();
  std::map<std::string, PoEntry> out;
  for (auto& e : parse_po(ss.str()).entries) out[e.msgid] = e;
  return out;
}

bool matches(const PoEntry& e, const std::regex& re) {
  for (const auto& s : e.msgstr)
    if (std::regex_search(s, re)) return true;
  return false;
}

bool formal(const PoEntry& e) {
  static const std::regex re(R"((^|[^A-Za-z])(u|uw|U|Uw|uzelf)([^A-Za-z]|$))");
  return matches(e, re);
}

// Every "{name}" of an entry's texts.
std::set<std::string> placeholders(const PoEntry& e) {
  static const std::regex re(R"(\{[A-Za-z0-9_]+\})");
  std::set<std::string> out;
  for (const auto& s : e.msgstr)
    for (std::sregex_iterator it(s.begin(), s.end(), re), end; it != end; ++it)
      out.insert(it->str());
  return out;
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

TEST(Messages, EnglishHasEveryDutchKeyInTheSameKind) {
  const auto nl = load("nl"), en = load("en");
  for (const auto& [k, e] : nl) {
    const auto it = en.find(k);
    ASSERT_NE(it, en.end()) << k;
    EXPECT_EQ(it->second.plural(), e.plural()) << k << ": plural in one language only";
    EXPECT_FALSE(it->second.fuzzy) << k << " is a draft in English";
  }
}

TEST(Messages, EveryOtherCatalogueHoldsOnlyDutchKeys) {
  const auto nl = load("nl");
  for (const char* name : {"en", "nl-je"})
    for (const auto& [k, e] : load(name)) {
      const auto it = nl.find(k);
      ASSERT_NE(it, nl.end()) << name << ".po has a key Dutch lacks: " << k;
      EXPECT_EQ(it->second.plural(), e.plural()) << name << ".po: " << k;
    }
}

TEST(Messages, PlaceholdersAreTheSameInEveryLanguage) {
  const auto nl = load("nl");
  for (const char* name : {"en", "nl-je"})
    for (const auto& [k, e] : load(name))
      EXPECT_EQ(placeholders(e), placeholders(nl.at(k))) << name << ".po: " << k;
}

TEST(Messages, PeersAreAddressedAsJeOnEveryTextTheySee) {
  const auto nl = load("nl"), je = load("nl-je");
  for (const auto& [k, e] : je) EXPECT_FALSE(formal(e)) << k << " still says u";
  for (const auto& [k, e] : nl) {
    if (!formal(e) || kNotForPeers.count(k)) continue;
    EXPECT_TRUE(je.contains(k)) << k << " says u and has no je form for peers";
  }
}

TEST(Messages, TextsWithANumberTakeItsForm) {
  const Views views(MEEDOEN_SOURCE_DIR);
  // An error's detail is its number.
  EXPECT_EQ(views.message("nl", "error.login.wait", "1"),
            "Te vaak een verkeerd wachtwoord. Wacht 1 minuut en probeer het dan opnieuw.");
  EXPECT_EQ(views.message("en", "error.login.wait", "5"),
            "Too many wrong passwords. Wait 5 minutes and try again.");
  EXPECT_EQ(views.message("nl", "rank.on_call", "1"), "1 dagdeel beschikbaar");
  EXPECT_EQ(views.plural("nl", "agenda_items", 1), "1 punt");
  EXPECT_EQ(views.plural("nl", "agenda_items", 0), "0 punten");
  EXPECT_EQ(views.plural("en", "signals_found", 1), "1 signal");
}

TEST(Messages, NoTextMakesItsPluralByHand) {
  // "punt(en)", "minute(s)", "minuut of minuten": a text with a number has plural forms instead.
  static const std::regex re(R"(\w\((en|s)\)|minuut of minuten|dag of dagen)");
  for (const char* name : {"nl", "en", "nl-je"})
    for (const auto& [k, e] : load(name)) EXPECT_FALSE(matches(e, re)) << name << ".po: " << k;
}

}  // namespace
}  // namespace meedoen::web
