// An App with a Zelfregiecentrum: Matilo in Meerburg with one room, greet its host, and karim a
// host of another wijk who does not host it. Shared by the tests of the areas centres, activities
// and occurrences.
#pragma once

#include "app_fixture.hpp"

namespace meedoen::testing {

class CentreTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    auto zrc = app_->admin().create_org(&admin_, {OrgId(), "Zelfregiecentrum", "other"});
    ASSERT_TRUE(zrc.ok());
    add("greet", "host", *zrc, {meerburg_});
    add("karim", "host", *zrc, {stevenshof_});
    greet_ = login("greet");
    karim_ = login("karim");
    auto c = app_->centres().create(
        admin_, {meerburg_, "Matilo", "Willem de Zwijgerlaan 2", 0, {{RoomId(), "Huiskamer", 30}}});
    ASSERT_TRUE(c.ok()) << c.error().message_key;
    matilo_ = *c;
    ASSERT_TRUE(app_->centres().add_host(admin_, matilo_, greet_.id).ok());
    room_ = app_->activities().public_calendar(matilo_)->centre.rooms.at(0).id;
  }

  User greet_, karim_;
  CentreId matilo_;
  RoomId room_;
};

}  // namespace meedoen::testing
