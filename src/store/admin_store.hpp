// Administration: organisations, wijken with their buurten and partners, and categories.
// One area of the store, reached from a transaction as tx.admin().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/result.hpp"

namespace meedoen {

class AdminStore {
 public:
  virtual ~AdminStore() = default;

  // Lists are by name. An insert whose name is taken is an invalid-input error on "name".
  virtual std::vector<Organisation> list_orgs() = 0;
  virtual std::optional<Organisation> get_org(OrgId id) = 0;
  virtual Result<OrgId> insert_org(const Organisation& org) = 0;
  virtual void update_org(const Organisation& org) = 0;
  virtual std::vector<Wijk> list_wijken() = 0;
  virtual std::optional<Wijk> get_wijk(WijkId id) = 0;
  virtual Result<WijkId> insert_wijk(const Wijk& wijk) = 0;
  virtual void update_wijk(const Wijk& wijk) = 0;
  virtual std::vector<Buurt> buurten(WijkId wijk) = 0;
  virtual std::optional<Buurt> get_buurt(BuurtId id) = 0;
  virtual BuurtId insert_buurt(const Buurt& buurt) = 0;
  // The organisations that take part in the wijk's overleg, by name; set_partners replaces them.
  virtual std::vector<OrgId> partners(WijkId wijk) = 0;
  virtual void set_partners(WijkId wijk, const std::vector<OrgId>& orgs) = 0;
  // Active and inactive, the active ones first, each part by label.
  virtual std::vector<Category> categories(WijkId wijk) = 0;
  virtual CategoryId insert_category(const Category& c) = 0;
  // Changes the category only when it belongs to c.wijk_id.
  virtual void update_category(const Category& c) = 0;
  // Categories a new wijk starts with (wijk_id 0), in the order they were added.
  virtual std::vector<Category> default_categories() = 0;
  // An invalid-input error on "label" when the label exists.
  virtual Result<CategoryId> insert_default_category(const std::string& label, bool meldcode) = 0;
  // False when there was no such category.
  virtual bool delete_default_category(CategoryId id) = 0;
};

}  // namespace meedoen
