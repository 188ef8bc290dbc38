#include "app/lookups.hpp"

#include <algorithm>

namespace meedoen {
namespace {

// The cached value for `id`, loading it once with `load`.
template <class Map, class Id, class Load>
const typename Map::mapped_type& memo(Map& cache, Id id, Load load) {
  auto it = cache.find(id);
  if (it == cache.end()) it = cache.emplace(id, load()).first;
  return it->second;
}

template <class Row>
std::string name_of(const std::optional<Row>& row) {
  return row ? row->name : std::string();
}

}  // namespace

const std::string& Lookups::wijk(WijkId id) {
  return memo(wijken_, id, [&] { return name_of(tx_.admin().get_wijk(id)); });
}

const std::string& Lookups::buurt(BuurtId id) {
  return memo(buurten_, id,
              [&] { return id.valid() ? name_of(tx_.admin().get_buurt(id)) : std::string(); });
}

const std::string& Lookups::org(OrgId id) {
  return memo(orgs_, id, [&] { return name_of(tx_.admin().get_org(id)); });
}

const std::string& Lookups::user(UserId id) {
  return memo(users_, id, [&] { return user_name(tx_, id); });
}

const std::vector<Category>& Lookups::categories(WijkId id) {
  return memo(categories_, id, [&] { return tx_.admin().categories(id); });
}

std::optional<Resident> Lookups::resident(ResidentId id) {
  if (auto it = residents_.find(id); it != residents_.end()) return it->second;
  auto r = tx_.residents().get_resident(id);
  if (r) residents_.emplace(id, *r);
  return r;
}

void Lookups::prefetch_residents(const std::vector<Signal>& signals) {
  std::vector<ResidentId> ids;
  for (const auto& s : signals) ids.push_back(s.resident_id);
  prefetch_residents(ids);
}

void Lookups::prefetch_residents(const std::vector<ResidentId>& all) {
  std::vector<ResidentId> ids;
  for (auto id : all)
    if (!residents_.count(id)) ids.push_back(id);
  for (auto& r : tx_.residents().get_residents(ids)) residents_.emplace(r.id, std::move(r));
}

void Lookups::add_residents(std::vector<Resident> residents) {
  for (auto& r : residents) residents_.emplace(r.id, std::move(r));
}

ResidentView resident_view(Lookups& names, const Resident& r) {
  return {r.id, r.code, r.gender, r.age_band, names.buurt(r.buurt_id), names.wijk(r.wijk_id)};
}

SignalRow signal_row(Lookups& names, Signal signal, bool with_raiser) {
  SignalRow row;
  row.signal = std::move(signal);
  const Signal& s = row.signal;
  if (auto r = names.resident(s.resident_id)) row.resident = resident_view(names, *r);
  row.wijk_name = names.wijk(s.wijk_id);
  row.org_name = names.org(s.org_id);
  if (with_raiser) row.raised_by_name = names.user(s.raised_by);
  if (!s.categories.empty()) {
    for (const auto& c : names.categories(s.wijk_id))
      if (std::find(s.categories.begin(), s.categories.end(), c.id) != s.categories.end())
        row.category_labels.push_back(c.label);
  }
  return row;
}

std::string user_name(Tx& tx, UserId id) {
  if (!id.valid()) return {};
  return tx.accounts().user_display_name(id).value_or(std::string());
}

OrgId user_org(Tx& tx, UserId id) {
  auto u = tx.accounts().get_user(id);
  return u ? u->org_id : OrgId();
}

}  // namespace meedoen
