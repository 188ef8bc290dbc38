// The signals store's contract: signals, their lists and counts, timeline and meldcode steps
// (store/signals_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const Signal& s) {
  return std::tie(s.id, s.resident_id, s.wijk_id, s.buurt_id, s.raised_by, s.org_id, s.description,
                  s.urgent, s.state, s.meldcode, s.meldcode_weighed, s.case_id, s.regisseur,
                  s.close_reason, s.created_at, s.updated_at, s.categories);
}

auto fields(const TimelineEvent& e) {
  return std::tie(e.signal_id, e.at, e.user_id, e.kind, e.text);
}

auto fields(const MeldcodeStep& m) {
  return std::tie(m.step, m.date, m.rationale, m.by, m.recorded_at);
}

// The order of a signal's categories is not promised.
Signal with_sorted_categories(Signal s) {
  s.categories = sorted(s.categories);
  return s;
}

SignalFilter everything() {
  SignalFilter f;
  f.include_linked = true;
  f.include_meldcode = true;
  f.limit = 1000;
  return f;
}

class SignalsStoreContract : public StoreContract {
 protected:
  // Two wijken with a mix of every kind of signal the filters tell apart, committed.
  struct Mix {
    World w;
    WijkId stevenshof;
    UserId agent;
    OrgId politie;
    ResidentId other;  // a second resident of w.wijk
    CategoryId eenzaam, geweld;
    SignalId plain, urgent, discussed, closed, meldcode, linked, by_agent, in_stevenshof;
  };

  Mix mix() {
    return committed([](Tx& tx) {
      Mix m;
      m.w = add_world(tx);
      m.stevenshof = add_wijk(tx, "Stevenshof");
      m.politie = add_org(tx, "Politie Leiden", "police");
      m.agent = add_user(tx, "agent", Role::kMember, m.politie, {m.w.wijk, m.stevenshof});
      m.other = add_resident(tx, "R-4MNP", m.w.wijk);
      m.eenzaam = tx.admin().insert_category({CategoryId(), m.w.wijk, "Eenzaam", false, true});
      m.geweld = tx.admin().insert_category({CategoryId(), m.w.wijk, "Geweld", true, true});
      auto add = [&](Timestamp at, auto change) {
        Signal s = signal_of(m.w.resident, m.w.wijk, m.w.user, m.w.org, at);
        change(s);
        return tx.signals().insert_signal(s);
      };
      m.plain = add(kT0, [&](Signal& s) { s.categories = {m.eenzaam}; });
      m.urgent = add(kT0 + 10, [](Signal& s) { s.urgent = true; });
      m.discussed = add(kT0 + 20, [](Signal& s) { s.state = SignalState::kDiscussed; });
      m.closed = add(kT0 + 30, [](Signal& s) {
        s.state = SignalState::kClosed;
        s.close_reason = "Verhuisd";
      });
      m.meldcode = add(kT0 + 40, [&](Signal& s) {
        s.meldcode = true;
        s.categories = {m.geweld, m.eenzaam};
      });
      m.linked = add(kT0 + 50, [&](Signal& s) {
        s.state = SignalState::kLinked;
        s.case_id = m.plain;
      });
      m.by_agent = add(kT0 + 60, [&](Signal& s) {
        s.raised_by = m.agent;
        s.org_id = m.politie;
        s.resident_id = m.other;
        s.urgent = true;
      });
      m.in_stevenshof = add(kT0 + 70, [&](Signal& s) {
        s.wijk_id = m.stevenshof;
        s.resident_id = add_resident(tx, "R-5QRS", m.stevenshof);
      });
      return m;
    });
  }

  // The count the store keeps must be the number of signals its list selects, for any filter.
  static void expect_count_matches_list(Tx& tx, SignalFilter f, const std::string& what) {
    f.limit = 1000;
    EXPECT_EQ(tx.signals().count_signals(f), static_cast<int>(tx.signals().list_signals(f).size()))
        << what;
  }

  void expect_counts_match_lists(const Mix& m) {
    auto tx = read();
    std::vector<std::pair<std::string, SignalFilter>> filters;
    auto add = [&](const std::string& what, auto change) {
      SignalFilter f;
      change(f);
      filters.emplace_back(what, f);
      f.include_linked = f.include_meldcode = true;
      filters.emplace_back(what + ", linked and meldcode too", f);
    };
    add("all", [](SignalFilter&) {});
    add("wijk", [&](SignalFilter& f) { f.wijk = m.w.wijk; });
    add("wijken", [&](SignalFilter& f) { f.wijken = {m.w.wijk, m.stevenshof}; });
    add("state", [](SignalFilter& f) { f.state = SignalState::kNew; });
    add("open", [](SignalFilter& f) { f.open_only = true; });
    add("urgent", [&](SignalFilter& f) { f.urgent_only = true; });
    add("wijk, open, urgent", [&](SignalFilter& f) {
      f.wijk = m.w.wijk;
      f.open_only = f.urgent_only = true;
    });
    add("category", [&](SignalFilter& f) { f.category = m.eenzaam; });
    add("raised_by", [&](SignalFilter& f) { f.raised_by = m.agent; });
    add("org", [&](SignalFilter& f) { f.org = m.w.org; });
    add("resident", [&](SignalFilter& f) { f.resident = m.w.resident; });
    add("code", [](SignalFilter& f) { f.code = "R-4MNP"; });
    for (const auto& [what, f] : filters) expect_count_matches_list(*tx, f, what);
  }
};

TEST_P(SignalsStoreContract, ASignalIsReadBackWithEveryField) {
  const World w = world();
  Signal s = signal_of(w.resident, w.wijk, w.user, w.org, kT0);
  committed([&](Tx& tx) {
    const SignalId first = add_signal(tx, w);
    const CategoryId a = tx.admin().insert_category({CategoryId(), w.wijk, "Eenzaam", false, true});
    const CategoryId b = tx.admin().insert_category({CategoryId(), w.wijk, "Geweld", true, true});
    s.buurt_id = w.buurt;
    s.urgent = true;
    s.state = SignalState::kDiscussed;
    s.meldcode = s.meldcode_weighed = true;
    s.case_id = first;
    s.regisseur = w.user;
    s.close_reason = "nog open";
    s.updated_at = kT0 + 99;
    s.categories = {b, a};
    s.id = tx.signals().insert_signal(s);
  });
  auto tx = read();
  auto got = tx->signals().get_signal(s.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(fields(with_sorted_categories(*got)), fields(with_sorted_categories(s)));
  auto many = tx->signals().get_signals({s.id});
  ASSERT_EQ(many.size(), 1u);
  EXPECT_EQ(fields(with_sorted_categories(many[0])), fields(with_sorted_categories(s)));
}

TEST_P(SignalsStoreContract, UnknownSignalsAreNotFoundOrLeftOut) {
  const World w = world();
  const SignalId id = committed([&](Tx& tx) { return add_signal(tx, w); });
  auto tx = read();
  EXPECT_FALSE(tx->signals().get_signal(SignalId(id.value + 1)));
  EXPECT_EQ(ids_of(tx->signals().get_signals({SignalId(id.value + 1), id, id})),
            std::vector<SignalId>{id});
  EXPECT_TRUE(tx->signals().get_signals({}).empty());
  EXPECT_TRUE(tx->signals().timeline(SignalId(id.value + 1)).empty());
  EXPECT_TRUE(tx->signals().linked_signals(id).empty());
}

TEST_P(SignalsStoreContract, AnUpdateChangesTheCaseButNotWhoRaisedItAboutWhomWhereOrWhen) {
  const Mix m = mix();
  Signal want;
  {
    auto tx = write();
    const Signal before = *tx->signals().get_signal(m.plain);
    Signal s = before;
    s.resident_id = m.other;
    s.wijk_id = m.stevenshof;
    s.buurt_id = BuurtId();
    s.raised_by = m.agent;
    s.org_id = m.politie;
    s.created_at = kT0 + 500;
    s.categories = {m.geweld};
    s.description = "Bijgewerkt";
    s.urgent = true;
    s.state = SignalState::kLinked;
    s.meldcode = s.meldcode_weighed = true;
    s.case_id = m.discussed;
    s.regisseur = m.agent;
    s.close_reason = "reden";
    s.updated_at = kT0 + 600;
    tx->signals().update_signal(s);
    ASSERT_TRUE(tx->commit().ok());
    want = before;
    want.description = s.description;
    want.urgent = want.meldcode = want.meldcode_weighed = true;
    want.state = s.state;
    want.case_id = s.case_id;
    want.regisseur = s.regisseur;
    want.close_reason = s.close_reason;
    want.updated_at = s.updated_at;
  }
  auto tx = read();
  EXPECT_EQ(fields(with_sorted_categories(*tx->signals().get_signal(m.plain))),
            fields(with_sorted_categories(want)));
}

TEST_P(SignalsStoreContract, AListIsUrgentFirstThenNewestFirst) {
  const Mix m = mix();
  SignalId same_second;
  committed([&](Tx& tx) {
    // Raised in the same second as `plain`, and later: newer.
    same_second = add_signal(tx, m.w, kT0);
  });
  SignalFilter f;
  f.wijk = m.w.wijk;
  EXPECT_EQ(
      ids_of(read()->signals().list_signals(f)),
      (std::vector<SignalId>{m.by_agent, m.urgent, m.closed, m.discussed, same_second, m.plain}));
}

TEST_P(SignalsStoreContract, AListShowsOnlyTheWijkAskedFor) {
  const Mix m = mix();
  auto tx = read();
  SignalFilter f;
  f.wijk = m.stevenshof;
  EXPECT_EQ(ids_of(tx->signals().list_signals(f)), std::vector<SignalId>{m.in_stevenshof});
  // The viewer's wijken restrict whatever else is asked.
  f.wijken = {m.w.wijk};
  EXPECT_TRUE(tx->signals().list_signals(f).empty());
  f.wijk.reset();
  EXPECT_EQ(sorted(ids_of(tx->signals().list_signals(f))),
            sorted(std::vector<SignalId>{m.plain, m.urgent, m.discussed, m.closed, m.by_agent}));
  f.wijken = {m.stevenshof, m.w.wijk};
  EXPECT_EQ(tx->signals().list_signals(f).size(), 6u);
}

TEST_P(SignalsStoreContract, LinkedAndMeldcodeSignalsAreListedOnlyWhenAskedFor) {
  const Mix m = mix();
  auto tx = read();
  SignalFilter f;
  f.wijk = m.w.wijk;
  auto ids = ids_of(tx->signals().list_signals(f));
  EXPECT_EQ(std::count(ids.begin(), ids.end(), m.linked), 0);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), m.meldcode), 0);
  f.include_linked = true;
  ids = ids_of(tx->signals().list_signals(f));
  EXPECT_EQ(std::count(ids.begin(), ids.end(), m.linked), 1);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), m.meldcode), 0);
  f.include_linked = false;
  f.include_meldcode = true;
  ids = ids_of(tx->signals().list_signals(f));
  EXPECT_EQ(std::count(ids.begin(), ids.end(), m.linked), 0);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), m.meldcode), 1);
}

TEST_P(SignalsStoreContract, EachFilterSelectsWhatItNames) {
  const Mix m = mix();
  auto tx = read();
  auto list = [&](auto change) {
    SignalFilter f = everything();
    change(f);
    return sorted(ids_of(tx->signals().list_signals(f)));
  };
  using V = std::vector<SignalId>;
  EXPECT_EQ(list([](SignalFilter& f) { f.state = SignalState::kDiscussed; }), V{m.discussed});
  EXPECT_EQ(list([](SignalFilter& f) { f.urgent_only = true; }), sorted(V{m.urgent, m.by_agent}));
  EXPECT_EQ(list([&](SignalFilter& f) { f.category = m.eenzaam; }), sorted(V{m.plain, m.meldcode}));
  EXPECT_EQ(list([&](SignalFilter& f) { f.raised_by = m.agent; }), V{m.by_agent});
  EXPECT_EQ(list([&](SignalFilter& f) { f.org = m.politie; }), V{m.by_agent});
  EXPECT_EQ(list([&](SignalFilter& f) { f.resident = m.other; }), V{m.by_agent});
  EXPECT_EQ(list([](SignalFilter& f) { f.code = "R-4MNP"; }), V{m.by_agent});
  EXPECT_EQ(list([](SignalFilter& f) { f.code = "R-ZZZZ"; }), V{});
  // Open: neither closed nor linked.
  EXPECT_EQ(list([&](SignalFilter& f) {
              f.open_only = true;
              f.wijk = m.w.wijk;
            }),
            sorted(V{m.plain, m.urgent, m.discussed, m.meldcode, m.by_agent}));
}

TEST_P(SignalsStoreContract, LimitAndOffsetPageThroughTheListInOrder) {
  mix();
  auto tx = read();
  SignalFilter f = everything();
  const auto all = ids_of(tx->signals().list_signals(f));
  ASSERT_EQ(all.size(), 8u);
  f.limit = 3;
  f.offset = 3;
  EXPECT_EQ(ids_of(tx->signals().list_signals(f)),
            std::vector<SignalId>(all.begin() + 3, all.begin() + 6));
  f.offset = 7;
  EXPECT_EQ(ids_of(tx->signals().list_signals(f)), std::vector<SignalId>{all.back()});
  // The count is of the whole selection, not of one page.
  EXPECT_EQ(tx->signals().count_signals(f), 8);
}

TEST_P(SignalsStoreContract, AListPageHasWhatAListShowsAndEachSignalsResident) {
  const Mix m = mix();
  auto tx = read();
  SignalFilter f;
  f.wijk = m.w.wijk;
  f.include_meldcode = true;
  const auto full = tx->signals().list_signals(f);
  const SignalPage page = tx->signals().list_signal_page(f);
  ASSERT_EQ(ids_of(page.signals), ids_of(full));
  for (std::size_t i = 0; i < full.size(); ++i) {
    const Signal& a = page.signals[i];
    const Signal& b = full[i];
    EXPECT_EQ(
        std::tie(a.resident_id, a.wijk_id, a.org_id, a.urgent, a.state, a.meldcode, a.created_at),
        std::tie(b.resident_id, b.wijk_id, b.org_id, b.urgent, b.state, b.meldcode, b.created_at));
    EXPECT_EQ(sorted(a.categories), sorted(b.categories));
  }
  std::vector<ResidentId> wanted, got;
  for (const auto& s : page.signals) wanted.push_back(s.resident_id);
  for (const auto& r : page.residents) {
    got.push_back(r.id);
    const auto stored = *tx->residents().get_resident(r.id);
    EXPECT_EQ(
        std::tie(r.code, r.wijk_id, r.buurt_id, r.gender, r.age_band),
        std::tie(stored.code, stored.wijk_id, stored.buurt_id, stored.gender, stored.age_band));
  }
  wanted = sorted(wanted);
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  got = sorted(got);
  got.erase(std::unique(got.begin(), got.end()), got.end());
  EXPECT_EQ(got, wanted);
}

TEST_P(SignalsStoreContract, CountsMatchTheListForEveryFilter) { expect_counts_match_lists(mix()); }

TEST_P(SignalsStoreContract, CountsStayRightWhenSignalsChangeStateUrgencyTrackOrCase) {
  const Mix m = mix();
  committed([&](Tx& tx) {
    for (SignalId id : {m.plain, m.urgent, m.meldcode, m.linked}) {
      Signal s = *tx.signals().get_signal(id);
      s.urgent = !s.urgent;
      s.meldcode = !s.meldcode;
      s.state = s.case_id ? SignalState::kNew : SignalState::kOnAgenda;
      s.case_id = s.case_id ? std::nullopt : std::optional<SignalId>(m.discussed);
      tx.signals().update_signal(s);
    }
  });
  expect_counts_match_lists(m);
  {
    auto tx = write();  // rolled back: the counts must not keep it
    tx->signals().insert_signal(signal_of(m.w.resident, m.w.wijk, m.w.user, m.w.org));
    Signal s = *tx->signals().get_signal(m.discussed);
    s.state = SignalState::kClosed;
    tx->signals().update_signal(s);
  }
  expect_counts_match_lists(m);
  SignalFilter f;
  f.wijk = m.w.wijk;
  f.state = SignalState::kDiscussed;
  EXPECT_EQ(read()->signals().count_signals(f), 1);
}

TEST_P(SignalsStoreContract, TheOpenCaseIsTheOldestOpenSignalNotLinkedToAnother) {
  const Mix m = mix();
  auto tx = read();
  EXPECT_EQ(tx->signals().open_case_for_resident(m.w.resident)->id, m.plain);
  EXPECT_EQ(tx->signals().open_case_for_resident(m.other)->id, m.by_agent);
  tx.reset();  // one transaction at a time
  committed([&](Tx& tx) {
    for (SignalId id : {m.plain, m.urgent, m.discussed, m.meldcode}) {
      Signal s = *tx.signals().get_signal(id);
      s.state = SignalState::kClosed;
      tx.signals().update_signal(s);
    }
  });
  // Left: closed ones and one linked to a closed case.
  EXPECT_FALSE(read()->signals().open_case_for_resident(m.w.resident));
}

TEST_P(SignalsStoreContract, LinkedSignalsAreThoseOfTheCaseOldestFirst) {
  const Mix m = mix();
  const SignalId later = committed([&](Tx& tx) {
    Signal s = signal_of(m.other, m.w.wijk, m.agent, m.politie, kT0 + 45);
    s.state = SignalState::kLinked;
    s.case_id = m.plain;
    return tx.signals().insert_signal(s);
  });
  auto tx = read();
  EXPECT_EQ(ids_of(tx->signals().linked_signals(m.plain)),
            (std::vector<SignalId>{later, m.linked}));
  EXPECT_TRUE(tx->signals().linked_signals(m.urgent).empty());
}

TEST_P(SignalsStoreContract, WhoRaisedASignalAboutWhom) {
  const Mix m = mix();
  auto tx = read();
  EXPECT_TRUE(tx->signals().user_raised_signal_about(m.agent, m.other));
  EXPECT_FALSE(tx->signals().user_raised_signal_about(m.agent, m.w.resident));
  EXPECT_TRUE(tx->signals().user_raised_signal_about(m.w.user, m.w.resident));
  EXPECT_FALSE(tx->signals().user_raised_signal_about(m.w.user, m.other));
}

TEST_P(SignalsStoreContract, TheTimelineIsTheSignalsEventsInTimeThenInTheOrderAdded) {
  const Mix m = mix();
  const TimelineEvent raised{m.plain, kT0, m.w.user, "raised", ""};
  const TimelineEvent agenda{m.plain, kT0 + 100, m.w.user, "on_agenda", "Overleg 1 december"};
  const TimelineEvent discussed{m.plain, kT0 + 100, m.agent, "discussed", "Vinger aan de pols"};
  committed([&](Tx& tx) {
    tx.signals().add_timeline(agenda);
    tx.signals().add_timeline(discussed);
    tx.signals().add_timeline(raised);
    tx.signals().add_timeline({m.urgent, kT0 + 1, m.w.user, "raised", ""});
  });
  const auto events = read()->signals().timeline(m.plain);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(fields(events[0]), fields(raised));
  EXPECT_EQ(fields(events[1]), fields(agenda));
  EXPECT_EQ(fields(events[2]), fields(discussed));
}

TEST_P(SignalsStoreContract, MeldcodeStepsComeInStepOrder) {
  const Mix m = mix();
  const MeldcodeStep map{1, "2026-11-23", "Signalen in kaart gebracht", m.w.user, kT0};
  const MeldcodeStep ask{2, "2026-11-24", "Veilig Thuis geraadpleegd", m.w.user, kT0 + kDay};
  const MeldcodeStep ask_again{2, "2026-11-25", "Opnieuw geraadpleegd", m.agent, kT0 + 2 * kDay};
  committed([&](Tx& tx) {
    tx.signals().insert_meldcode_step(m.meldcode, ask);
    tx.signals().insert_meldcode_step(m.meldcode, map);
    tx.signals().insert_meldcode_step(m.meldcode, ask_again);
  });
  auto tx = read();
  const auto steps = tx->signals().meldcode_steps(m.meldcode);
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(fields(steps[0]), fields(map));
  EXPECT_EQ(fields(steps[1]), fields(ask));
  EXPECT_EQ(fields(steps[2]), fields(ask_again));
  EXPECT_TRUE(tx->signals().meldcode_steps(m.plain).empty());
}

TEST_P(SignalsStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const World w = world();
  const SignalId kept = committed([&](Tx& tx) { return add_signal(tx, w); });
  SignalId lost;
  {
    auto tx = write();
    lost = add_signal(*tx, w);
    tx->signals().add_timeline({kept, kT0, w.user, "raised", ""});
    tx->signals().insert_meldcode_step(kept, {1, "2026-11-23", "r", w.user, kT0});
  }
  auto tx = read();
  EXPECT_FALSE(tx->signals().get_signal(lost));
  EXPECT_EQ(tx->signals().count_signals({}), 1);
  EXPECT_TRUE(tx->signals().timeline(kept).empty());
  EXPECT_TRUE(tx->signals().meldcode_steps(kept).empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(SignalsStoreContract);

}  // namespace meedoen::testing
