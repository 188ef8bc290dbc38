#include "store/postgres/connection.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace meedoen::postgres {
namespace {

constexpr Oid kInt8 = 20;
constexpr Oid kText = 25;
constexpr Oid kBytea = 17;

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

class Translator {
 public:
  explicit Translator(std::string_view in) : in_(in) {}

  std::string run() { return until(in_.size()); }

 private:
  // Translates in_[pos_, end).
  std::string until(std::size_t end) {
    std::string out;
    out.reserve(end - pos_ + 16);
    while (pos_ < end) {
      const char c = in_[pos_];
      if (c == '\'' || c == '"') {
        copy_quoted(out, c);
      } else if (at("json_each(?1) ids")) {
        out += "unnest(CAST($1 AS bigint[])) AS ids(value)";
        max_ = std::max(max_, 1);
        pos_ += std::strlen("json_each(?1) ids");
      } else if (at_word("CROSS JOIN ")) {
        out += "JOIN ";
        pos_ += std::strlen("CROSS JOIN ");
      } else if (at_word("group_concat(")) {
        pos_ += std::strlen("group_concat(");
        const std::size_t close = matching_paren(pos_);
        out += "string_agg(CAST(" + until(close) + " AS text), ',')";
        pos_ = close + 1;
      } else if (c == '?') {
        ++pos_;
        int n = 0;
        const auto [next, ec] = std::from_chars(in_.data() + pos_, in_.data() + end, n);
        if (ec == std::errc() && n > 0) {
          pos_ = static_cast<std::size_t>(next - in_.data());
        } else {
          n = max_ + 1;
        }
        max_ = std::max(max_, n);
        out += '$' + std::to_string(n);
      } else {
        out += c;
        ++pos_;
      }
    }
    return out;
  }

  bool at(std::string_view s) const { return in_.substr(pos_, s.size()) == s; }
  bool at_word(std::string_view s) const {
    return at(s) && (pos_ == 0 || !ident_char(in_[pos_ - 1]));
  }

  void copy_quoted(std::string& out, char quote) {
    out += in_[pos_++];
    while (pos_ < in_.size()) {
      const char c = in_[pos_++];
      out += c;
      if (c == quote) {
        if (pos_ < in_.size() && in_[pos_] == quote) {
          out += in_[pos_++];  // '' inside a string
          continue;
        }
        return;
      }
    }
    throw sql::DbError("unterminated quote in SQL: " + std::string(in_.substr(0, 60)));
  }

  std::size_t matching_paren(std::size_t from) const {
    int depth = 1;
    char quote = 0;
    for (std::size_t i = from; i < in_.size(); ++i) {
      const char c = in_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    throw sql::DbError("unbalanced parentheses in SQL: " + std::string(in_.substr(0, 60)));
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  int max_ = 0;
};

// The number of parameters ($1 ... $N) in translated SQL, for the statement's parameter array.
int parameter_count(std::string_view sql) {
  int max = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$') {
      int n = 0;
      const auto [next, ec] = std::from_chars(sql.data() + i + 1, sql.data() + sql.size(), n);
      if (ec == std::errc()) {
        max = std::max(max, n);
        i = static_cast<std::size_t>(next - sql.data()) - 1;
      }
    }
  }
  return max;
}

}  // namespace

std::string translate(std::string_view sql) { return Translator(sql).run(); }

void fail(PGconn* conn, PGresult* result, const std::string& what) {
  // The primary message only: its DETAIL may quote a value ("Key (username)=(…) already exists"),
  // and the message reaches the log.
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string detail = primary ? primary : "";
  if (detail.empty() && conn) detail = PQerrorMessage(conn);
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  PQclear(result);
  std::string msg = what + ": " + detail;
  if (!code.empty()) msg += " (" + code + ")";
  const bool lost = conn && PQstatus(conn) != CONNECTION_OK;
  // 08: connection exception; 53: insufficient resources (disk full, too many connections); 57:
  // operator intervention (shutdown, cancelled); 55P03: lock not available within lock_timeout;
  // 40001 and 40P01: serialization failure and deadlock, which a retry may pass.
  const bool passing = code.empty() || code.rfind("08", 0) == 0 || code.rfind("53", 0) == 0 ||
                       code.rfind("57", 0) == 0 || code == "55P03" || code == "40001" ||
                       code == "40P01";
  if (lost || passing) throw Unavailable(std::move(msg));
  throw sql::DbError(std::move(msg));
}

// ---- PgStatement ----------------------------------------------------------------------------

PgStatement::PgStatement(PgConnection& conn, std::string sql)
    : conn_(conn), sql_(std::move(sql)), params_(static_cast<std::size_t>(parameter_count(sql_))) {}

PgStatement::~PgStatement() { PQclear(result_); }

PgStatement::Param& PgStatement::param(int i) {
  if (i < 1 || i > static_cast<int>(params_.size()))
    throw sql::DbError("parameter " + std::to_string(i) +
                       " out of range in: " + sql_.substr(0, 60));
  return params_[static_cast<std::size_t>(i - 1)];
}

void PgStatement::bind_i64(int i, std::int64_t v) {
  auto& p = param(i);
  p = {kInt8, false, false, std::to_string(v)};
}

void PgStatement::bind_text(int i, std::string_view v) {
  auto& p = param(i);
  p = {kText, false, false, std::string(v)};
}

void PgStatement::bind_blob(int i, const std::vector<unsigned char>& v) {
  auto& p = param(i);
  p = {kBytea, false, true, std::string(v.begin(), v.end())};
}

void PgStatement::bind_null(int i) { param(i) = Param{}; }

const std::string& PgStatement::prepared_for(const std::string& types) {
  auto it = prepared_.find(types);
  if (it != prepared_.end()) return it->second;
  std::vector<Oid> oids;
  oids.reserve(params_.size());
  for (const auto& p : params_) oids.push_back(p.type);
  std::string name = conn_.next_name();
  PGresult* r = PQprepare(conn_.conn_, name.c_str(), sql_.c_str(), static_cast<int>(oids.size()),
                          oids.data());
  if (PQresultStatus(r) != PGRES_COMMAND_OK)
    fail(conn_.conn_, r, "postgres prepare (" + sql_.substr(0, 60) + ")");
  PQclear(r);
  return prepared_.emplace(types, std::move(name)).first->second;
}

bool PgStatement::step() {
  if (result_) return ++row_ < PQntuples(result_);
  std::string types;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  for (const auto& p : params_) {
    types += std::to_string(p.type) + ",";
    values.push_back(p.null ? nullptr : p.value.data());
    lengths.push_back(static_cast<int>(p.value.size()));
    formats.push_back(p.binary ? 1 : 0);
  }
  const std::string& name = prepared_for(types);
  PGresult* r = PQexecPrepared(conn_.conn_, name.c_str(), static_cast<int>(values.size()),
                               values.data(), lengths.data(), formats.data(), 0);
  const auto status = PQresultStatus(r);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    fail(conn_.conn_, r, "postgres step (" + sql_.substr(0, 60) + ")");
  const char* tuples = PQcmdTuples(r);
  conn_.changes_ = *tuples ? std::atoi(tuples) : 0;
  result_ = r;
  row_ = 0;
  return PQntuples(result_) > 0;
}

std::int64_t PgStatement::i64(int col) const {
  if (PQgetisnull(result_, row_, col)) return 0;
  const char* v = PQgetvalue(result_, row_, col);
  if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean expression
  if (v[0] == 'f' && v[1] == '\0') return 0;
  std::int64_t out = 0;
  std::from_chars(v, v + std::strlen(v), out);
  return out;
}

bool PgStatement::is_null(int col) const { return PQgetisnull(result_, row_, col) != 0; }

std::string_view PgStatement::view(int col) const {
  return {PQgetvalue(result_, row_, col),
          static_cast<std::size_t>(PQgetlength(result_, row_, col))};
}

std::vector<unsigned char> PgStatement::blob(int col) const {
  if (PQgetisnull(result_, row_, col)) return {};
  std::size_t n = 0;
  unsigned char* bytes =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, col)), &n);
  if (!bytes) throw sql::DbError("postgres: cannot read a bytea value");
  std::vector<unsigned char> out(bytes, bytes + n);
  PQfreemem(bytes);
  return out;
}

void PgStatement::reset() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  for (auto& p : params_) p = Param{};
}

// ---- PgConnection ---------------------------------------------------------------------------

PgConnection::PgConnection(const std::string& url, int lock_timeout_ms,
                           std::function<void(std::string_view)> before_statement)
    : before_statement_(std::move(before_statement)) {
  conn_ = PQconnectdb(url.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw Unavailable("cannot connect to PostgreSQL: " + msg);
  }
  // Notices (a DDL's "already exists, skipping") would go to stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  PQclear(run("SET lock_timeout = " + std::to_string(lock_timeout_ms) +
              "; SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'"));
}

PgConnection::~PgConnection() {
  cache_.clear();
  PQfinish(conn_);
}

PGresult* PgConnection::run(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail(conn_, r, "postgres exec (" + sql.substr(0, 60) + ")");
  return r;
}

sql::Stmt PgConnection::prepare(const std::string& sql) {
  if (before_statement_ && sql != "ROLLBACK") before_statement_(sql);
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto translated = translate(sql);
    auto stmt = std::make_unique<PgStatement>(*this, translated);
    it = cache_.emplace(sql, std::move(stmt)).first;
  }
  return sql::Stmt(*it->second);
}

void PgConnection::exec(const std::string& sql) { PQclear(run(sql)); }

bool PgConnection::idle() const { return PQtransactionStatus(conn_) == PQTRANS_IDLE; }

void PgConnection::begin(TxMode mode) {
  const std::string sql =
      mode == TxMode::kWrite
          ? "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(" +
                std::to_string(kWriteLock) + ")"
          : std::string("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (before_statement_) before_statement_(sql);
  PQclear(run(sql));
}

void PgConnection::commit() {
  if (before_statement_) before_statement_("COMMIT");
  PGresult* r = run("COMMIT");
  // A transaction that had failed ends in ROLLBACK, without an error of its own.
  const bool rolled_back = std::strcmp(PQcmdStatus(r), "ROLLBACK") == 0;
  PQclear(r);
  if (rolled_back) throw sql::DbError("postgres commit: the transaction had failed; rolled back");
}

void PgConnection::rollback() { PQclear(run("ROLLBACK")); }

}  // namespace meedoen::postgres
