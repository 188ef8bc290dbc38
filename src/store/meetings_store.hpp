// The overleg: meetings, their agenda and attendance, and the actions agreed.
// One area of the store, reached from a transaction as tx.meetings().
#pragma once

#include <optional>
#include <vector>

#include "domain/meeting.hpp"

namespace meedoen {

struct MeetingFilter {
  std::vector<WijkId> wijken;
  std::optional<Timestamp> from;  // starts at or after
  std::optional<Timestamp> to;    // starts before
  bool descending = false;        // by start time, earliest first unless descending
  int limit = 100;
};

class MeetingsStore {
 public:
  virtual ~MeetingsStore() = default;

  // A new meeting or agenda item starts at version 1, whatever it says.
  virtual MeetingId insert_meeting(const Meeting& m) = 0;
  virtual std::optional<Meeting> get_meeting(MeetingId id) = 0;
  // Updates when m.version matches the stored version, and bumps it; false on a version conflict.
  // The wijk stays; the invitations are replaced.
  virtual bool update_meeting(const Meeting& m) = 0;
  virtual std::vector<Meeting> list_meetings(const MeetingFilter& f) = 0;
  // In position order.
  virtual std::vector<AgendaItem> agenda(MeetingId id) = 0;
  virtual std::optional<AgendaItem> get_agenda_item(AgendaItemId id) = 0;
  virtual AgendaItemId insert_agenda_item(const AgendaItem& item) = 0;
  // Same version rule as update_meeting. Changes the summary, decision, recorded and position.
  virtual bool update_agenda_item(const AgendaItem& item) = 0;
  // Numbers the items 1, 2, ... in the order given.
  virtual void set_agenda_positions(const std::vector<AgendaItemId>& order) = 0;
  virtual void delete_agenda_item(AgendaItemId id) = 0;
  // Signals with an unrecorded item on a meeting that is not held yet.
  virtual std::vector<SignalId> signals_pending_on_agendas(WijkId wijk) = 0;
  virtual std::vector<Attendance> attendance(MeetingId id) = 0;
  virtual void set_attendance(MeetingId id, const std::vector<Attendance>& rows) = 0;
  virtual ActionId insert_action(const Action& a) = 0;
  virtual std::optional<Action> get_action(ActionId id) = 0;
  // Changes the state, note, settled_at, due date and owner.
  virtual void update_action(const Action& a) = 0;
  // The open ones first, each part by due date.
  virtual std::vector<Action> actions_for_owner(UserId owner) = 0;
  // By due date.
  virtual std::vector<Action> open_actions_in_wijk(WijkId wijk) = 0;
  // The wijk's actions for the brigade that its outcome settled at or after `since`, in the order
  // they were settled.
  virtual std::vector<Action> brigade_settled_actions(WijkId wijk, Timestamp since) = 0;
  // Oldest first.
  virtual std::vector<Action> actions_for_signal(SignalId id) = 0;
  // The actions recorded at meeting `m`, oldest first.
  virtual std::vector<Action> actions_of_meeting(MeetingId m) = 0;
  // An open action of `user` on `resident`, other than one for the Vliegende Brigade: that one is
  // the coordinator's to dispatch, and the coordinator works without identity.
  virtual bool has_open_action(UserId user, ResidentId resident) = 0;
};

}  // namespace meedoen
