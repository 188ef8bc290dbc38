// The demo's cast (organisations, the administrator, the wijken and the people who log in) and
// the outline of its story: four cycles of four weeks, then today. The signals and overleggen are
// in demo_builder_overleg.cpp, the Vliegende Brigade and referrals in demo_builder_brigade.cpp.
#include "app/demo_builder.hpp"

#include <algorithm>

#include "app/demo_data.hpp"
#include "store/store.hpp"

namespace meedoen {

using demo_data::kDay;
using demo_data::kDemoPassword;
using demo_data::kOrgs;

DemoBuilder::DemoBuilder(AppContext& ctx, App& app)
    : ctx_(ctx),
      app_(app),
      real_now_(ctx.clock->now()),
      t0_(start_of_local_day(real_now_) - 120 * kDay + 9 * 3600),
      clock_(ctx.clock, t0_) {}

Status DemoBuilder::build(Logins* logins) {
  if (auto st = make_organisations(); !st) return st;
  if (auto st = make_admin(); !st) return st;
  if (auto st = make_wijken(); !st) return st;
  if (auto st = make_users(logins); !st) return st;
  if (auto st = make_peer_profiles(); !st) return st;
  for (int cycle = 0; cycle < 4; ++cycle)
    if (auto st = four_weeks(cycle); !st) return st;
  if (auto st = today(); !st) return st;
  return make_centres();
}

// Straight into the store: creating an organisation through the admin use case needs an
// administrator, and the administrator needs an organisation.
Status DemoBuilder::make_organisations() {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  for (const auto& o : kOrgs) {
    auto id = tx->admin().insert_org({OrgId(), o.name, o.kind});
    if (!id) return id.error();
    orgs_[o.kind + std::string(":") + o.name] = *id;
  }
  (void)tx->commit();
  return Status::Ok();
}

// The first organisation whose "kind:name" contains `name`; none when there is no such.
OrgId DemoBuilder::org_of(const char* name) const {
  for (const auto& [k, v] : orgs_)
    if (k.find(name) != std::string::npos) return v;
  return OrgId();
}

// An administrator first, so the wijken are made through the admin use case.
Status DemoBuilder::make_admin() {
  NewUserInput admin{"beheer", "Beheerder Gemeente", kDemoPassword, "admin", org_of("Gemeente"), {},
                     false};
  auto admin_id = app_.admin().create_user(nullptr, admin);
  if (!admin_id) return admin_id.error();
  auto tx = ctx_.store->begin(TxMode::kRead);
  admin_ = *tx->accounts().get_user(*admin_id);
  return Status::Ok();
}

Status DemoBuilder::make_wijken() {
  for (const auto& w : demo_data::wijken()) {
    auto id = app_.admin().create_wijk(admin_, {WijkId(), w.name, w.district, w.rhythm, w.place},
                                       w.buurten);
    if (!id) return id.error();
    wijk_ids_.push_back(*id);
    WijkConfigInput cfg{*id,
                        w.rhythm,
                        w.place,
                        {org_of(w.gp), org_of("Politie"), org_of(w.housing),
                         org_of("Sociaal Wijkteam"), org_of("Rivierduinen"), org_of("Brijder")}};
    // Meerburg and Merenwijk count the brigade (Lumen) and the Zelfregiecentrum as members of
    // their overleg; Stevenshof does not, so its peers and hosts raise signals there but do not
    // read its list (see the access policy).
    if (std::string(w.name) != "Stevenshof")
      for (const char* o : {"Zelfregiecentrum", "Lumen"}) cfg.partners.push_back(org_of(o));
    if (auto st = app_.admin().update_wijk_config(admin_, cfg); !st) return st;
  }
  meerburg_ = wijk_named("Meerburg");
  merenwijk_ = wijk_named("Merenwijk");
  stevenshof_ = wijk_named("Stevenshof");
  return Status::Ok();
}

WijkId DemoBuilder::wijk_named(const std::string& name) const {
  const auto& all = demo_data::wijken();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const auto& w) { return w.name == name; });
  return wijk_ids_.at(static_cast<std::size_t>(it - all.begin()));
}

const demo_data::DemoWijk& DemoBuilder::plan_of(WijkId w) const {
  const auto it = std::find(wijk_ids_.begin(), wijk_ids_.end(), w);
  return demo_data::wijken().at(static_cast<std::size_t>(it - wijk_ids_.begin()));
}

Status DemoBuilder::make_users(Logins* logins) {
  for (const auto& d : demo_data::users()) {
    std::vector<WijkId> wijken;
    for (const auto& name : d.wijken) wijken.push_back(wijk_named(name));
    auto id = app_.admin().create_user(
        nullptr, {d.username, d.name, kDemoPassword, d.role, org_of(d.org), wijken, d.officer});
    if (!id) return id.error();
    auto tx = ctx_.store->begin(TxMode::kRead);
    users_[d.username] = *tx->accounts().get_user(*id);
  }
  if (logins) {
    logins->emplace_back("beheer", kDemoPassword);
    for (const auto& d : demo_data::users()) logins->emplace_back(d.username, kDemoPassword);
  }
  return Status::Ok();
}

// One cycle of the history: signals raised and brigade work for two weeks, then a meeting per
// wijk; owners settle most of the older actions and chairs close some discussed cases, and the
// brigade works on until the next cycle.
Status DemoBuilder::four_weeks(int cycle) {
  const Timestamp cycle_start = t0_ + cycle * 28 * kDay;
  if (auto st = raise_signals(cycle); !st) return st;
  if (auto st = direct_requests(2); !st) return st;
  if (auto st = brigade_days(8); !st) return st;
  clock_->advance(cycle_start + 14 * kDay - clock_->now());
  if (auto st = hold_meetings(); !st) return st;
  clock_->advance(3 * kDay);
  settle_actions();
  close_discussed_cases();
  if (auto st = brigade_days(3); !st) return st;
  clock_->advance(cycle_start + 28 * kDay - clock_->now());
  return Status::Ok();
}

// Today: new signals; upcoming meetings for Meerburg and Merenwijk (which take the new signals
// up), while Stevenshof's new signals wait for its next meeting to be planned. Then the brigade's
// day, a meldcode signal, and a peer who is late to check out.
Status DemoBuilder::today() {
  clock_->advance(real_now_ - 2 * kDay - clock_->now());
  for (auto w : {stevenshof_, stevenshof_, meerburg_})
    if (auto st = raise(w, w == meerburg_, false); !st) return st;
  for (auto w : {meerburg_, merenwijk_}) {
    const Timestamp when = meeting_time(w, real_now_ + kDay);
    auto id =
        app_.meetings().plan(user(plan_of(w).chair), {w, format_datetime_input(when), "", {}, ""});
    if (!id) return id.error();
  }
  for (auto w : {meerburg_, merenwijk_, stevenshof_}) {
    clock_->advance(3600);
    if (auto st = raise(w, w == merenwijk_, false); !st) return st;
  }
  if (auto st = brigade_today(); !st) return st;
  if (auto st = meldcode_signal(); !st) return st;
  return late_checkout();
}

}  // namespace meedoen
