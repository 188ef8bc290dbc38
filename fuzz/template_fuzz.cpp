// Fuzzes the template parser (web/template.cpp) with arbitrary bytes as the source, and renders
// what parses with a small model, partials and two catalogues. The templates are our own files,
// so this guards against crashes and undefined behaviour more than against an attacker. Checks:
// the parser fails only with std::runtime_error; a source without "{{" renders as itself; and a
// bound template (Template::bind, the fast path of every page) renders exactly what the look-up
// by name renders.
#include <boost/json/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include "web/template.hpp"

namespace {

using meedoen::web::Template;
namespace json = boost::json;

json::object object(const char* text) { return json::parse(text).as_object(); }

struct Fixture {
  // Only `items` is a list of more than one element, and each item has its own empty `items`:
  // nested {{#items}} sections then find the inner one, so the output cannot grow exponentially
  // with the depth of the nesting (which would make the fuzzer report time-outs, not bugs).
  json::object model = object(R"({
    "name": "<b>\"Jan\" & 'Piet'</b>", "n": 42, "big": 18446744073709551615, "d": 1.5,
    "flag": true, "off": false, "none": null, "empty": "", "csrf": "k", "tags": ["één"],
    "items": [{"id": 1, "name": "een", "items": []},
              {"id": 2, "name": "twee", "items": [], "flag": false}],
    "user": {"name": "R-7K3Q", "role": "peer"}, "errors": {"name": "fout"}})");
  // Two catalogues, as Views binds the templates to every language's.
  json::object nl = object(R"({"lang": "nl", "t": {"title": "Titel",
    "error_title": "Er ging iets mis", "back_to_start": "Terug", "": "leeg"}})");
  json::object en = object(R"({"lang": "en", "t": {"title": "Title",
    "error_title": "Something went wrong", "back_to_start": "Back"}})");
  Template::Partials partials;

  Fixture() {
    partials.emplace("row", Template("<li>{{id}} {{name}} {{t.title}}</li>"));
    partials.emplace("loop", Template("x{{> loop}}"));  // stops at the depth limit
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Fixture f;
  const std::string src(reinterpret_cast<const char*>(data), size);
  std::optional<Template> t;
  try {
    t.emplace(src);
  } catch (const std::runtime_error&) {
    return 0;  // a syntax error, reported as the contract says
  }
  for (const auto& name : t->partials())
    if (name.empty()) __builtin_trap();  // "{{>}}" is a syntax error

  const std::string by_name_nl = t->render(f.model, f.nl, &f.partials);
  const std::string by_name_en = t->render(f.model, f.en, &f.partials);
  if (src.find("{{") == std::string::npos && by_name_nl != src) __builtin_trap();

  t->bind({&f.nl, &f.en});
  std::string bound_nl, bound_en;
  t->render_into(bound_nl, f.model, f.nl, &f.partials, 0);
  t->render_into(bound_en, f.model, f.en, &f.partials, 1);
  if (bound_nl != by_name_nl || bound_en != by_name_en) __builtin_trap();
  return 0;
}
