#include "web/view.hpp"

#include <algorithm>
#include <boost/json/value.hpp>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "web/po.hpp"

namespace meedoen::web {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A catalogue as read from its file: texts, plural texts, the plural rule.
struct Catalogue {
  boost::json::object texts;
  std::map<std::string, std::vector<std::string>, std::less<>> plurals;
  PluralForms forms;
  std::string language;  // the header's Language
};

// Reads messages/<name>.po; throws naming the file and line of the first problem.
Catalogue read_catalogue(const std::filesystem::path& file) {
  const std::string where = "message catalogue " + file.string() + ":";
  try {
    const PoFile po = parse_po(read_file(file));
    if (!po.header_line) throw PoError(1, "there is no header (msgid \"\")");
    const auto header_needs = [&](const char* field) {
      const std::string* v = po.header_field(field);
      if (!v || v->empty()) throw PoError(po.header_line, std::string("the header lacks ") + field);
      return *v;
    };
    std::string type = header_needs("Content-Type");
    for (auto& ch : type) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (type.find("charset=utf-8") == std::string::npos)
      throw PoError(po.header_line, "Content-Type must say charset=UTF-8");
    Catalogue c;
    c.language = header_needs("Language");
    try {
      c.forms = PluralForms::parse(header_needs("Plural-Forms"));
    } catch (const std::invalid_argument& e) {
      throw PoError(po.header_line, e.what());
    }
    for (const PoEntry& e : po.entries) {
      // As msgfmt does: a draft (fuzzy) or an empty translation is not shown; Dutch stands in.
      if (e.fuzzy || std::all_of(e.msgstr.begin(), e.msgstr.end(),
                                 [](const std::string& s) { return s.empty(); }))
        continue;
      if (!e.plural()) {
        c.texts[e.msgid] = e.msgstr.front();
        continue;
      }
      if (e.msgstr.size() != static_cast<std::size_t>(c.forms.count()))
        throw PoError(e.line, "\"" + e.msgid + "\" has " + std::to_string(e.msgstr.size()) +
                                  " plural forms, but Plural-Forms says nplurals=" +
                                  std::to_string(c.forms.count()));
      c.plurals[e.msgid] = e.msgstr;
    }
    return c;
  } catch (const PoError& e) {
    throw std::runtime_error(where + std::to_string(e.line()) + ": " + e.reason());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(where + " " + e.what());
  }
}

// Replaces each "{name}" of `text` by values[name]; a name without a value stays as written.
std::string fill(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size();) {
    const auto close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const auto it = values.find(std::string(text.substr(i + 1, close - i - 1)));
      if (it != values.end()) {
        out += it->second;
        i = close + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace

void Views::load_catalogues(const std::string& dir) {
  namespace fs = std::filesystem;
  std::map<std::string, Catalogue> catalogues;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".po")
      catalogues.emplace(e.path().stem().string(), read_catalogue(e.path()));
  if (!catalogues.count("nl"))
    throw std::runtime_error("message catalogue messages/nl.po is missing");
  const Catalogue& nl = catalogues.at("nl");
  Plurals& nl_plurals = plurals_["nl"];
  nl_plurals.forms = nl.forms;
  for (const auto& [lang, cat] : catalogues) {
    boost::json::object merged = nl.texts;
    for (const auto& [k, v] : cat.texts) merged[k] = v;
    boost::json::object b;
    b["t"] = std::move(merged);
    bases_[lang] = std::move(b);
    Plurals& p = plurals_[lang];
    p.forms = cat.forms;
    for (const auto& [k, forms] : nl.plurals) p.texts[k] = {&nl_plurals.forms, forms};
    for (const auto& [k, forms] : cat.plurals) p.texts[k] = {&p.forms, forms};
  }
  // A reader chooses among the files that are a language of their own (nl.po says Language: nl);
  // nl-je.po (Language: nl) is Dutch for peer workers, which the code chooses. Each is named in
  // itself, from its own file: with Dutch underneath a new language would read "Nederlands".
  for (const auto& [code, cat] : catalogues)
    if (cat.language == code)
      languages_.push_back(
          {code, cat.texts.contains("language_name") ? message(code, "language_name") : code});
}

bool Views::offers(std::string_view code) const {
  return std::any_of(languages_.begin(), languages_.end(),
                     [&](const Language& l) { return l.code == code; });
}

Views::Views(const std::string& root) {
  namespace fs = std::filesystem;
  const fs::path base(root);
  // Named by their path under templates/ without the extension: "signals/list", "layout".
  const fs::path templates = base / "templates";
  for (const auto& e : fs::recursive_directory_iterator(templates)) {
    if (!e.is_regular_file() || e.path().extension() != ".mustache") continue;
    try {
      const fs::path name = fs::relative(e.path(), templates).replace_extension();
      templates_.emplace(name.generic_string(), Template(read_file(e.path())));
    } catch (const std::runtime_error& err) {
      throw std::runtime_error("template " + e.path().string() + ": " + err.what());
    }
  }
  for (const auto& [name, t] : templates_)
    for (const auto& partial : t.partials())
      if (!templates_.count(partial))
        throw std::runtime_error("template " + name + " includes {{> " + partial +
                                 "}}, which does not exist");
  {
    // The layout in two halves around {{{body}}}, so a page renders into one string. Each half
    // must parse on its own: the body may not sit inside a section.
    const auto layout = base / "templates" / "layout.mustache";
    const std::string src = read_file(layout);
    const auto at = src.find("{{{body}}}");
    if (at == std::string::npos || src.find("{{{body}}}", at + 1) != std::string::npos)
      throw std::runtime_error("template " + layout.string() + ": needs {{{body}}} exactly once");
    try {
      layout_head_ = std::make_unique<Template>(src.substr(0, at));
      layout_tail_ = std::make_unique<Template>(src.substr(at + 10));
    } catch (const std::runtime_error& err) {
      throw std::runtime_error("template " + layout.string() +
                               ": {{{body}}} must not sit inside a section (" + err.what() + ")");
    }
  }
  load_catalogues((base / "messages").string());
  // Every template reads its {{t.key}} texts by language index from here on.
  std::vector<const boost::json::object*> bases;
  for (const auto& [lang, b] : bases_) bases.push_back(&b);
  for (auto& [name, t] : templates_) t.bind(bases);
  layout_head_->bind(bases);
  layout_tail_->bind(bases);
  static_root_ = (base / "static").string();
}

Views::~Views() = default;

Views::Base Views::base(const std::string& lang) const {
  // Each language's merged catalogue already has Dutch in its gaps; an unknown language is Dutch.
  auto b = bases_.find(lang);
  if (b == bases_.end()) b = bases_.find("nl");
  return {&b->second, static_cast<int>(std::distance(bases_.begin(), b))};
}

const Template& Views::find(const std::string& name) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template " + name);
  return it->second;
}

std::string Views::render_page(const std::string& name, const boost::json::object& model,
                               const boost::json::object& layout, const std::string& lang) const {
  const Template& body = find(name);
  const Base b = base(lang);
  std::string out;
  out.reserve(48 * 1024);  // most pages fit without growing
  layout_head_->render_into(out, layout, *b.object, &templates_, b.index);
  body.render_into(out, model, *b.object, &templates_, b.index);
  layout_tail_->render_into(out, layout, *b.object, &templates_, b.index);
  return out;
}

std::string Views::render(const std::string& name, const boost::json::object& model,
                          const std::string& lang) const {
  const Template& t = find(name);
  const Base b = base(lang);
  std::string out;
  out.reserve(4 * 1024);
  t.render_into(out, model, *b.object, &templates_, b.index);
  return out;
}

const boost::json::object& Views::catalogue(const std::string& lang) const {
  return base(lang).object->at("t").get_object();
}

const boost::json::string* Views::find_message(const std::string& lang,
                                               std::string_view key) const {
  const boost::json::value* v = catalogue(lang).if_contains(key);
  return v && v->is_string() ? &v->get_string() : nullptr;
}

std::string Views::message(const std::string& lang, const std::string& key,
                           const std::string& arg) const {
  const boost::json::string* v = find_message(lang, key);
  if (!v) {
    std::int64_t n = 0;
    std::from_chars(arg.data(), arg.data() + arg.size(), n);
    return find_plural(lang, key) ? plural(lang, key, n, {{"n", arg}}) : key;
  }
  std::string s(*v);
  if (auto pos = s.find("{0}"); pos != std::string::npos) s.replace(pos, 3, arg);
  return s;
}

std::string Views::message_with(const std::string& lang, const std::string& key,
                                const std::map<std::string, std::string>& values) const {
  const boost::json::string* v = find_message(lang, key);
  return v ? fill(*v, values) : key;
}

const Views::Plural* Views::find_plural(const std::string& lang, std::string_view key) const {
  auto p = plurals_.find(lang);
  if (p == plurals_.end()) p = plurals_.find("nl");
  const auto it = p->second.texts.find(key);
  return it == p->second.texts.end() ? nullptr : &it->second;
}

std::string Views::plural(const std::string& lang, const std::string& key, std::int64_t n,
                          const std::map<std::string, std::string>& values) const {
  const Plural* p = find_plural(lang, key);
  if (!p) return key;
  std::map<std::string, std::string> with_n = values;
  with_n.emplace("n", std::to_string(n));
  // gettext's numbers are unsigned: a negative count takes the form of its size.
  const std::uint64_t size =
      n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  const auto form = p->forms->index(size);
  return fill(p->texts[static_cast<std::size_t>(form)], with_n);
}

const std::string& text_lang_for(const std::string& lang, Role role) {
  static const std::string kInformal = "nl-je";
  return lang == "nl" && addressed_informally(role) ? kInformal : lang;
}

}  // namespace meedoen::web
