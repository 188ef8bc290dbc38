// The implementation of SignalsStore in SQL, for SQLite and PostgreSQL alike. Internal to store/.
#pragma once

#include "store/signals_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlSignals final : public SignalsStore {
 public:
  explicit SqlSignals(Connection& conn) : conn_(&conn) {}

  SignalId insert_signal(const Signal& s) override;
  std::optional<Signal> get_signal(SignalId id) override;
  std::vector<Signal> get_signals(const std::vector<SignalId>& ids) override;
  void update_signal(const Signal& s) override;
  std::vector<Signal> list_signals(const SignalFilter& f) override;
  SignalPage list_signal_page(const SignalFilter& f) override;
  int count_signals(const SignalFilter& f) override;
  std::optional<Signal> open_case_for_resident(ResidentId r) override;
  std::vector<Signal> linked_signals(SignalId case_id) override;
  bool user_raised_signal_about(UserId user, ResidentId resident) override;
  void add_timeline(const TimelineEvent& e) override;
  std::vector<TimelineEvent> timeline(SignalId id) override;
  std::vector<MeldcodeStep> meldcode_steps(SignalId id) override;
  void insert_meldcode_step(SignalId id, const MeldcodeStep& step) override;

 private:
  std::vector<CategoryId> signal_categories(SignalId id);
  // list_signals, with the residents too when `residents` is given.
  std::vector<Signal> select_signals(const SignalFilter& f, std::vector<Resident>* residents);

  Connection* conn_;
};

}  // namespace meedoen::sql
