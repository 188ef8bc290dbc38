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
  for (const auto& e : fs::directory_iterator(base / "templates")) {
    if (e.path().extension() != ".mustache") continue;
    try {
      templates_.emplace(e.path().stem().string(), Template(read_file(e.path())));
    } catch (const std::runtime_error& err) {
      throw std::runtime_error("template " + e.path().string() + ": " + err.what());
    }
  }
  for (const auto& e : fs::directory_iterator(base / "messages")) {
    if (e.path().extension() != ".json") continue;
    boost::json::error_code ec;
    auto v = boost::json::parse(read_file(e.path()), ec);
    if (ec || !v.is_object()) throw std::runtime_error("message catalogue " + e.path().string() + " is not a JSON object");
    catalogues_[e.path().stem().string()] = v.get_object();
  }
  if (!catalogues_.count("nl")) throw std::runtime_error("messages/nl.json is missing");
  for (const auto& [lang, cat] : catalogues_) {
    boost::json::object merged = catalogues_.at("nl");
    for (const auto& [k, v] : cat) merged[k] = v;
    boost::json::object b;
    b["t"] = std::move(merged);
    bases_[lang] = std::move(b);
  }
  static_root_ = (base / "static").string();
}

Views::~Views() = default;

std::string Views::render(const std::string& name, const boost::json::object& model,
                          const std::string& lang) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template " + name);
  auto b = bases_.find(lang);
  if (b == bases_.end()) b = bases_.find("nl");
  return it->second.render(model, b->second);
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
