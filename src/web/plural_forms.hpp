// A language's plural rule, from the Plural-Forms header of its PO file: how many forms a text
// with a number has, and which form a number takes ("1 punt", "2 punten").
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace meedoen::web {

class PluralForms {
 public:
  // Reads a Plural-Forms value such as "nplurals=2; plural=(n != 1);". The expression is the C
  // subset gettext uses: n, whole numbers, ( ), ! * / % + - < <= > >= == != && || and ?:, so any
  // language's rule can be written as in gettext's documentation (Dutch and English n != 1,
  // French n > 1, Turkish or Chinese nplurals=1 with plural=0, Polish, Arabic …). nplurals is 1 to
  // 6. Throws std::invalid_argument naming the problem, also when the expression gives a form
  // outside 0 … nplurals-1 for some n.
  static PluralForms parse(std::string_view header);

  int count() const { return count_; }
  // The form of number `n`, in 0 … count()-1.
  int index(std::uint64_t n) const;

 private:
  friend class PluralParser;
  // One step of the expression: an operator with the positions of its operands in nodes_.
  struct Node {
    char op = 'n';  // 'n', '#' (a number), '!', '?', or the first character of a binary operator
    char op2 = 0;   // the second character of a two-character operator (<=, ==, &&, …)
    std::uint64_t value = 0;
    int a = -1, b = -1, c = -1;
  };
  std::uint64_t eval(int node, std::uint64_t n) const;

  int count_ = 1;
  std::vector<Node> nodes_;
  int root_ = -1;
};

}  // namespace meedoen::web
