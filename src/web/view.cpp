#include "web/view.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace meedoen::web {
namespace {

namespace mu = kainjow::mustache;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

mu::data scalar(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::string:
      // Mustache (the spec) treats "" as false; kainjow does not, so {{#x}} would show empty rows.
      if (v.get_string().empty()) return mu::data{mu::data::type::bool_false};
      return mu::data{std::string(v.get_string())};
    case boost::json::kind::bool_:
      return v.get_bool() ? mu::data{mu::data::type::bool_true} : mu::data{mu::data::type::bool_false};
    case boost::json::kind::int64:
      return mu::data{std::to_string(v.get_int64())};
    case boost::json::kind::uint64:
      return mu::data{std::to_string(v.get_uint64())};
    case boost::json::kind::double_:
      return mu::data{std::to_string(v.get_double())};
    default:
      return mu::data{mu::data::type::bool_false};
  }
}

// kainjow's set() and push_back() copy their argument, which made converting a page's model
// quadratic in its depth. Children are inserted empty and filled in place instead; the const_cast
// is sound because the containers belong to `out`, which is not const.
void fill(mu::data& out, const boost::json::value& v) {
  if (v.is_object()) {
    for (const auto& [k, val] : v.get_object()) {
      const std::string key(k);
      if (val.is_object() || val.is_array()) {
        out.set(key, mu::data{val.is_object() ? mu::data::type::object : mu::data::type::list});
        fill(const_cast<mu::data&>(*out.get(key)), val);
      } else {
        out.set(key, scalar(val));
      }
    }
  } else if (v.is_array()) {
    for (const auto& val : v.get_array()) {
      if (val.is_object() || val.is_array()) {
        out.push_back(mu::data{val.is_object() ? mu::data::type::object : mu::data::type::list});
        fill(const_cast<mu::data&>(out.list_value().back()), val);
      } else {
        out.push_back(scalar(val));
      }
    }
  }
}

mu::data to_data(const boost::json::value& v) {
  if (!v.is_object() && !v.is_array()) return scalar(v);
  mu::data d{v.is_object() ? mu::data::type::object : mu::data::type::list};
  fill(d, v);
  return d;
}

}  // namespace

Views::Views(const std::string& root) {
  namespace fs = std::filesystem;
  const fs::path base(root);
  for (const auto& e : fs::directory_iterator(base / "templates")) {
    if (e.path().extension() != ".mustache") continue;
    const std::string src = read_file(e.path());
    mu::mustache check(src);
    if (!check.is_valid())
      throw std::runtime_error("template " + e.path().string() + ": " + check.error_message());
    sources_[e.path().stem().string()] = src;
  }
  for (const auto& e : fs::directory_iterator(base / "messages")) {
    if (e.path().extension() != ".json") continue;
    boost::json::error_code ec;
    auto v = boost::json::parse(read_file(e.path()), ec);
    if (ec || !v.is_object()) throw std::runtime_error("message catalogue " + e.path().string() + " is not a JSON object");
    catalogues_[e.path().stem().string()] = v.get_object();
  }
  if (!catalogues_.count("nl")) throw std::runtime_error("messages/nl.json is missing");
  static_root_ = (base / "static").string();
}

Views::~Views() = default;

std::string Views::render(const std::string& name, const boost::json::object& model,
                          const std::string& lang) const {
  // Parsed templates are kept per thread: kainjow's render is not safe to share across threads.
  thread_local std::map<const Views*, std::map<std::string, std::unique_ptr<mu::mustache>>> cache;
  thread_local std::map<const Views*, std::map<std::string, mu::data>> catalogue_cache;
  auto& mine = cache[this];
  auto it = mine.find(name);
  if (it == mine.end()) {
    auto src = sources_.find(name);
    if (src == sources_.end()) throw std::runtime_error("no template " + name);
    it = mine.emplace(name, std::make_unique<mu::mustache>(src->second)).first;
  }
  const std::string l = catalogues_.count(lang) ? lang : "nl";
  auto& cats = catalogue_cache[this];
  auto ct = cats.find(l);
  if (ct == cats.end()) {
    // English falls back to Dutch for any key it lacks. The catalogue sits below the model on
    // the context stack as {"t": {...}}, built once per thread and language, never copied.
    boost::json::object merged = catalogues_.at("nl");
    if (l != "nl")
      for (const auto& [k, v] : catalogues_.at(l)) merged[k] = v;
    boost::json::object root;
    root["t"] = std::move(merged);
    ct = cats.emplace(l, to_data(root)).first;
  }
  const mu::data data = to_data(model);
  mu::context<std::string> ctx(&ct->second);
  ctx.push(&data);
  return it->second->render(ctx);
}

std::string Views::message(const std::string& lang, const std::string& key, const std::string& arg) const {
  auto find = [&](const std::string& l) -> const boost::json::value* {
    auto c = catalogues_.find(l);
    if (c == catalogues_.end()) return nullptr;
    return c->second.if_contains(key);
  };
  const boost::json::value* v = find(lang);
  if (!v) v = find("nl");
  if (!v || !v->is_string()) return key;
  std::string s(v->get_string());
  if (auto pos = s.find("{0}"); pos != std::string::npos) s.replace(pos, 3, arg);
  return s;
}

}  // namespace meedoen::web
