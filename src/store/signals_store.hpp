// Signals, their history and meldcode steps.
// One area of the store, reached from a transaction as tx.signals().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"
#include "domain/signal.hpp"

namespace meedoen {

struct SignalFilter {
  std::optional<WijkId> wijk;
  std::vector<WijkId> wijken;  // restrict to these (the viewer's wijken); empty = no restriction
  std::optional<SignalState> state;
  std::optional<CategoryId> category;
  std::optional<UserId> raised_by;
  std::optional<OrgId> org;
  std::optional<ResidentId> resident;
  bool urgent_only = false;
  bool open_only = false;
  bool include_linked = false;
  bool include_meldcode = false;  // meldcode signals are filtered by the caller's policy
  std::string code;               // resident pseudonym
  int limit = 200;
  int offset = 0;
};

// A page of signals with their residents, read together, for a list. Each signal has what a
// list shows: id, resident, wijk, organisation, urgency, state, meldcode, creation and
// categories; each resident its code, wijk, buurt, gender and age band. The rest is left empty.
struct SignalPage {
  std::vector<Signal> signals;
  std::vector<Resident> residents;  // in no particular order
};

struct TimelineEvent {
  SignalId signal_id;
  Timestamp at = 0;
  UserId user_id;
  std::string
      kind;  // raised, linked, on_agenda, discussed, action, action_settled, meldcode, closed
  std::string text;  // pseudonymous
};

class SignalsStore {
 public:
  virtual ~SignalsStore() = default;

  virtual SignalId insert_signal(const Signal& s) = 0;
  virtual std::optional<Signal> get_signal(SignalId id) = 0;
  // The signals with these ids, in no particular order; unknown ids are left out.
  virtual std::vector<Signal> get_signals(const std::vector<SignalId>& ids) = 0;
  // Changes the case's course: description, urgency, state, meldcode and its weighing, case,
  // regisseur, close reason and updated_at. Who raised it, about whom, where, when and its
  // categories stay.
  virtual void update_signal(const Signal& s) = 0;
  // The signals the filter selects: urgent first, then newest first (of the same second, the one
  // added last first).
  virtual std::vector<Signal> list_signals(const SignalFilter& f) = 0;
  // The same for a list page: each signal with what a list shows (see SignalPage), and its
  // resident.
  virtual SignalPage list_signal_page(const SignalFilter& f) = 0;
  virtual int count_signals(const SignalFilter& f) = 0;
  // The resident's oldest signal that is neither closed nor linked to another.
  virtual std::optional<Signal> open_case_for_resident(ResidentId r) = 0;
  // The signals linked to the case, oldest first.
  virtual std::vector<Signal> linked_signals(SignalId case_id) = 0;
  virtual bool user_raised_signal_about(UserId user, ResidentId resident) = 0;
  virtual void add_timeline(const TimelineEvent& e) = 0;
  // In time order; events of the same second in the order they were added.
  virtual std::vector<TimelineEvent> timeline(SignalId id) = 0;
  // By step; a step recorded again after the earlier record of it.
  virtual std::vector<MeldcodeStep> meldcode_steps(SignalId id) = 0;
  virtual void insert_meldcode_step(SignalId id, const MeldcodeStep& step) = 0;
};

}  // namespace meedoen
