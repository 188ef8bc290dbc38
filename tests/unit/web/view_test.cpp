// The catalogue as Views loads it from messages/*.po: a new language is a new file, Dutch fills
// its gaps, plural texts take the form of their number, and a broken file stops the start.
#include "web/view.hpp"

#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace meedoen::web {
namespace {

namespace fs = std::filesystem;

const char* kHeader =
    "msgid \"\"\n"
    "msgstr \"\"\n"
    "\"Language: %s\\n\"\n"
    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\"Plural-Forms: %s\\n\"\n\n";

std::string header(const std::string& lang,
                   const std::string& plural = "nplurals=2; plural=(n != 1);") {
  std::string h = kHeader;
  h.replace(h.find("%s"), 2, lang);
  h.replace(h.find("%s"), 2, plural);
  return h;
}

// A root with a layout, one page and the given catalogues, removed again at the end of a test.
class Root {
 public:
  explicit Root(const std::map<std::string, std::string>& catalogues) {
    dir_ = fs::temp_directory_path() /
           ("meedoen-view-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_ / "templates");
    fs::create_directories(dir_ / "messages");
    write("templates/layout.mustache", "{{{body}}}");
    write("templates/page.mustache", "{{t.hello}} · {{t.bye}}");
    for (const auto& [name, text] : catalogues) write("messages/" + name + ".po", text);
  }
  ~Root() { fs::remove_all(dir_); }
  std::string path() const { return dir_.string(); }

 private:
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  fs::path dir_;
};

const std::string kDutch = header("nl") +
                           "msgid \"hello\"\nmsgstr \"Hallo\"\n\n"
                           "msgid \"bye\"\nmsgstr \"Dag\"\n\n"
                           "msgid \"items\"\nmsgid_plural \"items\"\n"
                           "msgstr[0] \"{n} punt in {wijk}\"\nmsgstr[1] \"{n} punten in {wijk}\"\n";

// What starting with these catalogues says; empty when it starts.
std::string refusal(const std::map<std::string, std::string>& catalogues) {
  Root root(catalogues);
  try {
    Views views(root.path());
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return {};
}

TEST(ViewsCatalogue, ANewLanguageIsANewFileWithDutchInItsGaps) {
  Root root({{"nl", kDutch},
             {"de", header("de") + "#, fuzzy\nmsgid \"bye\"\nmsgstr \"Tschüss?\"\n\n"
                                   "msgid \"hello\"\nmsgstr \"Guten Tag\"\n"}});
  Views views(root.path());
  const boost::json::object model;
  EXPECT_EQ(views.render("page", model, "de"), "Guten Tag · Dag");  // a draft is not shown
  EXPECT_EQ(views.render("page", model, "nl"), "Hallo · Dag");
  EXPECT_EQ(views.render("page", model, "xx"), "Hallo · Dag");  // an unknown language is Dutch
  EXPECT_EQ(views.message("de", "hello"), "Guten Tag");
  EXPECT_EQ(views.message("de", "missing"), "missing");
}

TEST(ViewsCatalogue, PluralTextsTakeTheFormOfTheirNumber) {
  Root root(
      {{"nl", kDutch},
       {"tr", header("tr", "nplurals=1; plural=0;") +
                  "msgid \"items\"\nmsgid_plural \"items\"\nmsgstr[0] \"{wijk}: {n} madde\"\n"},
       {"en", header("en") + "msgid \"hello\"\nmsgstr \"Hello\"\n"}});
  Views views(root.path());
  EXPECT_EQ(views.plural("nl", "items", 1, {{"wijk", "Noord"}}), "1 punt in Noord");
  EXPECT_EQ(views.plural("nl", "items", 0, {{"wijk", "Noord"}}), "0 punten in Noord");
  EXPECT_EQ(views.plural("nl", "items", -1, {{"wijk", "Noord"}}), "-1 punt in Noord");
  EXPECT_EQ(views.plural("nl", "items", INT64_MIN, {}).substr(0, 4), "-922");
  EXPECT_EQ(views.plural("tr", "items", 1, {{"wijk", "Noord"}}), "Noord: 1 madde");
  EXPECT_EQ(views.plural("tr", "items", 3, {{"wijk", "Noord"}}), "Noord: 3 madde");
  // English lacks it: the Dutch forms, chosen by the Dutch rule.
  EXPECT_EQ(views.plural("en", "items", 2, {}), "2 punten in {wijk}");
  EXPECT_EQ(views.plural("nl", "missing", 2, {}), "missing");
  // An error's detail is its number.
  EXPECT_EQ(views.message("nl", "items", "1"), "1 punt in {wijk}");
  EXPECT_EQ(views.message("nl", "items", "7"), "7 punten in {wijk}");
}

TEST(ViewsCatalogue, ABrokenCatalogueStopsTheStartWithItsFileAndLine) {
  std::string why = refusal({{"nl", kDutch + "\nmsgid \"x\"\nmsgstr \"a\\qb\"\n"}});
  EXPECT_NE(why.find("nl.po:19: unknown escape"), std::string::npos) << why;
  why = refusal({{"nl", kDutch},
                 {"en", header("en") + "msgid \"items\"\nmsgid_plural \"items\"\n"
                                       "msgstr[0] \"{n} item\"\n"}});
  EXPECT_NE(why.find("en.po:7: \"items\" has 1 plural forms, but Plural-Forms says nplurals=2"),
            std::string::npos)
      << why;
  why = refusal({{"nl", kDutch}, {"de", header("de", "nplurals=2; plural=n;")}});
  EXPECT_NE(why.find("de.po:1: Plural-Forms"), std::string::npos) << why;
  why = refusal({{"nl", kDutch}, {"de", "msgid \"hello\"\nmsgstr \"Hallo\"\n"}});
  EXPECT_NE(why.find("de.po:1: there is no header"), std::string::npos) << why;
  why = refusal({{"nl",
                  "msgid \"\"\nmsgstr \"Language: nl\\nPlural-Forms: nplurals=1; "
                  "plural=0;\\n\"\n"}});
  EXPECT_NE(why.find("nl.po:1: the header lacks Content-Type"), std::string::npos) << why;
  why = refusal({{"en", header("en")}});
  EXPECT_NE(why.find("nl.po is missing"), std::string::npos) << why;
  EXPECT_EQ(refusal({{"nl", kDutch}}), "");
}

}  // namespace
}  // namespace meedoen::web
