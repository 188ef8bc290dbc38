// "Mijn acties": what the overleg asked of a user, with the resident's identity because the owner
// acts now; and marking an action done or not done.
#include "app/internals.hpp"

namespace meedoen {

Result<std::vector<ActionView>> App::my_actions(const User& user) {
  auto tx = store_->begin(TxMode::kWrite);  // identity reveals are audited
  const Timestamp t = now();
  std::vector<ActionView> out;
  for (const auto& a : tx->meetings().actions_for_owner(user.id)) {
    ActionView v{a, user.display_name, {}, {}, {}};
    auto r = tx->residents().get_resident(a.resident_id);
    if (!r) continue;
    v.resident_code = r->code;
    if (auto w = tx->admin().get_wijk(a.wijk_id)) v.wijk_name = w->name;
    if (a.state == ActionState::kOpen) {
      ResidentRelation rel = Internals::relation(*tx, user, r->id);
      v.identity = Internals::reveal(*vault_, *tx, t, user, *r, rel,
                                     "action:" + std::to_string(a.id.value), "");
    }
    out.push_back(std::move(v));
  }
  if (auto st = tx->commit(); !st) return st.error();  // no identity without its audit entry
  return out;
}

Status App::settle_action(const User& user, ActionId id, ActionState state,
                          const std::string& note_in) {
  const std::string note = Internals::trim(note_in);
  if (state == ActionState::kOpen) return Error::invalid("error.invalid_choice", "state");
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if (state == ActionState::kNotDone && note.empty())
    return Error::invalid("error.action.note_required", "note");
  auto tx = store_->begin(TxMode::kWrite);
  auto a = tx->meetings().get_action(id);
  if (!a) return Error::not_found();
  if (a->owner != user.id) return Error::forbidden();
  if (a->state != ActionState::kOpen) return Error::conflict("error.action.settled");
  const Timestamp t = now();
  a->state = state;
  a->note = note;
  a->settled_at = t;
  tx->meetings().update_action(*a);
  tx->signals().add_timeline({a->signal_id, t, user.id, "action_settled",
                    std::string(to_string(state)) + (note.empty() ? "" : "|" + note)});
  bool any_open = false;
  for (const auto& other : tx->meetings().actions_for_signal(a->signal_id))
    any_open = any_open || other.state == ActionState::kOpen;
  if (!any_open) {
    if (auto s = tx->signals().get_signal(a->signal_id)) {
      if (auto next = transition(s->state, SignalEvent::kActionsSettled)) {
        s->state = *next;
        s->updated_at = t;
        tx->signals().update_signal(*s);
      }
    }
  }
  Internals::audit(*tx, t, &user, "change", a->resident_id, "action:" + std::to_string(id.value),
                   std::string(to_string(state)));
  return tx->commit();
}

}  // namespace meedoen
