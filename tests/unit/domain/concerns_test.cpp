// What a host passes on (domain/concerns.hpp): its routes, and the rules of the form; and the
// name check of free text it uses (domain/text.hpp).
#include "domain/concerns.hpp"

#include <gtest/gtest.h>

#include "domain/text.hpp"

namespace meedoen {
namespace {

TEST(Concerns, EveryRouteHasACode) {
  for (auto r : {ConcernRoute::kBrigade, ConcernRoute::kOverleg, ConcernRoute::kCallBack})
    EXPECT_EQ(parse_concern_route(to_string(r)), r);
  EXPECT_FALSE(parse_concern_route("police"));
  EXPECT_EQ(to_string(ConcernProgress::kOnAgenda), "on_agenda");
}

struct Case {
  ConcernRoute route;
  std::string text;
  bool named, consent, names_in_text;
  std::string key, field;  // the expected problem; empty: none
};

TEST(Concerns, TheFormsRulesAsATable) {
  const std::string long_text(kConcernTextMax + 1, 'a');
  const Case cases[] = {
      {ConcernRoute::kBrigade, "Slaapt slecht, wil praten", false, false, false, "", ""},
      {ConcernRoute::kBrigade, "  ", false, false, false, "error.concern.text_required", "text"},
      {ConcernRoute::kOverleg, long_text, false, false, false, "error.too_long", "text"},
      // With a name only with consent; without a name no name in the text either.
      {ConcernRoute::kOverleg, "Zit vast", true, false, false, "error.concern.consent_required",
       "consent"},
      {ConcernRoute::kOverleg, "Zit vast", true, true, false, "", ""},
      {ConcernRoute::kBrigade, "Ans zit vast", false, false, true, "error.concern.name_in_text",
       "text"},
      {ConcernRoute::kBrigade, "Ans zit vast", true, true, true, "error.concern.name_in_text",
       "text"},
      // A call-back stays at the centre, which knows the name: only for a known visitor.
      {ConcernRoute::kCallBack, "Donderdag na 14 uur", false, false, false,
       "error.concern.call_back_named", "visitor"},
      {ConcernRoute::kCallBack, "Ans: donderdag", true, false, true, "", ""},
  };
  for (const auto& c : cases) {
    const auto [key, field] =
        concern_problem({c.route, c.text, c.named, c.consent}, c.names_in_text);
    EXPECT_EQ(key, c.key) << c.text;
    EXPECT_EQ(field, c.field) << c.text;
  }
}

TEST(Text, NameWordsAreFoundAsWholeWords) {
  EXPECT_EQ(name_words("Jan van der Berg"), (std::vector<std::string>{"jan", "berg"}));
  EXPECT_EQ(name_words("Mo"), std::vector<std::string>{});
  EXPECT_EQ(name_words("Mo", 2), std::vector<std::string>{"mo"});
  EXPECT_TRUE(mentions("Gesprek met MO vandaag", name_words("Mo", 2)));
  EXPECT_FALSE(mentions("Morgen weer", name_words("Mo", 2)));  // a word that starts alike
  EXPECT_TRUE(mentions("Jan, 3e etage", name_words("Jan de Vries")));
}

}  // namespace
}  // namespace meedoen
