#include "app/concerns.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/identity.hpp"
#include "app/overleg_loop.hpp"
#include "domain/brigade.hpp"
#include "domain/signal.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

constexpr Timestamp kFollowedFor = 30 * 86400;  // what the day page follows

std::string concern_ref(ConcernId id) { return "concern:" + std::to_string(id.value); }

// Whether `text` holds the name of one of the centre's known visitors. Their names are short and
// their own choice, so two letters count.
bool names_a_visitor(const std::string& text, const std::vector<VisitorVisits>& known) {
  return std::any_of(known.begin(), known.end(), [&](const VisitorVisits& v) {
    return mentions(text, name_words(v.visitor.name, 2));
  });
}

// What became of a request: a visit, a peer going, or still waiting; closed with its outcome.
void progress_of_request(Tx& tx, ConcernView& v) {
  const auto r = tx.brigade().get_request(v.concern.request);
  if (!r) return;
  const auto stats = tx.brigade().visit_stats_for({r->id});
  if (auto it = stats.find(r->id); it != stats.end() && it->second.first > 0) {
    v.progress = ConcernProgress::kVisited;
    v.progress_day = local_days(it->second.second);
  } else if (r->outcome != Outcome::kOpen) {
    v.progress = ConcernProgress::kClosed;
  } else {
    const auto a = tx.brigade().assignments_for_requests({r->id});
    if (auto it = a.find(r->id);
        it != a.end() && std::any_of(it->second.begin(), it->second.end(),
                                     [](auto& x) { return x.state == AssignmentState::kAccepted; }))
      v.progress = ConcernProgress::kPeerGoing;
  }
}

// What became of a signal: on the agenda (of which meeting), discussed, joined a case, closed.
void progress_of_signal(Tx& tx, ConcernView& v) {
  const auto s = tx.signals().get_signal(v.concern.signal);
  if (!s) return;
  switch (s->state) {
    case SignalState::kNew:
      break;
    case SignalState::kOnAgenda:
      v.progress = ConcernProgress::kOnAgenda;
      for (const auto& e : tx.signals().timeline(s->id))
        if (e.kind == "on_agenda")
          if (const auto day = parse_date(e.text)) v.progress_day = *day;
      break;
    case SignalState::kDiscussed:
    case SignalState::kActionsRunning:
      v.progress = ConcernProgress::kDiscussed;
      break;
    case SignalState::kLinked:
      v.progress = ConcernProgress::kInCase;
      break;
    case SignalState::kClosed:
      v.progress = ConcernProgress::kClosed;
      break;
  }
}

}  // namespace

Result<ConcernForm> Concerns::form(const User& host, CentreId centre) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  if (!may_pass_on_concern(host, centre, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  return ConcernForm{std::move(*c), tx->visitors().known_visitors(centre, local_days(now()))};
}

Result<PassedOn> Concerns::pass_on(const User& host, CentreId centre, const NewConcern& in) {
  const Timestamp t = now();
  const auto route = parse_concern_route(in.route);
  if (!route) return Error::invalid("error.concern.route_required", "route");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!may_pass_on_concern(host, centre, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  const auto c = tx->centres().get_centre(centre);
  if (!c) return Error::not_found();
  if (*route == ConcernRoute::kBrigade && !may_request_visit(host, c->wijk_id))
    return Error::forbidden();
  if (*route == ConcernRoute::kOverleg && !may_raise_signal(host, c->wijk_id))
    return Error::forbidden();
  std::optional<Visitor> visitor;
  if (in.visitor.valid()) {
    visitor = tx->visitors().get_visitor(in.visitor);
    if (!visitor || visitor->centre_id != centre || !visitor->known())
      return Error::invalid("error.invalid_choice", "visitor");
  }
  const std::string text = trim(in.text);
  const ConcernInput checked{*route, text, visitor.has_value(), in.consent};
  const auto known = tx->visitors().known_visitors(centre, local_days(t));
  if (const auto [key, field] = concern_problem(checked, names_a_visitor(text, known));
      !key.empty())
    return Error::invalid(key, field);

  Concern concern;
  concern.centre_id = centre;
  concern.route = *route;
  concern.recorded_by = host.id;
  concern.created_at = t;
  if (visitor) concern.visitor = visitor->id;
  PassedOn out;
  out.route = *route;
  if (*route == ConcernRoute::kCallBack) {
    concern.note = text;
  } else {
    // With consent, the visitor's earlier record; else a new one that names no one.
    std::optional<ResidentId> earlier;
    if (visitor) {
      earlier = visitor->resident.valid() ? std::optional(visitor->resident)
                                          : tx->concerns().resident_of_visitor(visitor->id);
      ConsentRecord consent;
      consent.visitor = visitor->id;
      consent.purpose = ConsentPurpose::kPassOn;
      consent.recipient = std::string(to_string(*route)) + ":" + std::to_string(c->wijk_id.value);
      consent.given_by = in.given_by;
      const auto form = parse_consent_form(in.form);
      if (!form) return Error::invalid("error.invalid_choice", "consent_form");
      consent.form = *form;
      consent.text_version = consent_text_version(consent.purpose);
      consent.recorded_by = host.id;
      consent.given_at = t;
      if (auto st = check_consent_record(consent); !st) return st.error();
      tx->consents().insert_consent(consent);
    }
    std::optional<Resident> resident;
    if (earlier) resident = tx->residents().get_resident(*earlier);
    if (!resident) {
      auto made = resident_for(*ctx_.vault, *tx, t, host, c->wijk_id, BuurtId(), "", "unknown",
                               "unknown", Identity{}, "concern");
      if (!made) return made.error();
      resident = std::move(*made);
    }
    concern.resident = resident->id;
    if (*route == ConcernRoute::kBrigade) {
      RequestFilter f;
      f.resident = resident->id;
      f.open_only = true;
      f.limit = 1;
      if (!tx->brigade().list_requests(f).empty())
        return Error::invalid("error.concern.request_exists", "visitor");
      BrigadeRequest r;
      r.resident_id = resident->id;
      r.wijk_id = c->wijk_id;
      r.source = request_source_of(host.role);
      r.requested_by = host.id;
      r.known = c->name + ": " + text;
      r.created_at = r.updated_at = t;
      r.id = tx->brigade().insert_request(r);
      concern.request = r.id;
      append_audit(*tx, t, &host, "create", r.resident_id, "request:" + std::to_string(r.id.value),
                   r.source);
    } else {
      Signal s;
      s.resident_id = resident->id;
      s.wijk_id = c->wijk_id;
      s.raised_by = host.id;
      s.org_id = host.org_id;
      s.description = text;
      // A host does not weigh the meldcode: what points to it goes on its private track, to the
      // chair, and never on the open agenda.
      s.meldcode = out.meldcode = text_suggests_meldcode(text);
      s.created_at = s.updated_at = t;
      out.joined_case = file_signal(*tx, s, host, t).has_value();
      concern.signal = s.id;
    }
  }
  concern.id = out.id = tx->concerns().insert_concern(concern);
  append_audit(*tx, t, &host, "pass_on", concern.resident, concern_ref(concern.id),
               std::string(to_string(*route)));
  if (auto st = tx->commit(); !st) return st.error();
  return out;
}

Result<CentreConcerns> Concerns::of_centre(const User& host, CentreId centre) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto hosted = tx->centres().centres_of_host(host.id);
  if (!may_pass_on_concern(host, centre, hosted)) return Error::forbidden();
  CentreConcerns out;
  for (auto& c : tx->concerns().concerns_of_centre(centre, now() - kFollowedFor)) {
    ConcernView v;
    if (c.visitor.valid())
      if (const auto who = tx->visitors().get_visitor(c.visitor);
          who && may_know_visitor(host, who->centre_id, who->known(), hosted))
        v.visitor_name = who->name;
    if (c.resident.valid())
      if (const auto r = tx->residents().get_resident(c.resident)) v.resident_code = r->code;
    v.concern = std::move(c);
    switch (v.concern.route) {
      case ConcernRoute::kCallBack:
        if (v.concern.done_at != 0) continue;  // made: nothing left to do
        out.call_backs.push_back(std::move(v));
        continue;
      case ConcernRoute::kBrigade:
        progress_of_request(*tx, v);
        break;
      case ConcernRoute::kOverleg:
        progress_of_signal(*tx, v);
        break;
    }
    out.passed_on.push_back(std::move(v));
  }
  return out;
}

Result<CentreId> Concerns::call_back_done(const User& host, ConcernId id) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto c = tx->concerns().get_concern(id);
  if (!c || c->route != ConcernRoute::kCallBack) return Error::not_found();
  if (!may_pass_on_concern(host, c->centre_id, tx->centres().centres_of_host(host.id)))
    return Error::forbidden();
  if (tx->concerns().mark_done(id, now(), host.id)) {
    append_audit(*tx, now(), &host, "call_back_done", ResidentId(), concern_ref(id), "");
    if (auto st = tx->commit(); !st) return st.error();
  }
  return c->centre_id;
}

}  // namespace meedoen
