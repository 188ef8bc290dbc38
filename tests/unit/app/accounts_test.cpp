#include "app_fixture.hpp"

namespace meedoen::testing {
namespace {

using AuthTest = AppTest;

TEST_F(AuthTest, LoginRotatesTheSessionId) {
  auto anon = app_->accounts().start_session("nl");
  auto s = app_->accounts().login(anon.token, "dokter", kPassword);
  ASSERT_TRUE(s.ok());
  EXPECT_NE(s->token, anon.token);
  EXPECT_FALSE(app_->accounts().resume_session(anon.token).has_value());
  ASSERT_TRUE(app_->accounts().resume_session(s->token).has_value());
  EXPECT_EQ(app_->accounts().resume_session(s->token)->user->username, "dokter");
}

// Which languages exist is web's to say (a catalogue each); a session keeps any language code, and
// nothing else.
TEST_F(AuthTest, ASessionKeepsAnyLanguageCodeAndNothingElse) {
  EXPECT_EQ(app_->accounts().start_session("de").lang, "de");
  EXPECT_EQ(app_->accounts().start_session("<b>").lang, "nl");
  auto s = app_->accounts().start_session("nl");
  app_->accounts().set_language(s.token, "pt-br");
  EXPECT_EQ(app_->accounts().resume_session(s.token)->lang, "pt-br");
  for (const char* junk : {"", "x", "EN", "en;drop", "a-very-long-language"}) {
    app_->accounts().set_language(s.token, junk);
    EXPECT_EQ(app_->accounts().resume_session(s.token)->lang, "pt-br") << junk;
  }
}

TEST_F(AuthTest, IdleSessionsExpire) {
  auto s = app_->accounts().login("", "dokter", kPassword);
  clock_->advance(app_->config().idle_timeout_seconds + 1);
  EXPECT_FALSE(app_->accounts().resume_session(s->token).has_value());
}

TEST_F(AuthTest, LogOutAndADisabledUserEndASessionAtOnceInThisProcess) {
  auto s = app_->accounts().login("", "dokter", kPassword);
  ASSERT_TRUE(app_->accounts().resume_session(s->token).has_value());  // now cached
  app_->accounts().logout(s->token);
  EXPECT_FALSE(app_->accounts().resume_session(s->token).has_value());
  auto again = app_->accounts().login("", "dokter", kPassword);
  ASSERT_TRUE(app_->accounts().resume_session(again->token).has_value());
  ASSERT_TRUE(app_->admin().set_user_active(nullptr, "dokter", false).ok());
  EXPECT_FALSE(app_->accounts().resume_session(again->token).has_value());
}

// Another process (here a second App on the same database) logs the session out: this process
// trusts what it read for at most session_cache_seconds, then reads again.
TEST_F(AuthTest, ALogOutElsewhereTakesEffectWithinTheSessionCacheTime) {
  auto s = app_->accounts().login("", "dokter", kPassword);
  ASSERT_TRUE(app_->accounts().resume_session(s->token).has_value());
  AppConfig cfg = app_->config();
  auto other = App::open(cfg, std::make_unique<FixedClock>(app_->now()));
  ASSERT_TRUE(other.ok());
  (*other)->accounts().logout(s->token);
  EXPECT_TRUE(app_->accounts().resume_session(s->token).has_value());
  clock_->advance(cfg.session_cache_seconds);
  EXPECT_FALSE(app_->accounts().resume_session(s->token).has_value());
}

TEST_F(AuthTest, RepeatedFailuresSlowLoginDown) {
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(app_->accounts().login("", "dokter", "fout").error().kind,
              ErrorKind::kUnauthenticated);
  auto fifth = app_->accounts().login("", "dokter", "fout");
  EXPECT_EQ(fifth.error().kind, ErrorKind::kTooMany);
  // Even the right password waits now.
  EXPECT_EQ(app_->accounts().login("", "dokter", kPassword).error().message_key,
            "error.login.wait");
  clock_->advance(31);
  EXPECT_TRUE(app_->accounts().login("", "dokter", kPassword).ok());
}

TEST_F(AuthTest, AnAttackerCannotLockAPersonOut) {
  const std::string attacker = "198.51.100.7", person = "203.0.113.5";
  for (int i = 0; i < 30; ++i) (void)app_->accounts().login("", "dokter", "fout", attacker);
  EXPECT_EQ(app_->accounts().login("", "dokter", kPassword, attacker).error().kind,
            ErrorKind::kTooMany);
  // The right password from a client that did not fail gets in at once.
  EXPECT_TRUE(app_->accounts().login("", "dokter", kPassword, person).ok());
}

TEST_F(AuthTest, GuessingWhileLockedDoesNotMakeTheLockLonger) {
  const std::string client = "198.51.100.7";
  for (int i = 0; i < 5; ++i) (void)app_->accounts().login("", "dokter", "fout", client);
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(app_->accounts().login("", "dokter", "fout", client).error().detail, "1");
  clock_->advance(31);
  EXPECT_TRUE(app_->accounts().login("", "dokter", kPassword, client).ok());
}

TEST_F(AuthTest, KnownAndUnknownNamesGetTheSameAnswers) {
  const std::string client = "198.51.100.9";
  for (int i = 0; i < 8; ++i) {
    auto known = app_->accounts().login("", "dokter", "fout", client);
    auto unknown = app_->accounts().login("", "niemand-" + std::string("x"), "fout", client);
    ASSERT_FALSE(known.ok());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(known.error().kind, unknown.error().kind) << "attempt " << i;
    EXPECT_EQ(known.error().message_key, unknown.error().message_key) << "attempt " << i;
    EXPECT_EQ(known.error().detail, unknown.error().detail) << "attempt " << i;
  }
}

TEST_F(AuthTest, ManyNamesFromOneClientMakeThatClientWait) {
  const std::string sprayer = "198.51.100.10";
  for (int i = 0; i < 20; ++i)
    (void)app_->accounts().login("", "naam" + std::to_string(i), "fout", sprayer);
  EXPECT_EQ(app_->accounts().login("", "dokter", kPassword, sprayer).error().kind,
            ErrorKind::kTooMany);
  EXPECT_TRUE(app_->accounts().login("", "dokter", kPassword, "203.0.113.5").ok());
}

TEST_F(AuthTest, DisabledUsersCannotLogIn) {
  ASSERT_TRUE(app_->admin().set_user_active(nullptr, "dokter", false).ok());
  EXPECT_FALSE(app_->accounts().login("", "dokter", kPassword).ok());
}

}  // namespace
}  // namespace meedoen::testing
