#include "web/view.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace meedoen::web {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

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
  std::map<std::string, boost::json::object> catalogues;
  for (const auto& e : fs::directory_iterator(base / "messages")) {
    if (e.path().extension() != ".json") continue;
    boost::json::error_code ec;
    auto v = boost::json::parse(read_file(e.path()), ec);
    if (ec || !v.is_object())
      throw std::runtime_error("message catalogue " + e.path().string() + " is not a JSON object");
    catalogues[e.path().stem().string()] = v.get_object();
  }
  if (!catalogues.count("nl")) throw std::runtime_error("messages/nl.json is missing");
  for (const auto& [lang, cat] : catalogues) {
    boost::json::object merged = catalogues.at("nl");
    for (const auto& [k, v] : cat) merged[k] = v;
    boost::json::object b;
    b["t"] = std::move(merged);
    bases_[lang] = std::move(b);
  }
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
  if (!v) return key;
  std::string s(*v);
  if (auto pos = s.find("{0}"); pos != std::string::npos) s.replace(pos, 3, arg);
  return s;
}

std::string Views::message_with(const std::string& lang, const std::string& key,
                                const std::map<std::string, std::string>& values) const {
  const boost::json::string* v = find_message(lang, key);
  if (!v) return key;
  const std::string_view text(*v);
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

const std::string& text_lang_for(const std::string& lang, Role role) {
  static const std::string kInformal = "nl-je";
  return lang == "nl" && addressed_informally(role) ? kInformal : lang;
}

}  // namespace meedoen::web
