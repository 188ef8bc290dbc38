// The gettext PO format the message catalogue is written in (messages/*.po), the format
// translators' tools (Poedit, Weblate) read and write. This reads a file into its entries; what a
// catalogue makes of them is in view.cpp. The supported subset is described at parse_po().
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meedoen::web {

// One entry: the key (msgid) and its text, or its plural forms.
struct PoEntry {
  std::string msgid;
  std::string msgid_plural;           // empty for a text without plural forms
  std::vector<std::string> msgstr;    // the text, or msgstr[0..n-1] of a plural entry
  std::vector<std::string> comments;  // the extracted comments ("#. …"), one per line
  bool fuzzy = false;                 // flagged "#, fuzzy": a draft, which is not shown
  int line = 0;                       // the line of its msgid, for messages about it

  bool plural() const { return !msgid_plural.empty(); }
};

struct PoFile {
  // The header entry's fields ("Language: nl"), in order; empty when there is no header.
  std::vector<std::pair<std::string, std::string>> header;
  int header_line = 0;           // the line of the header's msgid "", or 0
  std::vector<PoEntry> entries;  // in file order, without the header

  // The value of header field `name` (case-insensitive); nullptr when it is absent.
  const std::string* header_field(std::string_view name) const;
};

// A PO file that cannot be read, with the (1-based) line of the first problem.
class PoError : public std::runtime_error {
 public:
  PoError(int line, const std::string& reason);
  int line() const { return line_; }
  const std::string& reason() const { return reason_; }  // what() without the line

 private:
  int line_;
  std::string reason_;
};

// Reads a PO file. Supported: comments (#, #. extracted, #: references, #, flags, #| previous;
// #~ obsolete entries are skipped), msgid, msgid_plural, msgstr and msgstr[N], strings over
// several lines ("…" on the following lines are joined), the escapes \n \t \r \" \\, and the
// header entry (msgid ""). Throws PoError with the line on a syntax error, an unknown escape,
// text that is not UTF-8, msgctxt (the catalogue's keys are msgids), a msgid given twice, an
// entry without msgstr, and plural forms that are missing, out of order or on a non-plural entry.
// Pure: safe on any input, so a fuzz target can call it as it is.
PoFile parse_po(std::string_view text);

}  // namespace meedoen::web
