// Names and rows read once per use case: wijken, buurten, organisations, users, categories and
// residents, so that a list costs one query per distinct name instead of several per row.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/io.hpp"
#include "store/store.hpp"

namespace meedoen {

// Memoised look-ups of names for one use case, so a list of rows costs one query per distinct
// wijk, buurt, organisation, user and category list instead of several per row.
class Lookups {
 public:
  explicit Lookups(Tx& tx) : tx_(tx) {}
  const std::string& wijk(WijkId id);
  const std::string& buurt(BuurtId id);
  const std::string& org(OrgId id);
  const std::string& user(UserId id);
  const std::vector<Category>& categories(WijkId id);
  // A resident by id; load many at once with prefetch_residents first.
  std::optional<Resident> resident(ResidentId id);
  void prefetch_residents(const std::vector<Signal>& signals);
  void prefetch_residents(const std::vector<ResidentId>& ids);
  // A user's name already read elsewhere.
  void add_user(UserId id, std::string name) { users_.emplace(id, std::move(name)); }
  // Residents already read, e.g. with their signals (SignalsStore::list_signal_page).
  void add_residents(std::vector<Resident> residents);
  Tx& tx() { return tx_; }

 private:
  Tx& tx_;
  std::map<WijkId, std::string> wijken_;
  std::map<BuurtId, std::string> buurten_;
  std::map<OrgId, std::string> orgs_;
  std::map<UserId, std::string> users_;
  std::map<WijkId, std::vector<Category>> categories_;
  std::map<ResidentId, Resident> residents_;
};

ResidentView resident_view(Lookups& names, const Resident& r);
// `with_raiser`: fill in the raiser's name (a look-up per raiser), which lists do not show.
SignalRow signal_row(Lookups& names, Signal s, bool with_raiser = true);
inline SignalRow signal_row(Tx& tx, const Signal& s) {
  Lookups names(tx);
  return signal_row(names, s);
}
// A user's display name; empty for no user.
std::string user_name(Tx& tx, UserId id);
OrgId user_org(Tx& tx, UserId id);

}  // namespace meedoen
