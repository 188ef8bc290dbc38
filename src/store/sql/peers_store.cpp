#include "store/sql/peers_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

std::optional<PeerProfile> SqlPeers::get_peer_profile(UserId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kProfileCols +
                          " FROM peer_profiles WHERE user_id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_profile(s);
}

void SqlPeers::put_peer_profile(const PeerProfile& p) {
  auto s = conn_->prepare(
      "INSERT INTO peer_profiles (user_id, languages, themes, gender, weekly_cap, active, email) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET languages = "
      "excluded.languages, "
      "themes = excluded.themes, gender = excluded.gender, weekly_cap = excluded.weekly_cap, "
      "active = excluded.active, email = excluded.email");
  s.bind_all(p.user_id.value, join(p.languages), join(p.themes), p.gender, p.weekly_cap, p.active,
             p.email);
  s.exec();
}

std::vector<PeerProfile> SqlPeers::list_peer_profiles() {
  auto s = conn_->prepare(std::string("SELECT ") + kProfileCols +
                          " FROM peer_profiles ORDER BY user_id");
  return collect<PeerProfile>(s, read_profile);
}

std::vector<std::pair<User, PeerProfile>> SqlPeers::peers_in_wijken(
    const std::vector<WijkId>& wijken) {
  std::vector<std::pair<User, PeerProfile>> out;
  auto read = [&](const Stmt& s) {
    const UserId id(s.i64(0));
    for (const auto& [u, p] : out)
      if (u.id == id) return;  // a peer in two of the wijken
    User u;
    u.id = id;
    u.display_name = s.text(1);
    u.org_id = OrgId(s.i64(2));
    u.lang = s.text(3);
    u.role = Role::kPeer;
    out.emplace_back(std::move(u), read_profile_at(s, 4));
  };
  const std::string cols =
      "SELECT u.id, u.display_name, u.org_id, u.lang, p.user_id, p.languages, p.themes, p.gender, "
      "p.weekly_cap, p.active, p.email FROM ";
  const std::string peer =
      " CROSS JOIN users u ON u.id = w.user_id CROSS JOIN peer_profiles p ON p.user_id = u.id "
      "WHERE u.role = 'peer' AND u.active = 1";
  if (wijken.empty()) {
    auto s = conn_->prepare(cols + "user_wijken w" + peer);
    while (s.step()) read(s);
  } else {
    for_ids(*conn_,
            cols + "json_each(?1) ids CROSS JOIN user_wijken w ON w.wijk_id = ids.value" + peer,
            wijken, kNoExtra, read);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.display_name, a.first.id) < std::tie(b.first.display_name, b.first.id);
  });
  return out;
}

std::vector<OnCallBlock> SqlPeers::on_call(UserId peer, const std::string& from,
                                           const std::string& to) {
  auto s = conn_->prepare(
      "SELECT date, part FROM peer_on_call WHERE user_id = ? AND date BETWEEN ? AND ? ORDER BY "
      "date, part");
  s.bind_all(peer.value, from, to);
  std::vector<OnCallBlock> out;
  while (s.step()) {
    auto part = parse_day_part(s.text(1));
    if (part) out.push_back({s.text(0), *part});
  }
  return out;
}

void SqlPeers::set_on_call(UserId peer, const std::string& from, const std::string& to,
                           const std::vector<OnCallBlock>& blocks) {
  {
    auto d = conn_->prepare("DELETE FROM peer_on_call WHERE user_id = ? AND date BETWEEN ? AND ?");
    d.bind_all(peer.value, from, to);
    d.exec();
  }
  for (const auto& b : blocks) {
    auto s = conn_->prepare(
        "INSERT INTO peer_on_call (user_id, date, part) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING");
    s.bind_all(peer.value, b.date, std::string(to_string(b.part)));
    s.exec();
  }
}

std::vector<Absence> SqlPeers::absences(UserId peer, const std::string& from) {
  auto s = conn_->prepare(
      "SELECT id, from_date, to_date, note FROM peer_absences WHERE user_id = ? AND to_date >= ? "
      "ORDER BY from_date");
  s.bind_all(peer.value, from);
  std::vector<Absence> out;
  while (s.step()) out.push_back({s.i64(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

std::int64_t SqlPeers::insert_absence(UserId peer, const Absence& a) {
  auto s = conn_->prepare(
      "INSERT INTO peer_absences (user_id, from_date, to_date, note) VALUES (?, ?, ?, ?) "
      "RETURNING id");
  s.bind_all(peer.value, a.from, a.to, a.note);
  return *inserted_id(s);
}

bool SqlPeers::delete_absence(UserId peer, std::int64_t id) {
  auto s = conn_->prepare("DELETE FROM peer_absences WHERE id = ? AND user_id = ?");
  s.bind_all(id, peer.value);
  s.exec();
  return conn_->changes() > 0;
}

std::map<UserId, int> SqlPeers::peer_loads(const std::vector<UserId>& peers, Timestamp since,
                                           bool count_attempts) {
  std::map<UserId, int> out;
  // Attempts are the results without contact (domain: made_contact is false for not_home and
  // no_answer; refused is a door that opened).
  for_ids(
      *conn_,
      "SELECT v.peer FROM json_each(?1) ids CROSS JOIN visits v ON v.peer = ids.value AND v.at >= "
      "?2 "
      "AND (?3 = 1 OR v.result NOT IN ('not_home', 'no_answer'))",
      peers, [&](Stmt& s) { s.bind(2, since).bind(3, count_attempts); },
      [&](const Stmt& s) { ++out[UserId(s.i64(0))]; });
  for_ids(*conn_,
          "SELECT a.peer FROM json_each(?1) ids CROSS JOIN assignments a ON a.peer = ids.value "
          "WHERE a.state IN ('offered', 'accepted') "
          "AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.request_id = a.request_id AND v.peer = "
          "a.peer)",
          peers, kNoExtra, [&](const Stmt& s) { ++out[UserId(s.i64(0))]; });
  return out;
}

std::map<UserId, int> SqlPeers::on_call_counts(const std::vector<UserId>& peers,
                                               const std::string& from, const std::string& to) {
  std::map<UserId, int> out;
  for_ids(
      *conn_,
      "SELECT o.user_id FROM json_each(?1) ids CROSS JOIN peer_on_call o ON o.user_id = ids.value "
      "AND o.date BETWEEN ?2 AND ?3",
      peers, [&](Stmt& s) { s.bind(2, from).bind(3, to); },
      [&](const Stmt& s) { ++out[UserId(s.i64(0))]; });
  return out;
}

std::set<UserId> SqlPeers::absent_on(const std::vector<UserId>& peers, const std::string& date) {
  std::set<UserId> out;
  for_ids(
      *conn_,
      "SELECT a.user_id FROM json_each(?1) ids CROSS JOIN peer_absences a ON a.user_id = ids.value "
      "AND a.to_date >= ?2 WHERE a.from_date <= ?2",
      peers, [&](Stmt& s) { s.bind(2, date); },
      [&](const Stmt& s) { out.insert(UserId(s.i64(0))); });
  return out;
}

}  // namespace meedoen::sql
