// The PO reader: what translators' tools write reads back as written, and a broken file is
// refused with the line of the problem.
#include "web/po.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace meedoen::web {
namespace {

// The line parse_po() refuses `text` at; 0 when it reads it.
int refused_at(const std::string& text, std::string* why = nullptr) {
  try {
    parse_po(text);
  } catch (const PoError& e) {
    if (why) *why = e.reason();
    return e.line();
  }
  return 0;
}

TEST(Po, ReadsTheHeaderCommentsAndEntries) {
  const PoFile f = parse_po(
      "# Meedoen\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Language: nl\\n\"\n"
      "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
      "\n"
      "#. Shown on the start page.\n"
      "#. {0}: a name.\n"
      "#: templates/start/start.mustache:3\n"
      "msgid \"start_hello\"\n"
      "msgstr \"Goedendag {0}\"\n");
  ASSERT_NE(f.header_field("language"), nullptr);
  EXPECT_EQ(*f.header_field("Language"), "nl");
  EXPECT_EQ(*f.header_field("Plural-Forms"), "nplurals=2; plural=(n != 1);");
  EXPECT_EQ(f.header_field("Last-Translator"), nullptr);
  EXPECT_EQ(f.header_line, 2);
  ASSERT_EQ(f.entries.size(), 1u);
  const PoEntry& e = f.entries[0];
  EXPECT_EQ(e.msgid, "start_hello");
  EXPECT_EQ(e.msgstr, std::vector<std::string>{"Goedendag {0}"});
  EXPECT_EQ(e.comments, (std::vector<std::string>{"Shown on the start page.", "{0}: a name."}));
  EXPECT_EQ(e.line, 10);
  EXPECT_FALSE(e.plural());
  EXPECT_FALSE(e.fuzzy);
}

TEST(Po, JoinsStringsOverSeveralLinesAndUnescapes) {
  const PoFile f = parse_po(
      "msgid \"a\"\n"
      "msgstr \"\"\n"
      "\"Kies \\\"wie doet het\\\" \"\n"
      "  \"en \\\\ een\\tdatum.\\n\"\r\n"
      "\"Tweede regel.\"\n");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].msgstr[0], "Kies \"wie doet het\" en \\ een\tdatum.\nTweede regel.");
  EXPECT_EQ(f.header_line, 0);
  EXPECT_TRUE(f.header.empty());
}

TEST(Po, ReadsPluralForms) {
  const PoFile f = parse_po(
      "msgid \"undecided\"\n"
      "msgid_plural \"undecided\"\n"
      "msgstr[0] \"Nog {n} punt\"\n"
      "msgstr[1] \"\"\n"
      "\"Nog {n} punten\"\n"
      "msgid \"next\"\n"
      "msgstr \"Volgende\"\n");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_TRUE(f.entries[0].plural());
  EXPECT_EQ(f.entries[0].msgstr, (std::vector<std::string>{"Nog {n} punt", "Nog {n} punten"}));
  EXPECT_EQ(f.entries[1].msgid, "next");
}

TEST(Po, MarksFuzzyEntriesAndSkipsObsoleteOnes) {
  const PoFile f = parse_po(
      "#, fuzzy, c-format\n"
      "msgid \"a\"\n"
      "msgstr \"Concept\"\n"
      "\n"
      "#~ msgid \"gone\"\n"
      "#~ msgstr \"Weg\"\n"
      "#| msgid \"b-old\"\n"
      "msgid \"b\"\n"
      "msgstr \"B\"\n");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_TRUE(f.entries[0].fuzzy);
  EXPECT_FALSE(f.entries[1].fuzzy);
  EXPECT_EQ(f.entries[1].msgid, "b");
}

TEST(Po, ReadsAByteOrderMarkAndAnEmptyFile) {
  EXPECT_EQ(parse_po("\xEF\xBB\xBFmsgid \"a\"\nmsgstr \"b\"\n").entries.size(), 1u);
  EXPECT_TRUE(parse_po("").entries.empty());
  EXPECT_TRUE(parse_po("# only a comment\n\n").entries.empty());
}

TEST(Po, RefusesBrokenFilesWithTheLine) {
  std::string why;
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\\q\"\n", &why), 2);
  EXPECT_NE(why.find("unknown escape \\q"), std::string::npos) << why;
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"open\n", &why), 2);
  EXPECT_NE(why.find("closing"), std::string::npos) << why;
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\" x\n"), 2);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr b\n"), 2);
  EXPECT_EQ(refused_at("\n\nmsgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", &why), 3);
  EXPECT_NE(why.find("has no msgstr"), std::string::npos) << why;
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\"\nmsgid \"a\"\nmsgstr \"c\"\n", &why), 3);
  EXPECT_NE(why.find("first on line 1"), std::string::npos) << why;
  EXPECT_EQ(refused_at("msgctxt \"x\"\nmsgid \"a\"\nmsgstr \"b\"\n"), 1);
  EXPECT_EQ(refused_at("msgstr \"b\"\n"), 1);
  EXPECT_EQ(refused_at("\"stray\"\n"), 1);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\"\nmsgstr \"c\"\n"), 3);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr \"b\"\n"), 3);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr[0] \"b\"\n"), 2);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[1] \"b\"\n", &why), 3);
  EXPECT_NE(why.find("expected msgstr[0]"), std::string::npos) << why;
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[0] \"b\"\nmsgstr[0] \"c\"\n"), 4);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[x] \"b\"\n"), 3);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\"\nmsgid_plural \"a\"\n"), 3);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\"\nmsgstr_typo \"c\"\n"), 3);
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"\xC3\"\n", &why), 1);
  EXPECT_NE(why.find("UTF-8"), std::string::npos) << why;
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"\xED\xA0\x80\"\n"), 1);  // a surrogate
  EXPECT_EQ(refused_at("msgid \"\"\nmsgstr \"no colon here\\n\"\n"), 1);
  // The last entry of a file needs its msgstr too.
  EXPECT_EQ(refused_at("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\"\n"), 4);
}

TEST(Po, AcceptsUtf8Text) {
  const PoFile f = parse_po("msgid \"a\"\nmsgstr \"coördinator · spoed (1 à 2 dagen) – ✓\"\n");
  EXPECT_EQ(f.entries[0].msgstr[0], "coördinator · spoed (1 à 2 dagen) – ✓");
}

// What a fuzz target would do, in small: a real file cut short or with a byte changed either reads
// or is refused with a PoError, never anything else.
TEST(Po, AnyDamageToARealFileIsReadOrRefused) {
  std::ifstream in(std::string(MEEDOEN_SOURCE_DIR) + "/messages/nl.po", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  ASSERT_GT(text.size(), 10000u);
  EXPECT_GT(parse_po(text).entries.size(), 700u);
  int refused = 0;
  for (std::size_t at = 0; at < text.size(); at += 2999) {
    for (const char c : {'"', '\\', '\n', '[', '#', '\xff'}) {
      std::string damaged = text;
      damaged[at] = c;
      for (const std::string& t : {damaged, text.substr(0, at)}) {
        try {
          parse_po(t);
        } catch (const PoError& e) {
          ++refused;
          EXPECT_GE(e.line(), 1);
        }
      }
    }
  }
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace meedoen::web
