#include "store/sql/signals_store.hpp"

#include <string>
#include <variant>
#include <vector>

#include "store/sql/rows.hpp"

namespace meedoen::sql {
namespace {

// The WHERE clause of a signal query, with its parameters in binding order.
struct SignalWhere {
  std::string sql = " WHERE 1 = 1";
  std::vector<std::variant<std::int64_t, std::string>> params;
};

// `on_counts`: for signal_counts (migration 6), which has the same wijk, state, meldcode and urgent
// columns and `linked` for "case_id IS NOT NULL"; only for filters without category, raiser,
// organisation, resident or code, which it cannot answer.
SignalWhere signal_where(const SignalFilter& f, bool on_counts = false) {
  SignalWhere w;
  auto add = [&](std::variant<std::int64_t, std::string> v) { w.params.push_back(std::move(v)); };
  if (f.wijk) {
    w.sql += " AND s.wijk_id = ?";
    add(std::int64_t{f.wijk->value});
  }
  if (!f.wijken.empty()) {
    w.sql += " AND s.wijk_id IN (";
    for (std::size_t i = 0; i < f.wijken.size(); ++i) {
      w.sql += i ? ", ?" : "?";
      add(std::int64_t{f.wijken[i].value});
    }
    w.sql += ")";
  }
  if (f.state) {
    w.sql += " AND s.state = ?";
    add(std::string(to_string(*f.state)));
  }
  if (f.open_only) w.sql += " AND s.state NOT IN ('closed', 'linked')";
  if (!f.include_linked) w.sql += on_counts ? " AND s.linked = 0" : " AND s.case_id IS NULL";
  if (!f.include_meldcode) w.sql += " AND s.meldcode = 0";
  if (f.urgent_only) w.sql += " AND s.urgent = 1";
  if (f.category) {
    w.sql +=
        " AND EXISTS (SELECT 1 FROM signal_categories c WHERE c.signal_id = s.id "
        "AND c.category_id = ?)";
    add(std::int64_t{f.category->value});
  }
  if (f.raised_by) {
    w.sql += " AND s.raised_by = ?";
    add(std::int64_t{f.raised_by->value});
  }
  if (f.org) {
    w.sql += " AND s.org_id = ?";
    add(std::int64_t{f.org->value});
  }
  if (f.resident) {
    w.sql += " AND s.resident_id = ?";
    add(std::int64_t{f.resident->value});
  }
  if (!f.code.empty()) {
    w.sql += " AND s.resident_id = (SELECT id FROM residents WHERE code = ?)";
    add(f.code);
  }
  return w;
}

// Binds the clause's parameters from 1; returns the last index bound.
int bind_where(Stmt& s, const SignalWhere& w) {
  int i = 0;
  for (const auto& p : w.params) std::visit([&](const auto& v) { s.bind(++i, v); }, p);
  return i;
}

constexpr const char* kSignalOrder = " ORDER BY s.urgent DESC, s.created_at DESC, s.id DESC";

}  // namespace

SignalId SqlSignals::insert_signal(const Signal& g) {
  std::optional<std::int64_t> buurt;
  if (g.buurt_id.valid()) buurt = g.buurt_id.value;
  SignalId id;
  {
    auto s = conn_->prepare(
        "INSERT INTO signals (resident_id, wijk_id, buurt_id, raised_by, org_id, description, "
        "urgent, state, meldcode, meldcode_weighed, case_id, regisseur, close_reason, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    s.bind_all(g.resident_id.value, g.wijk_id.value, buurt, g.raised_by.value, g.org_id.value,
               g.description, g.urgent, std::string(to_string(g.state)), g.meldcode,
               g.meldcode_weighed, raw(g.case_id), raw(g.regisseur), g.close_reason, g.created_at,
               g.updated_at);
    id = SignalId(*inserted_id(s));
  }
  for (auto c : g.categories) {
    auto s = conn_->prepare("INSERT INTO signal_categories (signal_id, category_id) VALUES (?, ?)");
    s.bind_all(id.value, c.value);
    s.exec();
  }
  return id;
}

std::optional<Signal> SqlSignals::get_signal(SignalId id) {
  auto s = conn_->prepare(std::string("SELECT ") + kSignalCols + " FROM signals s WHERE s.id = ?");
  s.bind_all(id.value);
  if (!s.step()) return std::nullopt;
  return read_signal(s);
}

std::vector<Signal> SqlSignals::get_signals(const std::vector<SignalId>& ids) {
  std::vector<Signal> out;
  for_ids(*conn_,
          std::string("SELECT ") + kSignalCols +
              " FROM json_each(?1) ids CROSS JOIN signals s ON s.id = ids.value",
          ids, kNoExtra, [&](const Stmt& s) { out.push_back(read_signal(s)); });
  return out;
}

void SqlSignals::update_signal(const Signal& g) {
  auto s = conn_->prepare(
      "UPDATE signals SET description = ?, urgent = ?, state = ?, meldcode = ?, "
      "meldcode_weighed = ?, case_id = ?, regisseur = ?, close_reason = ?, updated_at = ? "
      "WHERE id = ?");
  s.bind_all(g.description, g.urgent, std::string(to_string(g.state)), g.meldcode,
             g.meldcode_weighed, raw(g.case_id), raw(g.regisseur), g.close_reason, g.updated_at,
             g.id.value);
  s.exec();
}

std::vector<Signal> SqlSignals::select_signals(const SignalFilter& f,
                                               std::vector<Resident>* residents) {
  const SignalWhere w = signal_where(f);
  // Order and cut on the bare rows first (the covering index gives the order), then join the full
  // columns, the residents and the categories for the one page only: one statement, one row per
  // category. The page is put in list order here, so nothing rests on the join's row order.
  // With the residents, for a list page: then only what a list shows (see SignalPage), which
  // spares a page of 50 some 450 column reads and its texts.
  const std::string resident_cols = residents ? kResidentSummaryCols : "";
  const int cols = residents ? kSignalSummaryColCount : kSignalBaseColCount;
  auto s = conn_->prepare(
      std::string("SELECT ") + (residents ? kSignalSummaryCols : kSignalBaseCols) +
      ", c.category_id" + resident_cols + " FROM (SELECT s.id FROM signals s" + w.sql +
      kSignalOrder + " LIMIT ? OFFSET ?) p CROSS JOIN signals s ON s.id = p.id" +
      (residents ? " CROSS JOIN residents r ON r.id = s.resident_id" : "") +
      " LEFT JOIN signal_categories c ON c.signal_id = s.id");
  int i = bind_where(s, w);
  s.bind(++i, f.limit);
  s.bind(++i, f.offset);
  std::vector<Signal> out;
  out.reserve(static_cast<std::size_t>(std::clamp(f.limit, 0, 200)));
  while (s.step()) {
    // A signal's category rows come one after another: the categories are the innermost loop of
    // the join (a LEFT JOIN's right side always is, and CROSS JOIN fixes the order of the rest).
    if (out.empty() || out.back().id != SignalId(s.i64(0))) {
      out.push_back(residents ? read_signal_summary(s) : read_signal_base(s));
      if (residents)
        residents->push_back(read_resident_summary(s, out.back().resident_id, cols + 1));
    }
    if (!s.is_null(cols)) out.back().categories.emplace_back(s.i64(cols));
  }
  std::sort(out.begin(), out.end(), [](const Signal& a, const Signal& b) {
    return std::tuple(a.urgent, a.created_at, a.id.value) >
           std::tuple(b.urgent, b.created_at, b.id.value);
  });
  for (auto& g : out) std::sort(g.categories.begin(), g.categories.end());
  return out;
}

std::vector<Signal> SqlSignals::list_signals(const SignalFilter& f) {
  return select_signals(f, nullptr);
}

SignalPage SqlSignals::list_signal_page(const SignalFilter& f) {
  SignalPage page;
  page.signals = select_signals(f, &page.residents);
  return page;
}

int SqlSignals::count_signals(const SignalFilter& f) {
  // The usual filters are columns of signal_counts (migration 6): sum a few rows.
  if (!f.category && !f.raised_by && !f.org && !f.resident && f.code.empty()) {
    const SignalWhere w = signal_where(f, true);
    auto s = conn_->prepare("SELECT coalesce(sum(n), 0) FROM signal_counts s" + w.sql);
    bind_where(s, w);
    return s.step() ? s.i32(0) : 0;
  }
  const SignalWhere w = signal_where(f);
  auto s = conn_->prepare("SELECT count(*) FROM signals s" + w.sql);
  bind_where(s, w);
  return s.step() ? s.i32(0) : 0;
}

std::optional<Signal> SqlSignals::open_case_for_resident(ResidentId r) {
  auto s = conn_->prepare(std::string("SELECT ") + kSignalCols +
                          " FROM signals s WHERE s.resident_id = ? AND s.case_id IS NULL "
                          "AND s.state NOT IN ('closed', 'linked') ORDER BY s.id LIMIT 1");
  s.bind_all(r.value);
  if (!s.step()) return std::nullopt;
  return read_signal(s);
}

std::vector<Signal> SqlSignals::linked_signals(SignalId case_id) {
  auto s = conn_->prepare(std::string("SELECT ") + kSignalCols +
                          " FROM signals s WHERE s.case_id = ? ORDER BY s.created_at");
  s.bind_all(case_id.value);
  std::vector<Signal> out;
  while (s.step()) out.push_back(read_signal(s));
  return out;
}

bool SqlSignals::user_raised_signal_about(UserId user, ResidentId resident) {
  auto s = conn_->prepare("SELECT 1 FROM signals WHERE raised_by = ? AND resident_id = ? LIMIT 1");
  s.bind_all(user.value, resident.value);
  return s.step();
}

void SqlSignals::add_timeline(const TimelineEvent& e) {
  auto s = conn_->prepare(
      "INSERT INTO signal_timeline (signal_id, at, user_id, kind, text) VALUES (?, ?, ?, ?, ?)");
  s.bind_all(e.signal_id.value, e.at, e.user_id.value, e.kind, e.text);
  s.exec();
}

std::vector<TimelineEvent> SqlSignals::timeline(SignalId id) {
  auto s = conn_->prepare(
      "SELECT signal_id, at, user_id, kind, text FROM signal_timeline WHERE signal_id = ? "
      "ORDER BY at, id");
  s.bind_all(id.value);
  std::vector<TimelineEvent> out;
  while (s.step())
    out.push_back({SignalId(s.i64(0)), s.i64(1), UserId(s.i64(2)), s.text(3), s.text(4)});
  return out;
}

std::vector<MeldcodeStep> SqlSignals::meldcode_steps(SignalId id) {
  auto s = conn_->prepare(
      "SELECT step, date, rationale, user_id, recorded_at FROM meldcode_steps "
      "WHERE signal_id = ? ORDER BY step, id");
  s.bind_all(id.value);
  std::vector<MeldcodeStep> out;
  while (s.step()) out.push_back({s.i32(0), s.text(1), s.text(2), UserId(s.i64(3)), s.i64(4)});
  return out;
}

void SqlSignals::insert_meldcode_step(SignalId id, const MeldcodeStep& m) {
  auto s = conn_->prepare(
      "INSERT INTO meldcode_steps (signal_id, step, date, rationale, user_id, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  s.bind_all(id.value, m.step, m.date, m.rationale, m.by.value, m.recorded_at);
  s.exec();
}

}  // namespace meedoen::sql
