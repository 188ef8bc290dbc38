#include "app/centres.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

bool known_code(std::string_view code, std::initializer_list<const char*> codes) {
  return std::any_of(codes.begin(), codes.end(), [&](const char* c) { return code == c; });
}

bool valid_tags(const TapTags& t) {
  const bool age = t.age_band.empty() ||
                   known_code(t.age_band, {kAgeBands[0], kAgeBands[1], kAgeBands[2], kAgeBands[3]});
  const bool gender =
      t.gender.empty() || known_code(t.gender, {kGenders[0], kGenders[1], kGenders[2]});
  return age && gender;
}

// Every day part in order, from the counts of the parts that have taps.
DayTally make_tally(Centre centre, std::int64_t day, Timestamp now,
                    const std::vector<Tally>& counted) {
  DayTally d;
  d.centre = std::move(centre);
  d.day = day;
  d.current = day_part_of(now);
  for (auto p : all_day_parts()) {
    Tally t;
    t.part = p;
    for (const auto& c : counted)
      if (c.part == p) t = c;
    d.parts.push_back(t);
    d.total += t.visitors;
  }
  return d;
}

}  // namespace

Result<CentreId> Centres::create(const User& admin, const NewCentre& in) {
  if (!may_manage_centres(admin)) return Error::forbidden();
  Centre c;
  c.wijk_id = in.wijk_id;
  c.name = trim(in.name);
  c.address = trim(in.address);
  c.opening = in.opening;
  c.rooms = in.rooms;
  c.updated_at = now();
  std::vector<std::pair<std::string, std::string>> problems;
  if (c.name.empty())
    problems.emplace_back("name", "error.centre.name_required");
  else if (c.name.size() > kCentreNameMax)
    problems.emplace_back("name", "error.too_long");
  if (c.address.size() > kCentreAddressMax) problems.emplace_back("address", "error.too_long");
  if (!problems.empty()) return Error::invalid_fields(std::move(problems));
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->admin().get_wijk(c.wijk_id)) return Error::invalid("error.invalid_choice", "wijk");
  c.id = tx->centres().insert_centre(c);
  append_audit(*tx, c.updated_at, &admin, "create_centre", ResidentId(), centre_ref(c.id), c.name);
  if (auto st = tx->commit(); !st) return st.error();
  return c.id;
}

Status Centres::add_host(const User& admin, CentreId centre, UserId host) {
  if (!may_manage_centres(admin)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->centres().get_centre(centre)) return Error::not_found();
  const auto user = tx->accounts().get_user(host);
  if (!user || !may_be_named_host(*user)) return Error::invalid("error.centre.not_a_host", "host");
  tx->centres().add_host(centre, host);
  append_audit(*tx, now(), &admin, "add_centre_host", ResidentId(), centre_ref(centre),
               "user:" + std::to_string(host.value));
  return tx->commit();
}

Result<std::vector<Centre>> Centres::hosted(const User& user) {
  std::vector<Centre> out;
  if (!works_as_host(user) && !is_centre_device(user)) return out;
  auto tx = ctx_.store->begin(TxMode::kRead);
  for (auto id : tx->centres().centres_of_host(user.id))
    if (auto c = tx->centres().get_centre(id)) out.push_back(std::move(*c));
  std::sort(out.begin(), out.end(),
            [](const Centre& a, const Centre& b) { return a.name < b.name; });
  return out;
}

Result<DayTally> Centres::today(const User& host, CentreId centre) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  if (!may_count(host, centre, tx->centres().centres_of_host(host.id))) return Error::forbidden();
  auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  const Timestamp t = now();
  const auto day = local_days(t);
  return make_tally(std::move(*c), day, t, tx->centres().tallies_of_day(centre, day));
}

Result<CentreFigures> Centres::figures(const User& user, int months) {
  if (!may_view_centre_figures(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto wijken = figure_wijken(*tx, user);
  if (wijken.empty()) return Error::forbidden();
  return centre_figures(*tx, wijken, months, now());
}

std::optional<std::int64_t> tap_day(const std::string& asked, std::int64_t today) {
  if (asked.empty()) return today;
  const auto day = parse_date(asked);
  if (!day) return std::nullopt;
  return *day <= today && *day >= today - kTapDaysBack ? *day : today;
}

Result<DayTally> Centres::tap(const User& host, CentreId centre, const TapInput& in) {
  if (!valid_tap_key(in.key)) return Error::invalid("error.bad_request", "key");
  if (in.delta != 1 && in.delta != -1) return Error::invalid("error.bad_request", "delta");
  if (!valid_tags(in.tags)) return Error::invalid("error.invalid_choice", "tags");
  const Timestamp t = now();
  const auto today = local_days(t);
  const auto on = tap_day(in.day, today);
  if (!on) return Error::invalid("error.bad_request", "day");
  DayPart part = day_part_of(t);
  if (!in.part.empty()) {
    const auto p = parse_day_part(in.part);
    if (!p) return Error::invalid("error.invalid_choice", "part");
    part = *p;
  }
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto& store = tx->centres();
  if (!may_count(host, centre, store.centres_of_host(host.id))) return Error::forbidden();
  auto c = store.get_centre(centre);
  if (!c) return Error::not_found();
  if (store.tap_by_key(centre, in.key)) {
    // Sent before: count nothing, and answer with today's count.
    auto d = make_tally(std::move(*c), today, t, store.tallies_of_day(centre, today));
    d.repeated = true;
    return d;
  }
  const auto day = *on;
  Tap tap;
  tap.centre_id = centre;
  tap.day = day;
  tap.part = part;
  tap.delta = in.delta;
  tap.key = in.key;
  tap.by = host.id;
  tap.at = t;
  if (in.delta > 0) {
    tap.tags = in.tags;
  } else {
    const auto back = store.tap_to_take_back(centre, day, part);
    if (!back) return Error::conflict("error.centre.nothing_to_correct");
    tap.corrects = back->id;
    tap.tags = back->tags;  // so that every tag's count goes down with it
    tap.visitor = back->visitor;
  }
  store.insert_tap(tap);
  auto d = make_tally(std::move(*c), today, t, store.tallies_of_day(centre, today));
  if (auto st = tx->commit(); !st) return st.error();
  return d;
}

std::string Centres::new_tap_key() { return "f" + random_token().substr(0, 31); }

}  // namespace meedoen
