#include "web/context.hpp"

#include "app/app.hpp"
#include "web/forms.hpp"

namespace meedoen::web {

void ensure_session(Ctx& c) {
  if (!c.session.csrf.empty()) return;
  c.session = c.app.accounts().start_session(c.session.lang.empty() ? "nl" : c.session.lang);
  c.new_cookie = c.session.token;
}

std::optional<std::int64_t> Ctx::id_param(std::size_t i) const {
  if (i >= params.size()) return std::nullopt;
  return parse_id(params[i]);
}
}  // namespace meedoen::web
