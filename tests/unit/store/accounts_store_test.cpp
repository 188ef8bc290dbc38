// The accounts store's contract: users, sessions and log-in throttling (store/accounts_store.hpp).
#include <tuple>

#include "store_contract.hpp"

namespace meedoen::testing {
namespace {

auto fields(const User& u) {
  return std::tie(u.id, u.username, u.display_name, u.role, u.org_id, u.active,
                  u.aandachtsfunctionaris, u.lang, u.wijken, u.overleg_wijken);
}

auto fields(const SessionRecord& s) {
  return std::tie(s.digest, s.user_id, s.csrf, s.lang, s.created_at, s.last_seen);
}

auto fields(const ThrottleRow& r) {
  return std::tie(r.key, r.failures, r.window_start, r.locked_until);
}

// The interface promises the rows that exist, not their order.
std::vector<ThrottleRow> by_key(std::vector<ThrottleRow> rows) {
  std::sort(rows.begin(), rows.end(),
            [](const ThrottleRow& a, const ThrottleRow& b) { return a.key < b.key; });
  return rows;
}

class AccountsStoreContract : public StoreContract {
 protected:
  SessionRecord session(const std::string& digest, std::optional<UserId> user, Timestamp seen) {
    return {digest, user, "csrf-" + digest, "nl", kT0 - kDay, seen};
  }
};

TEST_P(AccountsStoreContract, AUserIsReadBackWithEveryFieldAndTheirWijken) {
  WijkId meerburg, stevenshof;
  User u;
  u.username = "dokter";
  u.display_name = "Dokter Jansen";
  u.role = Role::kChair;
  u.active = true;
  u.aandachtsfunctionaris = true;
  u.lang = "en";
  {
    auto tx = write();
    // Created in this order so that the ids are not sorted in the order the user lists them.
    stevenshof = add_wijk(*tx, "Stevenshof");
    meerburg = add_wijk(*tx, "Meerburg");
    u.org_id = add_org(*tx);
    // Only Meerburg's overleg names the user's organisation as a member.
    tx->admin().set_partners(meerburg, {u.org_id});
    u.wijken = {meerburg, stevenshof};
    auto id = tx->accounts().insert_user(u, "argon2id$abc");
    ASSERT_TRUE(id.ok());
    u.id = *id;
    ASSERT_TRUE(tx->commit().ok());
  }
  u.wijken = sorted(u.wijken);
  u.overleg_wijken = {meerburg};

  auto tx = read();
  auto got = tx->accounts().get_user(u.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(fields(*got), fields(u));
  auto auth = tx->accounts().find_user_auth("dokter");
  ASSERT_TRUE(auth);
  EXPECT_EQ(fields(auth->user), fields(u));
  EXPECT_EQ(auth->password_hash, "argon2id$abc");
  EXPECT_EQ(auth->failed_logins, 0);
  EXPECT_EQ(auth->locked_until, 0);
  EXPECT_EQ(tx->accounts().user_display_name(u.id), "Dokter Jansen");
}

TEST_P(AccountsStoreContract, AnUnknownUserIsNotFound) {
  const World w = world();
  auto tx = read();
  EXPECT_FALSE(tx->accounts().get_user(UserId(w.user.value + 100)));
  EXPECT_FALSE(tx->accounts().find_user_auth("niemand"));
  EXPECT_FALSE(tx->accounts().user_display_name(UserId(w.user.value + 100)));
  EXPECT_TRUE(tx->accounts().users_in_wijk(WijkId(w.wijk.value + 100)).empty());
}

TEST_P(AccountsStoreContract, AUsernameIsTakenOnlyOnce) {
  const World w = world();
  {
    auto tx = write();
    User again;
    again.username = "dokter";
    again.display_name = "Een ander";
    again.org_id = w.org;
    auto id = tx->accounts().insert_user(again, "argon2id$other");
    ASSERT_FALSE(id.ok());
    EXPECT_EQ(id.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(id.error().field, "username");
    EXPECT_EQ(id.error().message_key, "error.user.username_taken");
  }
  auto tx = read();
  ASSERT_EQ(tx->accounts().list_users().size(), 1u);
  EXPECT_EQ(tx->accounts().find_user_auth("dokter")->password_hash, "argon2id$hash-of-dokter");
}

TEST_P(AccountsStoreContract, ListUsersHasEveryUserByUsernameWithTheirWijken) {
  const World w = world();
  const WijkId other = committed([&](Tx& tx) {
    const WijkId o = add_wijk(tx, "Stevenshof");
    add_user(tx, "zeger", Role::kPeer, w.org, {o, w.wijk});
    add_user(tx, "anna", Role::kAdmin, w.org, {});
    return o;
  });
  auto tx = read();
  const auto users = tx->accounts().list_users();
  ASSERT_EQ(users.size(), 3u);
  EXPECT_EQ(users[0].username, "anna");
  EXPECT_EQ(users[1].username, "dokter");
  EXPECT_EQ(users[2].username, "zeger");
  EXPECT_TRUE(users[0].wijken.empty());
  EXPECT_EQ(users[1].wijken, std::vector<WijkId>{w.wijk});
  EXPECT_EQ(users[2].wijken, sorted(std::vector<WijkId>{w.wijk, other}));
  EXPECT_EQ(users[2].overleg_wijken, std::vector<WijkId>{w.wijk});
}

TEST_P(AccountsStoreContract, UsersInWijkAreItsActiveUsersByDisplayName) {
  const World w = world();
  committed([&](Tx& tx) {
    const WijkId other = add_wijk(tx, "Stevenshof");
    User bram;
    bram.username = "bram";
    bram.display_name = "Aafke Bram";  // sorts before "dokter Naam"
    bram.org_id = w.org;
    bram.role = Role::kWijkteam;
    bram.wijken = {w.wijk, other};
    ASSERT_TRUE(tx.accounts().insert_user(bram, "h").ok());
    User gone = bram;
    gone.username = "weg";
    gone.display_name = "Weg";
    gone.active = false;
    ASSERT_TRUE(tx.accounts().insert_user(gone, "h").ok());
    add_user(tx, "elders", Role::kMember, w.org, {other});
  });
  auto tx = read();
  const auto users = tx->accounts().users_in_wijk(w.wijk);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].username, "bram");
  EXPECT_EQ(users[0].role, Role::kWijkteam);
  EXPECT_EQ(users[1].username, "dokter");
  // One query for the names and roles: their own lists of wijken are left empty.
  EXPECT_TRUE(users[0].wijken.empty());
}

TEST_P(AccountsStoreContract, AnUpdateChangesTheProfileAndWijkenButNotTheUsernameOrPassword) {
  const World w = world();
  User u;
  {
    auto tx = write();
    const OrgId police = add_org(*tx, "Politie Leiden", "police");
    const WijkId other = add_wijk(*tx, "Stevenshof");
    tx->admin().set_partners(other, {police});
    u = *tx->accounts().get_user(w.user);
    u.username = "hernoemd";
    u.display_name = "Wijkagent Bakker";
    u.role = Role::kChair;
    u.org_id = police;
    u.active = false;
    u.aandachtsfunctionaris = true;
    u.lang = "en";
    u.wijken = {other};
    tx->accounts().update_user(u);
    ASSERT_TRUE(tx->commit().ok());
    u.username = "dokter";
    u.overleg_wijken = {other};
  }
  auto tx = read();
  EXPECT_EQ(fields(*tx->accounts().get_user(w.user)), fields(u));
  EXPECT_FALSE(tx->accounts().find_user_auth("hernoemd"));
  EXPECT_EQ(tx->accounts().find_user_auth("dokter")->password_hash, "argon2id$hash-of-dokter");
  EXPECT_TRUE(tx->accounts().users_in_wijk(w.wijk).empty());
}

TEST_P(AccountsStoreContract, LoginFailuresAreKeptUntilANewPasswordClearsThem) {
  const World w = world();
  committed([&](Tx& tx) { tx.accounts().set_login_failures(w.user, 5, kT0 + 900); });
  {
    auto tx = read();
    auto auth = tx->accounts().find_user_auth("dokter");
    EXPECT_EQ(auth->failed_logins, 5);
    EXPECT_EQ(auth->locked_until, kT0 + 900);
  }
  committed([&](Tx& tx) { tx.accounts().set_password(w.user, "argon2id$new"); });
  auto tx = read();
  auto auth = tx->accounts().find_user_auth("dokter");
  EXPECT_EQ(auth->password_hash, "argon2id$new");
  EXPECT_EQ(auth->failed_logins, 0);
  EXPECT_EQ(auth->locked_until, 0);
}

TEST_P(AccountsStoreContract, ASessionIsReadBackAndChangedOnlyWhereAsked) {
  const World w = world();
  const SessionRecord mine = session("d1", w.user, kT0);
  const SessionRecord anonymous = session("d2", std::nullopt, kT0);
  committed([&](Tx& tx) {
    tx.accounts().insert_session(mine);
    tx.accounts().insert_session(anonymous);
  });
  {
    auto tx = read();
    EXPECT_EQ(fields(*tx->accounts().find_session("d1")), fields(mine));
    EXPECT_EQ(fields(*tx->accounts().find_session("d2")), fields(anonymous));
    EXPECT_FALSE(tx->accounts().find_session("d3"));
  }
  committed([&](Tx& tx) {
    tx.accounts().touch_session("d1", kT0 + 60);
    tx.accounts().set_session_lang("d1", "en");
  });
  SessionRecord want = mine;
  want.last_seen = kT0 + 60;
  want.lang = "en";
  {
    auto tx = read();
    EXPECT_EQ(fields(*tx->accounts().find_session("d1")), fields(want));
    EXPECT_EQ(fields(*tx->accounts().find_session("d2")), fields(anonymous));
  }
  committed([&](Tx& tx) { tx.accounts().delete_session("d1"); });
  auto tx = read();
  EXPECT_FALSE(tx->accounts().find_session("d1"));
  EXPECT_TRUE(tx->accounts().find_session("d2"));
}

TEST_P(AccountsStoreContract, SessionsIdleSinceBeforeTheCutOffAreDeleted) {
  const World w = world();
  committed([&](Tx& tx) {
    tx.accounts().insert_session(session("old", w.user, kT0 - 1));
    tx.accounts().insert_session(session("edge", w.user, kT0));
    tx.accounts().insert_session(session("new", std::nullopt, kT0 + 1));
  });
  committed([&](Tx& tx) { tx.accounts().delete_sessions_idle_since(kT0); });
  auto tx = read();
  EXPECT_FALSE(tx->accounts().find_session("old"));
  EXPECT_TRUE(tx->accounts().find_session("edge"));
  EXPECT_TRUE(tx->accounts().find_session("new"));
}

TEST_P(AccountsStoreContract, ThrottleRowsAreWrittenWholeAndReadOnlyWhenTheyExist) {
  const ThrottleRow first{"client:abc", 1, kT0, 0};
  const ThrottleRow second{"client:abc", 4, kT0 + 60, kT0 + 960};
  const ThrottleRow name{"name:def", 2, kT0, 0};
  committed([&](Tx& tx) {
    tx.accounts().put_throttle_row(first);
    tx.accounts().put_throttle_row(name);
    tx.accounts().put_throttle_row(second);  // replaces the first
  });
  {
    auto tx = read();
    const auto rows = by_key(tx->accounts().throttle_rows({"pair:xyz", "name:def", "client:abc"}));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(fields(rows[0]), fields(second));
    EXPECT_EQ(fields(rows[1]), fields(name));
    EXPECT_TRUE(tx->accounts().throttle_rows({}).empty());
  }
  committed([&](Tx& tx) { tx.accounts().delete_throttle_row("client:abc"); });
  auto tx = read();
  const auto rows = tx->accounts().throttle_rows({"client:abc", "name:def"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].key, "name:def");
}

TEST_P(AccountsStoreContract, PurgingKeepsRowsWhoseWindowOrLockReachesTheCutOff) {
  committed([&](Tx& tx) {
    tx.accounts().put_throttle_row({"stale", 3, kT0 - 100, kT0 - 50});
    tx.accounts().put_throttle_row({"still-locked", 10, kT0 - 100, kT0 + 900});
    tx.accounts().put_throttle_row({"recent-window", 1, kT0, 0});
  });
  committed([&](Tx& tx) { tx.accounts().purge_throttle(kT0); });
  auto tx = read();
  const auto rows =
      by_key(tx->accounts().throttle_rows({"stale", "still-locked", "recent-window"}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].key, "recent-window");
  EXPECT_EQ(rows[1].key, "still-locked");
}

TEST_P(AccountsStoreContract, NothingOfATransactionWithoutCommitRemains) {
  const World w = world();
  {
    auto tx = write();
    add_user(*tx, "tijdelijk", Role::kMember, w.org, {w.wijk});
    tx->accounts().insert_session(session("d1", w.user, kT0));
    tx->accounts().set_password(w.user, "argon2id$lost");
    tx->accounts().put_throttle_row({"client:abc", 1, kT0, 0});
  }
  auto tx = read();
  EXPECT_FALSE(tx->accounts().find_user_auth("tijdelijk"));
  EXPECT_FALSE(tx->accounts().find_session("d1"));
  EXPECT_EQ(tx->accounts().find_user_auth("dokter")->password_hash, "argon2id$hash-of-dokter");
  EXPECT_TRUE(tx->accounts().throttle_rows({"client:abc"}).empty());
}

}  // namespace

MEEDOEN_STORE_CONTRACT(AccountsStoreContract);

}  // namespace meedoen::testing
