// The meetings store's contract: the overleg's meetings, agenda, attendance and actions
// (store/meetings_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const Meeting& m) {
  return std::tie(m.id, m.wijk_id, m.starts_at, m.place, m.held, m.notes, m.version, m.invited);
}

auto fields(const AgendaItem& i) {
  return std::tie(i.id, i.meeting_id, i.signal_id, i.action_id, i.kind, i.position, i.summary,
                  i.decision, i.recorded, i.version);
}

auto fields(const Action& a) {
  return std::tie(a.id, a.signal_id, a.resident_id, a.wijk_id, a.meeting_id, a.decision, a.owner,
                  a.due_date, a.state, a.note, a.created_at, a.settled_at);
}

// The order of a meeting's invitations is not promised.
Meeting with_sorted_invites(Meeting m) {
  m.invited = sorted(m.invited);
  return m;
}

class MeetingsStoreContract : public StoreContract {
 protected:
  // A wijk with a signal on the agenda of a meeting, and a second wijk.
  struct Overleg {
    World w;
    WijkId stevenshof;
    OrgId politie;
    UserId agent;
    SignalId signal, second;
    MeetingId meeting;
  };

  Overleg overleg() {
    return committed([](Tx& tx) {
      Overleg o;
      o.w = add_world(tx);
      o.stevenshof = add_wijk(tx, "Stevenshof");
      o.politie = add_org(tx, "Politie Leiden", "police");
      o.agent = add_user(tx, "agent", Role::kMember, o.politie, {o.w.wijk});
      o.signal = add_signal(tx, o.w);
      o.second = add_signal(tx, o.w, kT0 + 1);
      o.meeting = tx.meetings().insert_meeting(meeting_of(o.w.wijk, kT0 + 7 * kDay));
      return o;
    });
  }

  static Meeting meeting_of(WijkId wijk, Timestamp starts) {
    Meeting m;
    m.wijk_id = wijk;
    m.starts_at = starts;
    m.place = "Buurthuis Matilo";
    return m;
  }

  static AgendaItem item_of(MeetingId meeting, SignalId signal, int position) {
    AgendaItem i;
    i.meeting_id = meeting;
    i.signal_id = signal;
    i.position = position;
    i.summary = "Bewoner is eenzaam";
    return i;
  }

  static Action action_of(const Overleg& o, Decision d, UserId owner, const std::string& due) {
    Action a;
    a.signal_id = o.signal;
    a.resident_id = o.w.resident;
    a.wijk_id = o.w.wijk;
    a.meeting_id = o.meeting;
    a.decision = d;
    a.owner = owner;
    a.due_date = due;
    a.created_at = kT0 + 7 * kDay;
    return a;
  }
};

TEST_P(MeetingsStoreContract, AMeetingIsReadBackWithItsInvitationsAtVersionOne) {
  const World w = world();
  Meeting m = meeting_of(w.wijk, kT0 + kDay);
  m.held = true;
  m.notes = "Algemene notities";
  m.version = 7;  // a new meeting starts at version 1 whatever it says
  committed([&](Tx& tx) {
    const OrgId politie = add_org(tx, "Politie Leiden", "police");
    m.invited = {politie, w.org, politie};
    m.id = tx.meetings().insert_meeting(m);
    m.invited = {w.org, politie};
  });
  m.version = 1;
  auto tx = read();
  EXPECT_EQ(fields(with_sorted_invites(*tx->meetings().get_meeting(m.id))),
            fields(with_sorted_invites(m)));
  EXPECT_FALSE(tx->meetings().get_meeting(MeetingId(m.id.value + 1)));
}

TEST_P(MeetingsStoreContract, AMeetingUpdatesOnlyFromTheStoredVersionAndBumpsIt) {
  const Overleg o = overleg();
  Meeting stale = read()->meetings().get_meeting(o.meeting).value();
  Meeting m = stale;
  m.wijk_id = o.stevenshof;  // not changed by an update
  m.starts_at += 3600;
  m.place = "De Bakkerij";
  m.held = true;
  m.notes = "Goed overleg";
  m.invited = {o.politie};
  EXPECT_TRUE(committed([&](Tx& tx) { return tx.meetings().update_meeting(m); }));
  m.wijk_id = o.w.wijk;
  m.version = 2;
  EXPECT_EQ(fields(*read()->meetings().get_meeting(o.meeting)), fields(m));

  stale.notes = "Een oude versie";
  stale.invited = {};
  EXPECT_FALSE(committed([&](Tx& tx) { return tx.meetings().update_meeting(stale); }));
  EXPECT_EQ(fields(*read()->meetings().get_meeting(o.meeting)), fields(m));
}

TEST_P(MeetingsStoreContract, ListMeetingsFiltersByWijkAndTimeInOrder) {
  const Overleg o = overleg();  // its meeting starts at kT0 + 7 days
  MeetingId early, late, elsewhere;
  committed([&](Tx& tx) {
    late = tx.meetings().insert_meeting(meeting_of(o.w.wijk, kT0 + 14 * kDay));
    early = tx.meetings().insert_meeting(meeting_of(o.w.wijk, kT0));
    elsewhere = tx.meetings().insert_meeting(meeting_of(o.stevenshof, kT0 + 8 * kDay));
  });
  auto tx = read();
  MeetingFilter f;
  f.wijken = {o.w.wijk};
  EXPECT_EQ(ids_of(tx->meetings().list_meetings(f)),
            (std::vector<MeetingId>{early, o.meeting, late}));
  f.descending = true;
  EXPECT_EQ(ids_of(tx->meetings().list_meetings(f)),
            (std::vector<MeetingId>{late, o.meeting, early}));
  f.limit = 1;
  EXPECT_EQ(ids_of(tx->meetings().list_meetings(f)), std::vector<MeetingId>{late});
  // From is inclusive, to is exclusive.
  MeetingFilter window;
  window.from = kT0 + 7 * kDay;
  window.to = kT0 + 14 * kDay;
  EXPECT_EQ(ids_of(tx->meetings().list_meetings(window)),
            (std::vector<MeetingId>{o.meeting, elsewhere}));
  MeetingFilter none;
  none.wijken = {WijkId(o.stevenshof.value + 1)};
  EXPECT_TRUE(tx->meetings().list_meetings(none).empty());
}

TEST_P(MeetingsStoreContract, TheAgendaIsItsItemsInPositionOrderAtVersionOne) {
  const Overleg o = overleg();
  AgendaItem second = item_of(o.meeting, o.second, 2);
  second.kind = AgendaItemKind::kFollowUp;
  second.decision = Decision::kKeepEye;
  second.recorded = true;
  second.version = 5;
  AgendaItem first = item_of(o.meeting, o.signal, 1);
  committed([&](Tx& tx) {
    second.action_id = tx.meetings().insert_action(action_of(o, Decision::kHuisarts, o.w.user, ""));
    second.id = tx.meetings().insert_agenda_item(second);
    first.id = tx.meetings().insert_agenda_item(first);
    const MeetingId other = tx.meetings().insert_meeting(meeting_of(o.w.wijk, kT0));
    tx.meetings().insert_agenda_item(item_of(other, o.signal, 1));
  });
  second.version = 1;
  auto tx = read();
  const auto agenda = tx->meetings().agenda(o.meeting);
  ASSERT_EQ(agenda.size(), 2u);
  EXPECT_EQ(fields(agenda[0]), fields(first));
  EXPECT_EQ(fields(agenda[1]), fields(second));
  EXPECT_EQ(fields(*tx->meetings().get_agenda_item(second.id)), fields(second));
  EXPECT_FALSE(tx->meetings().get_agenda_item(AgendaItemId(first.id.value + 10)));
  EXPECT_TRUE(tx->meetings().agenda(MeetingId(o.meeting.value + 10)).empty());
}

TEST_P(MeetingsStoreContract, AnAgendaItemUpdatesItsRecordFromTheStoredVersionOnly) {
  const Overleg o = overleg();
  AgendaItem item = item_of(o.meeting, o.signal, 1);
  item.id = committed([&](Tx& tx) { return tx.meetings().insert_agenda_item(item); });
  const AgendaItem stale = *read()->meetings().get_agenda_item(item.id);
  AgendaItem changed = stale;
  changed.summary = "Besproken: huisarts gaat langs";
  changed.decision = Decision::kHuisarts;
  changed.recorded = true;
  changed.position = 4;
  // These are the item's identity, not its record: an update leaves them.
  changed.signal_id = o.second;
  changed.kind = AgendaItemKind::kFollowUp;
  EXPECT_TRUE(committed([&](Tx& tx) { return tx.meetings().update_agenda_item(changed); }));
  AgendaItem want = stale;
  want.summary = changed.summary;
  want.decision = changed.decision;
  want.recorded = true;
  want.position = 4;
  want.version = 2;
  EXPECT_EQ(fields(*read()->meetings().get_agenda_item(item.id)), fields(want));
  EXPECT_FALSE(committed([&](Tx& tx) { return tx.meetings().update_agenda_item(stale); }));
  EXPECT_EQ(fields(*read()->meetings().get_agenda_item(item.id)), fields(want));
}

TEST_P(MeetingsStoreContract, AgendaPositionsFollowTheOrderGivenAndDeletedItemsGo) {
  const Overleg o = overleg();
  AgendaItemId a, b, c;
  committed([&](Tx& tx) {
    a = tx.meetings().insert_agenda_item(item_of(o.meeting, o.signal, 1));
    b = tx.meetings().insert_agenda_item(item_of(o.meeting, o.second, 2));
    c = tx.meetings().insert_agenda_item(item_of(o.meeting, o.second, 3));
  });
  committed([&](Tx& tx) { tx.meetings().set_agenda_positions({c, a, b}); });
  {
    const auto agenda = read()->meetings().agenda(o.meeting);
    EXPECT_EQ(ids_of(agenda), (std::vector<AgendaItemId>{c, a, b}));
    EXPECT_EQ(agenda.at(0).position, 1);
    EXPECT_EQ(agenda.at(2).position, 3);
  }
  committed([&](Tx& tx) { tx.meetings().delete_agenda_item(a); });
  auto tx = read();
  EXPECT_EQ(ids_of(tx->meetings().agenda(o.meeting)), (std::vector<AgendaItemId>{c, b}));
  EXPECT_FALSE(tx->meetings().get_agenda_item(a));
}

TEST_P(MeetingsStoreContract, PendingSignalsAreUnrecordedItemsOfMeetingsNotHeldInTheWijk) {
  const Overleg o = overleg();
  SignalId recorded, on_held, elsewhere;
  committed([&](Tx& tx) {
    tx.meetings().insert_agenda_item(item_of(o.meeting, o.signal, 1));
    tx.meetings().insert_agenda_item(item_of(o.meeting, o.signal, 2));  // listed once
    recorded = o.second;
    AgendaItem done = item_of(o.meeting, recorded, 3);
    done.recorded = true;
    tx.meetings().insert_agenda_item(done);
    Meeting held = meeting_of(o.w.wijk, kT0 - 7 * kDay);
    held.held = true;
    const MeetingId past = tx.meetings().insert_meeting(held);
    on_held = add_signal(tx, o.w);
    tx.meetings().insert_agenda_item(item_of(past, on_held, 1));
    const ResidentId r = add_resident(tx, "R-5QRS", o.stevenshof);
    elsewhere = tx.signals().insert_signal(signal_of(r, o.stevenshof, o.w.user, o.w.org));
    const MeetingId there = tx.meetings().insert_meeting(meeting_of(o.stevenshof, kT0));
    tx.meetings().insert_agenda_item(item_of(there, elsewhere, 1));
  });
  auto tx = read();
  EXPECT_EQ(tx->meetings().signals_pending_on_agendas(o.w.wijk), std::vector<SignalId>{o.signal});
  EXPECT_EQ(tx->meetings().signals_pending_on_agendas(o.stevenshof),
            std::vector<SignalId>{elsewhere});
}

TEST_P(MeetingsStoreContract, AttendanceIsReplacedWhole) {
  const Overleg o = overleg();
  auto by_org = [](std::vector<Attendance> v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.org_id < b.org_id; });
    std::vector<std::tuple<OrgId, bool, std::string>> out;
    for (const auto& a : v) out.emplace_back(a.org_id, a.present, a.person);
    return out;
  };
  committed([&](Tx& tx) {
    tx.meetings().set_attendance(o.meeting,
                                 {{o.w.org, true, "Dokter Jansen"}, {o.politie, false, ""}});
  });
  EXPECT_EQ(by_org(read()->meetings().attendance(o.meeting)),
            by_org({{o.w.org, true, "Dokter Jansen"}, {o.politie, false, ""}}));
  committed([&](Tx& tx) {
    tx.meetings().set_attendance(o.meeting, {{o.politie, true, "Wijkagent Bakker"}});
  });
  EXPECT_EQ(by_org(read()->meetings().attendance(o.meeting)),
            by_org({{o.politie, true, "Wijkagent Bakker"}}));
  EXPECT_TRUE(read()->meetings().attendance(MeetingId(o.meeting.value + 1)).empty());
}

TEST_P(MeetingsStoreContract, AnActionIsReadBackAndAnUpdateChangesOnlyItsProgressAndOwner) {
  const Overleg o = overleg();
  Action a = action_of(o, Decision::kWijkteam, o.w.user, "2026-12-01");
  a.note = "Bellen";
  a.id = committed([&](Tx& tx) { return tx.meetings().insert_action(a); });
  EXPECT_EQ(fields(*read()->meetings().get_action(a.id)), fields(a));
  EXPECT_FALSE(read()->meetings().get_action(ActionId(a.id.value + 1)));

  Action changed = a;
  changed.state = ActionState::kDone;
  changed.note = "Gebeld, gaat goed";
  changed.settled_at = kT0 + 9 * kDay;
  changed.due_date = "2026-12-08";
  changed.owner = o.agent;
  Action want = changed;
  changed.signal_id = o.second;
  changed.decision = Decision::kPolice;
  changed.meeting_id.reset();
  changed.created_at = 1;
  committed([&](Tx& tx) { tx.meetings().update_action(changed); });
  EXPECT_EQ(fields(*read()->meetings().get_action(a.id)), fields(want));
}

TEST_P(MeetingsStoreContract, ActionListsSelectAndOrderAsPromised) {
  const Overleg o = overleg();
  ActionId late, soon, done, agents, elsewhere, unplanned;
  committed([&](Tx& tx) {
    late = tx.meetings().insert_action(action_of(o, Decision::kHuisarts, o.w.user, "2026-12-20"));
    soon = tx.meetings().insert_action(action_of(o, Decision::kHuisarts, o.w.user, "2026-12-01"));
    Action d = action_of(o, Decision::kHuisarts, o.w.user, "2026-11-01");
    d.state = ActionState::kNotDone;
    d.meeting_id.reset();
    d.signal_id = o.second;
    done = tx.meetings().insert_action(d);
    agents = tx.meetings().insert_action(action_of(o, Decision::kPolice, o.agent, "2026-12-10"));
    Action e = action_of(o, Decision::kWijkteam, o.w.user, "2026-11-30");
    e.wijk_id = o.stevenshof;
    e.created_at = kT0;  // recorded before the others
    elsewhere = tx.meetings().insert_action(e);
    Action u = action_of(o, Decision::kGgz, o.w.user, "");
    u.meeting_id.reset();
    unplanned = tx.meetings().insert_action(u);
  });
  auto tx = read();
  // The owner's open actions first, each part by due date.
  EXPECT_EQ(ids_of(tx->meetings().actions_for_owner(o.w.user)),
            (std::vector<ActionId>{unplanned, elsewhere, soon, late, done}));
  EXPECT_EQ(ids_of(tx->meetings().open_actions_in_wijk(o.w.wijk)),
            (std::vector<ActionId>{unplanned, soon, agents, late}));
  EXPECT_EQ(ids_of(tx->meetings().actions_for_signal(o.signal)),
            (std::vector<ActionId>{elsewhere, late, soon, agents, unplanned}));
  EXPECT_EQ(ids_of(tx->meetings().actions_of_meeting(o.meeting)),
            (std::vector<ActionId>{elsewhere, late, soon, agents}));
  EXPECT_TRUE(tx->meetings().actions_for_owner(UserId(o.agent.value + 1)).empty());
}

TEST_P(MeetingsStoreContract, BrigadeSettledActionsAreTheWijksBrigadeActionsSettledSince) {
  const Overleg o = overleg();
  ActionId before, at, after;
  committed([&](Tx& tx) {
    auto settled = [&](Timestamp when, bool brigade, ActionState state = ActionState::kDone) {
      Action a = action_of(o, Decision::kBrigade, o.w.user, "2026-12-01");
      a.state = state;
      a.settled_at = when;
      const ActionId id = tx.meetings().insert_action(a);
      if (brigade) {
        BrigadeRequest r = request_of(o.w.resident, o.w.wijk, o.w.user);
        r.source = "meeting";
        r.signal_id = o.signal;
        r.action_id = id;
        tx.brigade().insert_request(r);
      }
      return id;
    };
    after = settled(kT0 + 3 * kDay, true, ActionState::kNotDone);
    before = settled(kT0 - 1, true);
    at = settled(kT0, true);
    settled(kT0 + kDay, false);                         // no request for the brigade
    settled(kT0 + 5 * kDay, true, ActionState::kOpen);  // not settled
  });
  auto tx = read();
  EXPECT_EQ(ids_of(tx->meetings().brigade_settled_actions(o.w.wijk, kT0)),
            (std::vector<ActionId>{at, after}));
  EXPECT_EQ(ids_of(tx->meetings().brigade_settled_actions(o.w.wijk, kT0 - 1)).front(), before);
  EXPECT_TRUE(tx->meetings().brigade_settled_actions(o.stevenshof, 0).empty());
}

TEST_P(MeetingsStoreContract, AnOpenActionCountsForItsOwnerUnlessItIsTheBrigades) {
  const Overleg o = overleg();
  ActionId settled;
  committed([&](Tx& tx) {
    tx.meetings().insert_action(action_of(o, Decision::kBrigade, o.agent, "2026-12-01"));
    settled =
        tx.meetings().insert_action(action_of(o, Decision::kHuisarts, o.w.user, "2026-12-01"));
  });
  {
    auto tx = read();
    EXPECT_TRUE(tx->meetings().has_open_action(o.w.user, o.w.resident));
    EXPECT_FALSE(tx->meetings().has_open_action(o.agent, o.w.resident));
  }
  committed([&](Tx& tx) {
    Action a = *tx.meetings().get_action(settled);
    a.state = ActionState::kDone;
    a.settled_at = kT0;
    tx.meetings().update_action(a);
  });
  EXPECT_FALSE(read()->meetings().has_open_action(o.w.user, o.w.resident));
}

TEST_P(MeetingsStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const Overleg o = overleg();
  {
    auto tx = write();
    tx->meetings().insert_meeting(meeting_of(o.w.wijk, kT0));
    tx->meetings().insert_agenda_item(item_of(o.meeting, o.signal, 1));
    tx->meetings().set_attendance(o.meeting, {{o.w.org, true, "Dokter Jansen"}});
    tx->meetings().insert_action(action_of(o, Decision::kHuisarts, o.w.user, "2026-12-01"));
    Meeting m = *tx->meetings().get_meeting(o.meeting);
    m.notes = "Verloren";
    EXPECT_TRUE(tx->meetings().update_meeting(m));
  }
  auto tx = read();
  EXPECT_EQ(tx->meetings().list_meetings({}).size(), 1u);
  EXPECT_TRUE(tx->meetings().agenda(o.meeting).empty());
  EXPECT_TRUE(tx->meetings().attendance(o.meeting).empty());
  EXPECT_TRUE(tx->meetings().actions_for_signal(o.signal).empty());
  EXPECT_EQ(tx->meetings().get_meeting(o.meeting)->version, 1);
}

}  // namespace

MEEDOEN_STORE_CONTRACT(MeetingsStoreContract);

}  // namespace meedoen::testing
