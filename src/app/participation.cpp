#include "app/participation.hpp"

#include <charconv>

#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// The visitor, when `host` may talk with them about their participation: a known visitor of a
// centre the host runs.
std::optional<Visitor> visitor_for(Tx& tx, const User& host, VisitorId id) {
  auto v = tx.visitors().get_visitor(id);
  if (!v || !v->known() ||
      !may_note_participation(host, v->centre_id, tx.centres().centres_of_host(host.id)))
    return std::nullopt;
  return v;
}

// The consents about participation at the visitor's centre, the newest first.
std::vector<ConsentRecord> participation_consents(Tx& tx, const Visitor& v) {
  std::vector<ConsentRecord> out;
  for (auto& c : tx.consents().consents_of_visitor(v.id))
    if (c.purpose == ConsentPurpose::kParticipation && c.recipient == centre_ref(v.centre_id))
      out.push_back(std::move(c));
  return out;
}

std::optional<ConsentRecord> standing(const std::vector<ConsentRecord>& consents) {
  for (const auto& c : consents)
    if (c.in_force()) return c;
  return std::nullopt;
}

// The consent (or refusal) of the talk, checked; the caller fills in the visitor.
Result<ConsentRecord> consent_of(const NewParticipationNote& in, const Visitor& v, const User& by,
                                 Timestamp at, bool refused) {
  const auto form = parse_consent_form(in.form);
  if (!form) return Error::invalid("error.invalid_choice", "consent_form");
  ConsentRecord c;
  c.visitor = v.id;
  c.purpose = ConsentPurpose::kParticipation;
  c.recipient = centre_ref(v.centre_id);
  c.given_by = in.given_by;
  c.form = *form;
  c.refused = refused;
  c.text_version = consent_text_version(c.purpose);
  c.recorded_by = by.id;
  c.given_at = at;
  if (auto st = check_consent_record(c); !st) return st.error();
  return c;
}

// "1".."6" as a rung, "" as 0; nullopt for anything else.
std::optional<int> parse_rung(const std::string& text) {
  const std::string s = trim(text);
  if (s.empty()) return 0;
  int r = -1;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), r);
  if (ec != std::errc() || end != s.data() + s.size() || r < 1 || r > kLadderRungs)
    return std::nullopt;
  return r;
}

}  // namespace

Result<ParticipationRecord> Participation::get(const User& host, VisitorId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto v = visitor_for(*tx, host, id);
  if (!v) return Error::not_found();
  auto c = tx->centres().get_centre(v->centre_id);
  if (!c) return Error::not_found();
  ParticipationRecord r;
  r.centre = std::move(*c);
  const auto consents = participation_consents(*tx, *v);
  r.consent = standing(consents);
  r.refused = !r.consent && !consents.empty() && consents.front().refused;
  r.visitor = std::move(*v);
  // Notes exist only while the consent stands; without it there is nothing to show.
  if (r.consent) r.notes = tx->participation().notes_of_visitor(id);
  r.path = ladder_path(r.notes);
  return r;
}

Result<ParticipationNoteId> Participation::note(const User& host, VisitorId id,
                                                const NewParticipationNote& in) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto v = visitor_for(*tx, host, id);
  if (!v) return Error::not_found();
  std::vector<std::pair<std::string, std::string>> problems;
  const auto rung = parse_rung(in.rung);
  const std::string goal = trim(in.goal);
  if (!rung) {
    problems.emplace_back("rung", "error.invalid_choice");
  } else if (auto [field, key] = participation_note_problem(*rung, goal); !key.empty()) {
    problems.emplace_back(field, key);
  }
  const bool stands = standing(participation_consents(*tx, *v)).has_value();
  std::optional<ConsentRecord> consent;
  if (!stands) {
    // Nothing about their participation is kept without their consent to it.
    if (!in.consent) {
      problems.emplace_back("consent", "error.participation.consent_required");
    } else if (auto c = consent_of(in, *v, host, t, false); !c) {
      problems.emplace_back(c.error().field, c.error().message_key);
    } else {
      consent = std::move(*c);
    }
  }
  if (!problems.empty()) return Error::invalid_fields(std::move(problems));
  if (consent) tx->consents().insert_consent(*consent);
  ParticipationNote n;
  n.visitor = id;
  n.rung = *rung;
  n.goal = goal;
  n.day = local_days(t);
  n.recorded_by = host.id;
  n.recorded_at = t;
  const auto note_id = tx->participation().insert_note(n);
  append_audit(*tx, t, &host, "participation_noted", v->resident, visitor_ref(id),
               centre_ref(v->centre_id));
  if (auto st = tx->commit(); !st) return st.error();
  return note_id;
}

Status Participation::refuse(const User& host, VisitorId id, const NewParticipationNote& in) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto v = visitor_for(*tx, host, id);
  if (!v) return Error::not_found();
  if (standing(participation_consents(*tx, *v)))
    return Error::conflict("error.participation.consent_stands");
  auto c = consent_of(in, *v, host, t, true);
  if (!c) return c.error();
  tx->consents().insert_consent(*c);
  append_audit(*tx, t, &host, "participation_refused", v->resident, visitor_ref(id),
               centre_ref(v->centre_id));
  return tx->commit();
}

Status Participation::withdraw(const User& host, VisitorId id) {
  const Timestamp t = now();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto v = visitor_for(*tx, host, id);
  if (!v) return Error::not_found();
  bool any = false;
  for (const auto& c : participation_consents(*tx, *v))
    if (c.in_force()) any = tx->consents().withdraw_consent(c.id, t, host.id) || any;
  if (!any) return Error::conflict("error.participation.no_consent");
  tx->participation().delete_notes_of_visitor(id);
  append_audit(*tx, t, &host, "participation_withdrawn", v->resident, visitor_ref(id),
               centre_ref(v->centre_id));
  return tx->commit();
}

}  // namespace meedoen
