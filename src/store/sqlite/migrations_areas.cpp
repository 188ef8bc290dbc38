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

const char* const kMigration12Centres = R"SQL(
-- The Zelfregiecentra (areas centres and activities). A centre belongs to a wijk; its opening day
-- parts are bits (weekday * 3 + part). Taps count visitors anonymously: no resident, only optional
-- tags, and a key per tap so that a tap sent twice is kept once. Days are local dates (days since
-- 1970-01-01), times of day local minutes: a series at 10:00 stays at 10:00 in summer time.
CREATE TABLE centres (
  id INTEGER PRIMARY KEY,
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  opening INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE centre_rooms (
  id INTEGER PRIMARY KEY,
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE centre_hosts (
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (centre_id, user_id)
);
CREATE TABLE centre_taps (
  id INTEGER PRIMARY KEY,
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  day INTEGER NOT NULL,
  part TEXT NOT NULL,
  delta INTEGER NOT NULL,
  corrects INTEGER NOT NULL DEFAULT 0,
  first_visit INTEGER NOT NULL DEFAULT 0,
  with_brigade INTEGER NOT NULL DEFAULT 0,
  with_someone INTEGER NOT NULL DEFAULT 0,
  age_band TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  tap_key TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  UNIQUE (centre_id, tap_key)
);
CREATE INDEX centre_taps_day ON centre_taps (centre_id, day);
-- A host sees what became of what they asked the brigade (their own requests, newest first).
CREATE INDEX brigade_requests_requested_by ON brigade_requests (requested_by, created_at);
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  room_id INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  for_whom TEXT NOT NULL DEFAULT '',
  first_day INTEGER NOT NULL,
  start_minute INTEGER NOT NULL,
  duration_minutes INTEGER NOT NULL,
  repeat_kind TEXT NOT NULL,
  weekdays INTEGER NOT NULL DEFAULT 0,
  week_of_month INTEGER NOT NULL DEFAULT 1,
  until_day INTEGER NOT NULL DEFAULT 0,
  signup INTEGER NOT NULL DEFAULT 0,
  capacity INTEGER NOT NULL DEFAULT 0,
  organiser TEXT NOT NULL DEFAULT '',
  show_organiser INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX activities_centre ON activities (centre_id, status);
CREATE TABLE activity_pauses (
  id INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  from_day INTEGER NOT NULL,
  to_day INTEGER NOT NULL
);
CREATE INDEX activity_pauses_activity ON activity_pauses (activity_id);
CREATE TABLE activity_changes (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  day INTEGER NOT NULL,
  cancelled INTEGER NOT NULL DEFAULT 0,
  moved_day INTEGER NOT NULL DEFAULT 0,
  moved_start_minute INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, day)
);
)SQL";

const char* const kMigration13Occurrences = R"SQL(
-- One occurrence of an activity (area occurrences): who signed up, and how many came. A sign-up
-- holds a first name or nickname only. A visitor who signed up on the public page has a cancel
-- link; its digest is kept, never the link itself. created_by is the host who wrote it down, or
-- NULL for the visitor. The places follow from the order, so none is stored.
CREATE TABLE activity_signups (
  id INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  day INTEGER NOT NULL,
  name TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  token_digest TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX activity_signups_occurrence ON activity_signups (activity_id, day);
CREATE TABLE activity_attendance (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  day INTEGER NOT NULL,
  count INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (activity_id, day)
);
)SQL";

const char* const kMigration14Visitors = R"SQL(
-- Known visitors of a centre (area visitors): a first name or nickname of their own choice, kept
-- only under a consent to be known (table consents). name_key is the name as compared (lower
-- case, single spaces), unique among the visitors a centre knows now. When the consent is
-- withdrawn, name and name_key are emptied and ended_at set, and their check-ins lose the link.
-- resident_id links a visitor whom the brigade brought along to their pseudonymous record, under
-- a consent of its own (purpose brigade_link), so that "came along" is measured by check-ins.
CREATE TABLE centre_visitors (
  id INTEGER PRIMARY KEY,
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  resident_id INTEGER REFERENCES residents(id),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX centre_visitors_name ON centre_visitors (centre_id, name_key)
  WHERE ended_at = 0;
CREATE INDEX centre_visitors_resident ON centre_visitors (resident_id) WHERE resident_id IS NOT NULL;
-- A check-in is a tap with the visitor in it; 0 for an anonymous count.
ALTER TABLE centre_taps ADD COLUMN visitor_id INTEGER NOT NULL DEFAULT 0;
CREATE INDEX centre_taps_visitor ON centre_taps (visitor_id) WHERE visitor_id > 0;
-- Consents (area consents): one row per purpose and recipient, a refusal too. text_version is the
-- version of the plain-language text its giver heard. withdrawn_by is 0 when the person withdrew
-- it themselves.
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  visitor_id INTEGER NOT NULL REFERENCES centre_visitors(id),
  purpose TEXT NOT NULL,
  recipient TEXT NOT NULL,
  given_by TEXT NOT NULL,
  form TEXT NOT NULL,
  refused INTEGER NOT NULL DEFAULT 0,
  text_version INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  given_at INTEGER NOT NULL,
  withdrawn_at INTEGER NOT NULL DEFAULT 0,
  withdrawn_by INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consents_visitor ON consents (visitor_id);
)SQL";

const char* const kMigration15Attendees = R"SQL(
-- The known visitors who came to an occurrence (area occurrences), beside its count in
-- activity_attendance. The rows of a visitor go when their consent to be known is withdrawn; the
-- count stays.
CREATE TABLE activity_attendees (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  day INTEGER NOT NULL,
  visitor_id INTEGER NOT NULL REFERENCES centre_visitors(id),
  PRIMARY KEY (activity_id, day, visitor_id)
);
CREATE INDEX activity_attendees_visitor ON activity_attendees (visitor_id);
)SQL";

const char* const kMigration16Concerns = R"SQL(
-- What a centre's host passed on when someone was not doing well (area concerns): a brigade
-- request or a signal (their ids), or a known visitor's call-back. visitor_id only with the
-- visitor's consent (and for a call-back); resident_id is the record of the request or signal.
-- note is a call-back's only: what a visitor shared elsewhere is in the request or the signal.
CREATE TABLE centre_concerns (
  id INTEGER PRIMARY KEY,
  centre_id INTEGER NOT NULL REFERENCES centres(id),
  route TEXT NOT NULL,
  visitor_id INTEGER REFERENCES centre_visitors(id),
  resident_id INTEGER REFERENCES residents(id),
  request_id INTEGER REFERENCES brigade_requests(id),
  signal_id INTEGER REFERENCES signals(id),
  note TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  done_at INTEGER NOT NULL DEFAULT 0,
  done_by INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX centre_concerns_centre ON centre_concerns (centre_id, created_at);
CREATE INDEX centre_concerns_visitor ON centre_concerns (visitor_id) WHERE visitor_id IS NOT NULL;
)SQL";

const char* const kMigration17Participation = R"SQL(
-- The talks about a known visitor's participation (area participation), under their consent
-- (purpose 'participation'): the rung of the Participatieladder (1..6, 0 when not talked about)
-- and their goal in their own words. day is the local date of the talk. The rows of a visitor go
-- when that consent, or the one to be known, is withdrawn.
CREATE TABLE participation_notes (
  id INTEGER PRIMARY KEY,
  visitor_id INTEGER NOT NULL REFERENCES centre_visitors(id),
  rung INTEGER NOT NULL CHECK (rung BETWEEN 0 AND 6),
  goal TEXT NOT NULL DEFAULT '',
  day INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX participation_notes_visitor ON participation_notes (visitor_id, day);
)SQL";

}  // namespace meedoen::sqlite
