// Raising, listing, viewing and closing signals, and the meldcode's private track.
#include "app/signals.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/identity.hpp"
#include "app/lookups.hpp"
#include "app/overleg_loop.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

bool one_of(const std::string& v, const auto& options) {
  return std::any_of(std::begin(options), std::end(options), [&](const char* o) { return v == o; });
}

}  // namespace

Result<SignalFormData> Signals::form(const User& user) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  SignalFormData out;
  for (auto w : user.wijken) {
    if (!may_raise_signal(user, w)) continue;
    auto wijk = tx->admin().get_wijk(w);
    if (!wijk) continue;
    WijkChoice c{*wijk, tx->admin().buurten(w), {}};
    for (auto& cat : tx->admin().categories(w))
      if (cat.active) c.categories.push_back(cat);
    out.wijken.push_back(std::move(c));
  }
  if (out.wijken.empty()) return Error::forbidden();
  if (auto o = tx->admin().get_org(user.org_id)) out.org_name = o->name;
  return out;
}

bool Signals::meldcode_suggested(WijkId wijk, const std::string& text,
                                 const std::vector<CategoryId>& categories) {
  if (text_suggests_meldcode(text)) return true;
  if (categories.empty()) return false;
  auto tx = ctx_.store->begin(TxMode::kRead);
  for (const auto& c : tx->admin().categories(wijk))
    if (c.meldcode && std::find(categories.begin(), categories.end(), c.id) != categories.end())
      return true;
  return false;
}

Result<RaiseResult> Signals::raise(const User& user, const RaiseSignalInput& in) {
  if (!may_raise_signal(user, in.wijk)) return Error::forbidden();
  const std::string description = trim(in.description);
  if (description.empty())
    return Error::invalid("error.signal.description_required", "description");
  if (description.size() > kMaxDescription) return Error::invalid("error.too_long", "description");
  if (!one_of(in.gender, kGenders)) return Error::invalid("error.invalid_choice", "gender");
  if (!one_of(in.age_band, kAgeBands)) return Error::invalid("error.invalid_choice", "age_band");
  const Timestamp t = now();
  if (auto st = validate_identity(in.identity, t); !st) return st.error();

  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->admin().get_wijk(in.wijk)) return Error::not_found();
  if (in.buurt.valid()) {
    auto b = tx->admin().get_buurt(in.buurt);
    if (!b || b->wijk_id != in.wijk) return Error::invalid("error.invalid_choice", "buurt");
  }
  bool meldcode_category = false;
  const auto cats = tx->admin().categories(in.wijk);
  for (auto id : in.categories) {
    auto it = std::find_if(cats.begin(), cats.end(), [&](const Category& c) { return c.id == id; });
    if (it == cats.end() || !it->active)
      return Error::invalid("error.invalid_choice", "categories");
    meldcode_category = meldcode_category || it->meldcode;
  }

  RaiseResult result;
  const bool meldcode_points = meldcode_category || text_suggests_meldcode(description);
  if (meldcode_points && !in.meldcode_confirmed && !in.meldcode_declined) {
    result.meldcode_needs_choice = true;
    return result;  // nothing saved: the form asks the raiser to choose
  }
  const bool meldcode = meldcode_points && in.meldcode_confirmed;

  auto resident_r = resident_for(*ctx_.vault, *tx, t, user, in.wijk, in.buurt, in.resident_code,
                                 in.gender, in.age_band, in.identity, "raised_signal");
  if (!resident_r) return resident_r.error();
  const Resident resident = *resident_r;

  Signal s;
  s.resident_id = resident.id;
  s.wijk_id = in.wijk;
  s.buurt_id = in.buurt.valid() ? in.buurt : resident.buurt_id;
  s.raised_by = user.id;
  s.org_id = user.org_id;
  s.description = description;
  s.urgent = in.urgent;
  s.meldcode = meldcode;
  s.categories = in.categories;
  s.created_at = s.updated_at = t;
  result.linked_to = file_signal(*tx, s, user, t);
  if (auto st = tx->commit(); !st) return st.error();
  result.signal_id = s.id;
  result.resident_code = resident.code;
  result.meldcode = meldcode;
  return result;
}

Result<SignalList> Signals::list(const User& user, const SignalQuery& q) {
  if (!works_in_overleg(user.role)) return Error::forbidden();
  if (q.wijk && !may_view_wijk(user, *q.wijk) && !q.mine) return Error::forbidden();
  if (q.code.size() > 20) return Error::invalid("error.too_long", "code");
  // One's own signals in every wijk one raises in; the wijk's list only where one reads it.
  const std::vector<WijkId> readable = q.mine ? user.wijken : viewable_wijken(user);
  if (readable.empty()) return Error::forbidden();  // an empty filter would mean "every wijk"
  auto tx = ctx_.store->begin(TxMode::kRead);
  SignalFilter f;
  f.wijk = q.wijk;
  if (!q.wijk) f.wijken = readable;  // a chosen wijk was checked above
  f.state = q.state;
  f.category = q.category;
  f.urgent_only = q.urgent_only;
  f.code = q.code;
  f.include_linked = q.state == SignalState::kLinked;
  if (q.mine) {
    f.raised_by = user.id;
    f.include_meldcode = true;  // one's own meldcode signals
  }
  constexpr int kPageSize = 50;
  SignalList out;
  out.total = tx->signals().count_signals(f);
  out.pages = std::max(1, (out.total + kPageSize - 1) / kPageSize);
  out.page = std::clamp(q.page, 1, out.pages);
  f.limit = kPageSize;
  f.offset = (out.page - 1) * kPageSize;
  Lookups names(*tx);
  auto page = tx->signals().list_signal_page(f);
  names.add_residents(std::move(page.residents));
  out.rows.reserve(page.signals.size());
  for (auto& s : page.signals) out.rows.push_back(signal_row(names, std::move(s), false));
  for (auto w : readable)
    if (auto wijk = tx->admin().get_wijk(w)) out.wijken.push_back(*wijk);
  if (q.wijk) out.categories = names.categories(*q.wijk);
  return out;
}

Result<SignalDetail> Signals::detail(const User& user, SignalId id,
                                     const std::string& break_glass_reason) {
  const std::string reason = trim(break_glass_reason);
  const bool breaking = !break_glass_reason.empty();
  if (breaking &&
      (reason.size() < kMinBreakGlassReason || word_count(reason) < kMinBreakGlassWords))
    return Error::invalid("error.signal.break_glass_reason", "reason");
  if (reason.size() > kMaxCloseReason) return Error::invalid("error.too_long", "reason");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto s = tx->signals().get_signal(id);
  if (!s) return Error::not_found();
  if (!may_view_signal(user, *s)) return Error::forbidden();
  if (breaking && !may_break_glass(user, s->wijk_id)) return Error::forbidden();
  auto resident = tx->residents().get_resident(s->resident_id);
  if (!resident) return Error::not_found();
  const Timestamp t = now();

  SignalDetail d;
  d.row = signal_row(*tx, *s);
  ResidentRelation rel = resident_relation(*tx, user, resident->id);
  rel.broke_glass = breaking;
  d.identity = reveal_identity(*ctx_.vault, *tx, t, user, *resident, rel,
                               "signal:" + std::to_string(id.value), reason, &d.identity_reason);
  d.may_break_glass = !d.identity && may_break_glass(user, s->wijk_id);
  d.is_meldcode_officer = s->meldcode && may_view_meldcode_signal(user, *s);
  const bool open = s->state != SignalState::kClosed && s->state != SignalState::kLinked;
  d.may_close = open && (s->meldcode ? d.is_meldcode_officer : may_chair(user, s->wijk_id));
  for (const auto& l : tx->signals().linked_signals(id)) d.linked.push_back(signal_row(*tx, l));
  for (const auto& e : tx->signals().timeline(id))
    d.timeline.push_back({e.at, e.kind, e.text, user_name(*tx, e.user_id)});
  for (const auto& a : tx->meetings().actions_for_signal(id)) {
    ActionView v{a, user_name(*tx, a.owner), resident->code, d.row.wijk_name, {}};
    d.actions.push_back(std::move(v));
  }
  if (s->meldcode) d.meldcode_steps = tx->signals().meldcode_steps(id);
  if (s->regisseur) d.regisseur_name = user_name(*tx, *s->regisseur);
  if (auto st = tx->commit(); !st) return st.error();  // no identity without its audit entry
  return d;
}

Status Signals::close(const User& user, SignalId id, const std::string& reason_in) {
  const std::string reason = trim(reason_in);
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto s = tx->signals().get_signal(id);
  if (!s) return Error::not_found();
  if (!may_view_signal(user, *s)) return Error::forbidden();
  const bool allowed =
      s->meldcode ? may_view_meldcode_signal(user, *s) : may_chair(user, s->wijk_id);
  if (!allowed) return Error::forbidden();
  if (auto st = can_close(*s, reason); !st) return st;
  const Timestamp t = now();
  s->state = SignalState::kClosed;
  s->close_reason = reason;
  s->updated_at = t;
  tx->signals().update_signal(*s);
  tx->signals().add_timeline({id, t, user.id, "closed", reason});
  for (auto linked : tx->signals().linked_signals(id)) {
    linked.state = SignalState::kClosed;
    linked.close_reason = reason;
    linked.updated_at = t;
    tx->signals().update_signal(linked);
  }
  append_audit(*tx, t, &user, "change", s->resident_id, "signal:" + std::to_string(id.value),
               "closed");
  return tx->commit();
}

Status Signals::record_meldcode_step(const User& user, SignalId id, int step,
                                     const std::string& date, const std::string& rationale_in) {
  const std::string rationale = trim(rationale_in);
  if (step < 1 || step > kMeldcodeSteps) return Error::invalid("error.invalid_choice", "step");
  if (!parse_date(date)) return Error::invalid("error.date", "date");
  if (rationale.empty()) return Error::invalid("error.meldcode.rationale_required", "rationale");
  if (rationale.size() > kMaxDescription) return Error::invalid("error.too_long", "rationale");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto s = tx->signals().get_signal(id);
  if (!s) return Error::not_found();
  if (!s->meldcode || !may_view_meldcode_signal(user, *s)) return Error::forbidden();
  if (s->state == SignalState::kClosed) return Error::conflict("error.signal.already_closed");
  const Timestamp t = now();
  tx->signals().insert_meldcode_step(id, {step, date, rationale, user.id, t});
  if (step == kMeldcodeWeighStep) {
    s->meldcode_weighed = true;
    s->updated_at = t;
    tx->signals().update_signal(*s);
  }
  tx->signals().add_timeline({id, t, user.id, "meldcode", std::to_string(step)});
  append_audit(*tx, t, &user, "change", s->resident_id, "signal:" + std::to_string(id.value),
               "meldcode step " + std::to_string(step));
  return tx->commit();
}

}  // namespace meedoen
