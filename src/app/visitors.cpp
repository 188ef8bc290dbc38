#include "app/visitors.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/brigade_shared.hpp"
#include "app/centres.hpp"
#include "app/figures.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "store/store.hpp"

namespace meedoen {

Result<KnownVisitors> Visitors::known(const User& host, CentreId centre) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  if (!may_know_visitor(host, centre, true, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  return KnownVisitors{std::move(*c), tx->visitors().known_visitors(centre, local_days(now()))};
}

namespace {

ConsentRecord consent_of(const NewVisitor& in, ConsentPurpose purpose, std::string recipient,
                         const User& by, Timestamp at) {
  ConsentRecord c;
  c.purpose = purpose;
  c.recipient = std::move(recipient);
  c.given_by = in.given_by;
  c.form = parse_consent_form(in.form).value_or(ConsentForm::kVerbal);
  c.text_version = consent_text_version(purpose);
  c.recorded_by = by.id;
  c.given_at = at;
  return c;
}

// Makes the visitor known at `centre`, with its consents (the first is to be known there), in
// `tx`; the caller has checked who may.
Result<VisitorId> make_visitor(Tx& tx, const User& by, CentreId centre, const NewVisitor& in,
                               ResidentId resident, std::vector<ConsentRecord> consents,
                               Timestamp t) {
  const std::string name = trim(in.name);
  std::vector<std::pair<std::string, std::string>> problems;
  const auto name_problem =
      visitor_name_problem(name, !name.empty() && tx.visitors().name_taken(centre, name));
  if (!name_problem.empty()) problems.emplace_back("name", name_problem);
  // Without their consent a visitor is counted only: nothing about them is kept.
  if (!in.consent) problems.emplace_back("consent", "error.visitor.consent_required");
  if (!parse_consent_form(in.form))
    problems.emplace_back("consent_form", "error.invalid_choice");
  else if (auto st = check_consent_record(consents.front()); !st)
    problems.emplace_back(st.error().field, st.error().message_key);
  if (!problems.empty()) return Error::invalid_fields(std::move(problems));

  Visitor v;
  v.centre_id = centre;
  v.name = name;
  v.resident = resident;
  v.created_by = by.id;
  v.created_at = t;
  v.id = tx.visitors().insert_visitor(v);
  for (auto& c : consents) {
    c.visitor = v.id;
    tx.consents().insert_consent(c);
  }
  append_audit(tx, t, &by, "visitor_known", resident, visitor_ref(v.id), centre_ref(centre));
  return v.id;
}

}  // namespace

Result<VisitorId> Visitors::make_known(const User& host, CentreId centre, const NewVisitor& in) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!may_keep_visitors(host, centre, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  if (!tx->centres().get_centre(centre)) return Error::not_found();
  auto id = make_visitor(
      *tx, host, centre, in, ResidentId(),
      {consent_of(in, ConsentPurpose::kKnownAtCentre, centre_ref(centre), host, t)}, t);
  if (!id) return id;
  if (auto st = tx->commit(); !st) return st.error();
  return id;
}

Result<RequestCentre> Visitors::for_request(const User& user, RequestId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  RequestCentre out;
  const bool holds = accepted_peer(*tx, id, user.id);
  out.may_link = may_link_visitor(user, holds);
  // Those who follow the request: the peer who holds it, its coordinator, who asked for it.
  if (!holds && !may_coordinate(user, r->wijk_id) && !may_follow_request(user, *r))
    return Error::forbidden();
  for (auto& c : tx->centres().list_centres())
    if (c.wijk_id == r->wijk_id) out.centres.push_back(std::move(c));
  if (const auto v = tx->visitors().visitor_of_resident(r->resident_id)) {
    out.visitor = tx->visitors().visits_of(v->id, local_days(now()));
    if (auto c = tx->centres().get_centre(v->centre_id)) out.centre_name = c->name;
  }
  return out;
}

Result<VisitorId> Visitors::from_request(const User& peer, RequestId id, CentreId centre,
                                         const NewVisitor& in) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_link_visitor(peer, accepted_peer(*tx, id, peer.id))) return Error::forbidden();
  const auto c = tx->centres().get_centre(centre);
  if (!c || c->wijk_id != r->wijk_id) return Error::invalid("error.invalid_choice", "centre");
  if (tx->visitors().visitor_of_resident(r->resident_id))
    return Error::conflict("error.visitor.already_linked");
  auto made =
      make_visitor(*tx, peer, centre, in, r->resident_id,
                   {consent_of(in, ConsentPurpose::kKnownAtCentre, centre_ref(centre), peer, t),
                    consent_of(in, ConsentPurpose::kBrigadeLink,
                               "brigade:" + std::to_string(id.value), peer, t)},
                   t);
  if (!made) return made;
  if (auto st = tx->commit(); !st) return st.error();
  return made;
}

Result<VisitorRecord> Visitors::get(const User& host, VisitorId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto v = tx->visitors().get_visitor(id);
  if (!v || !(v->known() &&
              may_keep_visitors(host, v->centre_id, tx->centres().centres_of_host(host.id))))
    return Error::not_found();
  auto c = tx->centres().get_centre(v->centre_id);
  auto visits = tx->visitors().visits_of(id, local_days(now()));
  if (!c || !visits) return Error::not_found();
  const auto today = local_days(now());
  const auto from = local_days(figures_period_start(12, now()));
  return VisitorRecord{std::move(*c), std::move(*visits), tx->consents().consents_of_visitor(id),
                       visitor_months(tx->visitors().days_of(id, from), from, today)};
}

Result<CheckIn> Visitors::check_in(const User& host, VisitorId id, const std::string& key,
                                   const std::string& part, const std::string& on) {
  if (!valid_tap_key(key)) return Error::invalid("error.bad_request", "key");
  const Timestamp t = now();
  DayPart in_part = day_part_of(t);
  if (!part.empty()) {
    const auto p = parse_day_part(part);
    if (!p) return Error::invalid("error.invalid_choice", "part");
    in_part = *p;
  }
  const auto today = local_days(t);
  const auto tapped = tap_day(on, today);
  if (!tapped) return Error::invalid("error.bad_request", "day");
  const auto day = *tapped;
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto v = tx->visitors().get_visitor(id);
  if (!v ||
      !may_know_visitor(host, v->centre_id, v->known(), tx->centres().centres_of_host(host.id)))
    return Error::not_found();
  auto visits = tx->visitors().visits_of(id, today);
  if (!visits) return Error::not_found();
  CheckIn out;
  out.visitor = std::move(*visits);
  out.part = in_part;
  auto& centres = tx->centres();
  if (auto before = centres.tap_by_key(v->centre_id, key)) {
    out.repeated = true;
    out.part = before->part;
  } else if (tx->visitors().checked_in(id, day, out.part)) {
    out.already = true;
  } else {
    Tap tap;
    tap.centre_id = v->centre_id;
    tap.day = day;
    tap.part = out.part;
    tap.delta = 1;
    tap.tags.first_visit = out.visitor.visits == 0;
    tap.visitor = id;
    tap.key = key;
    tap.by = host.id;
    tap.at = t;
    centres.insert_tap(tap);
    if (auto st = tx->commit(); !st) return st.error();
    // The visits with this one, as visits_of would read them now.
    auto& after = out.visitor;
    if (after.visits++ == 0 || day < after.first_day) after.first_day = day;
    after.last_day = std::max(after.last_day, day);
    after.in_today = after.in_today || day == today;
  }
  return out;
}

Result<CentreId> Visitors::withdraw(const User& host, VisitorId id) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto v = tx->visitors().get_visitor(id);
  if (!v || !(v->known() &&
              may_keep_visitors(host, v->centre_id, tx->centres().centres_of_host(host.id))))
    return Error::not_found();
  for (const auto& c : tx->consents().consents_of_visitor(id))
    if (c.in_force()) tx->consents().withdraw_consent(c.id, t, host.id);
  tx->visitors().forget_visitor(id, t);
  append_audit(*tx, t, &host, "visitor_consent_withdrawn", ResidentId(), visitor_ref(id),
               centre_ref(v->centre_id));
  if (auto st = tx->commit(); !st) return st.error();
  return v->centre_id;
}

}  // namespace meedoen
