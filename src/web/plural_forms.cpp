#include "web/plural_forms.hpp"

#include <cctype>
#include <stdexcept>
#include <string>

namespace meedoen::web {

// Recursive descent over gettext's plural expression, in C's precedence, into nodes.
class PluralParser {
 public:
  using Node = PluralForms::Node;

  PluralParser(std::string_view text, std::vector<Node>& nodes) : s_(text), nodes_(nodes) {}

  int parse() {
    const int root = ternary();
    skip();
    if (pos_ != s_.size()) fail("unexpected \"" + std::string(s_.substr(pos_, 10)) + "\"");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw std::invalid_argument("plural expression: " + why);
  }
  void skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool eat(std::string_view token) {
    skip();
    if (s_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  int add(Node n) {
    // A long chain (n+n+…) nests as deeply when evaluated: real rules have a few dozen steps.
    if (nodes_.size() >= 512) fail("too long");
    nodes_.push_back(n);
    return static_cast<int>(nodes_.size()) - 1;
  }
  // Nesting is bounded so that neither parsing nor evaluation can run out of stack.
  struct Deeper {
    explicit Deeper(PluralParser& p) : p(p) {
      if (++p.depth_ > 64) p.fail("nested too deeply");
    }
    ~Deeper() { --p.depth_; }
    PluralParser& p;
  };

  int ternary() {
    Deeper d(*this);
    const int cond = binary(0);
    if (!eat("?")) return cond;
    const int then = ternary();
    if (!eat(":")) fail("'?' without ':'");
    const int otherwise = ternary();
    return add({'?', 0, 0, cond, then, otherwise});
  }

  // Binary operators by level, loosest first; at each level the longer spelling is tried first.
  int binary(int level) {
    static constexpr std::string_view kLevels[][4] = {
        {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};
    if (level == 6) return unary();
    int left = binary(level + 1);
    for (;;) {
      std::string_view found;
      for (std::string_view op : kLevels[level]) {
        if (op.empty() || !eat(op)) continue;
        found = op;
        break;
      }
      if (found.empty()) return left;
      const int right = binary(level + 1);
      left = add({found[0], found.size() > 1 ? found[1] : '\0', 0, left, right});
    }
  }

  int unary() {
    Deeper d(*this);
    if (eat("!")) return add({'!', 0, 0, unary()});
    if (eat("(")) {
      const int inner = ternary();
      if (!eat(")")) fail("'(' without ')'");
      return inner;
    }
    if (eat("n")) return add({'n'});
    skip();
    std::uint64_t v = 0;
    const std::size_t from = pos_;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
      if (pos_ - from >= 9) fail("number too large");
      v = v * 10 + static_cast<std::uint64_t>(s_[pos_++] - '0');
    }
    if (pos_ == from)
      fail(pos_ < s_.size() ? "unexpected \"" + std::string(1, s_[pos_]) + "\"" : "unexpected end");
    return add({'#', 0, v});
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::vector<Node>& nodes_;
};

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
}  // namespace

PluralForms PluralForms::parse(std::string_view header) {
  PluralForms f;
  std::string_view count, expr;
  while (!header.empty()) {
    const auto semi = header.find(';');
    const std::string_view part = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    const auto eq = part.find('=');
    if (part.empty()) continue;
    if (eq == std::string_view::npos) throw std::invalid_argument("Plural-Forms: no '=' in part");
    const std::string_view name = trim(part.substr(0, eq));
    if (name == "nplurals") count = trim(part.substr(eq + 1));
    if (name == "plural") expr = trim(part.substr(eq + 1));
  }
  if (count.size() != 1 || count[0] < '1' || count[0] > '6')
    throw std::invalid_argument("Plural-Forms: nplurals must be 1 to 6");
  if (expr.empty()) throw std::invalid_argument("Plural-Forms: plural=… is missing");
  f.count_ = count[0] - '0';
  f.root_ = PluralParser(expr, f.nodes_).parse();
  // A rule that names a form the language does not have would pick a text that is not there.
  for (std::uint64_t n = 0; n <= 1000; ++n)
    if (f.eval(f.root_, n) >= static_cast<std::uint64_t>(f.count_))
      throw std::invalid_argument(
          "Plural-Forms: plural=… gives form " + std::to_string(f.eval(f.root_, n)) +
          " for n = " + std::to_string(n) + ", but nplurals is " + std::to_string(f.count_));
  return f;
}

int PluralForms::index(std::uint64_t n) const {
  const std::uint64_t i = root_ < 0 ? 0 : eval(root_, n);
  return i < static_cast<std::uint64_t>(count_) ? static_cast<int>(i) : 0;
}

std::uint64_t PluralForms::eval(int node, std::uint64_t n) const {
  const Node& x = nodes_[static_cast<std::size_t>(node)];
  switch (x.op) {
    case 'n':
      return n;
    case '#':
      return x.value;
    case '!':
      if (!x.op2) return !eval(x.a, n);  // "!=" is binary, below
      break;
    case '?':
      return eval(x.a, n) ? eval(x.b, n) : eval(x.c, n);
    default:
      break;
  }
  const std::uint64_t a = eval(x.a, n), b = eval(x.b, n);
  switch (x.op) {
    case '|':
      return a || b;
    case '&':
      return a && b;
    case '=':
      return a == b;
    case '!':
      return a != b;
    case '<':
      return x.op2 ? a <= b : a < b;
    case '>':
      return x.op2 ? a >= b : a > b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b ? a / b : 0;
    case '%':
      return b ? a % b : 0;
  }
  return 0;
}

}  // namespace meedoen::web
