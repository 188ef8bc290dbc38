// Rendering: logic-less templates (templates/<area>/*.mustache, HTML-escaped by default, see
// template.hpp) filled from a JSON view model, and the message catalogue (messages/*.po, gettext
// PO files: nl.po, en.po, and nl-je.po for the informal "je") every user-visible text comes from.
// Templates read texts as {{t.key}}.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/role.hpp"
#include "web/plural_forms.hpp"
#include "web/template.hpp"

namespace meedoen::web {

// The catalogue a person of `role` reads in `lang`: in Dutch the informal form of address ("je",
// messages/nl-je.po) for the roles addressed so, the formal "u" for every other role.
const std::string& text_lang_for(const std::string& lang, Role role);

class Views {
 public:
  // Loads every templates/**/*.mustache (named "<area>/<name>") and messages/*.po under `root`
  // (each file a catalogue named after it: "nl", "en", "nl-je"; every one is read over nl.po, so
  // Dutch fills any gap); throws std::runtime_error naming the file, and for a catalogue the line,
  // when one is missing or invalid. Immutable after: safe to share across threads.
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
  // A text with plural forms takes `arg` as its number n: the form of n, with "{n}" replaced by
  // `arg` (so an error whose detail is a count reads in the right form).
  std::string message(const std::string& lang, const std::string& key,
                      const std::string& arg = {}) const;
  // The form of the plural text `key` that number `n` takes in `lang` (by its Plural-Forms), with
  // "{n}" replaced by n and each other "{name}" by values[name]; the key itself when it is missing.
  // A values["n"] is shown in place of n (a fraction such as "1,5" takes the form of 2).
  std::string plural(const std::string& lang, const std::string& key, std::int64_t n,
                     const std::map<std::string, std::string>& values = {}) const;
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

  // A language a reader may choose, by its code ("nl", "en") and its name in itself.
  struct Language {
    std::string code;
    std::string name;
  };
  // Every messages/<code>.po whose Language header is <code>, by code; not nl-je.po (Language:
  // nl), the Dutch for peer workers. A new file is a new choice.
  const std::vector<Language>& languages() const { return languages_; }
  bool offers(std::string_view code) const;

 private:
  Template::Partials templates_;  // by name; each may include the others as partials
  // The layout's halves before and after its top-level {{{body}}}.
  std::unique_ptr<Template> layout_head_, layout_tail_;
  std::map<std::string, boost::json::object> bases_;  // per catalogue: {"t": merged texts}
  // A text with plural forms, and the rule of the catalogue it comes from.
  struct Plural {
    const PluralForms* forms;
    std::vector<std::string> texts;
  };
  // Per catalogue, like bases_: its rule, and its plural texts with Dutch in the gaps.
  struct Plurals {
    PluralForms forms;
    std::map<std::string, Plural, std::less<>> texts;
  };
  std::map<std::string, Plurals> plurals_;
  std::vector<Language> languages_;
  void load_catalogues(const std::string& dir);
  const Plural* find_plural(const std::string& lang, std::string_view key) const;

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
