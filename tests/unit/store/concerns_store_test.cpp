// What a centre's hosts passed on (store/concerns_store.hpp): kept per centre, newest first, with
// the call-backs that wait however old, made once, and without the visitor once they are
// forgotten.
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class ConcernsStoreContract : public StoreContract {
 protected:
  CentreId centre(const World& w, const std::string& name = "Matilo") {
    return committed([&](Tx& tx) {
      Centre c;
      c.wijk_id = w.wijk;
      c.name = name;
      c.updated_at = kT0;
      return tx.centres().insert_centre(c);
    });
  }

  VisitorId visitor(const World& w, CentreId c, const std::string& name) {
    return committed([&](Tx& tx) {
      Visitor v;
      v.centre_id = c;
      v.name = name;
      v.created_by = w.user;
      v.created_at = kT0;
      return tx.visitors().insert_visitor(v);
    });
  }

  ConcernId concern(const World& w, CentreId c, ConcernRoute route, VisitorId v, Timestamp at,
                    ResidentId resident = ResidentId(), const std::string& note = "") {
    return committed([&](Tx& tx) {
      Concern k;
      k.centre_id = c;
      k.route = route;
      k.visitor = v;
      k.resident = resident;
      k.note = note;
      k.recorded_by = w.user;
      k.created_at = at;
      return tx.concerns().insert_concern(k);
    });
  }
};

TEST_P(ConcernsStoreContract, AConcernIsKeptAsItWasPassedOn) {
  const World w = world();
  const CentreId c = centre(w);
  const VisitorId ans = visitor(w, c, "Ans");
  const ConcernId id = concern(w, c, ConcernRoute::kOverleg, ans, kT0, w.resident);
  const auto got = read()->concerns().get_concern(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->centre_id, c);
  EXPECT_EQ(got->route, ConcernRoute::kOverleg);
  EXPECT_EQ(got->visitor, ans);
  EXPECT_EQ(got->resident, w.resident);
  EXPECT_FALSE(got->request.valid());
  EXPECT_EQ(got->recorded_by, w.user);
  EXPECT_EQ(read()->concerns().resident_of_visitor(ans), w.resident);
  const auto anonymous = concern(w, c, ConcernRoute::kBrigade, VisitorId(), kT0);
  EXPECT_FALSE(read()->concerns().get_concern(anonymous)->visitor.valid());
  EXPECT_FALSE(read()->concerns().get_concern(ConcernId(anonymous.value + 10)));
}

TEST_P(ConcernsStoreContract, ACentreSeesItsRecentConcernsAndEveryCallBackThatWaits) {
  const World w = world();
  const CentreId c = centre(w);
  const CentreId other = centre(w, "Stevenshof");
  const VisitorId ans = visitor(w, c, "Ans");
  const auto old_call = concern(w, c, ConcernRoute::kCallBack, ans, kT0 - 90 * 86400, {}, "ma");
  concern(w, c, ConcernRoute::kBrigade, VisitorId(), kT0 - 90 * 86400);  // followed no longer
  const auto recent = concern(w, c, ConcernRoute::kBrigade, VisitorId(), kT0);
  concern(w, other, ConcernRoute::kBrigade, VisitorId(), kT0);
  EXPECT_EQ(ids_of(read()->concerns().concerns_of_centre(c, kT0 - 30 * 86400)),
            (std::vector<ConcernId>{recent, old_call}));

  EXPECT_TRUE(
      committed([&](Tx& tx) { return tx.concerns().mark_done(old_call, kT0 + 5, w.user); }));
  EXPECT_FALSE(
      committed([&](Tx& tx) { return tx.concerns().mark_done(old_call, kT0 + 9, w.user); }));
  EXPECT_EQ(read()->concerns().get_concern(old_call)->done_at, kT0 + 5);
  EXPECT_EQ(ids_of(read()->concerns().concerns_of_centre(c, kT0 - 30 * 86400)),
            (std::vector<ConcernId>{recent}));
}

TEST_P(ConcernsStoreContract, AForgottenVisitorIsTakenOutOfWhatWasPassedOn) {
  const World w = world();
  const CentreId c = centre(w);
  const VisitorId ans = visitor(w, c, "Ans");
  const auto passed = concern(w, c, ConcernRoute::kOverleg, ans, kT0, w.resident);
  const auto call = concern(w, c, ConcernRoute::kCallBack, ans, kT0, {}, "donderdag");
  committed([&](Tx& tx) { tx.visitors().forget_visitor(ans, kT0 + 60); });
  const auto p = read()->concerns().get_concern(passed);
  EXPECT_FALSE(p->visitor.valid());
  EXPECT_EQ(p->resident, w.resident);  // the signal's record stays
  const auto k = read()->concerns().get_concern(call);
  EXPECT_EQ(k->note, "");
  EXPECT_EQ(k->done_at, kT0 + 60);  // a call-back for nobody is no longer waiting
  EXPECT_FALSE(read()->concerns().resident_of_visitor(ans));
}

}  // namespace

MEEDOEN_STORE_CONTRACT(ConcernsStoreContract);

}  // namespace meedoen::testing
