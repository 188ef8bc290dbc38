// The overleg: planning meetings, the agenda, recording decisions and attendance, minutes, and the
// actions agreed. One area of the use cases, reached as app.meetings().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/context.hpp"
#include "app/io.hpp"

namespace meedoen {

class Meetings {
 public:
  explicit Meetings(AppContext& ctx) : ctx_(ctx) {}

  Result<MeetingList> list(const User& user);
  Result<MeetingFormData> form(const User& user);
  Result<MeetingId> plan(const User& user, const PlanMeetingInput& in);
  Result<MeetingView> view(const User& user, MeetingId id);
  Status refresh_agenda(const User& user, MeetingId id);
  Status move_agenda_item(const User& user, MeetingId id, AgendaItemId item, int delta);
  Result<RecordItemResult> record_item(const User& user, const RecordItemInput& in);
  Status record_attendance(const User& user, MeetingId id, std::int64_t version,
                           const std::vector<Attendance>& rows);
  // Marking it held sends undecided items back to the next agenda; while there are any and
  // `confirm_undecided` is false, it changes nothing and answers error.meeting.undecided (a
  // conflict whose detail is their number), so the chair sees them first.
  Status update(const User& user, MeetingId id, std::int64_t version, const PlanMeetingInput& in,
                bool held, bool confirm_undecided = false);
  Result<MeetingView> minutes(const User& user, MeetingId id);
  Result<std::vector<ActionView>> my_actions(const User& user);
  Status settle_action(const User& user, ActionId id, ActionState state, const std::string& note);

 private:
  Timestamp now() const { return ctx_.clock->now(); }

  AppContext& ctx_;
};

}  // namespace meedoen
