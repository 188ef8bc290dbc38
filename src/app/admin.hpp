// Administration: users, organisations, wijken and their configuration, categories.
// One area of the use cases, reached as app.admin().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/io.hpp"

namespace meedoen {

class Admin {
 public:
  explicit Admin(AppContext& ctx) : ctx_(ctx) {}

  Result<AdminOverview> overview(const User& user);
  Result<UserId> create_user(const User* actor, const NewUserInput& in);
  Status update_user(const User& actor, const NewUserInput& in, UserId id);
  Status set_user_active(const User* actor, const std::string& username, bool active);
  Status reset_password(const User* actor, const std::string& username,
                        const std::string& new_password);
  Result<OrgId> create_org(const User* actor, const Organisation& org);
  Result<WijkId> create_wijk(const User& actor, const Wijk& wijk,
                             const std::vector<std::string>& buurten);
  Result<WijkConfig> wijk_config(const User& actor, WijkId id);
  Status update_wijk_config(const User& actor, const WijkConfigInput& in);
  Status add_category(const User& actor, WijkId wijk, const std::string& label, bool meldcode);
  Status update_category(const User& actor, WijkId wijk, CategoryId id, const std::string& label,
                         bool meldcode, bool active);
  // The categories new wijken start with: configuration, kept by the administrator.
  Status add_default_category(const User& actor, const std::string& label, bool meldcode);
  Status remove_default_category(const User& actor, CategoryId id);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
