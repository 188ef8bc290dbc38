// Migration 10, in a file of its own so that migrations.cpp stays readable. Shipped: never edit it,
// add a new migration.
#include "store/sqlite/migrations.hpp"

namespace meedoen::sqlite {

const char* const kMigration10EnglishCodes = R"SQL(
-- Every code stored in the database becomes English: a stored code is its enumerator's name in
-- snake_case without the k (Outcome::kCameAlong is 'came_along'), and a list without an enum
-- (genders, themes, ...) has plain English codes. Domain words that the code itself keeps in Dutch
-- stay: 'wijkteam', 'huisarts', 'ggz'. The sociaal wijkteam is 'wijkteam' and the
-- Zelfregiecentrum 'centre' in every list. Language codes (ISO) do not change, and neither do
-- names of organisations, wijken and categories, which are data.
--
-- Not migrated: the audit log, which is append-only and hash-chained. Its past entries keep what
-- they said ("outcome afgewezen"); their event names were English already.
--
-- The columns' DEFAULTs ('onbekend' for residents.gender, residents.age_band and
-- peer_profiles.gender, 'normaal' for brigade_requests.urgency) stay as they were: SQLite cannot
-- change a DEFAULT without rebuilding the table. The store binds every one of these columns in
-- each INSERT, so a default is never used.
CREATE TEMP TABLE codes_nl_en (
  list TEXT NOT NULL,
  dutch TEXT NOT NULL,
  english TEXT NOT NULL,
  PRIMARY KEY (list, dutch)
);
INSERT INTO codes_nl_en (list, dutch, english) VALUES
  ('day_part', 'ochtend', 'morning'), ('day_part', 'middag', 'afternoon'),
  ('day_part', 'avond', 'evening'),
  ('urgency', 'normaal', 'normal'), ('urgency', 'snel', 'soon'), ('urgency', 'spoed', 'urgent'),
  ('outcome', 'meegekomen', 'came_along'), ('outcome', 'verwezen_wijkteam', 'referred_wijkteam'),
  ('outcome', 'verwezen_anders', 'referred_other'), ('outcome', 'afgewezen', 'declined'),
  ('outcome', 'onbereikbaar', 'unreachable'), ('outcome', 'gesloten', 'closed'),
  ('visit_kind', 'onbekend', 'unknown'), ('visit_kind', 'huisbezoek', 'home'),
  ('visit_kind', 'telefoon', 'phone'), ('visit_kind', 'centrum', 'centre'),
  ('visit_kind', 'buiten', 'outside'),
  ('visit_result', 'niet_thuis', 'not_home'), ('visit_result', 'niet_opengedaan', 'no_answer'),
  ('visit_result', 'kort_gesprek', 'short_talk'), ('visit_result', 'geweigerd', 'refused'),
  ('decision', 'politie', 'police'), ('decision', 'woning', 'housing'),
  ('decision', 'vinger_aan_de_pols', 'keep_eye'), ('decision', 'geen_actie', 'no_action'),
  ('consent_form', 'mondeling', 'verbal'), ('consent_form', 'schriftelijk', 'written'),
  ('consent_giver', 'bewoner', 'resident'), ('consent_giver', 'vertegenwoordiger', 'representative'),
  ('referral_status', 'verstuurd', 'sent'), ('referral_status', 'ontvangen', 'received'),
  ('referral_status', 'intake_gepland', 'intake_planned'),
  ('referral_status', 'intake_gedaan', 'intake_done'), ('referral_status', 'afgewezen', 'declined'),
  ('referral_kind', 'sociaal_wijkteam', 'wijkteam'), ('referral_kind', 'schuldhulp', 'debt_help'),
  ('referral_kind', 'verslavingszorg', 'addiction_care'), ('referral_kind', 'overig', 'other'),
  ('gender', 'man', 'male'), ('gender', 'vrouw', 'female'), ('gender', 'anders', 'other'),
  ('gender', 'onbekend', 'unknown'),
  ('age_band', 'onder_30', 'under_30'), ('age_band', 'onbekend', 'unknown'),
  ('theme', 'verslaving', 'addiction'), ('theme', 'psychose', 'psychosis'),
  ('theme', 'depressie', 'depression'), ('theme', 'angst', 'anxiety'),
  ('theme', 'dakloosheid', 'homelessness'), ('theme', 'schulden', 'debt'),
  ('theme', 'rouw', 'grief'), ('theme', 'eenzaamheid', 'loneliness'),
  ('request_source', 'overleg', 'meeting'), ('request_source', 'zelfregiecentrum', 'centre'),
  ('org_kind', 'politie', 'police'), ('org_kind', 'woningcorporatie', 'housing'),
  ('org_kind', 'sociaal_wijkteam', 'wijkteam'), ('org_kind', 'verslavingszorg', 'addiction_care'),
  ('org_kind', 'zelfregiecentrum', 'centre'), ('org_kind', 'welzijn', 'welfare'),
  ('org_kind', 'clientorganisatie', 'client_organisation'),
  ('org_kind', 'gemeente', 'municipality'), ('org_kind', 'bewoners', 'residents'),
  ('org_kind', 'overig', 'other');

UPDATE organisations SET kind = (SELECT english FROM codes_nl_en
  WHERE list = 'org_kind' AND dutch = organisations.kind)
  WHERE kind IN (SELECT dutch FROM codes_nl_en WHERE list = 'org_kind');
UPDATE residents SET gender = (SELECT english FROM codes_nl_en
  WHERE list = 'gender' AND dutch = residents.gender)
  WHERE gender IN (SELECT dutch FROM codes_nl_en WHERE list = 'gender');
UPDATE residents SET age_band = (SELECT english FROM codes_nl_en
  WHERE list = 'age_band' AND dutch = residents.age_band)
  WHERE age_band IN (SELECT dutch FROM codes_nl_en WHERE list = 'age_band');
UPDATE agenda_items SET decision = (SELECT english FROM codes_nl_en
  WHERE list = 'decision' AND dutch = agenda_items.decision)
  WHERE decision IN (SELECT dutch FROM codes_nl_en WHERE list = 'decision');
UPDATE actions SET decision = (SELECT english FROM codes_nl_en
  WHERE list = 'decision' AND dutch = actions.decision)
  WHERE decision IN (SELECT dutch FROM codes_nl_en WHERE list = 'decision');

-- A signal's timeline holds codes in its text: "discussed" a decision, "action" a decision before
-- "|owner|due date", "brigade_outcome" an outcome, "referral_answer" a referral's status.
UPDATE signal_timeline SET text = (SELECT english FROM codes_nl_en
  WHERE list = 'decision' AND dutch = signal_timeline.text)
  WHERE kind = 'discussed' AND text IN (SELECT dutch FROM codes_nl_en WHERE list = 'decision');
UPDATE signal_timeline SET text = (SELECT english FROM codes_nl_en
  WHERE list = 'decision' AND dutch = substr(signal_timeline.text, 1, instr(signal_timeline.text, '|') - 1))
  || substr(text, instr(text, '|'))
  WHERE kind = 'action' AND instr(text, '|') > 0 AND substr(text, 1, instr(text, '|') - 1)
    IN (SELECT dutch FROM codes_nl_en WHERE list = 'decision');
UPDATE signal_timeline SET text = (SELECT english FROM codes_nl_en
  WHERE list = 'outcome' AND dutch = signal_timeline.text)
  WHERE kind = 'brigade_outcome' AND text IN (SELECT dutch FROM codes_nl_en WHERE list = 'outcome');
UPDATE signal_timeline SET text = (SELECT english FROM codes_nl_en
  WHERE list = 'referral_status' AND dutch = signal_timeline.text)
  WHERE kind = 'referral_answer'
    AND text IN (SELECT dutch FROM codes_nl_en WHERE list = 'referral_status');

UPDATE peer_profiles SET gender = (SELECT english FROM codes_nl_en
  WHERE list = 'gender' AND dutch = peer_profiles.gender)
  WHERE gender IN (SELECT dutch FROM codes_nl_en WHERE list = 'gender');
-- Themes are a comma-separated list. Doubling each comma gives every code commas of its own, so
-- that two codes side by side are both found; the doubled commas are undone afterwards.
UPDATE peer_profiles SET themes = trim(replace(
  replace(replace(replace(replace(replace(replace(replace(replace(
    ',' || replace(themes, ',', ',,') || ',',
    ',verslaving,', ',addiction,'), ',psychose,', ',psychosis,'),
    ',depressie,', ',depression,'), ',angst,', ',anxiety,'),
    ',dakloosheid,', ',homelessness,'), ',schulden,', ',debt,'),
    ',rouw,', ',grief,'), ',eenzaamheid,', ',loneliness,'),
  ',,', ','), ',')
  WHERE themes <> '';
UPDATE peer_on_call SET part = (SELECT english FROM codes_nl_en
  WHERE list = 'day_part' AND dutch = peer_on_call.part)
  WHERE part IN (SELECT dutch FROM codes_nl_en WHERE list = 'day_part');

UPDATE brigade_requests SET source = (SELECT english FROM codes_nl_en
  WHERE list = 'request_source' AND dutch = brigade_requests.source)
  WHERE source IN (SELECT dutch FROM codes_nl_en WHERE list = 'request_source');
UPDATE brigade_requests SET pref_gender = (SELECT english FROM codes_nl_en
  WHERE list = 'gender' AND dutch = brigade_requests.pref_gender)
  WHERE pref_gender IN (SELECT dutch FROM codes_nl_en WHERE list = 'gender');
UPDATE brigade_requests SET pref_theme = (SELECT english FROM codes_nl_en
  WHERE list = 'theme' AND dutch = brigade_requests.pref_theme)
  WHERE pref_theme IN (SELECT dutch FROM codes_nl_en WHERE list = 'theme');
UPDATE brigade_requests SET urgency = (SELECT english FROM codes_nl_en
  WHERE list = 'urgency' AND dutch = brigade_requests.urgency)
  WHERE urgency IN (SELECT dutch FROM codes_nl_en WHERE list = 'urgency');
UPDATE brigade_requests SET outcome = (SELECT english FROM codes_nl_en
  WHERE list = 'outcome' AND dutch = brigade_requests.outcome)
  WHERE outcome IN (SELECT dutch FROM codes_nl_en WHERE list = 'outcome');
UPDATE request_outcomes SET outcome = (SELECT english FROM codes_nl_en
  WHERE list = 'outcome' AND dutch = request_outcomes.outcome)
  WHERE outcome IN (SELECT dutch FROM codes_nl_en WHERE list = 'outcome');
-- An assignment that a new outcome ended has that outcome as its reason; other reasons are text.
UPDATE assignments SET reason = (SELECT english FROM codes_nl_en
  WHERE list = 'outcome' AND dutch = assignments.reason)
  WHERE state = 'ended' AND reason IN (SELECT dutch FROM codes_nl_en WHERE list = 'outcome');
UPDATE visits SET kind = (SELECT english FROM codes_nl_en
  WHERE list = 'visit_kind' AND dutch = visits.kind)
  WHERE kind IN (SELECT dutch FROM codes_nl_en WHERE list = 'visit_kind');
UPDATE visits SET result = (SELECT english FROM codes_nl_en
  WHERE list = 'visit_result' AND dutch = visits.result)
  WHERE result IN (SELECT dutch FROM codes_nl_en WHERE list = 'visit_result');

UPDATE referrals SET kind = (SELECT english FROM codes_nl_en
  WHERE list = 'referral_kind' AND dutch = referrals.kind)
  WHERE kind IN (SELECT dutch FROM codes_nl_en WHERE list = 'referral_kind');
UPDATE referrals SET consent_given_by = (SELECT english FROM codes_nl_en
  WHERE list = 'consent_giver' AND dutch = referrals.consent_given_by)
  WHERE consent_given_by IN (SELECT dutch FROM codes_nl_en WHERE list = 'consent_giver');
UPDATE referrals SET consent_form = (SELECT english FROM codes_nl_en
  WHERE list = 'consent_form' AND dutch = referrals.consent_form)
  WHERE consent_form IN (SELECT dutch FROM codes_nl_en WHERE list = 'consent_form');
UPDATE referrals SET status = (SELECT english FROM codes_nl_en
  WHERE list = 'referral_status' AND dutch = referrals.status)
  WHERE status IN (SELECT dutch FROM codes_nl_en WHERE list = 'referral_status');

DROP TABLE codes_nl_en;

-- The coordinator's open requests (migration 5), now by the English outcomes: a partial index
-- serves only a query whose WHERE names the same codes.
DROP INDEX brigade_requests_open;
CREATE INDEX brigade_requests_open ON brigade_requests(wijk_id, created_at)
  WHERE outcome NOT IN ('closed', 'declined');
)SQL";

}  // namespace meedoen::sqlite
