// Every key the templates and the code use is in Dutch and English, and every Dutch key is used.
// Keys are written out, never put together at run time, so this test finds them all:
//   - {{t.key}} and {{{t.key}}} in templates/**/*.mustache;
//   - string literals given as the key to t(…), plural(…) and Views' message(lang, …),
//     message_with(lang, …), plural(lang, …) and find_message(lang, …) in src/web (such as
//     message(code, "language_name") in view.cpp);
//   - the tables of web/labels.hpp (code → key), read through all_labels();
//   - keys that the layers below web hand up in an Error or a result, which are string literals
//     of the namespaces error., rank., funnel., figures. and plain. in src/ (store, domain,
//     privacy, report, app and web).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "web/labels.hpp"
#include "web/po.hpp"

namespace meedoen::web {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot(MEEDOEN_SOURCE_DIR);

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, PoEntry> catalogue(const std::string& name) {
  std::map<std::string, PoEntry> out;
  for (auto& e : parse_po(read(kRoot / "messages" / (name + ".po"))).entries) out[e.msgid] = e;
  return out;
}

// C++ source without its comments (string and character literals kept, raw strings as well), so
// that a key in a comment counts as neither used nor missing.
std::string without_comments(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "//") == 0) {
      i = s.find('\n', i);
      if (i == std::string::npos) break;
    } else if (s.compare(i, 2, "/*") == 0) {
      const auto end = s.find("*/", i + 2);
      i = end == std::string::npos ? s.size() : end + 2;
      out += ' ';
    } else if (s.compare(i, 2, "R\"") == 0 &&
               (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])))) {
      const auto open = s.find('(', i);
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const auto end = s.find(close, open);
      const auto stop = end == std::string::npos ? s.size() : end + close.size();
      out.append(s, i, stop - i);
      i = stop;
    } else if (s[i] == '"' || s[i] == '\'') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != s[i]) j += s[j] == '\\' ? 2 : 1;
      out.append(s, i, j + 1 - i);
      i = j + 1;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// Where each key is used ("file" or "table kRoles"), by key.
using Uses = std::map<std::string, std::string>;

void collect(const std::string& text, const std::regex& re, const std::string& where, Uses& out) {
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it)
    out.emplace((*it)[1].str(), where);
}

std::vector<fs::path> files(const fs::path& dir, const std::set<std::string>& extensions) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && extensions.count(e.path().extension().string()))
      out.push_back(e.path());
  return out;
}

Uses template_keys() {
  static const std::regex re(R"re(\{\{\{?\s*[#^/&]?\s*t\.([A-Za-z0-9_.]+))re");
  Uses out;
  for (const auto& f : files(kRoot / "templates", {".mustache"}))
    collect(read(f), re, fs::relative(f, kRoot).string(), out);
  return out;
}

Uses code_keys() {
  static const std::regex kCtx(R"re(\b(?:t|plural)\(\s*"([^"\\]*)")re");
  static const std::regex kViews(R"re(\b(?:message|message_with|find_message|plural)\()re"
                                 R"re(\s*(?:"[^"]*"|[^,()"]+),\s*"([^"\\]*)")re");
  Uses out;
  for (const auto& f : files(kRoot / "src" / "web", {".cpp", ".hpp"})) {
    const std::string src = without_comments(read(f));
    collect(src, kCtx, fs::relative(f, kRoot).string(), out);
    collect(src, kViews, fs::relative(f, kRoot).string(), out);
  }
  return out;
}

Uses table_keys() {
  Uses out;
  for (const auto& [name, table] : all_labels())
    for (const Label& l : table) out.emplace(std::string(l.key), "table " + std::string(name));
  return out;
}

Uses layer_keys() {
  static const std::regex re(R"re("((?:error|rank|funnel|figures|plain)\.[a-z0-9_.]+)")re");
  Uses out;
  for (const char* layer : {"store", "domain", "privacy", "report", "app", "web"})
    for (const auto& f : files(kRoot / "src" / layer, {".cpp", ".hpp"}))
      collect(without_comments(read(f)), re, fs::relative(f, kRoot).string(), out);
  return out;
}

// The places in `src` where a literal that ends in _ or . is joined to something ("saved_" + code):
// the start of a key put together at run time, where a table of web/labels.hpp should be. Form
// fields may be numbered (form.get("person_" + id)): they are no keys.
std::vector<std::string> assembled_keys(const std::string& src) {
  static const std::regex re(R"re((\.(?:get|has|all)\()?"[a-z][a-z0-9_.]*[_.]"\)?\s*\+)re");
  std::vector<std::string> out;
  for (std::sregex_iterator it(src.begin(), src.end(), re), end; it != end; ++it)
    if (!(*it)[1].matched) out.push_back(it->str());
  return out;
}

Uses all_keys() {
  Uses all;
  for (const Uses& u : {template_keys(), code_keys(), table_keys(), layer_keys()})
    all.insert(u.begin(), u.end());
  return all;
}

TEST(Catalogue, TheCollectorsFindTheKeysTheyShould) {
  // Each way of using a key is found, so the tests below cannot pass by finding nothing.
  const Uses templates = template_keys(), code = code_keys(), tables = table_keys(),
             layers = layer_keys();
  EXPECT_EQ(templates.count("login_title"), 1u);
  EXPECT_GT(templates.size(), 300u);
  EXPECT_EQ(code.count("signal_new_title"), 1u);         // c.t("…")
  EXPECT_EQ(code.count("mail_referral_intro"), 1u);      // views.message_with(lang, "…", …)
  EXPECT_EQ(code.count("mail_assignment_subject"), 1u);  // views.message(lang, "…")
  EXPECT_EQ(tables.at("role_chair"), "table kRoles");
  EXPECT_EQ(layers.count("error.assign.at_cap"), 1u);   // app
  EXPECT_EQ(layers.count("error.org.name_taken"), 1u);  // store
  EXPECT_EQ(layers.count("rank.on_call"), 1u);          // domain
  EXPECT_EQ(layers.count("plain.busy"), 1u);            // web's own table of plain texts
  EXPECT_EQ(without_comments("a // \"x\"\nb /* \"y\" */ \"z // w\" R\"(q\")\""),
            "a \nb   \"z // w\" R\"(q\")\"");
}

TEST(Catalogue, EveryKeyInUseIsInDutchAndEnglish) {
  const auto nl = catalogue("nl"), en = catalogue("en");
  for (const auto& [key, where] : all_keys()) {
    EXPECT_TRUE(nl.contains(key)) << key << " (" << where << ") is missing from nl.po";
    EXPECT_TRUE(en.contains(key)) << key << " (" << where << ") is missing from en.po";
  }
}

TEST(Catalogue, EveryDutchKeyIsUsed) {
  const Uses used = all_keys();
  for (const auto& [key, e] : catalogue("nl"))
    EXPECT_TRUE(used.contains(key)) << key << " is in nl.po but used nowhere";
}

TEST(Catalogue, TemplatesShowNoPluralTextAsIfItHadOneForm) {
  // {{t.key}} has no number to choose a form by: the code puts a plural text into the model.
  const auto nl = catalogue("nl");
  for (const auto& [key, where] : template_keys())
    if (nl.contains(key)) {
      EXPECT_FALSE(nl.at(key).plural()) << key << " in " << where;
    }
}

TEST(Catalogue, NoKeyIsPutTogetherAtRunTime) {
  EXPECT_EQ(assembled_keys("c.t(\"saved_\" + code); c.t(std::string(\"lang_\") + l);"),
            (std::vector<std::string>{"\"saved_\" +", "\"lang_\") +"}));
  EXPECT_TRUE(assembled_keys("f.get(\"person_\" + id); \"/signalen/\" + id").empty());
  for (const auto& f : files(kRoot / "src" / "web", {".cpp", ".hpp"}))
    EXPECT_EQ(assembled_keys(without_comments(read(f))), std::vector<std::string>{})
        << fs::relative(f, kRoot);
}

}  // namespace
}  // namespace meedoen::web
