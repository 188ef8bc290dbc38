// The Vliegende Brigade: requests, dispatch, visits, check-ins, debriefs, outcomes and figures.
// One area of the use cases, reached as app.brigade().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/brigade_io.hpp"
#include "app/context.hpp"

namespace meedoen {

class Brigade {
 public:
  explicit Brigade(AppContext& ctx) : ctx_(ctx) {}

  Result<RequestFormData> request_form(const User& user);
  Result<RequestId> create_request(const User& user, const NewRequestInput& in);
  Result<CoordinatorOverview> overview(const User& user);
  Result<RequestDetail> request_detail(const User& user, RequestId id);
  // The coordinator sets safety notes and wishes of a request before a peer is asked.
  Status update_wishes(const User& user, RequestId id, std::int64_t version,
                       const BrigadeWishes& wishes);
  // A peer's past requests (the ten most recent), by code only.
  Result<std::vector<RequestRow>> past_requests(const User& user);
  Status assign_peers(const User& user, RequestId id, const std::vector<UserId>& peers);
  Status respond_assignment(const User& user, RequestId id, bool accept, const std::string& reason);
  Status end_assignment(const User& user, RequestId id, UserId peer, const std::string& reason);
  Result<MyRequests> my_requests(const User& user);
  // What became of the requests `user` asked for in the last `days` days, newest first.
  Result<std::vector<AskedRequest>> asked(const User& user, int days = 30);
  Result<LogVisitResult> log_visit(const User& user, const LogVisitInput& in);
  Status check_in(const User& user, RequestId id, int minutes);
  Status check_out(const User& user);
  Status request_debrief(const User& user, std::optional<RequestId> id, const std::string& note);
  Status handle_debrief(const User& user, DebriefId id);
  Status set_outcome(const User& user, RequestId id, const std::string& outcome,
                     const std::string& note, std::int64_t version);
  Result<BrigadeFigures> figures(const User& user, int months);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
