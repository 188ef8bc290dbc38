#include "web/template.hpp"

#include <cstring>
#include <stdexcept>

namespace meedoen::web {

namespace json = boost::json;

struct Template::Node {
  enum class Kind { kText, kVar, kRaw, kSection, kInverted, kPartial };
  Kind kind = Kind::kText;
  std::string text;               // kText: the text; kPartial: its name; otherwise the full name
  std::vector<std::string> path;  // the name split at dots; {"."} for the current item
  std::vector<Node> children;     // sections
  // {{t.key}}: the catalogue text per base, found once by Template::bind; empty when unbound.
  std::vector<const json::value*> bound;
};

namespace {

using Node = Template::Node;

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_name(const std::string& name) {
  if (name == ".") return {"."};
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= name.size()) {
    const auto dot = name.find('.', pos);
    const auto end = dot == std::string::npos ? name.size() : dot;
    out.push_back(name.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// A frame of the context stack: the model and base are objects; list items may be anything.
struct Frame {
  const json::object* obj = nullptr;
  const json::value* val = nullptr;
};

// A member by name. Boost.JSON searches small objects (the rows of a list) linearly with a
// memcmp call for every key of the same length; checking the first character before that skips
// most of them. Large objects (the catalogue) keep Boost.JSON's hash look-up.
const json::value* find_key(const json::object& o, std::string_view key) {
  if (o.size() > 16 || key.empty()) return o.if_contains(key);
  for (const auto& kv : o) {
    const std::string_view k = kv.key();
    if (k.size() == key.size() && k[0] == key[0] &&
        std::memcmp(k.data(), key.data(), k.size()) == 0)
      return &kv.value();
  }
  return nullptr;
}

const json::value* member(const json::value* v, const std::string& key) {
  if (!v || !v->is_object()) return nullptr;
  return find_key(v->get_object(), key);
}

// Mustache name resolution: the first part is searched from the innermost frame outwards, the
// rest only within what it found.
const json::value* lookup(const std::vector<Frame>& stack, const std::vector<std::string>& path) {
  if (path.size() == 1 && path[0] == ".") return stack.back().val;
  // `t.…` is the message catalogue, which lives in the base frame only: go there directly instead
  // of missing in every frame above it (a page has hundreds of these names).
  if (path.size() > 1 && path[0] == "t") {
    const json::value* found =
        stack.front().obj ? stack.front().obj->if_contains(path[0]) : nullptr;
    for (std::size_t i = 1; i < path.size() && found; ++i) found = member(found, path[i]);
    return found;
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const json::value* found = it->obj ? find_key(*it->obj, path[0]) : member(it->val, path[0]);
    if (!found) continue;
    for (std::size_t i = 1; i < path.size() && found; ++i) found = member(found, path[i]);
    return found;
  }
  return nullptr;
}

bool truthy(const json::value* v) {
  if (!v) return false;
  switch (v->kind()) {
    case json::kind::null:
      return false;
    case json::kind::bool_:
      return v->get_bool();
    case json::kind::string:
      return !v->get_string().empty();
    case json::kind::array:
      return !v->get_array().empty();
    default:
      return true;
  }
}

// What a render carries along: the context stack, the output, and the templates partials name.
struct Render {
  std::vector<Frame> stack;
  std::string& out;
  const Template::Partials* partials;
  int base_index = -1;  // which of the bound bases `stack.front()` is; -1 = look up by name
  int depth = 0;
};

void render_nodes(const std::vector<Node>& nodes, Render& r);

void render_value(const json::value* v, bool escape, std::string& out) {
  if (!v) return;
  switch (v->kind()) {
    case json::kind::string:
      if (escape)
        append_escaped(out, v->get_string());
      else
        out.append(v->get_string().data(), v->get_string().size());
      return;
    case json::kind::int64:
      out += std::to_string(v->get_int64());
      return;
    case json::kind::uint64:
      out += std::to_string(v->get_uint64());
      return;
    case json::kind::double_:
      out += std::to_string(v->get_double());
      return;
    default:
      return;  // booleans, null, objects and lists print nothing
  }
}

void render_nodes(const std::vector<Node>& nodes, Render& r) {
  auto& stack = r.stack;
  auto& out = r.out;
  for (const auto& n : nodes) {
    switch (n.kind) {
      case Node::Kind::kText:
        out += n.text;
        break;
      case Node::Kind::kVar:
      case Node::Kind::kRaw: {
        const bool bound =
            r.base_index >= 0 && static_cast<std::size_t>(r.base_index) < n.bound.size();
        render_value(
            bound ? n.bound[static_cast<std::size_t>(r.base_index)] : lookup(stack, n.path),
            n.kind == Node::Kind::kVar, out);
        break;
      }
      case Node::Kind::kInverted:
        if (!truthy(lookup(stack, n.path))) render_nodes(n.children, r);
        break;
      case Node::Kind::kSection: {
        const json::value* v = lookup(stack, n.path);
        if (!truthy(v)) break;
        if (v->is_array()) {
          for (const auto& item : v->get_array()) {
            stack.push_back({nullptr, &item});
            render_nodes(n.children, r);
            stack.pop_back();
          }
        } else {
          stack.push_back({nullptr, v});
          render_nodes(n.children, r);
          stack.pop_back();
        }
        break;
      }
      case Node::Kind::kPartial: {
        // With the current context, as Mustache does. Views checks at start that every partial
        // exists; the depth limit stops a partial that includes itself.
        if (!r.partials || r.depth >= 8) break;
        auto it = r.partials->find(n.text);
        if (it == r.partials->end()) break;
        ++r.depth;
        render_nodes(it->second.nodes_for_partial(), r);
        --r.depth;
        break;
      }
    }
  }
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  // Copies the runs between special characters in one go: most text has none.
  std::size_t from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.data() + from, i - from);
    out.append(entity);
    from = i + 1;
  }
  out.append(text.data() + from, text.size() - from);
}

Template::Template(const std::string& src) {
  std::vector<std::vector<Node>*> open{&nodes_};
  std::vector<std::string> names;
  std::size_t pos = 0;
  auto fail = [&](const std::string& why, std::size_t at) {
    throw std::runtime_error(why + " at offset " + std::to_string(at));
  };
  while (pos < src.size()) {
    const auto start = src.find("{{", pos);
    if (start == std::string::npos) {
      open.back()->push_back({Node::Kind::kText, src.substr(pos), {}, {}, {}});
      break;
    }
    if (start > pos)
      open.back()->push_back({Node::Kind::kText, src.substr(pos, start - pos), {}, {}, {}});
    const bool triple = src.compare(start, 3, "{{{") == 0;
    const std::string close = triple ? "}}}" : "}}";
    const auto end = src.find(close, start + (triple ? 3 : 2));
    if (end == std::string::npos) fail("unclosed tag", start);
    std::string tag = trim(
        std::string_view(src).substr(start + (triple ? 3 : 2), end - start - (triple ? 3 : 2)));
    pos = end + close.size();
    if (triple) {
      open.back()->push_back({Node::Kind::kRaw, tag, split_name(tag), {}, {}});
      continue;
    }
    if (tag.empty()) fail("empty tag", start);
    const char sigil = tag[0];
    if (sigil == '!') continue;
    if (sigil == '>') {
      const std::string name = trim(std::string_view(tag).substr(1));
      if (name.empty()) fail("empty partial", start);
      open.back()->push_back({Node::Kind::kPartial, name, {}, {}, {}});
      partials_.push_back(name);
      continue;
    }
    if (sigil == '{' || sigil == '=') fail("unsupported tag {{" + tag + "}}", start);
    if (sigil == '&') {
      const std::string name = trim(std::string_view(tag).substr(1));
      open.back()->push_back({Node::Kind::kRaw, name, split_name(name), {}, {}});
      continue;
    }
    if (sigil == '#' || sigil == '^') {
      const std::string name = trim(std::string_view(tag).substr(1));
      open.back()->push_back({sigil == '#' ? Node::Kind::kSection : Node::Kind::kInverted,
                              name,
                              split_name(name),
                              {},
                              {}});
      open.push_back(&open.back()->back().children);
      names.push_back(name);
      continue;
    }
    if (sigil == '/') {
      const std::string name = trim(std::string_view(tag).substr(1));
      if (names.empty() || names.back() != name)
        fail("{{/" + name + "}} closes nothing open", start);
      names.pop_back();
      open.pop_back();
      continue;
    }
    open.back()->push_back({Node::Kind::kVar, tag, split_name(tag), {}, {}});
  }
  if (!names.empty()) throw std::runtime_error("section {{#" + names.back() + "}} is not closed");
}

Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

std::string Template::render(const json::object& model, const json::object& base,
                             const Partials* partials) const {
  std::string out;
  out.reserve(4 * 1024);  // fragments and parts; whole pages go through render_into
  render_into(out, model, base, partials);
  return out;
}

void Template::render_into(std::string& out, const json::object& model, const json::object& base,
                           const Partials* partials, int base_index) const {
  Render r{{{&base, nullptr}, {&model, nullptr}}, out, partials, base_index};
  render_nodes(nodes_, r);
}

namespace {
void bind_nodes(std::vector<Node>& nodes, const std::vector<const json::object*>& bases) {
  for (auto& n : nodes) {
    if ((n.kind == Node::Kind::kVar || n.kind == Node::Kind::kRaw) && n.path.size() == 2 &&
        n.path[0] == "t") {
      n.bound.clear();
      for (const auto* b : bases) {
        const json::value* t = b->if_contains("t");
        n.bound.push_back(t && t->is_object() ? t->get_object().if_contains(n.path[1]) : nullptr);
      }
    }
    bind_nodes(n.children, bases);
  }
}
}  // namespace

void Template::bind(const std::vector<const json::object*>& bases) { bind_nodes(nodes_, bases); }

}  // namespace meedoen::web
