// The implementation of ParticipationStore in SQL, for SQLite and PostgreSQL alike. Internal to
// store/.
#pragma once

#include "store/participation_store.hpp"
#include "store/sql/connection.hpp"

namespace meedoen::sql {

class SqlParticipation final : public ParticipationStore {
 public:
  explicit SqlParticipation(Connection& conn) : conn_(&conn) {}

  ParticipationNoteId insert_note(const ParticipationNote& n) override;
  std::vector<ParticipationNote> notes_of_visitor(VisitorId visitor) override;
  int delete_notes_of_visitor(VisitorId visitor) override;

 private:
  Connection* conn_;
};

}  // namespace meedoen::sql
