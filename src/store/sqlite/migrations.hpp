// The SQLite schema as an ordered list of migrations.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace meedoen::sqlite {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& migrations();

// The SQL of migration 10 (migration_10_codes.cpp), too long to sit beside the others.
extern const char* const kMigration10EnglishCodes;
// Migration 11 and later, each with its area (migrations_areas.cpp), so that migrations.cpp
// stops growing.
extern const char* const kMigration11ApiTokens;
extern const char* const kMigration12Centres;
extern const char* const kMigration13Occurrences;
extern const char* const kMigration14Visitors;
extern const char* const kMigration15Attendees;
extern const char* const kMigration16Concerns;
extern const char* const kMigration17Participation;

// Applies the migrations after the database's current version, up to and including `up_to`, each
// in its own transaction and recorded in schema_migrations; returns the version after. Throws
// DbError or Unavailable (the failing migration is rolled back). Store::migrate runs them all; the
// migration test stops at an earlier version to build the schema an older release left behind.
int apply_migrations(SqliteConnection& conn, int up_to = std::numeric_limits<int>::max());

}  // namespace meedoen::sqlite
