#include "app/identity.hpp"

#include <algorithm>
#include <cctype>

#include "app/audit_trail.hpp"
#include "domain/text.hpp"
#include "privacy/random.hpp"

namespace meedoen {

std::optional<Identity> open_identity(const Vault& vault, Tx& tx, ResidentId id) {
  const SealedIdentity sealed = tx.residents().get_identity(id);
  Identity out;
  auto field = [&](const char* name, std::string& dest) {
    auto it = sealed.find(name);
    if (it == sealed.end()) return;
    if (auto plain = vault.open(id, name, it->second)) dest = *plain;
  };
  field("name", out.name);
  field("address", out.address);
  field("phone", out.phone);
  field("birth_year", out.birth_year);
  field("notes", out.notes);
  return out;
}

SealedIdentity seal_identity(const Vault& vault, ResidentId id, const Identity& i) {
  SealedIdentity s;
  s["name"] = vault.seal(id, "name", i.name);
  s["address"] = vault.seal(id, "address", i.address);
  s["phone"] = vault.seal(id, "phone", i.phone);
  s["birth_year"] = vault.seal(id, "birth_year", i.birth_year);
  s["notes"] = vault.seal(id, "notes", i.notes);
  return s;
}

ResidentRelation resident_relation(Tx& tx, const User& user, ResidentId resident) {
  ResidentRelation rel;
  rel.raised_a_signal = tx.signals().user_raised_signal_about(user.id, resident);
  rel.has_open_action = tx.meetings().has_open_action(user.id, resident);
  rel.is_assigned_peer = may_be_assigned(user) && tx.brigade().is_assigned_peer(user.id, resident);
  return rel;
}

std::optional<Identity> reveal_identity(const Vault& vault, Tx& tx, Timestamp at, const User& user,
                                        const Resident& resident, const ResidentRelation& rel,
                                        const std::string& object, const std::string& why,
                                        std::string* reason_out) {
  const IdentityDecision d = decide_identity(user, resident.wijk_id, rel);
  if (d.access != IdentityAccess::kShown) return std::nullopt;
  auto identity = open_identity(vault, tx, resident.id);
  const std::string reason = why.empty() ? d.reason : d.reason + ": " + why;
  // Break-glass reveals have their own event, so the chair and privacy officer can list them.
  append_audit(tx, at, &user, d.reason == "break_glass" ? "break_glass" : "read_identity",
               resident.id, object, reason);
  if (reason_out) *reason_out = d.reason;
  return identity;
}

std::string new_pseudonym(Tx& tx) {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  for (;;) {
    std::string code = "R-";
    for (int i = 0; i < 4; ++i) code += kAlphabet[random_below(sizeof kAlphabet - 1)];
    if (!tx.residents().find_resident_by_code(code)) return code;
  }
}

bool valid_email(const std::string& e) {
  if (e.size() > 200 || e.find('@') == std::string::npos) return false;
  return std::none_of(e.begin(), e.end(),
                      [](unsigned char c) { return c <= ' ' || c == ',' || c == ';'; });
}

Status validate_identity(const Identity& i, Timestamp now) {
  if (i.name.size() > kMaxShortText) return Error::invalid("error.too_long", "name");
  if (i.address.size() > kMaxShortText) return Error::invalid("error.too_long", "address");
  if (i.phone.size() > 40) return Error::invalid("error.too_long", "phone");
  if (i.notes.size() > 1000) return Error::invalid("error.too_long", "notes");
  if (!i.birth_year.empty()) {
    const bool digits = i.birth_year.size() == 4 &&
                        std::all_of(i.birth_year.begin(), i.birth_year.end(), ::isdigit);
    const int this_year = std::stoi(format_date(now).substr(0, 4));
    if (!digits || std::stoi(i.birth_year) < 1900 || std::stoi(i.birth_year) > this_year)
      return Error::invalid("error.signal.birth_year", "birth_year");
  }
  return Status::Ok();
}

Result<Resident> resident_for(const Vault& vault, Tx& tx, Timestamp t, const User& user,
                              WijkId wijk, BuurtId buurt, const std::string& code_in,
                              const std::string& gender, const std::string& age_band,
                              const Identity& identity, const std::string& why) {
  const std::string code = trim(code_in);
  if (!code.empty()) {
    auto existing = tx.residents().find_resident_by_code(code);
    if (!existing || existing->wijk_id != wijk)
      return Error::invalid("error.signal.unknown_resident", "resident_code");
    return *existing;
  }
  Resident resident;
  resident.code = new_pseudonym(tx);
  resident.wijk_id = wijk;
  resident.buurt_id = buurt;
  resident.gender = gender;
  resident.age_band = age_band;
  resident.created_at = t;
  resident.id = tx.residents().insert_resident(resident);
  append_audit(tx, t, &user, "create", resident.id, "resident:" + resident.code, "");
  if (!identity.empty()) {
    tx.residents().put_identity(resident.id, seal_identity(vault, resident.id, identity));
    tx.residents().put_name_tokens(resident.id, vault.name_tokens(identity.name));
    append_audit(tx, t, &user, "create_identity", resident.id, "resident:" + resident.code, why);
  }
  return resident;
}

}  // namespace meedoen
