#include "app/visitors.hpp"

#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

std::string centre_ref(CentreId id) { return "centre:" + std::to_string(id.value); }
std::string visitor_ref(VisitorId id) { return "visitor:" + std::to_string(id.value); }

}  // namespace

Result<KnownVisitors> Visitors::known(const User& host, CentreId centre) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  if (!may_know_visitor(host, centre, true, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  return KnownVisitors{std::move(*c), tx->visitors().known_visitors(centre, local_days(now()))};
}

Result<VisitorId> Visitors::make_known(const User& host, CentreId centre, const NewVisitor& in) {
  const Timestamp t = now();
  ConsentRecord consent;
  consent.purpose = ConsentPurpose::kKnownAtCentre;
  consent.recipient = centre_ref(centre);
  consent.given_by = in.given_by;
  consent.form = parse_consent_form(in.form).value_or(ConsentForm::kVerbal);
  consent.text_version = consent_text_version(consent.purpose);
  consent.recorded_by = host.id;
  consent.given_at = t;
  if (!parse_consent_form(in.form)) return Error::invalid("error.invalid_choice", "consent_form");
  const std::string name = trim(in.name);

  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!may_know_visitor(host, centre, true, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  if (!tx->centres().get_centre(centre)) return Error::not_found();
  std::vector<std::pair<std::string, std::string>> problems;
  const auto name_problem =
      visitor_name_problem(name, !name.empty() && tx->visitors().name_taken(centre, name));
  if (!name_problem.empty()) problems.emplace_back("name", name_problem);
  // Without their consent a visitor is counted only: nothing about them is kept.
  if (!in.consent) problems.emplace_back("consent", "error.visitor.consent_required");
  if (auto st = check_consent_record(consent); !st)
    problems.emplace_back(st.error().field, st.error().message_key);
  if (!problems.empty()) return Error::invalid_fields(std::move(problems));

  Visitor v;
  v.centre_id = centre;
  v.name = name;
  v.created_by = host.id;
  v.created_at = t;
  v.id = tx->visitors().insert_visitor(v);
  consent.visitor = v.id;
  tx->consents().insert_consent(consent);
  append_audit(*tx, t, &host, "visitor_known", ResidentId(), visitor_ref(v.id), centre_ref(centre));
  if (auto st = tx->commit(); !st) return st.error();
  return v.id;
}

Result<VisitorRecord> Visitors::get(const User& host, VisitorId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto v = tx->visitors().get_visitor(id);
  if (!v ||
      !may_know_visitor(host, v->centre_id, v->known(), tx->centres().centres_of_host(host.id)))
    return Error::not_found();
  auto c = tx->centres().get_centre(v->centre_id);
  auto visits = tx->visitors().visits_of(id, local_days(now()));
  if (!c || !visits) return Error::not_found();
  return VisitorRecord{std::move(*c), std::move(*visits), tx->consents().consents_of_visitor(id)};
}

Result<CheckIn> Visitors::check_in(const User& host, VisitorId id, const std::string& key) {
  if (!valid_tap_key(key)) return Error::invalid("error.bad_request", "key");
  const Timestamp t = now();
  const auto day = local_days(t);
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto v = tx->visitors().get_visitor(id);
  if (!v ||
      !may_know_visitor(host, v->centre_id, v->known(), tx->centres().centres_of_host(host.id)))
    return Error::not_found();
  CheckIn out;
  out.part = day_part_of(t);
  auto& centres = tx->centres();
  if (auto before = centres.tap_by_key(v->centre_id, key)) {
    out.repeated = true;
    out.part = before->part;
  } else if (tx->visitors().checked_in(id, day, out.part)) {
    out.already = true;
  } else {
    const auto visits = tx->visitors().visits_of(id, day);
    Tap tap;
    tap.centre_id = v->centre_id;
    tap.day = day;
    tap.part = out.part;
    tap.delta = 1;
    tap.tags.first_visit = visits && visits->visits == 0;
    tap.visitor = id;
    tap.key = key;
    tap.by = host.id;
    tap.at = t;
    centres.insert_tap(tap);
  }
  auto visits = tx->visitors().visits_of(id, day);
  if (!visits) return Error::not_found();
  out.visitor = std::move(*visits);
  if (!out.repeated && !out.already) {
    if (auto st = tx->commit(); !st) return st.error();
  }
  return out;
}

Status Visitors::withdraw(const User& host, VisitorId id) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto v = tx->visitors().get_visitor(id);
  if (!v ||
      !may_know_visitor(host, v->centre_id, v->known(), tx->centres().centres_of_host(host.id)))
    return Error::not_found();
  for (const auto& c : tx->consents().consents_of_visitor(id))
    if (c.purpose == ConsentPurpose::kKnownAtCentre && c.in_force())
      tx->consents().withdraw_consent(c.id, t, host.id);
  tx->visitors().forget_visitor(id, t);
  append_audit(*tx, t, &host, "visitor_consent_withdrawn", ResidentId(), visitor_ref(id),
               centre_ref(v->centre_id));
  return tx->commit();
}

}  // namespace meedoen
