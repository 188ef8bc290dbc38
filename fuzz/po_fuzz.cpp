// Fuzzes the PO reader (web/po.cpp), which reads every messages/*.po at start, and the plural
// rule of its Plural-Forms header (web/plural_forms.cpp). A city adds a language by adding a PO
// file, so the file comes from outside the code. Checks: the reader fails only with PoError,
// whose line lies inside the text; every entry has a text (one per plural form); no msgid is
// there twice; a file written back from the entries reads as the same entries; and a plural rule
// that parses gives every number a form in 0 … count()-1.
#include <cstddef>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "web/plural_forms.hpp"
#include "web/po.hpp"

namespace {

using meedoen::web::PluralForms;
using meedoen::web::PoEntry;
using meedoen::web::PoError;
using meedoen::web::PoFile;

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    switch (ch) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += ch;
    }
  }
  return out + "\"";
}

// The entries as a PO file again (without header and comments, which the check leaves out).
std::string written(const PoFile& po) {
  std::string out;
  for (const PoEntry& e : po.entries) {
    if (e.fuzzy) out += "#, fuzzy\n";
    out += "msgid " + quoted(e.msgid) + "\n";
    if (e.plural()) {
      out += "msgid_plural " + quoted(e.msgid_plural) + "\n";
      for (std::size_t i = 0; i < e.msgstr.size(); ++i)
        out += "msgstr[" + std::to_string(i) + "] " + quoted(e.msgstr[i]) + "\n";
    } else {
      out += "msgstr " + quoted(e.msgstr.at(0)) + "\n";
    }
    out += "\n";
  }
  return out;
}

int lines(std::string_view text) {
  int n = 1;
  for (const char ch : text) n += ch == '\n';
  return n;
}

void check_plural_rule(const PoFile& po) {
  const std::string* rule = po.header_field("Plural-Forms");
  if (!rule) return;
  try {
    const PluralForms forms = PluralForms::parse(*rule);
    if (forms.count() < 1 || forms.count() > 6) __builtin_trap();
    for (const std::uint64_t n :
         {0ULL, 1ULL, 2ULL, 5ULL, 11ULL, 21ULL, 101ULL, 1000000ULL, 18446744073709551615ULL}) {
      const int i = forms.index(n);
      if (i < 0 || i >= forms.count()) __builtin_trap();
    }
  } catch (const std::invalid_argument&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  PoFile po;
  try {
    po = meedoen::web::parse_po(text);
  } catch (const PoError& e) {
    if (e.line() < 1 || e.line() > lines(text)) __builtin_trap();
    return 0;
  }
  std::set<std::string> ids;
  for (const PoEntry& e : po.entries) {
    if (e.msgstr.empty() || e.line < 1 || e.line > lines(text)) __builtin_trap();
    if (!e.plural() && e.msgstr.size() != 1) __builtin_trap();
    if (!ids.insert(e.msgid).second) __builtin_trap();
  }
  check_plural_rule(po);

  PoFile again;
  try {
    again = meedoen::web::parse_po(written(po));
  } catch (const PoError&) {
    __builtin_trap();
  }
  if (again.entries.size() != po.entries.size()) __builtin_trap();
  for (std::size_t i = 0; i < po.entries.size(); ++i) {
    const PoEntry& a = po.entries[i];
    const PoEntry& b = again.entries[i];
    if (a.msgid != b.msgid || a.msgid_plural != b.msgid_plural || a.msgstr != b.msgstr ||
        a.fuzzy != b.fuzzy)
      __builtin_trap();
  }
  return 0;
}
