// The message catalogue (messages/*.po): every language has every key with the same placeholders,
// and each role reads one form of address: "je" for peer workers, "u" for everyone else.
#include <gtest/gtest.h>

#include <algorithm>
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

bool informal(const PoEntry& e) {
  static const std::regex re(
      R"((^|[^A-Za-z'])([Jj]e|[Jj]ij|[Jj]ou|[Jj]ouw|[Jj]ezelf|[Jj]ullie)([^A-Za-z]|$))");
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
    // read out to a visitor by a host
    "consent_centre_known_text", "login_intro", "error.login.missing", "figures_intro",
    "error.user.disable_self", "request_new_intro", "referrals_title", "referrals_intro",
    "referral_note_help", "link_intro", "link_once", "link_reveal_help", "link_thanks",
    "error.referral.reason_required", "error.meeting.undecided", "decision_required_help",
    "wishes_help",
    // the administrator's page of API tokens
    "api_token_copy_now",
    // a Zelfregiecentrum's host pages (Centres, Activities: hosts only)
    "centres_title", "centres_none", "centre_notice_intro", "tally_tags", "tally_tags_help",
    "activities_proposals_help", "saved_voorstel", "headcount_later",
    "error.attendance.fewer_than_known",
    // Concerns: a host passes on that a visitor is not doing well (hosts only)
    "concern_intro", "consent_pass_on_text", "saved_doorgegeven", "saved_doorgegeven_meldcode",
    "saved_terugbellen", "error.concern.consent_required", "error.concern.text_required",
    // Participation: read out to a visitor by a host (hosts only)
    "consent_participation_text",
    // mail to a partner organisation
    "mail_referral_no_answer"};

// Dutch texts that say "je" (nl.po, which every other role reads): only where nobody but a peer
// worker comes. Peer workers' own pages and forms need may_be_assigned() (role peer,
// privacy/access_policy.cpp); the parts of a request's page for the peer's own assignment are
// shown only to the assigned peer, and their forms refuse anyone else. Their confirmations
// (saved_…) follow those forms. A text on a page that others reach as well (a coordinator makes
// referrals too) says "u" in nl.po and "je" in nl-je.po.
const std::set<std::string> kOnlyForPeers = {
    // peers/availability: Peers::settings and its saves
    "availability_intro", "languages", "themes", "themes_help", "weekly_cap", "weekly_cap_help",
    "peer_profile", "notify_email_help", "saved_week",
    // brigade/my_requests and my_past_requests: Brigade::my_requests, also on the start page
    "my_requests_none", "offered_to_you", "your_requests", "your_past_requests_help",
    "cap_counts_all", "cap_counts_contact",
    // a request's page: an offer to the peer, their accepted request (visits, check-in),
    // their debrief (Brigade::respond_assignment, log_visit, check_in, request_debrief)
    "offer_title", "saved_aangenomen", "error.assign.answered", "identity_assigned_help",
    "visit_note", "saved_bezoek", "error.visit.before_assignment", "check_in_help",
    "you_are_inside", "saved_ingecheckt", "saved_uitgecheckt", "error.checkin.minutes",
    "error.checkin.none", "error.checkin.open", "debrief_help", "debrief_note", "saved_napraten",
    // a request the peer worked on before, or another peer's (Brigade::request_detail)
    "request_past_note", "error.request.not_yours"};

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

TEST(Messages, EveryoneElseIsAddressedAsU) {
  const auto nl = load("nl");
  for (const auto& [k, e] : nl) {
    if (kOnlyForPeers.count(k)) continue;
    EXPECT_FALSE(informal(e)) << k << " says je to roles that read u: " << e.msgstr[0];
  }
  // The list names texts that say je (so it cannot hide a text that needs neither), and nl.po
  // tells whoever edits it which ones they are.
  const std::string kNote = "Only peer workers see this text, so it says \"je\".";
  for (const auto& [k, e] : nl) {
    const bool noted = std::find(e.comments.begin(), e.comments.end(), kNote) != e.comments.end();
    EXPECT_EQ(noted, kOnlyForPeers.count(k) == 1) << k << ": the note and kOnlyForPeers differ";
  }
  for (const auto& k : kOnlyForPeers) {
    ASSERT_TRUE(nl.contains(k)) << k;
    EXPECT_TRUE(informal(nl.at(k))) << k << " no longer says je: take it off the list";
  }
}

TEST(Messages, TheFormsOfAddressAreRecognised) {
  PoEntry e;
  e.msgstr = {"Wat wil je doen?"};
  EXPECT_TRUE(informal(e));
  e.msgstr = {"Jouw antwoord"};
  EXPECT_TRUE(informal(e));
  e.msgstr = {"Ga met z'n tweeën, jeugd en jeugdzorg"};
  EXPECT_FALSE(informal(e));
  e.msgstr = {"Wat wilt u doen?"};
  EXPECT_TRUE(formal(e));
  EXPECT_FALSE(informal(e));
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
  // A unit after a number, and a number beside another one.
  EXPECT_EQ(views.plural("nl", "days_n", 1), "1 dag");
  EXPECT_EQ(views.plural("nl", "minutes_n", 90), "90 minuten");
  EXPECT_EQ(views.plural("en", "months_n", 1), "1 month");
  EXPECT_EQ(views.plural("nl", "visits_of_cap", 1, {{"load", "0"}}), "0 van 1 bezoek");
  EXPECT_EQ(views.plural("en", "visits_of_cap", 4, {{"load", "2"}}), "2 of 4 visits");
  // A value given for {n} is shown as given; the form follows the number.
  EXPECT_EQ(views.plural("nl", "days_n", 2, {{"n", "1,5"}}), "1,5 dagen");
}

TEST(Messages, NoTextMakesItsPluralByHand) {
  // "punt(en)", "minute(s)", "minuut of minuten": a text with a number has plural forms instead.
  static const std::regex re(R"(\w\((en|s)\)|minuut of minuten|dag of dagen)");
  for (const char* name : {"nl", "en", "nl-je"})
    for (const auto& [k, e] : load(name)) EXPECT_FALSE(matches(e, re)) << name << ".po: " << k;
}

}  // namespace
}  // namespace meedoen::web
