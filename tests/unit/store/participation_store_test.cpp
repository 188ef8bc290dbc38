// The notes of a visitor's participation (store/participation_store.hpp): kept as written, the
// newest first, deleted with the consent or with the visitor, and read for the figures per wijk.
#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

class ParticipationStoreContract : public StoreContract {
 protected:
  CentreId centre(WijkId wijk, const std::string& name) {
    return committed([&](Tx& tx) {
      Centre c;
      c.wijk_id = wijk;
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

  ParticipationNoteId note(const World& w, VisitorId v, std::int64_t day, int rung,
                           const std::string& goal = "") {
    return committed([&](Tx& tx) {
      ParticipationNote n;
      n.visitor = v;
      n.day = day;
      n.rung = rung;
      n.goal = goal;
      n.recorded_by = w.user;
      n.recorded_at = kT0 + day;
      return tx.participation().insert_note(n);
    });
  }
};

TEST_P(ParticipationStoreContract, NotesAreKeptAsWrittenTheNewestFirst) {
  const World w = world();
  const VisitorId ans = visitor(w, centre(w.wijk, "Matilo"), "Ans");
  const auto first = note(w, ans, 100, 1, "weer op tijd mijn bed uit");
  const auto later = note(w, ans, 130, 3);
  const auto same_day = note(w, ans, 130, 0, "iets voor anderen doen");
  const auto got = read()->participation().notes_of_visitor(ans);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(ids_of(got), (std::vector{same_day, later, first}));
  EXPECT_EQ(got[2].goal, "weer op tijd mijn bed uit");
  EXPECT_EQ(got[2].rung, 1);
  EXPECT_EQ(got[2].day, 100);
  EXPECT_EQ(got[2].visitor, ans);
  EXPECT_EQ(got[2].recorded_by, w.user);
  EXPECT_EQ(got[2].recorded_at, kT0 + 100);
}

TEST_P(ParticipationStoreContract, ARungOutsideTheLadderIsRefused) {
  const World w = world();
  const VisitorId ans = visitor(w, centre(w.wijk, "Matilo"), "Ans");
  auto tx = write();
  ParticipationNote n;
  n.visitor = ans;
  n.rung = 7;
  n.recorded_by = w.user;
  EXPECT_ANY_THROW(tx->participation().insert_note(n));
}

TEST_P(ParticipationStoreContract, DeletingTakesOnlyThatVisitorsNotes) {
  const World w = world();
  const CentreId c = centre(w.wijk, "Matilo");
  const VisitorId ans = visitor(w, c, "Ans"), bob = visitor(w, c, "Bob");
  note(w, ans, 100, 1);
  note(w, ans, 110, 2);
  note(w, bob, 100, 4);
  EXPECT_EQ(committed([&](Tx& tx) { return tx.participation().delete_notes_of_visitor(ans); }), 2);
  EXPECT_TRUE(read()->participation().notes_of_visitor(ans).empty());
  EXPECT_EQ(read()->participation().notes_of_visitor(bob).size(), 1u);
}

TEST_P(ParticipationStoreContract, AForgottenVisitorTakesTheirNotesAlong) {
  const World w = world();
  const VisitorId ans = visitor(w, centre(w.wijk, "Matilo"), "Ans");
  note(w, ans, 100, 2, "iets met mijn handen doen");
  committed([&](Tx& tx) {
    tx.visitors().forget_visitor(ans, kT0 + 500);
    return 0;
  });
  EXPECT_TRUE(read()->participation().notes_of_visitor(ans).empty());
}

TEST_P(ParticipationStoreContract, TheFiguresReadTheRungsOfTheirWijkenUpToTheDay) {
  const World w = world();
  const WijkId other = committed([](Tx& tx) { return add_wijk(tx, "Stevenshof"); });
  const CentreId matilo = centre(w.wijk, "Matilo"), elders = centre(other, "Elders");
  const VisitorId ans = visitor(w, matilo, "Ans"), bob = visitor(w, elders, "Bob");
  const auto a1 = note(w, ans, 100, 1);
  note(w, ans, 105, 0, "alleen een doel");  // no rung: not read
  const auto a2 = note(w, ans, 120, 2);
  note(w, ans, 200, 3);  // after the day asked for
  const auto b1 = note(w, bob, 110, 4);
  const auto mine = read()->figures().ladder_notes({w.wijk}, 150);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].note.id, a1);
  EXPECT_EQ(mine[1].note.id, a2);
  EXPECT_EQ(mine[1].centre, matilo);
  EXPECT_EQ(mine[1].note.rung, 2);
  EXPECT_EQ(mine[1].note.visitor, ans);
  EXPECT_EQ(mine[1].note.day, 120);
  const auto all = read()->figures().ladder_notes({}, 150);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].note.id, b1);
  EXPECT_EQ(all[2].centre, elders);
}

MEEDOEN_STORE_CONTRACT(ParticipationStoreContract);

}  // namespace
}  // namespace meedoen::testing
