#include "app/occurrences.hpp"

#include <algorithm>

#include "app/activities.hpp"
#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// A visitor's address may sign up this many times in kSignupWindow, whatever the activity: enough
// for a family or a host's phone, too few to fill a list with made-up names.
constexpr int kSignupsPerClient = 10;
constexpr Timestamp kSignupWindow = 60 * 60;

std::string object_of(ActivityId id, std::int64_t day) {
  return "activity:" + std::to_string(id.value) + "/" + format_days(day);
}

// The activity with the occurrence of `date`: not found for a date the series does not have.
struct Found {
  Activity activity;
  Centre centre;
  Occurrence occurrence;
};

Result<Found> find(Tx& tx, ActivityId id, const std::string& date) {
  const auto day = parse_date(trim(date));
  if (!day) return Error::not_found();
  auto a = tx.activities().get_activity(id);
  if (!a) return Error::not_found();
  auto occ = a->occurrence(*day);
  if (!occ) return Error::not_found();
  auto c = tx.centres().get_centre(a->centre_id);
  if (!c) return Error::not_found();
  return Found{std::move(*a), std::move(*c), *occ};
}

bool takes_signups(const Found& f, Timestamp now) {
  return f.activity.status == ActivityStatus::kApproved && f.activity.signup &&
         !f.occurrence.cancelled && now < f.occurrence.start;
}

std::vector<Signup> standing_of(const std::vector<Signup>& all) {
  std::vector<Signup> out;
  for (const auto& s : all)
    if (s.cancelled_at == 0) out.push_back(s);
  return out;
}

// Where the sign-up `id` stands among `all`.
void place_of(int capacity, const std::vector<Signup>& all, SignupId id, bool& has_place,
              int& waiting) {
  has_place = false;
  waiting = 0;
  for (const auto& p : places(capacity, all)) {
    if (p.signup->id != id) continue;
    has_place = p.has_place;
    waiting = p.waiting;
  }
}

PublicOccurrence public_of(Found f, int standing, Timestamp now) {
  PublicOccurrence p;
  p.open = takes_signups(f, now);
  p.activity = public_view(std::move(f.activity));
  p.centre = std::move(f.centre);
  p.occurrence = f.occurrence;
  p.standing = standing;
  return p;
}

Result<SignupStatus> status_of(Tx& tx, const Signup& s, Timestamp now) {
  auto f = find(tx, s.activity_id, format_days(s.day));
  if (!f) return f.error();
  const auto all = tx.occurrences().signups_of(s.activity_id, s.day);
  SignupStatus st;
  st.signup = s;
  place_of(f->activity.capacity, all, s.id, st.has_place, st.waiting);
  st.may_cancel = s.cancelled_at == 0 && now < f->occurrence.start;
  st.occurrence = public_of(std::move(*f), static_cast<int>(standing_of(all).size()), now);
  return st;
}

bool throttled(Tx& tx, const std::string& client, Timestamp now) {
  ThrottleRow row;
  row.key = token_digest("signup\n" + client);
  for (auto& r : tx.accounts().throttle_rows({row.key})) row = r;
  if (now - row.window_start >= kSignupWindow) {
    row.failures = 0;
    row.window_start = now;
  }
  if (row.failures >= kSignupsPerClient) return true;
  ++row.failures;
  tx.accounts().put_throttle_row(row);
  return false;
}

}  // namespace

Result<HostOccurrence> Occurrences::for_host(const User& host, ActivityId id,
                                             const std::string& date) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto f = find(*tx, id, date);
  if (!f) return f.error();
  if (!may_host(host, f->activity.centre_id, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  HostOccurrence h;
  h.open = takes_signups(*f, now());
  h.begun = now() >= f->occurrence.start && !f->occurrence.cancelled;
  h.signups = tx->occurrences().signups_of(id, f->occurrence.day);
  h.places = places(f->activity.capacity, h.signups);
  h.room = signup_room(f->activity.capacity, static_cast<int>(h.places.size()));
  h.headcount = tx->occurrences().attendance_of(id, f->occurrence.day);
  if (h.begun) h.known = tx->visitors().known_visitors(f->centre.id, local_days(now()));
  h.activity = std::move(f->activity);
  h.centre = std::move(f->centre);
  h.occurrence = f->occurrence;
  return h;
}

Result<HostSignup> Occurrences::add(const User& host, ActivityId id, const std::string& date,
                                    const std::string& name) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  tx->occurrences().lock_activity(id);
  auto f = find(*tx, id, date);
  if (!f) return f.error();
  if (!may_host(host, f->activity.centre_id, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  if (!takes_signups(*f, now())) return Error::conflict("error.signup.closed");
  const auto day = f->occurrence.day;
  auto all = tx->occurrences().signups_of(id, day);
  if (auto key = signup_problem(f->activity.capacity, all, name); !key.empty())
    return Error::invalid(key, "name");
  Signup s;
  s.activity_id = id;
  s.day = day;
  s.name = trim(name);
  s.by = host.id;
  s.created_at = now();
  s.id = tx->occurrences().insert_signup(s, "");
  all.push_back(s);
  HostSignup out{id, day, false, 0};
  place_of(f->activity.capacity, all, s.id, out.has_place, out.waiting);
  append_audit(*tx, now(), &host, "add_signup", ResidentId(), object_of(id, day), "");
  if (auto st = tx->commit(); !st) return st.error();
  return out;
}

Result<HostSignup> Occurrences::strike(const User& host, SignupId id) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto s = tx->occurrences().get_signup(id);
  if (!s) return Error::not_found();
  tx->occurrences().lock_activity(s->activity_id);
  auto a = tx->activities().get_activity(s->activity_id);
  if (!a) return Error::not_found();
  if (!may_host(host, a->centre_id, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  // Struck off twice (two hosts at once, a page sent again): the second changes nothing.
  tx->occurrences().cancel_signup(id, now());
  append_audit(*tx, now(), &host, "strike_signup", ResidentId(), object_of(a->id, s->day), "");
  if (auto st = tx->commit(); !st) return st.error();
  return HostSignup{a->id, s->day, false, 0};
}

Result<HostSignup> Occurrences::record_attendance(const User& host, ActivityId id,
                                                  const std::string& date, const std::string& count,
                                                  const std::vector<VisitorId>& visitors) {
  const auto n = parse_int(trim(count));
  if (!n || *n < 0 || *n > kAttendanceMax) return Error::invalid("error.attendance.count", "count");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto f = find(*tx, id, date);
  if (!f) return f.error();
  const auto hosted = tx->centres().centres_of_host(host.id);
  if (!may_host(host, f->activity.centre_id, hosted)) return Error::forbidden();
  if (f->occurrence.cancelled) return Error::conflict("error.attendance.cancelled");
  if (now() < f->occurrence.start) return Error::conflict("error.attendance.not_begun");
  const auto day = f->occurrence.day;
  Headcount h{id, day, *n, {}, host.id, now()};
  for (const auto v_id : visitors) {
    const auto v = tx->visitors().get_visitor(v_id);
    // Only a visitor this centre knows now; one whose consent went meanwhile is not an error of
    // the host's, but is not kept either.
    if (!v || v->centre_id != f->activity.centre_id)
      return Error::invalid("error.invalid_choice", "visitors");
    if (!may_know_visitor(host, v->centre_id, v->known(), hosted)) continue;
    if (std::find(h.visitors.begin(), h.visitors.end(), v->id) == h.visitors.end())
      h.visitors.push_back(v->id);
  }
  if (static_cast<int>(h.visitors.size()) > *n)
    return Error::invalid("error.attendance.fewer_than_known", "count");
  tx->occurrences().put_attendance(h);
  append_audit(*tx, now(), &host, "record_attendance", ResidentId(), object_of(id, day),
               std::to_string(*n));
  if (auto st = tx->commit(); !st) return st.error();
  return HostSignup{id, day, false, 0};
}

Result<PublicOccurrence> Occurrences::public_occurrence(ActivityId id, const std::string& date) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto f = find(*tx, id, date);
  if (!f || f->activity.status != ActivityStatus::kApproved || !f->activity.signup)
    return Error::not_found();
  const auto day = f->occurrence.day;
  const auto counts = tx->occurrences().standing_counts(id, day, day);
  const int standing = counts.count(day) ? counts.at(day) : 0;
  return public_of(std::move(*f), standing, now());
}

Result<SignupStatus> Occurrences::sign_up(ActivityId id, const std::string& date,
                                          const std::string& name, const std::string& client) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  tx->occurrences().lock_activity(id);
  auto f = find(*tx, id, date);
  if (!f || f->activity.status != ActivityStatus::kApproved || !f->activity.signup)
    return Error::not_found();
  if (!takes_signups(*f, now())) return Error::conflict("error.signup.closed");
  const auto day = f->occurrence.day;
  auto all = tx->occurrences().signups_of(id, day);
  if (auto key = signup_problem(f->activity.capacity, all, name); !key.empty())
    return Error::invalid(key, "name");
  if (throttled(*tx, client, now())) return Error{ErrorKind::kTooMany, "error.signup.wait", {}, {}};
  const std::string token = random_token();
  Signup s;
  s.activity_id = id;
  s.day = day;
  s.name = trim(name);
  s.created_at = now();
  s.id = tx->occurrences().insert_signup(s, token_digest(token));
  append_audit_labelled(*tx, now(), "public", "public_signup", ResidentId(), object_of(id, day),
                        "");
  auto st = status_of(*tx, s, now());
  if (!st) return st.error();
  if (auto done = tx->commit(); !done) return done.error();
  st->token = token;
  return st;
}

Result<SignupStatus> Occurrences::by_token(const std::string& token) {
  if (token.empty() || token.size() > 100) return Error::not_found();
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto s = tx->occurrences().signup_by_token(token_digest(token));
  if (!s) return Error::not_found();
  return status_of(*tx, *s, now());
}

Result<SignupStatus> Occurrences::cancel_by_token(const std::string& token) {
  if (token.empty() || token.size() > 100) return Error::not_found();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto s = tx->occurrences().signup_by_token(token_digest(token));
  if (!s) return Error::not_found();
  tx->occurrences().lock_activity(s->activity_id);
  auto before = status_of(*tx, *s, now());
  if (!before) return before.error();
  if (!before->may_cancel) {
    if (s->cancelled_at != 0) return before;  // cancelled already: the same answer again
    return Error::conflict("error.signup.begun");
  }
  tx->occurrences().cancel_signup(s->id, now());
  s->cancelled_at = now();
  append_audit_labelled(*tx, now(), "public", "public_cancel_signup", ResidentId(),
                        object_of(s->activity_id, s->day), "");
  auto after = status_of(*tx, *s, now());
  if (!after) return after.error();
  if (auto done = tx->commit(); !done) return done.error();
  return after;
}

}  // namespace meedoen
