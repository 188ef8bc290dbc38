// "Mijn acties": the actions the overleg gave a user, and settling one (done or not done).
#include "web/pages/pages.hpp"

namespace meedoen::web {

static Response render_actions(Ctx& c, json::object extra, int status) {
  auto list = c.app.meetings().my_actions(c.user());
  if (!list) return error_page(c, list.error());
  json::object m = std::move(extra);
  json::array open, done;
  for (const auto& a : *list)
    (a.action.state == ActionState::kOpen ? open : done).push_back(action_json(c, a));
  m["open"] = open;
  m["done"] = done;
  m["no_open"] = open.empty();
  return page(c, "meetings/actions", std::move(m), c.t("actions_title"), status);
}

Response actions_page(Ctx& c) { return render_actions(c, {}, 200); }

Response action_settle(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto state = parse_action_state(c.req.form.get("state"));
  if (!state) return error_page(c, Error::invalid("error.bad_request"));
  auto st = c.app.meetings().settle_action(c.user(), ActionId(*id), *state, c.req.form.get("note"));
  if (!st) {
    if (st.error().kind == ErrorKind::kInvalid) {
      json::object extra;
      extra["error_id"] = *id;
      extra["error"] = c.t(st.error().message_key);
      extra["note_value"] = c.req.form.get("note");
      return render_actions(c, extra, 422);
    }
    return error_page(c, st.error());
  }
  return redirect("/acties");
}

}  // namespace meedoen::web
