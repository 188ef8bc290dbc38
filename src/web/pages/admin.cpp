// Start page per role, wijk overview, "mijn acties" and administration.
#include "web/pages/pages.hpp"

namespace meedoen::web {

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
    oo["kind"] = label(c, labels::kOrgKinds, org.kind);
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
    ko["label"] = label(c, labels::kOrgKinds, k);
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
  return page(c, "admin/overview", std::move(m), c.t("admin_title"), status);
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
  auto u = std::find_if(o->users.begin(), o->users.end(),
                        [&](const User& x) { return x.id.value == id; });
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
  return page(c, "admin/user", std::move(m), c.t("edit_user") + " " + u->username, status);
}

Response admin_user_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  json::object extra;
  extra["saved"] = c.req.query.get("opgeslagen") == "1";
  return render_user(c, *id, extra, 200);
}

static Response user_result(Ctx& c, std::int64_t id, const Status& st) {
  return form_result(
      c, st, "/beheer/gebruikers/" + std::to_string(id) + "?opgeslagen=1",
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
  auto u = std::find_if(o->users.begin(), o->users.end(),
                        [&](const User& x) { return x.id.value == *id; });
  if (u == o->users.end()) return error_page(c, Error::not_found());
  return user_result(
      c, *id, c.app.admin().reset_password(&c.user(), u->username, c.req.form.get("password")));
}

Response admin_org_create(Ctx& c) {
  auto id = c.app.admin().create_org(&c.user(),
                                     {OrgId(), c.req.form.get("name"), c.req.form.get("kind")});
  return admin_result(c, id ? Status::Ok() : Status(id.error()), "organisaties");
}

Response admin_default_category_create(Ctx& c) {
  return admin_result(c,
                      c.app.admin().add_default_category(c.user(), c.req.form.get("label"),
                                                         c.req.form.has("meldcode")),
                      "standaard");
}

Response admin_default_category_delete(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return admin_result(c, c.app.admin().remove_default_category(c.user(), CategoryId(*id)),
                      "standaard");
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
  auto id = c.app.admin().create_wijk(c.user(),
                                      {WijkId(), c.req.form.get("name"), c.req.form.get("district"),
                                       c.req.form.get("rhythm"), c.req.form.get("place")},
                                      buurten);
  if (id) return redirect("/beheer/wijken/" + std::to_string(id->value));
  return admin_result(c, Status(id.error()), "wijken");
}

static Response render_wijk_config(Ctx& c, WijkId id, json::object extra, int status) {
  auto cfg = c.app.admin().wijk_config(c.user(), id);
  if (!cfg) return error_page(c, cfg.error());
  json::object m = std::move(extra);
  m["id"] = cfg->wijk.id.value;
  m["name"] = cfg->wijk.name;
  const Capabilities& may = c.may();
  m["is_admin"] = may.administers;
  m["is_chair"] = may.chairs;
  m["rhythm"] = cfg->wijk.rhythm;
  m["place"] = cfg->wijk.default_place;
  json::array orgs, cats;
  for (const auto& o : cfg->orgs) {
    json::object oo;
    oo["id"] = o.id.value;
    oo["name"] = o.name;
    oo["checked"] =
        std::find(cfg->partners.begin(), cfg->partners.end(), o.id) != cfg->partners.end();
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
  return page(c, "admin/wijk", std::move(m), c.t("wijk_config_title") + " " + cfg->wijk.name,
              status);
}

Response admin_wijk_page(Ctx& c) {
  auto id = c.id_param(0);
  if (!id) return error_page(c, Error::invalid("error.bad_request"));
  return render_wijk_config(c, WijkId(*id), {}, 200);
}

static Response wijk_config_result(Ctx& c, WijkId id, const Status& st) {
  return form_result(c, st, "/beheer/wijken/" + std::to_string(id.value),
                     [&](json::object extra, int status) {
                       return render_wijk_config(c, id, std::move(extra), status);
                     });
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
  return wijk_config_result(
      c, WijkId(*id),
      c.app.admin().add_category(c.user(), WijkId(*id), c.req.form.get("label"),
                                 c.req.form.has("meldcode")));
}

Response admin_category_update(Ctx& c) {
  auto id = c.id_param(0);
  auto cat = c.id_param(1);
  if (!id || !cat) return error_page(c, Error::invalid("error.bad_request"));
  return wijk_config_result(c, WijkId(*id),
                            c.app.admin().update_category(
                                c.user(), WijkId(*id), CategoryId(*cat), c.req.form.get("label"),
                                c.req.form.has("meldcode"), c.req.form.has("active")));
}

}  // namespace meedoen::web
