// Start page per role, wijk overview, "mijn acties" and administration.
#include "web/site_internal.hpp"

namespace meedoen::web {

Response start_page(Ctx& c) {
  auto p = c.app.start().page(c.user());
  if (!p) return error_page(c, p.error());
  json::object m;
  m["name"] = c.user().display_name;
  m["is_chair"] = c.user().role == Role::kChair;
  m["is_funder"] = c.user().role == Role::kFunder;
  m["is_admin"] = c.user().role == Role::kAdmin;
  m["in_overleg"] = works_in_overleg(c.user().role) && !c.user().wijken.empty();
  m["reads_overleg"] = p->reads_overleg;
  json::array urgent, mine, actions, meetings, wijken, figures;
  for (const auto& r : p->urgent) urgent.push_back(signal_row_json(c, r));
  for (const auto& r : p->my_signals) mine.push_back(signal_row_json(c, r));
  for (const auto& a : p->my_actions) actions.push_back(action_json(c, a));
  for (const auto& s : p->next_meetings) meetings.push_back(meeting_summary_json(c, s));
  for (const auto& w : p->wijken) {
    json::object o;
    o["id"] = w.id.value;
    o["name"] = w.name;
    wijken.push_back(o);
  }
  for (const auto& f : p->figures) {
    json::object o;
    o["wijk"] = f.wijk;
    o["label"] = c.t(f.label);
    o["value"] = f.value;
    figures.push_back(o);
  }
  m["urgent"] = urgent;
  m["has_urgent"] = !urgent.empty();
  m["my_signals"] = mine;
  m["has_my_signals"] = !mine.empty();
  m["actions"] = actions;
  m["has_actions"] = !actions.empty();
  m["meetings"] = meetings;
  m["has_meetings"] = !meetings.empty();
  m["wijken"] = wijken;
  m["figures"] = figures;
  m["new_signals"] = p->new_signals;
  if (c.user().role == Role::kPeer) {
    if (auto my = c.app.brigade().my_requests(c.user())) {
      json::array offers;
      for (const auto& r : my->offered) offers.push_back(request_row_json(c, r));
      m["offers"] = offers;
      m["has_offers"] = !offers.empty();
      m["is_peer"] = true;
      m["active_requests"] = static_cast<int>(my->active.size());
      m["load"] = my->load;
      m["cap"] = my->profile.weekly_cap;
      // Inside at a visit: the start page says so first, with the way out and who to call.
      if (my->checkin) m["checkin"] = checkin_json(c, *my->checkin, c.app.config().brigade_phone);
    }
  }
  if (c.user().role == Role::kCoordinator) {
    if (auto ov = c.app.brigade().overview(c.user())) {
      int unassigned = 0, overdue = 0;
      for (const auto& r : ov->open_requests) {
        bool current = false;
        for (const auto& a : r.assignments) current = current || a.assignment.current();
        unassigned += current ? 0 : 1;
      }
      for (const auto& ch : ov->checkins) overdue += ch.overdue ? 1 : 0;
      json::object b;
      b["unassigned"] = unassigned;
      b["open"] = static_cast<int>(ov->open_requests.size());
      b["overdue"] = overdue;
      b["debriefs"] = static_cast<int>(ov->debriefs.size());
      b["no_response"] = static_cast<int>(ov->no_response.size());
      m["brigade"] = b;
    }
  }
  return page(c, "start", std::move(m), c.t("start_title"));
}

Response wijk_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto o = c.app.start().wijk_overview(c.user(), WijkId(*id));
  if (!o) return error_page(c, o.error());
  json::object m;
  m["id"] = o->wijk.id.value;
  m["name"] = o->wijk.name;
  m["district"] = o->wijk.district;
  m["rhythm"] = o->wijk.rhythm;
  m["place"] = o->wijk.default_place;
  m["may_configure"] = c.user().role == Role::kChair;
  json::array buurten, partners, cats, states, meetings, members;
  for (const auto& b : o->buurten) buurten.push_back(json::string(b.name));
  for (const auto& p : o->partners) {
    json::object po;
    po["name"] = p.name;
    po["kind"] = c.t("orgkind_" + p.kind);
    partners.push_back(po);
  }
  for (const auto& cat : o->categories) cats.push_back(json::string(cat.label));
  for (const auto& [state, n] : o->by_state) {
    json::object so;
    so["label"] = c.t("state_" + state);
    so["value"] = state;
    so["count"] = n;
    states.push_back(so);
  }
  for (const auto& s : o->meetings) meetings.push_back(meeting_summary_json(c, s));
  for (const auto& u : o->members) {
    json::object uo;
    uo["name"] = u.display_name;
    uo["role"] = role_label(c, u.role);
    members.push_back(uo);
  }
  m["buurten"] = buurten;
  m["partners"] = partners;
  m["categories"] = cats;
  m["states"] = states;
  m["meetings"] = meetings;
  m["members"] = members;
  return page(c, "wijk", std::move(m), c.t("wijk_title") + " " + o->wijk.name);
}

static Response render_actions(Ctx& c, json::object extra, int status) {
  auto list = c.app.meetings().my_actions(c.user());
  if (!list) return error_page(c, list.error());
  json::object m = std::move(extra);
  json::array open, done;
  for (const auto& a : *list) (a.action.state == ActionState::kOpen ? open : done).push_back(action_json(c, a));
  m["open"] = open;
  m["done"] = done;
  m["no_open"] = open.empty();
  return page(c, "actions", std::move(m), c.t("actions_title"), status);
}

Response actions_page(Ctx& c) { return render_actions(c, {}, 200); }

// The break-glass reveals, for the chair and the privacy officer to review.
Response break_glass_page(Ctx& c) {
  auto list = c.app.audit().break_glass_reviews(c.user());
  if (!list) return error_page(c, list.error());
  json::array rows;
  for (const auto& v : *list) {
    json::object o;
    o["when"] = format_datetime(v.entry.at);
    o["who"] = v.entry.user_label;
    o["code"] = v.resident_code;
    o["wijk"] = v.wijk_name;
    o["object"] = v.entry.object;
    // The audit reason is "break_glass: <what they wrote>"; the page shows what they wrote.
    const auto colon = v.entry.reason.find(": ");
    o["reason"] = colon == std::string::npos ? v.entry.reason : v.entry.reason.substr(colon + 2);
    if (v.entry.object.rfind("signal:", 0) == 0) o["signal_id"] = v.entry.object.substr(7);
    rows.push_back(std::move(o));
  }
  json::object m;
  m["has_rows"] = !rows.empty();
  m["rows"] = std::move(rows);
  return page(c, "break_glass", std::move(m), c.t("break_glass_review_title"));
}

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

// --- administration ---------------------------------------------------------------------------

static json::array roles_json(Ctx& c, std::optional<Role> selected) {
  json::array roles;
  for (auto r : all_roles()) {
    json::object ro;
    ro["value"] = std::string(to_string(r));
    ro["label"] = role_label(c, r);
    ro["selected"] = selected == r;
    roles.push_back(ro);
  }
  return roles;
}

static Response render_admin(Ctx& c, json::object extra, int status) {
  auto o = c.app.admin().overview(c.user());
  if (!o) return error_page(c, o.error());
  json::object m = std::move(extra);
  std::map<std::int64_t, std::string> org_names, wijk_names;
  json::array orgs, wijken, users, kinds;
  for (const auto& org : o->orgs) {
    org_names[org.id.value] = org.name;
    json::object oo;
    oo["id"] = org.id.value;
    oo["name"] = org.name;
    oo["kind"] = c.t("orgkind_" + org.kind);
    orgs.push_back(oo);
  }
  for (const auto& w : o->wijken) {
    wijk_names[w.id.value] = w.name;
    json::object wo;
    wo["id"] = w.id.value;
    wo["name"] = w.name;
    wo["district"] = w.district;
    wijken.push_back(wo);
  }
  for (const auto& u : o->users) {
    json::object uo;
    uo["id"] = u.id.value;
    uo["username"] = u.username;
    uo["name"] = u.display_name;
    uo["role"] = role_label(c, u.role);
    uo["org"] = org_names[u.org_id.value];
    std::string ws;
    for (auto w : u.wijken) ws += (ws.empty() ? "" : ", ") + wijk_names[w.value];
    uo["wijken"] = ws;
    uo["active"] = u.active;
    uo["self"] = u.id == c.user().id;
    users.push_back(uo);
  }
  for (const char* k : kOrgKinds) {
    json::object ko;
    ko["value"] = k;
    ko["label"] = c.t(std::string("orgkind_") + k);
    kinds.push_back(ko);
  }
  m["orgs"] = orgs;
  m["wijken"] = wijken;
  m["users"] = users;
  m["roles"] = roles_json(c, std::nullopt);
  m["kinds"] = kinds;
  json::array defaults;
  for (const auto& cat : o->default_categories) {
    json::object co;
    co["id"] = cat.id.value;
    co["label"] = cat.label;
    co["meldcode"] = cat.meldcode;
    defaults.push_back(co);
  }
  m["default_categories"] = defaults;
  return page(c, "admin", std::move(m), c.t("admin_title"), status);
}

Response admin_page(Ctx& c) { return render_admin(c, {}, 200); }

static Response admin_result(Ctx& c, const Status& st, const char* section) {
  if (st) return redirect(std::string("/beheer#") + section);
  if (st.error().kind != ErrorKind::kInvalid) return error_page(c, st.error());
  json::object extra;
  extra[std::string(section) + "_error"] = c.t(st.error().message_key);
  json::object values;
  for (const auto& [k, v] : c.req.form.items())
    if (k != "password" && k != "_csrf") values[k] = v;
  extra["v"] = values;
  return render_admin(c, extra, 422);
}

// The fields the new-user and edit-user forms share; nullopt when an id in them is malformed.
static std::optional<NewUserInput> user_form(const Params& f) {
  NewUserInput in;
  in.username = f.get("username");
  in.display_name = f.get("display_name");
  in.password = f.get("password");
  in.role = f.get("role");
  if (auto org = parse_id(f.get("org"))) in.org = OrgId(*org);
  bool ok = true;
  for (auto w : parse_ids(f.all("wijken"), &ok)) in.wijken.emplace_back(w);
  if (!ok) return std::nullopt;
  in.aandachtsfunctionaris = f.has("aandachtsfunctionaris");
  return in;
}

Response admin_user_create(Ctx& c) {
  auto in = user_form(c.req.form);
  if (!in) return error_page(c, Error::invalid("error.bad_request"));
  auto id = c.app.admin().create_user(&c.user(), *in);
  return admin_result(c, id ? Status::Ok() : Status(id.error()), "gebruikers");
}

Response admin_user_active(Ctx& c) {
  const std::string username = c.req.form.get("username");
  auto st = c.app.admin().set_user_active(&c.user(), username, c.req.form.get("active") == "1");
  return admin_result(c, st, "gebruikers");
}

static Response render_user(Ctx& c, std::int64_t id, json::object extra, int status) {
  auto o = c.app.admin().overview(c.user());
  if (!o) return error_page(c, o.error());
  auto u = std::find_if(o->users.begin(), o->users.end(), [&](const User& x) { return x.id.value == id; });
  if (u == o->users.end()) return error_page(c, Error::not_found());
  json::object m = std::move(extra);
  m["id"] = id;
  m["username"] = u->username;
  m["name"] = u->display_name;
  m["officer"] = u->aandachtsfunctionaris;
  json::array orgs, wijken;
  for (const auto& org : o->orgs) {
    json::object oo;
    oo["id"] = org.id.value;
    oo["name"] = org.name;
    oo["selected"] = org.id == u->org_id;
    orgs.push_back(oo);
  }
  for (const auto& w : o->wijken) {
    json::object wo;
    wo["id"] = w.id.value;
    wo["name"] = w.name;
    wo["checked"] = u->in_wijk(w.id);
    wijken.push_back(wo);
  }
  m["roles"] = roles_json(c, u->role);
  m["orgs"] = orgs;
  m["wijken"] = wijken;
  return page(c, "admin_user", std::move(m), c.t("edit_user") + " " + u->username, status);
}

Response admin_user_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  json::object extra;
  extra["saved"] = c.req.query.get("opgeslagen") == "1";
  return render_user(c, *id, extra, 200);
}

static Response user_result(Ctx& c, std::int64_t id, const Status& st) {
  return form_result(c, st, "/beheer/gebruikers/" + std::to_string(id) + "?opgeslagen=1",
                     [&](json::object extra, int status) { return render_user(c, id, std::move(extra), status); });
}

Response admin_user_update(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto in = user_form(c.req.form);
  if (!in) return error_page(c, Error::invalid("error.bad_request"));
  return user_result(c, *id, c.app.admin().update_user(c.user(), *in, UserId(*id)));
}

Response admin_user_password(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  auto o = c.app.admin().overview(c.user());
  if (!o) return error_page(c, o.error());
  auto u = std::find_if(o->users.begin(), o->users.end(), [&](const User& x) { return x.id.value == *id; });
  if (u == o->users.end()) return error_page(c, Error::not_found());
  return user_result(c, *id, c.app.admin().reset_password(&c.user(), u->username, c.req.form.get("password")));
}

Response admin_org_create(Ctx& c) {
  auto id = c.app.admin().create_org(&c.user(), {OrgId(), c.req.form.get("name"), c.req.form.get("kind")});
  return admin_result(c, id ? Status::Ok() : Status(id.error()), "organisaties");
}

Response admin_default_category_create(Ctx& c) {
  return admin_result(c, c.app.admin().add_default_category(c.user(), c.req.form.get("label"), c.req.form.has("meldcode")),
                      "standaard");
}

Response admin_default_category_delete(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return admin_result(c, c.app.admin().remove_default_category(c.user(), CategoryId(*id)), "standaard");
}

Response admin_wijk_create(Ctx& c) {
  std::vector<std::string> buurten;
  std::string all = c.req.form.get("buurten");
  std::size_t pos = 0;
  while (pos <= all.size()) {
    auto end = all.find(',', pos);
    if (end == std::string::npos) end = all.size();
    buurten.push_back(all.substr(pos, end - pos));
    pos = end + 1;
  }
  auto id = c.app.admin().create_wijk(c.user(), {WijkId(), c.req.form.get("name"), c.req.form.get("district"), c.req.form.get("rhythm"), c.req.form.get("place")}, buurten);
  if (id) return redirect("/beheer/wijken/" + std::to_string(id->value));
  return admin_result(c, Status(id.error()), "wijken");
}

static Response render_wijk_config(Ctx& c, WijkId id, json::object extra, int status) {
  auto cfg = c.app.admin().wijk_config(c.user(), id);
  if (!cfg) return error_page(c, cfg.error());
  json::object m = std::move(extra);
  m["id"] = cfg->wijk.id.value;
  m["name"] = cfg->wijk.name;
  m["is_admin"] = c.user().role == Role::kAdmin;
  m["is_chair"] = c.user().role == Role::kChair;
  m["rhythm"] = cfg->wijk.rhythm;
  m["place"] = cfg->wijk.default_place;
  json::array orgs, cats;
  for (const auto& o : cfg->orgs) {
    json::object oo;
    oo["id"] = o.id.value;
    oo["name"] = o.name;
    oo["checked"] = std::find(cfg->partners.begin(), cfg->partners.end(), o.id) != cfg->partners.end();
    orgs.push_back(oo);
  }
  for (const auto& cat : cfg->categories) {
    json::object co;
    co["id"] = cat.id.value;
    co["wijk_id"] = cfg->wijk.id.value;
    co["label"] = cat.label;
    co["meldcode"] = cat.meldcode;
    co["active"] = cat.active;
    cats.push_back(co);
  }
  m["orgs"] = orgs;
  m["categories"] = cats;
  return page(c, "admin_wijk", std::move(m), c.t("wijk_config_title") + " " + cfg->wijk.name, status);
}

Response admin_wijk_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return render_wijk_config(c, WijkId(*id), {}, 200);
}

static Response wijk_config_result(Ctx& c, WijkId id, const Status& st) {
  return form_result(c, st, "/beheer/wijken/" + std::to_string(id.value),
                     [&](json::object extra, int status) { return render_wijk_config(c, id, std::move(extra), status); });
}

Response admin_wijk_update(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  bool ok = true;
  WijkConfigInput in;
  in.wijk = WijkId(*id);
  in.rhythm = c.req.form.get("rhythm");
  in.default_place = c.req.form.get("place");
  for (auto o : parse_ids(c.req.form.all("partners"), &ok)) in.partners.emplace_back(o);
  if (!ok) return error_page(c, Error::invalid("error.bad_request"));
  return wijk_config_result(c, in.wijk, c.app.admin().update_wijk_config(c.user(), in));
}

Response admin_category_create(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return wijk_config_result(c, WijkId(*id), c.app.admin().add_category(c.user(), WijkId(*id), c.req.form.get("label"), c.req.form.has("meldcode")));
}

Response admin_category_update(Ctx& c) {
  auto id = c.id_param(0);
  auto cat = c.id_param(1);
  if (!id || !cat) return error_page(c, Error::invalid("error.bad_request"));
  return wijk_config_result(c, WijkId(*id),
                            c.app.admin().update_category(c.user(), WijkId(*id), CategoryId(*cat), c.req.form.get("label"),
                                                  c.req.form.has("meldcode"), c.req.form.has("active")));
}

}  // namespace meedoen::web
