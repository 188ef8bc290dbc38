// A peer worker's own settings: languages, themes they choose to bring in, gender, weekly cap, and
// the week view of on-call blocks and absences.
#include "app/peers.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/identity.hpp"
#include "domain/text.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

std::int64_t monday_of(const std::string& week, Timestamp now) {
  if (auto d = parse_date(week)) return *d - weekday_of_days(*d);
  const auto today = parse_date(format_date(now)).value_or(0);
  return today - weekday_of_days(today);
}

}  // namespace

Result<PeerSettings> Peers::settings(const User& user, const std::string& week) {
  if (!may_be_assigned(user)) return Error::forbidden();
  if (!week.empty() && !parse_date(week)) return Error::invalid("error.bad_request");
  auto tx = ctx_.store->begin(TxMode::kRead);
  const Timestamp t = now();
  const std::int64_t monday = monday_of(week, t);
  const std::int64_t today = parse_date(format_date(t)).value_or(0);
  PeerSettings out;
  out.user = user;
  out.profile = tx->peers().get_peer_profile(user.id).value_or(
      PeerProfile{user.id, {"nl"}, {}, "unknown", 4, true, {}});
  if (auto o = tx->admin().get_org(user.org_id)) out.org_name = o->name;
  for (auto w : user.wijken)
    if (auto wijk = tx->admin().get_wijk(w)) out.wijk_names.push_back(wijk->name);
  out.week = format_days(monday);
  out.prev_week = format_days(monday - 7);
  out.next_week = format_days(monday + 7);
  const auto blocks = tx->peers().on_call(user.id, out.week, format_days(monday + 6));
  const auto absences = tx->peers().absences(user.id, format_days(std::min(monday, today)));
  for (int d = 0; d < 7; ++d) {
    WeekDay day;
    day.date = format_days(monday + d);
    day.weekday = d;
    day.past = monday + d < today;
    for (const auto& b : blocks)
      if (b.date == day.date) day.parts[static_cast<int>(b.part)] = true;
    day.absent = std::any_of(absences.begin(), absences.end(), [&](const Absence& a) {
      return a.from <= day.date && day.date <= a.to;
    });
    out.days.push_back(day);
  }
  for (const auto& a : absences)
    if (a.to >= format_days(today)) out.absences.push_back(a);
  return out;
}

Status Peers::save_profile(const User& user, const PeerProfileInput& in) {
  if (!may_be_assigned(user)) return Error::forbidden();
  for (const auto& l : in.languages)
    if (!is_language(l)) return Error::invalid("error.invalid_choice", "languages");
  for (const auto& th : in.themes)
    if (!is_theme(th)) return Error::invalid("error.invalid_choice", "themes");
  if (!std::any_of(std::begin(kGenders), std::end(kGenders),
                   [&](const char* g) { return in.gender == g; }))
    return Error::invalid("error.invalid_choice", "gender");
  if (in.weekly_cap < 1 || in.weekly_cap > kMaxWeeklyCap) {
    Error e = Error::invalid("error.peer.cap", "weekly_cap");
    e.detail = std::to_string(kMaxWeeklyCap);
    return e;
  }
  const std::string email = trim(in.email);
  if (!email.empty() && !valid_email(email)) return Error::invalid("error.email", "email");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  PeerProfile p = tx->peers().get_peer_profile(user.id).value_or(PeerProfile{});
  p.user_id = user.id;
  p.languages = in.languages;
  p.themes = in.themes;
  p.gender = in.gender;
  p.weekly_cap = in.weekly_cap;
  p.email = email;
  tx->peers().put_peer_profile(p);
  append_audit(*tx, now(), &user, "change", ResidentId(), "peer:" + std::to_string(user.id.value),
               "profile");
  return tx->commit();
}

Status Peers::save_on_call(const User& user, const std::string& week,
                           const std::vector<OnCallBlock>& blocks) {
  if (!may_be_assigned(user)) return Error::forbidden();
  const auto day = parse_date(week);
  if (!day) return Error::invalid("error.bad_request");
  const std::int64_t monday = *day - weekday_of_days(*day);
  const std::int64_t today = parse_date(format_date(now())).value_or(0);
  // Days already past keep what they had: the week view cannot rewrite history.
  const std::int64_t first = std::max(monday, today);
  const std::string from = format_days(first);
  const std::string to = format_days(monday + 6);
  std::vector<OnCallBlock> keep;
  for (const auto& b : blocks) {
    const auto d = parse_date(b.date);
    if (!d || *d < monday || *d > monday + 6) return Error::invalid("error.bad_request");
    if (*d >= first) keep.push_back({format_days(*d), b.part});
  }
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (first <= monday + 6) tx->peers().set_on_call(user.id, from, to, keep);
  return tx->commit();
}

Status Peers::add_absence(const User& user, const Absence& a) {
  if (!may_be_assigned(user)) return Error::forbidden();
  const auto from = parse_date(a.from);
  const auto to = parse_date(a.to);
  if (!from) return Error::invalid("error.absence.dates", "from");
  if (!to || *to < *from) return Error::invalid("error.absence.dates", "to");
  if (*to - *from > 366) return Error::invalid("error.absence.too_long", "to");
  if (a.note.size() > kMaxShortText) return Error::invalid("error.too_long", "note");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  // Stored in the one canonical form, since they are compared as text.
  tx->peers().insert_absence(user.id, {0, format_days(*from), format_days(*to), trim(a.note)});
  return tx->commit();
}

Status Peers::remove_absence(const User& user, std::int64_t id) {
  if (!may_be_assigned(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->peers().delete_absence(user.id, id)) return Error::not_found();
  return tx->commit();
}

}  // namespace meedoen
