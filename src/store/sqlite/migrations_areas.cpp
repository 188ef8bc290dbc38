// Migrations from 11 on, one per area that needs tables, in a file of their own so that
// migrations.cpp stays readable. Shipped ones are never edited: add a new migration.
#include "store/sqlite/migrations.hpp"

namespace meedoen::sqlite {

const char* const kMigration11ApiTokens = R"SQL(
-- Tokens of the JSON API's integrations. The secret itself is never kept: only its BLAKE2b digest
-- (as for sessions) and its first characters as a hint. Scopes are codes joined by ','.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  hint TEXT NOT NULL,
  digest TEXT NOT NULL UNIQUE,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  revoked_at INTEGER NOT NULL DEFAULT 0,
  last_used_at INTEGER NOT NULL DEFAULT 0
);
)SQL";

}  // namespace meedoen::sqlite
