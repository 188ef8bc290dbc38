// The PostgreSQL schema as an ordered list of migrations, numbered like SQLite's.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"

namespace meedoen::postgres {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& migrations();

// The categories a new wijk starts with, as migration 1 adds them (SQLite's migration 3 does the
// same); the tests put them back when they empty a database.
extern const char* const kDefaultCategories;
// Migration 5 and later, each with its area (migrations_areas.cpp).
extern const char* const kMigration5Centres;
extern const char* const kMigration6Occurrences;
extern const char* const kMigration7Visitors;
extern const char* const kMigration8Attendees;
extern const char* const kMigration9Concerns;
extern const char* const kMigration10Participation;

// Applies the migrations after the database's current version, up to and including `up_to`, each
// in its own transaction and recorded in schema_migrations, then gives the app's role its rights
// (grant_app_rights); returns the version after. Several processes may start at once: an advisory
// lock lets one migrate while the others wait. Throws DbError or Unavailable.
int apply_migrations(PgConnection& conn, int up_to = std::numeric_limits<int>::max());

// The version the database is at; 0 for an empty one.
int schema_version(PgConnection& conn);

// The role `<database>_app`, when it exists, may read and write every table, except that it may
// only add to and read the audit log and only read schema_migrations. The app connects as that
// role (or a member of it) in production; the owner of the tables runs the migrations.
void grant_app_rights(PgConnection& conn);

}  // namespace meedoen::postgres
