#include "store/sql/referrals_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {

ReferralId SqlReferrals::insert_referral(const Referral& r) {
  auto s = conn_->prepare(
      "INSERT INTO referrals (request_id, resident_id, wijk_id, referred_by, kind, to_org, "
      "to_email, "
      "story, consent_given_by, consent_date, consent_purpose, consent_recipient, consent_form, "
      "share_name, share_address, share_phone, share_story, status, intake_date, answer_note, "
      "created_at, updated_at, answered_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  const auto& c = r.consent;
  s.bind_all(r.request_id.value, r.resident_id.value, r.wijk_id.value, r.referred_by.value, r.kind,
             r.to_org.value, r.to_email, r.story, c.given_by, c.date, c.purpose, c.recipient,
             std::string(to_string(c.form)), c.fields.name, c.fields.address, c.fields.phone,
             c.fields.story, std::string(to_string(r.status)), r.intake_date, r.answer_note,
             r.created_at, r.updated_at, r.answered_at);
  return ReferralId(*inserted_id(s));
}

std::optional<Referral> SqlReferrals::get_referral(ReferralId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols + " FROM referrals WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_referral(s);
}

void SqlReferrals::update_referral(const Referral& r) {
  auto s = conn_->prepare(
      "UPDATE referrals SET status = ?, intake_date = ?, answer_note = ?, updated_at = ?, "
      "answered_at = ?, reminded_at = ? WHERE id = ?");
  s.bind_all(std::string(to_string(r.status)), r.intake_date, r.answer_note, r.updated_at,
             r.answered_at, r.reminded_at, r.id.value);
  s.exec();
}

std::vector<Referral> SqlReferrals::referrals_for_request(RequestId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols +
                          " FROM referrals WHERE request_id = ? ORDER BY created_at, id");
  s.bind_all(id.value);
  return collect<Referral>(s, read_referral);
}

std::vector<Referral> SqlReferrals::referrals_to_org(OrgId org) {
  auto s = conn_->prepare(std::string("SELECT ") + kReferralCols +
                          " FROM referrals WHERE to_org = ? ORDER BY status IN ('intake_done', "
                          "'declined'), created_at DESC LIMIT 200");
  s.bind_all(org.value);
  return collect<Referral>(s, read_referral);
}

std::vector<Referral> SqlReferrals::unanswered_referrals(const std::vector<WijkId>& wijken,
                                                         Timestamp made_before) {
  auto s = conn_->prepare(
      std::string("SELECT ") + kReferralCols +
      " FROM referrals WHERE status IN ('sent', 'received') AND created_at < ? AND " +
      wijk_clause("wijk_id", wijken) + " ORDER BY created_at LIMIT 200");
  s.bind_all(made_before);
  return collect<Referral>(s, read_referral);
}

void SqlReferrals::insert_referral_token(const ReferralToken& t) {
  auto s = conn_->prepare(
      "INSERT INTO referral_tokens (digest, referral_id, expires_at, used_at) VALUES (?, ?, ?, 0)");
  s.bind_all(t.digest, t.referral_id.value, t.expires_at);
  s.exec();
}

std::optional<ReferralToken> SqlReferrals::find_referral_token(const std::string& digest) {
  auto s = conn_->prepare(
      "SELECT digest, referral_id, expires_at, used_at FROM referral_tokens WHERE digest = ?");
  s.bind_all(digest);
  if (!s.step()) return std::nullopt;
  return ReferralToken{s.text(0), ReferralId(s.i64(1)), s.i64(2), s.i64(3)};
}

void SqlReferrals::retire_referral_tokens(ReferralId id, Timestamp at) {
  auto s = conn_->prepare(
      "UPDATE referral_tokens SET used_at = ? WHERE referral_id = ? AND used_at = 0");
  s.bind_all(at, id.value);
  s.exec();
}

bool SqlReferrals::use_referral_token(const std::string& digest, Timestamp at) {
  auto s =
      conn_->prepare("UPDATE referral_tokens SET used_at = ? WHERE digest = ? AND used_at = 0");
  s.bind_all(at, digest);
  s.exec();
  return conn_->changes() > 0;
}

}  // namespace meedoen::sql
