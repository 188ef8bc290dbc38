#include "web/po.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace meedoen::web {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Whether `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;  // cut short
    for (int k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

// Appends the text of the quoted string that `rest` holds (after leading blanks) to `out`.
void read_string(std::string_view rest, int line, std::string& out) {
  rest = trim(rest);
  if (rest.empty() || rest.front() != '"') throw PoError(line, "expected a string in \"quotes\"");
  std::size_t i = 1;
  for (; i < rest.size() && rest[i] != '"'; ++i) {
    if (rest[i] != '\\') {
      out += rest[i];
      continue;
    }
    if (++i == rest.size()) break;
    switch (rest[i]) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      default:
        throw PoError(line, std::string("unknown escape \\") + rest[i] +
                                " (supported: \\n \\t \\r \\\" \\\\)");
    }
  }
  if (i >= rest.size()) throw PoError(line, "the string has no closing \"");
  if (!trim(rest.substr(i + 1)).empty()) throw PoError(line, "unexpected text after the string");
}

class Parser {
 public:
  PoFile run(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte-order mark
    int line = 0;
    for (std::size_t pos = 0;;) {
      const auto nl = text.find('\n', pos);
      std::string_view l = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      read_line(trim(l), ++line);
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    finish();
    return std::move(file_);
  }

 private:
  // What the last keyword was, so that the next one is checked against it.
  enum class Part { kNone, kMsgid, kPlural, kMsgstr };

  void read_line(std::string_view l, int line) {
    if (l.empty() || l.front() == '#') {
      finish();  // a comment or a blank line ends an entry
      if (l.substr(0, 2) == "#.") pending_.comments.emplace_back(trim(l.substr(2)));
      if (l.substr(0, 2) == "#,") {
        std::string_view flags = l.substr(2);
        while (!flags.empty()) {
          const auto comma = flags.find(',');
          if (trim(flags.substr(0, comma)) == "fuzzy") pending_.fuzzy = true;
          flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
        }
      }
      return;  // other comments (#:, #|, # …) and obsolete entries (#~) carry nothing we read
    }
    if (l.front() == '"') {
      if (!target_) throw PoError(line, "a string that continues no msgid or msgstr");
      read_string(l, line, *target_);
      return;
    }
    const auto word_end = l.find_first_of(" \t\"[");
    const std::string_view word = l.substr(0, word_end);
    const std::string_view rest = word_end == std::string_view::npos ? "" : l.substr(word_end);
    if (word == "msgid") {
      if (part_ == Part::kMsgstr) finish();
      if (part_ != Part::kNone) throw PoError(line, "msgid where a msgstr was expected");
      cur_ = std::move(pending_);
      pending_ = {};
      cur_.line = line;
      start(Part::kMsgid, cur_.msgid, rest, line);
    } else if (word == "msgid_plural") {
      if (part_ != Part::kMsgid) throw PoError(line, "msgid_plural must follow a msgid");
      start(Part::kPlural, cur_.msgid_plural, rest, line);
      if (cur_.msgid_plural.empty()) throw PoError(line, "msgid_plural is empty");
    } else if (word == "msgstr") {
      read_msgstr(trim(rest), line);
    } else if (word == "msgctxt") {
      throw PoError(line, "msgctxt is not used: the msgid is the key");
    } else {
      throw PoError(line, "unknown keyword \"" + std::string(word.substr(0, 40)) + "\"");
    }
  }

  // msgstr "…" after a msgid, or msgstr[N] "…" after msgid_plural and msgstr[0..N-1].
  void read_msgstr(std::string_view rest, int line) {
    if (rest.empty() || rest.front() != '[') {
      if (part_ == Part::kPlural)
        throw PoError(line, "a plural entry needs msgstr[0], msgstr[1], …");
      if (part_ != Part::kMsgid) throw PoError(line, "msgstr must follow a msgid");
      cur_.msgstr.emplace_back();
      start(Part::kMsgstr, cur_.msgstr.back(), rest, line);
      return;
    }
    const auto close = rest.find(']');
    const std::string_view digits = rest.substr(1, close == rest.npos ? rest.npos : close - 1);
    if (close == rest.npos || digits.empty() || digits.size() > 2 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw PoError(line, "msgstr[…] needs a number");
    if (part_ == Part::kMsgid) throw PoError(line, "msgstr[…] without msgid_plural");
    if (part_ == Part::kNone || (part_ == Part::kMsgstr && !cur_.plural()))
      throw PoError(line, "msgstr[…] must follow a msgid_plural");
    if (static_cast<std::size_t>(std::stoi(std::string(digits))) != cur_.msgstr.size())
      throw PoError(line, "expected msgstr[" + std::to_string(cur_.msgstr.size()) + "]");
    cur_.msgstr.emplace_back();
    start(Part::kMsgstr, cur_.msgstr.back(), rest.substr(close + 1), line);
  }

  // The next string of an entry goes to `target`, and so do the lines that continue it.
  void start(Part part, std::string& target, std::string_view rest, int line) {
    part_ = part;
    target_ = &target;
    read_string(rest, line, target);
  }

  void finish() {
    target_ = nullptr;
    if (part_ == Part::kNone) return;
    if (part_ != Part::kMsgstr)
      throw PoError(cur_.line, "msgid \"" + cur_.msgid.substr(0, 60) + "\" has no msgstr");
    part_ = Part::kNone;
    for (const std::string* s : {&cur_.msgid, &cur_.msgid_plural})
      if (!valid_utf8(*s)) throw PoError(cur_.line, "the msgid is not valid UTF-8");
    for (const auto& s : cur_.msgstr)
      if (!valid_utf8(s)) throw PoError(cur_.line, "the msgstr is not valid UTF-8");
    if (const auto [at, fresh] = seen_.emplace(cur_.msgid, cur_.line); !fresh)
      throw PoError(cur_.line, "msgid \"" + cur_.msgid.substr(0, 60) +
                                   "\" is given twice (first on line " +
                                   std::to_string(at->second) + ")");
    if (cur_.msgid.empty()) {
      read_header(cur_);
    } else {
      file_.entries.push_back(std::move(cur_));
    }
    cur_ = {};
  }

  void read_header(const PoEntry& e) {
    if (e.plural()) throw PoError(e.line, "the header (msgid \"\") cannot have plural forms");
    file_.header_line = e.line;
    std::string_view text = e.msgstr.front();
    while (!text.empty()) {
      const auto nl = text.find('\n');
      const std::string_view l = trim(text.substr(0, nl));
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
      if (l.empty()) continue;
      const auto colon = l.find(':');
      if (colon == std::string_view::npos || colon == 0)
        throw PoError(
            e.line, "header line \"" + std::string(l.substr(0, 60)) + "\" is not \"Name: value\"");
      file_.header.emplace_back(trim(l.substr(0, colon)), trim(l.substr(colon + 1)));
    }
  }

  PoFile file_;
  PoEntry cur_, pending_;  // the entry being read; the comments and flags for the next one
  Part part_ = Part::kNone;
  std::string* target_ = nullptr;  // where a continuation line's string goes
  std::map<std::string, int, std::less<>> seen_;
};

}  // namespace

PoError::PoError(int line, const std::string& reason)
    : std::runtime_error("line " + std::to_string(line) + ": " + reason),
      line_(line),
      reason_(reason) {}

const std::string* PoFile::header_field(std::string_view name) const {
  for (const auto& [n, v] : header)
    if (equal_ignoring_case(n, name)) return &v;
  return nullptr;
}

PoFile parse_po(std::string_view text) { return Parser().run(text); }

}  // namespace meedoen::web
