#include "store/sql/meetings_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

MeetingId SqlMeetings::insert_meeting(const Meeting& m) {
  MeetingId id;
  {
    auto s = conn_->prepare(
        "INSERT INTO meetings (wijk_id, starts_at, place, held, notes, version) "
        "VALUES (?, ?, ?, ?, ?, 1) RETURNING id");
    s.bind_all(m.wijk_id.value, m.starts_at, m.place, m.held, m.notes);
    id = MeetingId(*inserted_id(s));
  }
  for (auto o : m.invited) {
    auto s = conn_->prepare(
        "INSERT INTO meeting_invites (meeting_id, org_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING");
    s.bind_all(id.value, o.value);
    s.exec();
  }
  return id;
}

std::optional<Meeting> SqlMeetings::get_meeting(MeetingId id) {
  std::optional<Meeting> m;
  {
    auto s = conn_->prepare(std::string("SELECT ") + kMeetingCols + " FROM meetings WHERE id = ?");
    s.bind_all(id.value);
    if (!s.step()) return std::nullopt;
    m = read_meeting(s);
  }
  auto s = conn_->prepare("SELECT org_id FROM meeting_invites WHERE meeting_id = ?");
  s.bind_all(id.value);
  while (s.step()) m->invited.emplace_back(s.i64(0));
  return m;
}

bool SqlMeetings::update_meeting(const Meeting& m) {
  {
    auto s = conn_->prepare(
        "UPDATE meetings SET starts_at = ?, place = ?, held = ?, notes = ?, version = version + 1 "
        "WHERE id = ? AND version = ?");
    s.bind_all(m.starts_at, m.place, m.held, m.notes, m.id.value, m.version);
    s.exec();
  }
  if (conn_->changes() == 0) return false;
  {
    auto s = conn_->prepare("DELETE FROM meeting_invites WHERE meeting_id = ?");
    s.bind_all(m.id.value);
    s.exec();
  }
  for (auto o : m.invited) {
    auto s = conn_->prepare(
        "INSERT INTO meeting_invites (meeting_id, org_id) VALUES (?, ?) "
        "ON CONFLICT DO NOTHING");
    s.bind_all(m.id.value, o.value);
    s.exec();
  }
  return true;
}

std::vector<Meeting> SqlMeetings::list_meetings(const MeetingFilter& f) {
  std::string sql = std::string("SELECT ") + kMeetingCols + " FROM meetings WHERE 1 = 1";
  if (!f.wijken.empty()) {
    sql += " AND wijk_id IN (";
    for (std::size_t i = 0; i < f.wijken.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  if (f.from) sql += " AND starts_at >= ?";
  if (f.to) sql += " AND starts_at < ?";
  sql += f.descending ? " ORDER BY starts_at DESC" : " ORDER BY starts_at";
  sql += " LIMIT ?";
  auto s = conn_->prepare(sql);
  int i = 0;
  for (auto w : f.wijken) s.bind(++i, w.value);
  if (f.from) s.bind(++i, *f.from);
  if (f.to) s.bind(++i, *f.to);
  s.bind(++i, f.limit);
  std::vector<Meeting> out;
  while (s.step()) out.push_back(read_meeting(s));
  return out;
}

std::vector<AgendaItem> SqlMeetings::agenda(MeetingId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kItemCols +
                          " FROM agenda_items WHERE meeting_id = ? ORDER BY position, id");
  s.bind_all(id.value);
  std::vector<AgendaItem> out;
  while (s.step()) out.push_back(read_item(s));
  return out;
}

std::optional<AgendaItem> SqlMeetings::get_agenda_item(AgendaItemId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kItemCols + " FROM agenda_items WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_item(s);
}

AgendaItemId SqlMeetings::insert_agenda_item(const AgendaItem& i) {
  auto s = conn_->prepare(
      "INSERT INTO agenda_items (meeting_id, signal_id, action_id, kind, position, summary, "
      "decision, recorded, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id");
  s.bind_all(i.meeting_id.value, i.signal_id.value, raw(i.action_id),
             std::string(i.kind == AgendaItemKind::kFollowUp ? "follow_up" : "new_signal"),
             i.position, i.summary, std::string(to_string(i.decision)), i.recorded);
  return AgendaItemId(*inserted_id(s));
}

bool SqlMeetings::update_agenda_item(const AgendaItem& i) {
  auto s = conn_->prepare(
      "UPDATE agenda_items SET summary = ?, decision = ?, recorded = ?, position = ?, "
      "version = version + 1 WHERE id = ? AND version = ?");
  s.bind_all(i.summary, std::string(to_string(i.decision)), i.recorded, i.position, i.id.value,
             i.version);
  s.exec();
  return conn_->changes() > 0;
}

void SqlMeetings::set_agenda_positions(const std::vector<AgendaItemId>& order) {
  int pos = 0;
  for (auto id : order) {
    auto s = conn_->prepare("UPDATE agenda_items SET position = ? WHERE id = ?");
    s.bind_all(++pos, id.value);
    s.exec();
  }
}

void SqlMeetings::delete_agenda_item(AgendaItemId id) {
  auto s = conn_->prepare("DELETE FROM agenda_items WHERE id = ?");
  s.bind_all(id.value);
  s.exec();
}

std::vector<SignalId> SqlMeetings::signals_pending_on_agendas(WijkId wijk) {
  auto s = conn_->prepare(
      "SELECT DISTINCT i.signal_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
      "WHERE m.wijk_id = ? AND m.held = 0 AND i.recorded = 0");
  s.bind_all(wijk.value);
  std::vector<SignalId> out;
  while (s.step()) out.emplace_back(s.i64(0));
  return out;
}

std::vector<Attendance> SqlMeetings::attendance(MeetingId id) {
  auto s =
      conn_->prepare("SELECT org_id, present, person FROM meeting_attendance WHERE meeting_id = ?");
  s.bind_all(id.value);
  std::vector<Attendance> out;
  while (s.step()) out.push_back({OrgId(s.i64(0)), s.flag(1), s.text(2)});
  return out;
}

void SqlMeetings::set_attendance(MeetingId id, const std::vector<Attendance>& rows) {
  {
    auto s = conn_->prepare("DELETE FROM meeting_attendance WHERE meeting_id = ?");
    s.bind_all(id.value);
    s.exec();
  }
  for (const auto& r : rows) {
    auto s = conn_->prepare(
        "INSERT INTO meeting_attendance (meeting_id, org_id, present, person) VALUES (?, ?, ?, ?)");
    s.bind_all(id.value, r.org_id.value, r.present, r.person);
    s.exec();
  }
}

ActionId SqlMeetings::insert_action(const Action& a) {
  auto s = conn_->prepare(
      "INSERT INTO actions (signal_id, resident_id, wijk_id, meeting_id, decision, owner, "
      "due_date, state, note, created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id");
  s.bind_all(a.signal_id.value, a.resident_id.value, a.wijk_id.value, raw(a.meeting_id),
             std::string(to_string(a.decision)), a.owner.value, a.due_date,
             std::string(to_string(a.state)), a.note, a.created_at, a.settled_at);
  return ActionId(*inserted_id(s));
}

std::optional<Action> SqlMeetings::get_action(ActionId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols + " FROM actions WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_action(s);
}

void SqlMeetings::update_action(const Action& a) {
  auto s = conn_->prepare(
      "UPDATE actions SET state = ?, note = ?, settled_at = ?, due_date = ?, owner = ? "
      "WHERE id = ?");
  s.bind_all(std::string(to_string(a.state)), a.note, a.settled_at, a.due_date, a.owner.value,
             a.id.value);
  s.exec();
}

std::vector<Action> SqlMeetings::actions_for_owner(UserId owner) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE owner = ? ORDER BY state = 'open' DESC, "
                          "due_date, id LIMIT 500");
  s.bind_all(owner.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqlMeetings::open_actions_in_wijk(WijkId wijk) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE wijk_id = ? AND state = 'open' ORDER BY due_date");
  s.bind_all(wijk.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqlMeetings::brigade_settled_actions(WijkId wijk, Timestamp since) {
  auto s =
      conn_->prepare(std::string("SELECT ") + kActionCols +
                     " FROM actions WHERE wijk_id = ? AND state != 'open' AND settled_at >= ? "
                     "AND EXISTS (SELECT 1 FROM brigade_requests r WHERE r.action_id = actions.id) "
                     "ORDER BY settled_at");
  s.bind_all(wijk.value, since);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqlMeetings::actions_for_signal(SignalId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE signal_id = ? ORDER BY created_at, id");
  s.bind_all(id.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

std::vector<Action> SqlMeetings::actions_of_meeting(MeetingId m) {
  auto s = conn_->prepare(std::string("SELECT ") + kActionCols +
                          " FROM actions WHERE meeting_id = ? ORDER BY created_at, id");
  s.bind_all(m.value);
  std::vector<Action> out;
  while (s.step()) out.push_back(read_action(s));
  return out;
}

bool SqlMeetings::has_open_action(UserId user, ResidentId resident) {
  auto s = conn_->prepare(
      "SELECT 1 FROM actions WHERE resident_id = ? AND owner = ? AND state = 'open' "
      "AND decision <> 'brigade' LIMIT 1");
  s.bind_all(resident.value, user.value);
  return s.step();
}

}  // namespace meedoen::sql
