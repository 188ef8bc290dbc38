#include "web/template.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace meedoen::web {
namespace {

std::string render(const std::string& src, const std::string& model_json,
                   const std::string& base_json = "{}") {
  const auto model = boost::json::parse(model_json).as_object();
  const auto base = boost::json::parse(base_json).as_object();
  return Template(src).render(model, base);
}

TEST(Template, EscapesVariablesAndLeavesTripleMustacheRaw) {
  EXPECT_EQ(render("<p>{{x}}</p>", R"({"x": "<b>\"Jan\" & 'Piet'</b>"})"),
            "<p>&lt;b&gt;&quot;Jan&quot; &amp; &#39;Piet&#39;&lt;/b&gt;</p>");
  EXPECT_EQ(render("{{{x}}}", R"({"x": "<b>ok</b>"})"), "<b>ok</b>");
  EXPECT_EQ(render("{{n}}/{{missing}}/{{flag}}", R"({"n": 42, "flag": true})"), "42//");
}

TEST(Template, SectionsFollowMustacheTruthiness) {
  const std::string src = "{{#v}}yes{{/v}}{{^v}}no{{/v}}";
  EXPECT_EQ(render(src, R"({"v": true})"), "yes");
  EXPECT_EQ(render(src, R"({"v": false})"), "no");
  EXPECT_EQ(render(src, R"({"v": ""})"), "no");
  EXPECT_EQ(render(src, R"({"v": "x"})"), "yes");
  EXPECT_EQ(render(src, R"({"v": []})"), "no");
  EXPECT_EQ(render(src, R"({})"), "no");
}

TEST(Template, ListsIterateAndNamesResolveOutwards) {
  EXPECT_EQ(render("{{#rows}}[{{id}}:{{csrf}}]{{/rows}}",
                   R"({"csrf": "k", "rows": [{"id": 1}, {"id": 2}]})"),
            "[1:k][2:k]");
  EXPECT_EQ(render("{{#names}}{{.}};{{/names}}", R"({"names": ["a", "b"]})"), "a;b;");
  EXPECT_EQ(render("{{#s}}{{code}}{{/s}}", R"({"s": {"code": "R-7K3Q"}})"), "R-7K3Q");
}

TEST(Template, DottedNamesAndTheBaseContext) {
  EXPECT_EQ(render("{{t.hello}} {{errors.name}}", R"({"errors": {"name": "fout"}})",
                   R"({"t": {"hello": "Hallo"}})"),
            "Hallo fout");
  // A dotted name is looked up from where its first part is found, not further out.
  EXPECT_EQ(render("{{#item}}{{x.hello}}{{/item}}", R"({"item": {"x": {}}})",
                   R"({"x": {"hello": "Hallo"}})"),
            "");
  // Except `t`, reserved for the catalogue in the base: a model cannot shadow it.
  EXPECT_EQ(render("{{#item}}{{t.hello}}{{/item}}", R"({"item": {"t": {}}})",
                   R"({"t": {"hello": "Hallo"}})"),
            "Hallo");
}

TEST(Template, CommentsAreDroppedAndErrorsAreReported) {
  EXPECT_EQ(render("a{{! een\nopmerking }}b", "{}"), "ab");
  EXPECT_THROW(Template("{{#open}}never closed"), std::runtime_error);
  EXPECT_THROW(Template("{{#a}}{{/b}}"), std::runtime_error);
  EXPECT_THROW(Template("{{unclosed"), std::runtime_error);
  EXPECT_THROW(Template("{{> }}"), std::runtime_error);
  EXPECT_THROW(Template("{{=<% %>=}}"), std::runtime_error);
}

TEST(Template, BoundCatalogueTextsMatchTheLookUp) {
  const auto nl = boost::json::parse(R"({"t": {"hi": "Hallo"}})").as_object();
  const auto en = boost::json::parse(R"({"t": {"hi": "Hello"}})").as_object();
  Template tpl("{{t.hi}}/{{t.missing}}/{{#rows}}{{t.hi}}{{/rows}}");
  const auto model = boost::json::parse(R"({"rows": [1, 2]})").as_object();
  const std::string unbound_nl = tpl.render(model, nl);
  tpl.bind({&nl, &en});
  std::string out;
  tpl.render_into(out, model, nl, nullptr, 0);
  EXPECT_EQ(out, unbound_nl);
  EXPECT_EQ(out, "Hallo//HalloHallo");
  out.clear();
  tpl.render_into(out, model, en, nullptr, 1);
  EXPECT_EQ(out, "Hello//HelloHello");
  EXPECT_EQ(tpl.render(model, en), "Hello//HelloHello");  // without an index: by name, as before
}

TEST(Template, PartialsRenderWithTheCurrentContext) {
  Template::Partials partials;
  partials.emplace("item", Template("<li>{{id}} {{csrf}}</li>"));
  partials.emplace("loop", Template("{{> loop}}x"));
  const auto model =
      boost::json::parse(R"({"csrf": "k", "rows": [{"id": 1}, {"id": 2}]})").as_object();
  const boost::json::object base;
  const Template list("<ul>{{#rows}}{{> item}}{{/rows}}</ul>");
  EXPECT_EQ(list.partials(), std::vector<std::string>{"item"});
  EXPECT_EQ(list.render(model, base, &partials), "<ul><li>1 k</li><li>2 k</li></ul>");
  EXPECT_EQ(list.render(model, base), "<ul></ul>");  // no partials given: nothing
  // A partial that includes itself stops at a fixed depth instead of running forever.
  EXPECT_EQ(Template("{{> loop}}").render(model, base, &partials), "xxxxxxxx");
}

}  // namespace
}  // namespace meedoen::web
