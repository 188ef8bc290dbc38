// Plural rules as PO headers write them: each language's numbers take the form gettext gives them.
#include "web/plural_forms.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace meedoen::web {
namespace {

std::string forms_of(const PluralForms& p, std::initializer_list<std::uint64_t> ns) {
  std::string out;
  for (auto n : ns) out += std::to_string(p.index(n));
  return out;
}

TEST(PluralForms, DutchAndEnglishHaveOneFormForOne) {
  const auto p = PluralForms::parse("nplurals=2; plural=(n != 1);");
  EXPECT_EQ(p.count(), 2);
  EXPECT_EQ(forms_of(p, {0, 1, 2, 5, 11, 21, 100}), "1011111");
  EXPECT_EQ(forms_of(PluralForms::parse(" nplurals = 2 ; plural = n==1 ? 0 : 1 "), {0, 1, 2}),
            "101");
}

TEST(PluralForms, LanguagesWithOneFormAndFrench) {
  const auto turkish = PluralForms::parse("nplurals=1; plural=0;");
  EXPECT_EQ(turkish.count(), 1);
  EXPECT_EQ(forms_of(turkish, {0, 1, 2, 1000}), "0000");
  EXPECT_EQ(forms_of(PluralForms::parse("nplurals=2; plural=(n > 1);"), {0, 1, 2}), "001");
}

TEST(PluralForms, PolishArabicAndRussianRulesFromGettextsManual) {
  const auto polish = PluralForms::parse(
      "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);");
  EXPECT_EQ(forms_of(polish, {1, 2, 4, 5, 12, 22, 25, 112}), "01122122");
  const auto russian = PluralForms::parse(
      "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
      "n%100>=20) ? 1 : 2);");
  EXPECT_EQ(forms_of(russian, {1, 11, 21, 2, 12, 22, 5}), "0201212");
  const auto arabic = PluralForms::parse(
      "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
      "n%100>=11 ? 4 : 5);");
  EXPECT_EQ(arabic.count(), 6);
  EXPECT_EQ(forms_of(arabic, {0, 1, 2, 3, 11, 100, 102}), "0123455");
  EXPECT_EQ(forms_of(PluralForms::parse("nplurals=2; plural=!(n - 1 + 0 * 2 / 1);"), {1, 2}), "10");
}

TEST(PluralForms, RefusesWhatItCannotUse) {
  for (const char* bad : {
           "",                                    // nothing
           "plural=(n != 1);",                    // no nplurals
           "nplurals=2;",                         // no expression
           "nplurals=0; plural=0;",               // no forms
           "nplurals=7; plural=0;",               // more than any language needs
           "nplurals=2; plural=(n != 1;",         // unclosed
           "nplurals=2; plural=n ? 1;",           // ? without :
           "nplurals=2; plural=n != 1 junk;",     // trailing text
           "nplurals=2; plural=m != 1;",          // unknown name
           "nplurals=2; plural=2;",               // a form the language lacks
           "nplurals=2; plural=n;",               // form n for n ≥ 2
           "nplurals=2; plural=9999999999 > n;",  // number too large
       }) {
    EXPECT_THROW(PluralForms::parse(bad), std::invalid_argument) << bad;
  }
  std::string deep = "nplurals=2; plural=";
  for (int i = 0; i < 200; ++i) deep += "(";
  deep += "n != 1";
  for (int i = 0; i < 200; ++i) deep += ")";
  EXPECT_THROW(PluralForms::parse(deep + ";"), std::invalid_argument);
  std::string chain = "nplurals=2; plural=0";
  for (int i = 0; i < 10000; ++i) chain += "+0";
  EXPECT_THROW(PluralForms::parse(chain + ";"), std::invalid_argument);
}

TEST(PluralForms, DivisionByZeroIsSafe) {
  EXPECT_EQ(forms_of(PluralForms::parse("nplurals=2; plural=(n % 0 + n / 0) != 0;"), {0, 5}), "00");
}

}  // namespace
}  // namespace meedoen::web
