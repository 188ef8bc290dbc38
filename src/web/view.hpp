// Rendering: logic-less templates (templates/<area>/*.mustache, HTML-escaped by default, see
// template.hpp) filled from a JSON view model, and the message catalogue (messages/nl.json,
// messages/en.json) every user-visible text comes from. Templates read texts as {{t.key}}.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <string>

#include "domain/role.hpp"
#include "web/template.hpp"

namespace meedoen::web {

// The catalogue a person of `role` reads in `lang`: in Dutch the informal form of address ("je",
// messages/nl-je.json) for the roles addressed so, the formal "u" for every other role.
const std::string& text_lang_for(const std::string& lang, Role role);

class Views {
 public:
  // Loads every templates/**/*.mustache (named "<area>/<name>") and messages/*.json under `root`;
  // throws std::runtime_error naming the file when one is missing or invalid. Immutable after: safe
  // to share across threads.
  explicit Views(const std::string& root);
  ~Views();

  // Renders template `name` with `model`; `t` is the catalogue of `lang` (Dutch fills any gap).
  std::string render(const std::string& name, const boost::json::object& model,
                     const std::string& lang) const;
  // Renders template `name` with `model` inside the layout (templates/layout.mustache, whose
  // {{{body}}} it takes the place of) with `layout`, into one string without copying the body.
  std::string render_page(const std::string& name, const boost::json::object& model,
                          const boost::json::object& layout, const std::string& lang) const;
  // A message of the catalogue, with "{0}" replaced by `arg`; the key itself when it is missing.
  std::string message(const std::string& lang, const std::string& key,
                      const std::string& arg = {}) const;
  // A message of the catalogue with each "{name}" replaced by values[name] (a name without a
  // value stays as written); the key itself when it is missing.
  std::string message_with(const std::string& lang, const std::string& key,
                           const std::map<std::string, std::string>& values) const;
  // The catalogue's text for `key` as written (Dutch fills any gap), without a copy; nullptr when
  // it is missing. It lives as long as the Views.
  const boost::json::string* find_message(const std::string& lang, std::string_view key) const;
  // The whole catalogue of `lang` (Dutch when there is none), for repeated look-ups.
  const boost::json::object& catalogue(const std::string& lang) const;
  const std::string& static_root() const { return static_root_; }

 private:
  Template::Partials templates_;  // by name; each may include the others as partials
  // The layout's halves before and after its top-level {{{body}}}.
  std::unique_ptr<Template> layout_head_, layout_tail_;
  std::map<std::string, boost::json::object> bases_;  // per language: {"t": merged catalogue}

  // A language's base and its position among bases_ (the index templates are bound with).
  struct Base {
    const boost::json::object* object;
    int index;
  };
  Base base(const std::string& lang) const;
  const Template& find(const std::string& name) const;
  std::string static_root_;
};

}  // namespace meedoen::web
