// The overleg: meetings, their agenda and attendance, and the actions agreed.
// One area of the store, reached from a transaction as tx.meetings().
#pragma once

#include <optional>
#include <vector>

#include "domain/meeting.hpp"

namespace meedoen {

struct MeetingFilter {
  std::vector<WijkId> wijken;
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  bool descending = false;
  int limit = 100;
};

class MeetingsStore {
 public:
  virtual ~MeetingsStore() = default;

  virtual MeetingId insert_meeting(const Meeting& m) = 0;
  virtual std::optional<Meeting> get_meeting(MeetingId id) = 0;
  // Updates when m.version matches the stored version, and bumps it; false on a version conflict.
  virtual bool update_meeting(const Meeting& m) = 0;
  virtual std::vector<Meeting> list_meetings(const MeetingFilter& f) = 0;
  virtual std::vector<AgendaItem> agenda(MeetingId id) = 0;
  virtual std::optional<AgendaItem> get_agenda_item(AgendaItemId id) = 0;
  virtual AgendaItemId insert_agenda_item(const AgendaItem& item) = 0;
  // Same version rule as update_meeting.
  virtual bool update_agenda_item(const AgendaItem& item) = 0;
  virtual void set_agenda_positions(const std::vector<AgendaItemId>& order) = 0;
  virtual void delete_agenda_item(AgendaItemId id) = 0;
  // Signals with an unrecorded item on a meeting that is not held yet.
  virtual std::vector<SignalId> signals_pending_on_agendas(WijkId wijk) = 0;
  virtual std::vector<Attendance> attendance(MeetingId id) = 0;
  virtual void set_attendance(MeetingId id, const std::vector<Attendance>& rows) = 0;
  virtual ActionId insert_action(const Action& a) = 0;
  virtual std::optional<Action> get_action(ActionId id) = 0;
  virtual void update_action(const Action& a) = 0;
  virtual std::vector<Action> actions_for_owner(UserId owner) = 0;
  virtual std::vector<Action> open_actions_in_wijk(WijkId wijk) = 0;
  // The wijk's actions for the brigade that its outcome settled at or after `since`.
  virtual std::vector<Action> brigade_settled_actions(WijkId wijk, Timestamp since) = 0;
  virtual std::vector<Action> actions_for_signal(SignalId id) = 0;
  // The actions recorded at meeting `m`, oldest first.
  virtual std::vector<Action> actions_of_meeting(MeetingId m) = 0;
  // An open action of `user` on `resident`, other than one for the Vliegende Brigade: that one is
  // the coordinator's to dispatch, and the coordinator works without identity.
  virtual bool has_open_action(UserId user, ResidentId resident) = 0;
};

}  // namespace meedoen
