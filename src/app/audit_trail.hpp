// Appending to the audit trail, inside the use case's own transaction.
#pragma once

#include <string>

#include "domain/centres.hpp"
#include "domain/entities.hpp"
#include "domain/time.hpp"
#include "store/store.hpp"

namespace meedoen {

// Appends to the audit chain inside `tx` (privacy/audit_chain.hpp computes the hash).
// REQUIRES: tx is a write transaction.
void append_audit(Tx& tx, Timestamp at, const User* user, const std::string& event,
                  ResidentId resident, const std::string& object, const std::string& reason);
// The same for an actor that is no user (an integration's token): `label` says who it was.
void append_audit_labelled(Tx& tx, Timestamp at, const std::string& label, const std::string& event,
                           ResidentId resident, const std::string& object,
                           const std::string& reason);

// How the audit trail and the consents name a centre and a known visitor: "centre:3",
// "visitor:12" (a consent's recipient is one such reference).
std::string centre_ref(CentreId id);
std::string visitor_ref(VisitorId id);

}  // namespace meedoen
