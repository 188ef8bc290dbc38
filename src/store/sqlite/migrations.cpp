// Versioned schema migrations for SQLite, applied in order, each in its own transaction. Never edit
// a migration that has shipped: add a new one.
#include "store/sqlite/migrations.hpp"

namespace meedoen::sqlite {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "foundation", R"SQL(
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
);
CREATE TABLE wijken (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  district TEXT NOT NULL DEFAULT '',
  rhythm TEXT NOT NULL DEFAULT '',
  default_place TEXT NOT NULL DEFAULT ''
);
CREATE TABLE buurten (
  id INTEGER PRIMARY KEY,
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  name TEXT NOT NULL,
  UNIQUE (wijk_id, name)
);
CREATE TABLE wijk_partners (
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (wijk_id, org_id)
);
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  label TEXT NOT NULL,
  meldcode INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX categories_wijk ON categories(wijk_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  active INTEGER NOT NULL DEFAULT 1,
  aandachtsfunctionaris INTEGER NOT NULL DEFAULT 0,
  lang TEXT NOT NULL DEFAULT 'nl',
  password_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE user_wijken (
  user_id INTEGER NOT NULL REFERENCES users(id),
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  PRIMARY KEY (user_id, wijk_id)
);
CREATE TABLE sessions (
  digest TEXT PRIMARY KEY,
  user_id INTEGER REFERENCES users(id),
  csrf TEXT NOT NULL,
  lang TEXT NOT NULL DEFAULT 'nl',
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL
);
CREATE INDEX sessions_last_seen ON sessions(last_seen);

-- A resident is a pseudonym plus non-identifying facts. Identity is in resident_identity, sealed.
-- There is no BSN column, on purpose: this work has no legal basis for it.
CREATE TABLE residents (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  buurt_id INTEGER REFERENCES buurten(id),
  gender TEXT NOT NULL DEFAULT 'onbekend',
  age_band TEXT NOT NULL DEFAULT 'onbekend',
  created_at INTEGER NOT NULL
);
CREATE TABLE resident_identity (
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  field TEXT NOT NULL,
  sealed BLOB NOT NULL,
  PRIMARY KEY (resident_id, field)
);
CREATE TABLE resident_name_index (
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  token TEXT NOT NULL
);
CREATE INDEX resident_name_index_token ON resident_name_index(token);
CREATE INDEX resident_name_index_resident ON resident_name_index(resident_id);

CREATE TABLE signals (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  buurt_id INTEGER REFERENCES buurten(id),
  raised_by INTEGER NOT NULL REFERENCES users(id),
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  description TEXT NOT NULL,
  urgent INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL,
  meldcode INTEGER NOT NULL DEFAULT 0,
  meldcode_weighed INTEGER NOT NULL DEFAULT 0,
  case_id INTEGER REFERENCES signals(id),
  regisseur INTEGER REFERENCES users(id),
  close_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX signals_wijk_state ON signals(wijk_id, state, created_at);
CREATE INDEX signals_resident ON signals(resident_id);
CREATE INDEX signals_case ON signals(case_id);
CREATE INDEX signals_raised_by ON signals(raised_by);
CREATE TABLE signal_categories (
  signal_id INTEGER NOT NULL REFERENCES signals(id),
  category_id INTEGER NOT NULL REFERENCES categories(id),
  PRIMARY KEY (signal_id, category_id)
);
CREATE INDEX signal_categories_category ON signal_categories(category_id);
CREATE TABLE signal_timeline (
  id INTEGER PRIMARY KEY,
  signal_id INTEGER NOT NULL REFERENCES signals(id),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0,
  kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX signal_timeline_signal ON signal_timeline(signal_id, at);
CREATE TABLE meldcode_steps (
  id INTEGER PRIMARY KEY,
  signal_id INTEGER NOT NULL REFERENCES signals(id),
  step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 5),
  date TEXT NOT NULL,
  rationale TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX meldcode_steps_signal ON meldcode_steps(signal_id);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  starts_at INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  held INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meetings_wijk_start ON meetings(wijk_id, starts_at);
CREATE TABLE meeting_invites (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (meeting_id, org_id)
);
CREATE TABLE meeting_attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  present INTEGER NOT NULL DEFAULT 0,
  person TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (meeting_id, org_id)
);
CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings(id),
  signal_id INTEGER NOT NULL REFERENCES signals(id),
  action_id INTEGER,
  kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  decision TEXT NOT NULL DEFAULT 'none',
  recorded INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
CREATE INDEX agenda_items_signal ON agenda_items(signal_id);

CREATE TABLE actions (
  id INTEGER PRIMARY KEY,
  signal_id INTEGER NOT NULL REFERENCES signals(id),
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  meeting_id INTEGER REFERENCES meetings(id),
  decision TEXT NOT NULL,
  owner INTEGER NOT NULL REFERENCES users(id),
  due_date TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'open',
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  settled_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actions_owner ON actions(owner, state);
CREATE INDEX actions_wijk_state ON actions(wijk_id, state);
CREATE INDEX actions_signal ON actions(signal_id);
CREATE INDEX actions_resident ON actions(resident_id, owner, state);

-- The audit trail (NEN 7513). Append-only: the triggers refuse changes and deletes, also for the
-- application's own database user.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  user_label TEXT NOT NULL,
  event TEXT NOT NULL,
  resident_id INTEGER NOT NULL DEFAULT 0,
  object TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_resident ON audit_log(resident_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL"},
      {2, "signal list order", R"SQL(
-- The signals list orders by urgency and age within a wijk and filters on case, meldcode and
-- state; this covering index serves both its count and its page of ids without touching the table.
CREATE INDEX signals_wijk_order
  ON signals(wijk_id, urgent DESC, created_at DESC, id DESC, case_id, meldcode, state);
)SQL"},
      {3, "default categories", R"SQL(
-- The categories a new wijk starts with. Configuration the administrator edits; each wijk then
-- edits its own copy.
CREATE TABLE default_categories (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE,
  meldcode INTEGER NOT NULL DEFAULT 0
);
INSERT INTO default_categories (label, meldcode) VALUES
  ('Eenzaam of weinig contact', 0),
  ('Lang niet buiten gezien', 0),
  ('Verward gedrag', 0),
  ('Vervuiling of verwaarlozing van de woning', 0),
  ('Overlast', 0),
  ('Geldzorgen of schulden', 0),
  ('Zorgen over verslaving', 0),
  ('Zorgen over huiselijk geweld', 1),
  ('Zorgen over een kind', 1);
)SQL"},
      {4, "vliegende brigade", R"SQL(
-- Peer workers' own settings. Home organisation and wijken are the user's.
CREATE TABLE peer_profiles (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  languages TEXT NOT NULL DEFAULT '',  -- comma-separated codes
  themes TEXT NOT NULL DEFAULT '',     -- comma-separated codes, the peer's own choice
  gender TEXT NOT NULL DEFAULT 'onbekend',
  weekly_cap INTEGER NOT NULL DEFAULT 4,
  active INTEGER NOT NULL DEFAULT 1,
  email TEXT NOT NULL DEFAULT ''
);
CREATE TABLE peer_on_call (
  user_id INTEGER NOT NULL REFERENCES users(id),
  date TEXT NOT NULL,
  part TEXT NOT NULL,
  PRIMARY KEY (user_id, date, part)
) WITHOUT ROWID;
CREATE TABLE peer_absences (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX peer_absences_user ON peer_absences(user_id, to_date);

CREATE TABLE brigade_requests (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  signal_id INTEGER REFERENCES signals(id),
  action_id INTEGER REFERENCES actions(id),
  source TEXT NOT NULL,
  requested_by INTEGER NOT NULL REFERENCES users(id),
  known TEXT NOT NULL DEFAULT '',
  safety_aggression INTEGER NOT NULL DEFAULT 0,
  safety_dog INTEGER NOT NULL DEFAULT 0,
  safety_addiction INTEGER NOT NULL DEFAULT 0,
  safety_notes TEXT NOT NULL DEFAULT '',
  pair_advised INTEGER NOT NULL DEFAULT 0,
  pref_language TEXT NOT NULL DEFAULT '',
  pref_gender TEXT NOT NULL DEFAULT '',
  pref_theme TEXT NOT NULL DEFAULT '',
  urgency TEXT NOT NULL DEFAULT 'normaal',
  outcome TEXT NOT NULL DEFAULT 'open',
  outcome_note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  first_contact_at INTEGER NOT NULL DEFAULT 0,
  closed_at INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX brigade_requests_wijk ON brigade_requests(wijk_id, outcome, created_at);
CREATE INDEX brigade_requests_resident ON brigade_requests(resident_id);
CREATE UNIQUE INDEX brigade_requests_action ON brigade_requests(action_id) WHERE action_id IS NOT NULL;
-- Every outcome a request had, so the figures count "came along" even when it was closed later.
CREATE TABLE request_outcomes (
  request_id INTEGER NOT NULL REFERENCES brigade_requests(id),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_outcomes_request ON request_outcomes(request_id, at);

CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES brigade_requests(id),
  peer INTEGER NOT NULL REFERENCES users(id),
  assigned_by INTEGER NOT NULL REFERENCES users(id),
  state TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  assigned_at INTEGER NOT NULL,
  responded_at INTEGER NOT NULL DEFAULT 0,
  ended_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assignments_peer ON assignments(peer, state);
CREATE INDEX assignments_request ON assignments(request_id);

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES brigade_requests(id),
  peer INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  result TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  next_step TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (request_id, peer, idempotency_key)
);
-- (request_id, peer) first: "has this peer visited this request yet" is asked for every open
-- assignment when a peer's workload is counted.
CREATE INDEX visits_request ON visits(request_id, peer, at);
CREATE INDEX visits_peer ON visits(peer, at);

CREATE TABLE checkins (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES brigade_requests(id),
  peer INTEGER NOT NULL REFERENCES users(id),
  started_at INTEGER NOT NULL,
  expected_back INTEGER NOT NULL,
  ended_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX checkins_open ON checkins(peer) WHERE ended_at = 0;

CREATE TABLE debriefs (
  id INTEGER PRIMARY KEY,
  peer INTEGER NOT NULL REFERENCES users(id),
  request_id INTEGER REFERENCES brigade_requests(id),
  note TEXT NOT NULL DEFAULT '',
  requested_at INTEGER NOT NULL,
  handled_at INTEGER NOT NULL DEFAULT 0,
  handled_by INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES brigade_requests(id),
  resident_id INTEGER NOT NULL REFERENCES residents(id),
  wijk_id INTEGER NOT NULL REFERENCES wijken(id),
  referred_by INTEGER NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  to_org INTEGER NOT NULL REFERENCES organisations(id),
  to_email TEXT NOT NULL DEFAULT '',
  story TEXT NOT NULL DEFAULT '',
  consent_given_by TEXT NOT NULL,
  consent_date TEXT NOT NULL,
  consent_purpose TEXT NOT NULL,
  consent_recipient TEXT NOT NULL,
  consent_form TEXT NOT NULL,
  share_name INTEGER NOT NULL DEFAULT 0,
  share_address INTEGER NOT NULL DEFAULT 0,
  share_phone INTEGER NOT NULL DEFAULT 0,
  share_story INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  intake_date TEXT NOT NULL DEFAULT '',
  answer_note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  answered_at INTEGER NOT NULL DEFAULT 0,
  reminded_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX referrals_request ON referrals(request_id);
CREATE INDEX referrals_org ON referrals(to_org, status);
CREATE INDEX referrals_status ON referrals(status, created_at);
-- One-time links for partners without an account. Only a digest of the token is kept.
CREATE TABLE referral_tokens (
  digest TEXT PRIMARY KEY,
  referral_id INTEGER NOT NULL REFERENCES referrals(id),
  expires_at INTEGER NOT NULL,
  used_at INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Mail is written in the use case's transaction and sent afterwards (a transactional outbox), so a
-- rolled-back use case never sends mail and a mail server that is down loses nothing.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  to_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at = 0;
)SQL"},
      {5, "list indexes", R"SQL(
-- Replaces signals_wijk_order. The list's usual filters (wijk, no meldcode, not linked to a case)
-- are now the index's leading columns, so its count is a plain range and its page of ids comes in
-- list order without a sort; state, raiser and resident follow, so the other filters never touch
-- the table. A list over several wijken sorts the ids of their ranges only: 0.5 ms became 25 us.
DROP INDEX signals_wijk_order;
CREATE INDEX signals_list
  ON signals(wijk_id, meldcode, case_id, urgent DESC, created_at DESC, id DESC, state, raised_by, resident_id);
-- A meeting's agenda reads the actions recorded at it, and many pages a wijk's users.
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX user_wijken_wijk ON user_wijken(wijk_id, user_id);
-- The coordinator's open requests, without walking years of closed ones.
CREATE INDEX brigade_requests_open ON brigade_requests(wijk_id, created_at)
  WHERE outcome NOT IN ('gesloten', 'afgewezen');
)SQL"},
      {6, "signal counts", R"SQL(
-- How many signals each wijk has per state and kind, kept in step by triggers, so the signals
-- list's total is a sum over a few rows instead of a walk over every signal the wijk ever had
-- (count_signals falls back to that walk for filters these columns cannot answer).
CREATE TABLE signal_counts (
  wijk_id INTEGER NOT NULL,
  state TEXT NOT NULL,
  meldcode INTEGER NOT NULL,
  linked INTEGER NOT NULL,  -- case_id IS NOT NULL
  urgent INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (wijk_id, state, meldcode, linked, urgent)
) WITHOUT ROWID;
INSERT INTO signal_counts
  SELECT wijk_id, state, meldcode != 0, case_id IS NOT NULL, urgent != 0, count(*)
  FROM signals GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER signal_counts_insert AFTER INSERT ON signals BEGIN
  INSERT INTO signal_counts VALUES (NEW.wijk_id, NEW.state, NEW.meldcode != 0, NEW.case_id IS NOT NULL,
                                    NEW.urgent != 0, 1)
    ON CONFLICT (wijk_id, state, meldcode, linked, urgent) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER signal_counts_delete AFTER DELETE ON signals BEGIN
  UPDATE signal_counts SET n = n - 1
    WHERE wijk_id = OLD.wijk_id AND state = OLD.state AND meldcode = (OLD.meldcode != 0)
      AND linked = (OLD.case_id IS NOT NULL) AND urgent = (OLD.urgent != 0);
END;
CREATE TRIGGER signal_counts_update AFTER UPDATE OF wijk_id, state, meldcode, case_id, urgent ON signals BEGIN
  UPDATE signal_counts SET n = n - 1
    WHERE wijk_id = OLD.wijk_id AND state = OLD.state AND meldcode = (OLD.meldcode != 0)
      AND linked = (OLD.case_id IS NOT NULL) AND urgent = (OLD.urgent != 0);
  INSERT INTO signal_counts VALUES (NEW.wijk_id, NEW.state, NEW.meldcode != 0, NEW.case_id IS NOT NULL,
                                    NEW.urgent != 0, 1)
    ON CONFLICT (wijk_id, state, meldcode, linked, urgent) DO UPDATE SET n = n + 1;
END;
)SQL"},
      {7, "vault key check", R"SQL(
-- A value derived from the vault key (never the key), stored when the vault is first set up, so
-- that a wrong or replaced key file stops the program instead of hiding every name.
CREATE TABLE vault_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key_check BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
)SQL"},
      {8, "login throttle", R"SQL(
-- Wrong passwords counted per client, per client and user name, and per user name, each under a
-- digest of its key (no typed name is kept). Known and unknown names are counted alike.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  locked_until INTEGER NOT NULL DEFAULT 0
);
)SQL"},
      {9, "mail kinds", R"SQL(
-- The app writes what a mail is about (a kind and its values) and the mailer puts it into words
-- in the reader's language, so no text is fixed at the moment of writing. Older mail keeps the
-- subject and body it was written with, and an empty kind.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT '';
CREATE TABLE outbox_params (
  mail_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (mail_id, name)
);
)SQL"},
      // Every stored code in English; its SQL and the reasons are in migration_10_codes.cpp.
      {10, "english codes", kMigration10EnglishCodes},
      {11, "api tokens", kMigration11ApiTokens},
      {12, "centres", kMigration12Centres},
      {13, "occurrences", kMigration13Occurrences},
      {14, "visitors and consents", kMigration14Visitors},
      {15, "attendees", kMigration15Attendees},
      {16, "concerns", kMigration16Concerns},
      {17, "participation", kMigration17Participation},
  };
  return all;
}

}  // namespace meedoen::sqlite
