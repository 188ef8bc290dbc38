// The implementation of MeetingsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/meetings_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlMeetings final : public MeetingsStore {
 public:
  explicit SqlMeetings(Connection& conn) : conn_(&conn) {}

  MeetingId insert_meeting(const Meeting& m) override;
  std::optional<Meeting> get_meeting(MeetingId id) override;
  bool update_meeting(const Meeting& m) override;
  std::vector<Meeting> list_meetings(const MeetingFilter& f) override;
  std::vector<AgendaItem> agenda(MeetingId id) override;
  std::optional<AgendaItem> get_agenda_item(AgendaItemId id) override;
  AgendaItemId insert_agenda_item(const AgendaItem& item) override;
  bool update_agenda_item(const AgendaItem& item) override;
  void set_agenda_positions(const std::vector<AgendaItemId>& order) override;
  void delete_agenda_item(AgendaItemId id) override;
  std::vector<SignalId> signals_pending_on_agendas(WijkId wijk) override;
  std::vector<Attendance> attendance(MeetingId id) override;
  void set_attendance(MeetingId id, const std::vector<Attendance>& rows) override;
  ActionId insert_action(const Action& a) override;
  std::optional<Action> get_action(ActionId id) override;
  void update_action(const Action& a) override;
  std::vector<Action> actions_for_owner(UserId owner) override;
  std::vector<Action> open_actions_in_wijk(WijkId wijk) override;
  std::vector<Action> brigade_settled_actions(WijkId wijk, Timestamp since) override;
  std::vector<Action> actions_for_signal(SignalId id) override;
  std::vector<Action> actions_of_meeting(MeetingId m) override;
  bool has_open_action(UserId user, ResidentId resident) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
