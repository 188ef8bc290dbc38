// Referrals with a closed loop: a peer (or the coordinator) refers a resident with their recorded
// consent; the partner answers in their inbox or through a one-time, expiring link.
#include "app/referrals.hpp"

#include <algorithm>

#include "app/audit_trail.hpp"
#include "app/brigade_shared.hpp"
#include "app/identity.hpp"
#include "app/lookups.hpp"
#include "app/overleg_loop.hpp"
#include "domain/text.hpp"
#include "privacy/access_policy.hpp"
#include "privacy/password.hpp"
#include "privacy/vault.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

// Only the identity fields the consent names.
Identity consented(const Identity& full, const SharedFields& f) {
  Identity out;
  if (f.name) out.name = full.name;
  if (f.address) out.address = full.address;
  if (f.phone) out.phone = full.phone;
  return out;
}

ReferralView view_of(Lookups& names, const Referral& r, Timestamp now, int response_days) {
  ReferralView v;
  v.referral = r;
  if (!r.consent.fields.story) v.referral.story.clear();
  if (auto res = names.resident(r.resident_id)) v.resident_code = res->code;
  v.wijk_name = names.wijk(r.wijk_id);
  v.to_org_name = names.org(r.to_org);
  v.referred_by_name = names.user(r.referred_by);
  v.no_response = r.no_response(now, response_days);
  return v;
}

// Validates a partner's answer and applies it to `r`.
Status apply_answer(Referral& r, const ReferralAnswer& a, Timestamp now) {
  const auto to = parse_referral_status(a.status);
  if (!to || *to == ReferralStatus::kSent || *to == ReferralStatus::kReceived)
    return Error::invalid("error.invalid_choice", "status");
  const std::string note = trim(a.note);
  if (note.size() > kMaxNote) return Error::invalid("error.too_long", "note");
  if (*to == ReferralStatus::kDeclined && note.size() < 3)
    return Error::invalid("error.referral.reason_required", "note");
  if (*to == ReferralStatus::kIntakePlanned && !parse_date(a.intake_date))
    return Error::invalid("error.referral.intake_date", "intake_date");
  if (auto st = referral_transition(r.status, *to); !st) return st;
  r.status = *to;
  if (*to == ReferralStatus::kIntakePlanned)
    r.intake_date = format_days(*parse_date(a.intake_date));
  r.answer_note = note;
  r.updated_at = r.answered_at = now;
  return Status::Ok();
}

// A fresh one-time link for `r` and the mail that carries it. The mail names the organisation and
// holds the link; nothing about the resident.
void mail_link(Tx& tx, const Referral& r, const std::string& org_name, Timestamp t, int link_days,
               bool reminder) {
  const std::string token = random_token();
  const Timestamp expires = t + static_cast<Timestamp>(link_days) * 86400;
  tx.referrals().insert_referral_token({token_digest(token), r.id, expires, 0});
  OutboxMail m;
  m.to = r.to_email;
  m.kind = mail_kind_code(reminder ? MailKind::kReferralReminder : MailKind::kReferralLink);
  m.params = {
      {"organisation", org_name}, {"token", token}, {"expires_at", std::to_string(expires)}};
  m.created_at = t;
  tx.mail().insert_mail(m);
}

}  // namespace

Result<ReferralFormData> Referrals::form(const User& user, RequestId id) {
  auto tx = ctx_.store->begin(TxMode::kRead);
  auto r = tx->brigade().get_request(id);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id) && !accepted_peer(*tx, id, user.id))
    return Error::forbidden();
  Lookups names(*tx);
  ReferralFormData out;
  out.request.request = *r;
  if (auto res = names.resident(r->resident_id)) out.request.resident = resident_view(names, *res);
  for (const auto& o : tx->admin().list_orgs())
    if (o.kind != "municipality" && o.kind != "residents") out.orgs.push_back(o);
  return out;
}

Result<ReferralCreated> Referrals::create(const User& user, const NewReferralInput& in) {
  if (!is_referral_kind(in.kind)) return Error::invalid("error.invalid_choice", "kind");
  const std::string email = trim(in.to_email);
  if (!email.empty() && !valid_email(email)) return Error::invalid("error.email", "to_email");
  const std::string story = trim(in.story);
  if (story.size() > kMaxStory) return Error::invalid("error.too_long", "story");
  if (!story.empty() && !in.consent.fields.story)
    return Error::invalid("error.consent.story_not_covered", "story");
  const auto form = parse_consent_form(in.consent_form);
  if (!form) return Error::invalid("error.invalid_choice", "consent_form");
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->brigade().get_request(in.request);
  if (!r) return Error::not_found();
  if (!may_coordinate(user, r->wijk_id) && !accepted_peer(*tx, in.request, user.id))
    return Error::forbidden();
  if (outcome_is_final(r->outcome)) return Error::conflict("error.request.closed");
  auto org = tx->admin().get_org(in.to_org);
  if (!org || org->kind == "municipality" || org->kind == "residents")
    return Error::invalid("error.invalid_choice", "to_org");
  // For the kinds of help that are an organisation kind, the organisation must be of that kind, so
  // the consent's "to whom" and the receiving inbox are the same.
  for (const char* k : {"wijkteam", "ggz", "huisarts", "addiction_care"})
    if (in.kind == k && org->kind != k) return Error::invalid("error.referral.kind_org", "to_org");
  const Timestamp t = now();
  Consent consent = in.consent;
  consent.form = *form;
  consent.recipient = org->name;
  consent.purpose = trim(consent.purpose);
  if (auto st = check_consent(consent, parse_date(format_date(t)).value_or(0)); !st)
    return st.error();
  consent.date = format_days(*parse_date(consent.date));
  if (story.empty() && consent.fields.story && !consent.fields.any_identity())
    return Error::invalid("error.referral.story_required", "story");

  Referral ref;
  ref.request_id = r->id;
  ref.resident_id = r->resident_id;
  ref.wijk_id = r->wijk_id;
  ref.referred_by = user.id;
  ref.kind = in.kind;
  ref.to_org = org->id;
  ref.to_email = email;
  ref.story = story;
  ref.consent = consent;
  ref.created_at = ref.updated_at = t;
  ref.id = tx->referrals().insert_referral(ref);
  append_audit(*tx, t, &user, "share", r->resident_id, "referral:" + std::to_string(ref.id.value),
               "consent " + std::string(to_string(consent.form)) + " " + consent.date + " to " +
                   org->name + (email.empty() ? std::string() : " (link to " + email + ")"));

  // The request's outcome follows the referral when nothing better is recorded.
  const Outcome next = in.kind == "wijkteam" ? Outcome::kReferredWijkteam : Outcome::kReferredOther;
  if (r->outcome != next && outcome_transition(r->outcome, next).ok() &&
      r->outcome != Outcome::kCameAlong) {
    r->outcome = next;
    r->updated_at = t;
    if (!tx->brigade().update_request(*r)) return Error::conflict("error.version_conflict");
    tx->brigade().add_request_outcome(r->id, t, user.id, next, "");
    feed_back_to_overleg(*tx, *r, next, user, t);
  }

  ReferralCreated out;
  out.id = ref.id;
  for (const auto& u : tx->accounts().list_users())
    out.inbox = out.inbox || (has_referral_inbox(u) && u.org_id == org->id);
  if (!email.empty()) {
    mail_link(*tx, ref, org->name, t, ctx_.config.referral_link_days, false);
    out.link_sent = true;
  }
  if (auto st = tx->commit(); !st) return st.error();
  return out;
}

Result<std::vector<ReferralView>> Referrals::inbox(const User& user) {
  if (!has_referral_inbox(user)) return Error::forbidden();
  auto tx = ctx_.store->begin(TxMode::kWrite);  // identity reveals are audited
  const Timestamp t = now();
  Lookups names(*tx);
  std::vector<ReferralView> out;
  for (const auto& r : tx->referrals().referrals_to_org(user.org_id)) {
    if (!may_view_referral(user, r)) continue;
    ReferralView v = view_of(names, r, t, ctx_.config.referral_response_days);
    v.may_answer = may_answer_referral(user, r) &&
                   (r.status == ReferralStatus::kSent || r.status == ReferralStatus::kReceived ||
                    r.status == ReferralStatus::kIntakePlanned);
    if (r.consent.fields.any_identity() && r.status != ReferralStatus::kDeclined &&
        r.status != ReferralStatus::kIntakeDone) {
      if (auto res = tx->residents().get_resident(r.resident_id)) {
        ResidentRelation rel;
        rel.referral_recipient = true;
        if (auto id = reveal_identity(*ctx_.vault, *tx, t, user, *res, rel,
                                      "referral:" + std::to_string(r.id.value), "inbox"))
          v.identity = consented(*id, r.consent.fields);
      }
    }
    out.push_back(std::move(v));
  }
  if (auto st = tx->commit(); !st) return st.error();  // no identity without its audit entry
  return out;
}

Status Referrals::answer(const User& user, ReferralId id, const ReferralAnswer& answer) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->referrals().get_referral(id);
  if (!r) return Error::not_found();
  if (!may_answer_referral(user, *r)) return Error::forbidden();
  const Timestamp t = now();
  if (auto st = apply_answer(*r, answer, t); !st) return st;
  tx->referrals().update_referral(*r);
  tx->referrals().retire_referral_tokens(r->id,
                                         t);  // answered: a link still out there shows nothing more
  note_referral_on_signal(*tx, *r, user.id, t);
  append_audit(*tx, t, &user, "change", r->resident_id, "referral:" + std::to_string(id.value),
               std::string(to_string(r->status)));
  return tx->commit();
}

Status Referrals::remind(const User& user, ReferralId id) {
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto r = tx->referrals().get_referral(id);
  if (!r) return Error::not_found();
  if (!accepted_peer(*tx, r->request_id, user.id) && !may_coordinate(user, r->wijk_id))
    return Error::forbidden();
  if (referral_answered(r->status)) return Error::conflict("error.referral.answered");
  // A new link only while the resident's consent is recent enough to act on.
  if (auto st = check_consent(r->consent, parse_date(format_date(now())).value_or(0)); !st)
    return st;
  if (r->to_email.empty()) return Error::invalid("error.referral.no_email");
  const Timestamp t = now();
  auto org = tx->admin().get_org(r->to_org);
  tx->referrals().retire_referral_tokens(r->id, t);
  mail_link(*tx, *r, org ? org->name : std::string(), t, ctx_.config.referral_link_days, true);
  r->reminded_at = t;
  tx->referrals().update_referral(*r);
  append_audit(*tx, t, &user, "change", r->resident_id, "referral:" + std::to_string(id.value),
               "reminder");
  return tx->commit();
}

Result<ReferralLinkView> Referrals::by_token(const std::string& token, bool reveal) {
  if (token.empty() || token.size() > 100) return Error::not_found();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  auto tok = tx->referrals().find_referral_token(token_digest(token));
  if (!tok) return Error::not_found();
  const Timestamp t = now();
  ReferralLinkView out;
  // Used or expired: the link says so and reveals nothing else.
  if (tok->used_at != 0) {
    out.used = true;
    return out;
  }
  if (t >= tok->expires_at) {
    out.expired = true;
    return out;
  }
  auto r = tx->referrals().get_referral(tok->referral_id);
  if (!r) return Error::not_found();
  if (r->status == ReferralStatus::kSent) {
    r->status = ReferralStatus::kReceived;
    r->updated_at = t;
    tx->referrals().update_referral(*r);
  }
  Lookups names(*tx);
  out.view = view_of(names, *r, t, ctx_.config.referral_response_days);
  out.view.may_answer = true;
  auto request = tx->brigade().get_request(r->request_id);
  out.may_reveal =
      r->consent.fields.any_identity() && request && !outcome_is_final(request->outcome);
  if (reveal && out.may_reveal) {
    if (auto full = open_identity(*ctx_.vault, *tx, r->resident_id)) {
      out.view.identity = consented(*full, r->consent.fields);
      append_audit(*tx, t, nullptr, "read_identity", r->resident_id,
                   "referral:" + std::to_string(r->id.value),
                   "referral_consent: one-time link for " + out.view.to_org_name);
    }
  }
  if (auto st = tx->commit(); !st) return st.error();  // no identity without its audit entry
  return out;
}

Status Referrals::answer_by_token(const std::string& token, const ReferralAnswer& answer) {
  if (token.empty() || token.size() > 100) return Error::not_found();
  auto tx = ctx_.store->begin(TxMode::kWrite);
  const std::string digest = token_digest(token);
  auto tok = tx->referrals().find_referral_token(digest);
  if (!tok) return Error::not_found();
  const Timestamp t = now();
  if (tok->used_at != 0) return Error::conflict("error.link.used");
  if (t >= tok->expires_at) return Error::conflict("error.link.expired");
  auto r = tx->referrals().get_referral(tok->referral_id);
  if (!r) return Error::not_found();
  if (auto st = apply_answer(*r, answer, t); !st) return st;
  if (!tx->referrals().use_referral_token(digest, t)) return Error::conflict("error.link.used");
  tx->referrals().update_referral(*r);
  note_referral_on_signal(*tx, *r, UserId(), t);
  append_audit(*tx, t, nullptr, "change", r->resident_id, "referral:" + std::to_string(r->id.value),
               std::string(to_string(r->status)) + " via one-time link");
  return tx->commit();
}

}  // namespace meedoen
