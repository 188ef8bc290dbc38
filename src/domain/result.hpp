// Expected failures as values: bad input, not found, not allowed, conflicts. The message is a key
// in the message catalogue (messages/nl.po), so the web layer can show it in the user's language.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace meedoen {

enum class ErrorKind {
  kInvalid,
  kNotFound,
  kForbidden,
  kConflict,
  kUnauthenticated,
  kTooMany,
  kInternal
};

struct Error {
  Error(ErrorKind k = ErrorKind::kInvalid, std::string key = {}, std::string f = {},
        std::string d = {})
      : kind(k), message_key(std::move(key)), field(std::move(f)), detail(std::move(d)) {}

  ErrorKind kind = ErrorKind::kInvalid;
  std::string message_key;  // e.g. "error.signal.description_required"
  std::string field;        // the form field it concerns, empty when it concerns the whole form
  std::string detail;       // an argument for the message (a number, a date); never personal data
  // When several fields are wrong at once: each of them with its message key (the first one is
  // also `field` and `message_key`), so a form can name them all in one go.
  std::vector<std::pair<std::string, std::string>> fields;

  static Error invalid(std::string key, std::string field = {}) {
    return {ErrorKind::kInvalid, std::move(key), std::move(field), {}};
  }
  // Every (field, message key) of `problems`, or Ok when there are none.
  static Error invalid_fields(std::vector<std::pair<std::string, std::string>> problems) {
    Error e{ErrorKind::kInvalid, problems.front().second, problems.front().first, {}};
    e.fields = std::move(problems);
    return e;
  }
  static Error not_found() { return {ErrorKind::kNotFound, "error.not_found", {}, {}}; }
  static Error forbidden() { return {ErrorKind::kForbidden, "error.forbidden", {}, {}}; }
  static Error conflict(std::string key) { return {ErrorKind::kConflict, std::move(key), {}, {}}; }
};

// Thrown by a store when the database cannot serve for a moment: its write lock is held longer than
// the busy timeout, no connection came free in time, the disk is full or the file is read-only.
// Nothing of the use case was saved (its transaction rolled back). The request boundary answers 503
// with Retry-After, and keeps what the person typed; the message (for the log) never holds
// personal data.
class Unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Result<T> holds either a value or an Error. Result<void> is spelled Status.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // REQUIRES: ok()
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  // REQUIRES: !ok()
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}
  static Status Ok() { return {}; }
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace meedoen
