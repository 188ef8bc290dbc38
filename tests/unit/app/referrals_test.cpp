// Referrals: consent and what it covers, the one-time link, and reminders.
#include <algorithm>

#include "brigade_fixture.hpp"

namespace meedoen::testing {
namespace {

TEST_F(BrigadeTest, AReferralNeedsConsentAndCarriesOnlyWhatItCovers) {
  RequestId id = assigned(mo_);
  NewReferralInput in{id, "wijkteam", team_org_, "", "Wil hulp bij post.", consent(), "verbal"};
  NewReferralInput no_consent = in;
  no_consent.consent.purpose = "";
  EXPECT_EQ(app_->referrals().create(mo_, no_consent).error().message_key, "error.consent.purpose");
  NewReferralInput story_not_covered = in;
  story_not_covered.consent.fields.story = false;
  EXPECT_EQ(app_->referrals().create(mo_, story_not_covered).error().message_key,
            "error.consent.story_not_covered");
  EXPECT_EQ(app_->referrals().create(anouk_, in).error().kind, ErrorKind::kForbidden);
  auto r = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  EXPECT_TRUE(r->inbox);
  EXPECT_FALSE(r->link_sent);
  EXPECT_EQ(app_->brigade().request_detail(mo_, id)->row.request.outcome,
            Outcome::kReferredWijkteam);

  auto inbox = app_->referrals().inbox(noor_);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->size(), 1u);
  ASSERT_TRUE((*inbox)[0].identity.has_value());
  EXPECT_EQ((*inbox)[0].identity->name, "Gerrit Visser");
  EXPECT_EQ((*inbox)[0].identity->address, "Lammenschansweg 12");
  EXPECT_TRUE((*inbox)[0].identity->phone.empty());
  EXPECT_TRUE(app_->referrals().inbox(gp_)->empty()) << "another organisation sees nothing";
  EXPECT_EQ(app_->referrals().inbox(mo_).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(app_->referrals().answer(gp_, r->id, {"intake_planned", "2026-12-01", ""}).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(app_->referrals().answer(noor_, r->id, {"intake_planned", "", ""}).error().field,
            "intake_date");
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_planned", "2026-12-01", ""}).ok());
  ASSERT_TRUE(app_->referrals().answer(noor_, r->id, {"intake_done", "", ""}).ok());
  EXPECT_EQ(app_->referrals().answer(noor_, r->id, {"declined", "", "te laat"}).error().kind,
            ErrorKind::kConflict);
}

TEST_F(BrigadeTest, TheOneTimeLinkWorksOnceAndExpires) {
  RequestId id = assigned(mo_);
  NewReferralInput in{id, "debt_help", debt_org_, "aanmelden@schuldhulp.example",
                      "", consent(),   "verbal"};
  in.consent.fields = {false, false, true, false};
  EXPECT_FALSE(app_->referrals()
                   .create(mo_, {id, "debt_help", debt_org_, "geen-adres", "", consent(), "verbal"})
                   .ok());
  auto r = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r.ok()) << r.error().message_key;
  EXPECT_TRUE(r->link_sent);
  auto mail = app_->mail().pending(10);
  std::erase_if(mail, [](const OutboxMail& m) { return m.to != "aanmelden@schuldhulp.example"; });
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].kind, "referral_link");
  for (const auto& [name, value] : mail[0].params)
    EXPECT_EQ(value.find("Gerrit"), std::string::npos) << name;
  ASSERT_TRUE(mail[0].params.contains("token"));
  const std::string token = mail[0].params.at("token");

  EXPECT_EQ(app_->referrals().by_token("verkeerd").error().kind, ErrorKind::kNotFound);
  auto view = app_->referrals().by_token(token);
  ASSERT_TRUE(view.ok());
  EXPECT_FALSE(view->used || view->expired);
  EXPECT_EQ(view->view.referral.status, ReferralStatus::kReceived)
      << "opening the link is receiving it";
  EXPECT_FALSE(view->view.identity.has_value()) << "only after a deliberate click";
  EXPECT_TRUE(view->may_reveal);
  view = app_->referrals().by_token(token, true);
  ASSERT_TRUE(view->view.identity.has_value());
  EXPECT_TRUE(view->view.identity->name.empty()) << "the consent covers the phone only";
  EXPECT_EQ(app_->referrals().answer_by_token(token, {"declined", "", ""}).error().field, "note");
  ASSERT_TRUE(app_->referrals().answer_by_token(token, {"intake_planned", "2026-12-02", ""}).ok());
  EXPECT_EQ(app_->referrals().answer_by_token(token, {"intake_done", "", ""}).error().message_key,
            "error.link.used");
  auto after = app_->referrals().by_token(token, true);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->used);
  EXPECT_FALSE(after->view.identity.has_value());
  EXPECT_EQ(app_->brigade().request_detail(mo_, id)->referrals.at(0).referral.status,
            ReferralStatus::kIntakePlanned);

  // A second referral's link expires unused.
  auto r2 = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r2.ok());
  mail = app_->mail().pending(10);
  const std::string token2 = mail.back().params.at("token");
  clock_->advance(15 * 86400);
  auto expired = app_->referrals().by_token(token2, true);
  ASSERT_TRUE(expired.ok());
  EXPECT_TRUE(expired->expired);
  EXPECT_FALSE(expired->view.identity.has_value());
  EXPECT_EQ(app_->referrals()
                .answer_by_token(token2, {"intake_planned", "2026-12-20", ""})
                .error()
                .message_key,
            "error.link.expired");
}

TEST_F(BrigadeTest, AReminderSendsAFreshLinkAndRetiresTheOldOne) {
  RequestId id = assigned(mo_);
  NewReferralInput in{id, "debt_help", debt_org_, "aanmelden@schuldhulp.example",
                      "", consent(),   "verbal"};
  in.consent.fields = {false, false, true, false};
  auto r = app_->referrals().create(mo_, in);
  ASSERT_TRUE(r.ok());
  auto tokens = [&]() {
    std::vector<std::string> out;
    for (const auto& m : app_->mail().pending(100))
      if (m.params.contains("token")) out.push_back(m.params.at("token"));
    return out;
  };
  const std::string first = tokens().at(0);
  EXPECT_EQ(app_->referrals().remind(anouk_, r->id).error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(app_->referrals().remind(mo_, r->id).ok());
  const auto all = tokens();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(app_->mail().pending(100).back().kind, "referral_reminder");
  EXPECT_TRUE(app_->referrals().by_token(first)->used) << "the old link stops working";
  EXPECT_FALSE(app_->referrals().by_token(all[1])->used);
  ASSERT_TRUE(app_->referrals().answer_by_token(all[1], {"intake_planned", "2026-12-03", ""}).ok());
  EXPECT_EQ(app_->referrals().remind(coord_, r->id).error().kind, ErrorKind::kConflict)
      << "answered";
}

}  // namespace
}  // namespace meedoen::testing
