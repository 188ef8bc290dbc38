#include "store/sql/consents_store.hpp"

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

constexpr const char* kConsentCols =
    "id, visitor_id, purpose, recipient, given_by, form, refused, text_version, recorded_by, "
    "given_at, withdrawn_at, withdrawn_by FROM consents";

ConsentRecord read_consent(const Stmt& s) {
  ConsentRecord c;
  c.id = ConsentId(s.i64(0));
  c.visitor = VisitorId(s.i64(1));
  c.purpose = parse_consent_purpose(s.view(2)).value_or(ConsentPurpose::kKnownAtCentre);
  c.recipient = s.text(3);
  c.given_by = s.text(4);
  c.form = parse_consent_form(s.view(5)).value_or(ConsentForm::kVerbal);
  c.refused = s.flag(6);
  c.text_version = s.i32(7);
  c.recorded_by = UserId(s.i64(8));
  c.given_at = s.i64(9);
  c.withdrawn_at = s.i64(10);
  c.withdrawn_by = UserId(s.i64(11));
  return c;
}

}  // namespace

ConsentId SqlConsents::insert_consent(const ConsentRecord& c) {
  auto s = conn_->prepare(
      "INSERT INTO consents (visitor_id, purpose, recipient, given_by, form, refused, "
      "text_version, recorded_by, given_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  s.bind_all(c.visitor.value, to_string(c.purpose), c.recipient, c.given_by, to_string(c.form),
             c.refused, std::int64_t{c.text_version}, c.recorded_by.value, c.given_at);
  return ConsentId(*inserted_id(s));
}

std::optional<ConsentRecord> SqlConsents::get_consent(ConsentId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kConsentCols + " WHERE id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_consent(s);
}

std::vector<ConsentRecord> SqlConsents::consents_of_visitor(VisitorId visitor) {
  auto s = conn_->prepare(std::string("SELECT ") + kConsentCols +
                          " WHERE visitor_id = ? ORDER BY given_at DESC, id DESC");
  s.bind_all(visitor.value);
  return collect<ConsentRecord>(s, read_consent);
}

bool SqlConsents::withdraw_consent(ConsentId id, Timestamp at, UserId by) {
  auto s = conn_->prepare(
      "UPDATE consents SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? AND withdrawn_at = 0 "
      "AND refused = 0");
  s.bind_all(at, by.value, id.value);
  s.exec();
  return conn_->changes() > 0;
}

}  // namespace meedoen::sql
