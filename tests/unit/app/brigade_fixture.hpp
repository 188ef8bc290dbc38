// The fixture of the brigade's tests: a wijk with a coordinator, peers, a wijkteam worker and
// partner organisations.
#pragma once

#include "app_fixture.hpp"

namespace meedoen::testing {

class BrigadeTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    auto lumen = app_->admin().create_org(&admin_, {OrgId(), "Lumen", "client_organisation"});
    auto team = app_->admin().create_org(&admin_, {OrgId(), "Sociaal Wijkteam", "wijkteam"});
    auto debt = app_->admin().create_org(&admin_, {OrgId(), "Schuldhulp", "other"});
    ASSERT_TRUE(lumen.ok() && team.ok() && debt.ok());
    team_org_ = *team;
    debt_org_ = *debt;
    add("coord", "coordinator", *lumen, {meerburg_});
    add("mo.benali", "peer", *lumen, {meerburg_});
    add("anouk", "peer", *lumen, {meerburg_});
    add("noor", "wijkteam", *team, {meerburg_});
    coord_ = login("coord");
    mo_ = login("mo.benali");
    anouk_ = login("anouk");
    noor_ = login("noor");
    ASSERT_TRUE(app_->peers()
                    .save_profile(mo_, {{"nl", "ar"}, {"addiction"}, "male", 4, "mo@example.org"})
                    .ok());
    ASSERT_TRUE(app_->peers().save_profile(anouk_, {{"nl"}, {}, "female", 4, ""}).ok());
  }

  RequestId request(const std::string& name = "Gerrit Visser") {
    NewRequestInput in;
    in.wijk = meerburg_;
    in.identity.name = name;
    in.identity.address = "Lammenschansweg 12";
    in.known = "Komt de deur niet meer uit.";
    auto r = app_->brigade().create_request(noor_, in);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message_key);
    return r.ok() ? *r : RequestId();
  }

  RequestId assigned(const User& peer, const std::string& name = "Gerrit Visser") {
    RequestId id = request(name);
    EXPECT_TRUE(app_->brigade().assign_peers(coord_, id, {peer.id}).ok());
    EXPECT_TRUE(app_->brigade().respond_assignment(peer, id, true, "").ok());
    return id;
  }

  int identity_reads(ResidentId r, const std::string& username) {
    auto audit = app_->audit().for_resident(admin_, r);
    if (!audit.ok()) return -1;
    return static_cast<int>(std::count_if(audit->begin(), audit->end(), [&](const AuditEntry& e) {
      return e.event == "read_identity" && e.user_label.rfind(username + " ", 0) == 0;
    }));
  }

  Consent consent() {
    Consent c;
    c.given_by = "resident";
    c.date = "2026-11-23";
    c.purpose = "Hulp bij geldzaken";
    c.fields = {true, true, false, true};
    return c;
  }

  // The chair's decision on the first item of meeting `m` that the brigade goes, with the
  // coordinator as the action's owner.
  RecordItemInput brigade_decision(MeetingId m, const std::string& due = "2026-12-14") {
    auto item = app_->meetings().view(chair_, m)->items.at(0).item;
    return {m,
            item.id,
            item.version,
            "Brigade gaat langs",
            Decision::kBrigade,
            std::nullopt,
            coord_.id,
            due,
            false,
            {}};
  }

  OrgId team_org_, debt_org_;
  User coord_, mo_, anouk_, noor_;
};

}  // namespace meedoen::testing
