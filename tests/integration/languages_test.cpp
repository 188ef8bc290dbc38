// A city adds a language by adding messages/<code>.po: the switch offers it, a reader can choose
// it, and what it does not translate reads in Dutch. No code knows the language.
#include "http_fixture.hpp"

namespace meedoen {
namespace {

namespace fs = std::filesystem;

class LanguagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("meedoen-lang-" + std::to_string(std::random_device{}()));
    const fs::path source(MEEDOEN_SOURCE_DIR);
    fs::create_directories(dir_ / "root" / "messages");
    fs::create_directory_symlink(source / "templates", dir_ / "root" / "templates");
    for (const char* name : {"nl.po", "en.po", "nl-je.po"})
      fs::copy_file(source / "messages" / name, dir_ / "root" / "messages" / name);
    std::ofstream(dir_ / "root" / "messages" / "de.po")
        << "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n"
           "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
           "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
           "msgid \"language_name\"\nmsgstr \"Deutsch\"\n\n"
           "msgid \"login_title\"\nmsgstr \"Anmelden\"\n";
    AppConfig cfg;
    cfg.db_path = (dir_ / "m.db").string();
    cfg.key_file = (dir_ / "m.key").string();
    auto app = App::open(cfg);
    ASSERT_TRUE(app.ok());
    app_ = std::move(*app);
    site_ = std::make_unique<web::Site>(*app_,
                                        web::SiteOptions{(dir_ / "root").string(), false, "", {}});
    web::ServerOptions so;
    so.port = 0;
    server_ = std::make_unique<web::Server>(
        so, [this](const web::Request& r) { return site_->handle(r); });
    thread_ = std::thread([this] { server_->run(false); });
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
    server_.reset();
    site_.reset();
    app_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<App> app_;
  std::unique_ptr<web::Site> site_;
  std::unique_ptr<web::Server> server_;
  std::thread thread_;
};

std::string button(const std::string& code, const std::string& name) {
  return "name=\"lang\" value=\"" + code + "\" lang=\"" + code + "\">" + name + "</button>";
}

TEST_F(LanguagesTest, ANewCatalogueIsALanguageToChoose) {
  Client c(server_->port());
  auto page = c.get("/login");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(button("de", "Deutsch")), std::string::npos) << page.body;
  EXPECT_NE(page.body.find(button("en", "English")), std::string::npos);
  EXPECT_EQ(page.body.find("value=\"nl-je\""), std::string::npos) << "Dutch for peers is no choice";
  EXPECT_EQ(page.body.find(button("nl", "Nederlands")), std::string::npos) << "the current one";

  EXPECT_EQ(c.post("/taal", "lang=de&back=/login").status, 303);
  page = c.get("/login");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html lang=\"de\">"), std::string::npos);
  EXPECT_NE(page.body.find("Anmelden"), std::string::npos);
  EXPECT_NE(page.body.find("Log in met uw gebruikersnaam"), std::string::npos) << "Dutch in gaps";
  EXPECT_NE(page.body.find(button("nl", "Nederlands")), std::string::npos);

  // A language without a catalogue is no choice.
  EXPECT_EQ(c.post("/taal", "lang=fr&back=/login").status, 303);
  EXPECT_NE(c.get("/login").body.find("<html lang=\"de\">"), std::string::npos);
}

}  // namespace
}  // namespace meedoen
