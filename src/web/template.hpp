// Logic-less templates in the Mustache syntax our templates use (variables, HTML-escaped by
// default; {{{raw}}}; sections and inverted sections over booleans, lists and objects; dotted
// names; {{.}}; comments; {{> partial}}), rendered straight from Boost.JSON values. Parsed once at
// start and immutable after, so one Template serves every thread. It replaces kainjow::mustache,
// whose conversion of each page model into its own data tree cost about 40% of a list page.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace meedoen::web {

class Template {
 public:
  struct Node;

  // Throws std::runtime_error with the position of the first syntax error.
  explicit Template(const std::string& source);
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;

  // The templates `{{> name}}` may include, by name.
  using Partials = std::map<std::string, Template, std::less<>>;

  // Renders with `model` on top of `base` (names not in the model are looked up in `base`). The
  // name `t` is reserved for `base`: `{{t.key}}` reads the message catalogue there directly.
  // `{{> name}}` renders the template `name` of `partials` with the current context.
  std::string render(const boost::json::object& model, const boost::json::object& base,
                     const Partials* partials = nullptr) const;
  // The same, appended to `out`. With `base_index`, `base` is bases[base_index] of bind().
  void render_into(std::string& out, const boost::json::object& model,
                   const boost::json::object& base, const Partials* partials = nullptr,
                   int base_index = -1) const;
  // Finds every {{t.key}} in the given bases once, so rendering with a base index reads it
  // without a look-up (pages show dozens of catalogue texts). The bases must outlive the template.
  void bind(const std::vector<const boost::json::object*>& bases);
  // The names of the partials this template includes, for checking at start.
  const std::vector<std::string>& partials() const { return partials_; }
  const std::vector<Node>& nodes_for_partial() const { return nodes_; }

 private:
  std::vector<Node> nodes_;
  std::vector<std::string> partials_;
};

// HTML-escapes & < > " ' for text and attribute values.
void append_escaped(std::string& out, std::string_view text);

}  // namespace meedoen::web
