// Administration: users, organisations, wijken and each wijk's own configuration (partners,
// rhythm, categories). A null actor means the command line, run by the operator on the server.
#include "app/admin.hpp"

#include <algorithm>
#include <cctype>

#include "app/audit_trail.hpp"
#include "app/session_cache.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

bool allowed(const User* actor) { return actor == nullptr || may_administer(*actor); }

Status validate_user_input(Tx& tx, const NewUserInput& in, bool new_user) {
  if (new_user) {
    if (in.username.size() < 3 || in.username.size() > 40)
      return Error::invalid("error.user.username", "username");
    for (unsigned char c : in.username)
      if (!std::isalnum(c) && c != '.' && c != '-' && c != '_')
        return Error::invalid("error.user.username", "username");
  }
  if (trim(in.display_name).empty() || in.display_name.size() > kMaxShortText)
    return Error::invalid("error.user.display_name", "display_name");
  if (!parse_role(in.role)) return Error::invalid("error.invalid_choice", "role");
  if (!tx.admin().get_org(in.org)) return Error::invalid("error.invalid_choice", "org");
  for (auto w : in.wijken)
    if (!tx.admin().get_wijk(w)) return Error::invalid("error.invalid_choice", "wijken");
  return Status::Ok();
}

// The wijken in the order given, each once: a wijk named twice (`meedoen user add --wijk 1 --wijk
// 1`) is the same wijk, not a reason to fail.
std::vector<WijkId> distinct(const std::vector<WijkId>& wijken) {
  std::vector<WijkId> out;
  for (auto w : wijken)
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  return out;
}

Status validate_password(const std::string& p) {
  if (p.size() < 10) return Error::invalid("error.user.password_short", "password");
  if (p.size() > 200) return Error::invalid("error.too_long", "password");
  return Status::Ok();
}

}  // namespace

Result<AdminOverview> Admin::overview(const User& user) {
  if (!may_administer(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  return AdminOverview{tx->accounts().list_users(), tx->admin().list_orgs(),
                       tx->admin().list_wijken(), tx->admin().default_categories()};
}

Result<UserId> Admin::create_user(const User* actor, const NewUserInput& in) {
  if (!allowed(actor)) return Error::forbidden();
  if (auto st = validate_password(in.password); !st) return st.error();
  const std::string hash = hash_password(in.password);
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (auto st = validate_user_input(*tx, in, true); !st) return st.error();
  User u;
  u.username = in.username;
  u.display_name = trim(in.display_name);
  u.role = *parse_role(in.role);
  u.org_id = in.org;
  u.wijken = distinct(in.wijken);
  u.aandachtsfunctionaris = in.aandachtsfunctionaris;
  auto id = tx->accounts().insert_user(u, hash);
  if (!id) return id.error();
  append_audit(*tx, now(), actor, "create_user", ResidentId(), "user:" + u.username, "");
  if (auto st = tx->commit(); !st) return st.error();
  return id;
}

Status Admin::update_user(const User& actor, const NewUserInput& in, UserId id) {
  if (!may_administer(actor)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto u = tx->accounts().get_user(id);
  if (!u) return Error::not_found();
  if (auto st = validate_user_input(*tx, in, false); !st) return st;
  u->display_name = trim(in.display_name);
  u->role = *parse_role(in.role);
  u->org_id = in.org;
  u->wijken = distinct(in.wijken);
  u->aandachtsfunctionaris = in.aandachtsfunctionaris;
  tx->accounts().update_user(*u);
  append_audit(*tx, now(), &actor, "change_user", ResidentId(), "user:" + u->username, "");
  auto st = tx->commit();
  ctx_.sessions->clear();  // sessions read before carry the account as it was
  return st;
}

Status Admin::set_user_active(const User* actor, const std::string& username, bool active) {
  if (!allowed(actor)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto auth = tx->accounts().find_user_auth(username);
  if (!auth) return Error::not_found();
  if (actor && actor->id == auth->user.id && !active)
    return Error::invalid("error.user.disable_self", "username");
  auth->user.active = active;
  tx->accounts().update_user(auth->user);
  append_audit(*tx, now(), actor, active ? "enable_user" : "disable_user", ResidentId(),
               "user:" + username, "");
  auto st = tx->commit();
  ctx_.sessions->clear();  // sessions read before carry the account as it was
  return st;
}

Status Admin::reset_password(const User* actor, const std::string& username,
                             const std::string& new_password) {
  if (!allowed(actor)) return Error::forbidden();
  if (auto st = validate_password(new_password); !st) return st;
  const std::string hash = hash_password(new_password);
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto auth = tx->accounts().find_user_auth(username);
  if (!auth) return Error::not_found();
  tx->accounts().set_password(auth->user.id, hash);
  append_audit(*tx, now(), actor, "reset_password", ResidentId(), "user:" + username, "");
  auto st = tx->commit();
  ctx_.sessions->clear();  // sessions read before carry the account as it was
  return st;
}

Result<OrgId> Admin::create_org(const User* actor, const Organisation& org) {
  if (!allowed(actor)) return Error::forbidden();
  const std::string name = trim(org.name);
  if (name.empty() || name.size() > kMaxShortText) return Error::invalid("error.org.name", "name");
  if (!is_org_kind(org.kind)) return Error::invalid("error.invalid_choice", "kind");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto id = tx->admin().insert_org({OrgId(), name, org.kind});
  if (!id) return id.error();
  append_audit(*tx, now(), actor, "create_org", ResidentId(), "org:" + name, "");
  if (auto st = tx->commit(); !st) return st.error();
  return id;
}

Result<WijkId> Admin::create_wijk(const User& actor, const Wijk& wijk,
                                  const std::vector<std::string>& buurten) {
  if (!may_administer(actor)) return Error::forbidden();
  Wijk w = wijk;
  w.name = trim(w.name);
  if (w.name.empty() || w.name.size() > kMaxShortText)
    return Error::invalid("error.wijk.name", "name");
  if (w.district.size() > kMaxShortText || w.rhythm.size() > kMaxShortText ||
      w.default_place.size() > kMaxShortText)
    return Error::invalid("error.too_long", "rhythm");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto id = tx->admin().insert_wijk(w);
  if (!id) return id.error();
  for (const auto& b : buurten) {
    const std::string name = trim(b);
    if (name.empty()) continue;
    if (name.size() > kMaxShortText) return Error::invalid("error.too_long", "buurten");
    tx->admin().insert_buurt({BuurtId(), *id, name});
  }
  // Every new wijk starts with its own copy of the configured default categories.
  for (const auto& c : tx->admin().default_categories())
    tx->admin().insert_category({CategoryId(), *id, c.label, c.meldcode, true});
  if (auto st = tx->commit(); !st) return st.error();
  return id;
}

Status Admin::add_default_category(const User& actor, const std::string& label_in, bool meldcode) {
  if (!may_administer(actor)) return Error::forbidden();
  const std::string label = trim(label_in);
  if (label.empty() || label.size() > kMaxShortText)
    return Error::invalid("error.category.label", "label");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto id = tx->admin().insert_default_category(label, meldcode);
  if (!id) return id.error();
  return tx->commit();
}

Status Admin::remove_default_category(const User& actor, CategoryId id) {
  if (!may_administer(actor)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->admin().delete_default_category(id)) return Error::not_found();
  return tx->commit();
}

Result<WijkConfig> Admin::wijk_config(const User& actor, WijkId id) {
  if (!may_administer(actor) && !may_chair(actor, id)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto w = tx->admin().get_wijk(id);
  if (!w) return Error::not_found();
  return WijkConfig{*w, tx->admin().buurten(id), tx->admin().list_orgs(), tx->admin().partners(id),
                    tx->admin().categories(id)};
}

Status Admin::update_wijk_config(const User& actor, const WijkConfigInput& in) {
  if (!may_administer(actor) && !may_chair(actor, in.wijk)) return Error::forbidden();
  if (in.rhythm.size() > kMaxShortText) return Error::invalid("error.too_long", "rhythm");
  if (in.default_place.size() > kMaxShortText)
    return Error::invalid("error.too_long", "default_place");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto w = tx->admin().get_wijk(in.wijk);
  if (!w) return Error::not_found();
  for (auto o : in.partners)
    if (!tx->admin().get_org(o)) return Error::invalid("error.invalid_choice", "partners");
  w->rhythm = trim(in.rhythm);
  w->default_place = trim(in.default_place);
  tx->admin().update_wijk(*w);
  tx->admin().set_partners(in.wijk, in.partners);
  return tx->commit();
}

Status Admin::add_category(const User& actor, WijkId wijk, const std::string& label_in,
                           bool meldcode) {
  if (!may_administer(actor) && !may_chair(actor, wijk)) return Error::forbidden();
  const std::string label = trim(label_in);
  if (label.empty() || label.size() > kMaxShortText)
    return Error::invalid("error.category.label", "label");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  if (!tx->admin().get_wijk(wijk)) return Error::not_found();
  tx->admin().insert_category({CategoryId(), wijk, label, meldcode, true});
  return tx->commit();
}

Status Admin::update_category(const User& actor, WijkId wijk, CategoryId id,
                              const std::string& label_in, bool meldcode, bool active) {
  if (!may_administer(actor) && !may_chair(actor, wijk)) return Error::forbidden();
  const std::string label = trim(label_in);
  if (label.empty() || label.size() > kMaxShortText)
    return Error::invalid("error.category.label", "label");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const auto cats = tx->admin().categories(wijk);
  if (std::none_of(cats.begin(), cats.end(), [&](const Category& c) { return c.id == id; }))
    return Error::not_found();
  tx->admin().update_category({id, wijk, label, meldcode, active});
  return tx->commit();
}

}  // namespace meedoen
