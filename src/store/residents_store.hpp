// Residents by pseudonym, and the identity vault's sealed storage.
// One area of the store, reached from a transaction as tx.residents().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/entities.hpp"

namespace meedoen {

// Identifying fields, sealed by the vault. Keys are field names ("name", "address", ...).
using SealedIdentity = std::map<std::string, std::vector<unsigned char>>;

class ResidentsStore {
 public:
  virtual ~ResidentsStore() = default;

  // One sealed field, to test a key against; nullopt when the vault holds nothing yet.
  struct SealedSample {
    ResidentId resident;
    std::string field;
    std::vector<unsigned char> sealed;
  };

  virtual ResidentId insert_resident(const Resident& r) = 0;
  virtual std::optional<Resident> get_resident(ResidentId id) = 0;
  // The residents with these ids, in no particular order; unknown ids are left out.
  virtual std::vector<Resident> get_residents(const std::vector<ResidentId>& ids) = 0;
  virtual std::optional<Resident> find_resident_by_code(const std::string& code) = 0;
  // Writes the fields given and leaves the others; a field given empty is removed.
  virtual void put_identity(ResidentId id, const SealedIdentity& sealed) = 0;
  virtual SealedIdentity get_identity(ResidentId id) = 0;
  // Replaces the resident's tokens.
  virtual void put_name_tokens(ResidentId id, const std::vector<std::string>& tokens) = 0;
  // Residents of `wijk` with any of the given name tokens (one with several of them may come more
  // than once).
  virtual std::vector<ResidentId> residents_with_name_tokens(
      WijkId wijk, const std::vector<std::string>& tokens) = 0;
  // The identity vault's key check value (see Vault::key_check); nullopt before it is set.
  virtual std::optional<std::vector<unsigned char>> vault_key_check() = 0;
  virtual void set_vault_key_check(const std::vector<unsigned char>& check, Timestamp at) = 0;
  virtual std::optional<SealedSample> any_sealed_field() = 0;
};

}  // namespace meedoen
