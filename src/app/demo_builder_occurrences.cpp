// The demo's sign-ups and attendance at Matilo: next Thursday's meal is full with two on the
// waiting list (one visitor signed up on the website), three have signed up for the next walk
// with the donkeys, and every occurrence so far has the number of people who came, with some of
// the known visitors among them.
#include <algorithm>
#include <random>

#include "app/demo_builder.hpp"
#include "store/store.hpp"

namespace meedoen {
namespace {

constexpr const char* kNames[] = {"Ans",  "Bo",      "Cor",   "Dewi",  "Els",     "Fatima",
                                  "Gert", "Hanneke", "Ilse",  "Jan",   "Khadija", "Lies",
                                  "Mo",   "Nel",     "Oscar", "Petra", "Ria"};

// How many usually come to an activity, by its title: from and to.
std::pair<int, int> usual_turnout(const std::string& title) {
  if (title == "Koffie-ochtend") return {8, 20};
  if (title == "Samen eten") return {10, 14};
  if (title == "Schilderen") return {4, 10};
  if (title == "Wandelen met de ezels") return {3, 8};
  if (title == "Breigroep") return {5, 9};
  return {12, 25};
}

}  // namespace

Status DemoBuilder::fill_occurrences() {
  const User& host = user("gastvrouw");
  const Timestamp now = clock_->now();
  auto tx = ctx_.store->begin(TxMode::kRead);
  const auto activities = tx->activities().list_activities(matilo_, true);
  tx.reset();
  std::mt19937 rng(20261203);
  for (const auto& a : activities) {
    if (!a.signup) continue;
    // The next occurrence that has not begun, by the real clock too: loaded on a Thursday
    // evening, the full meal is next week's, not tonight's that has begun already.
    const Timestamp after = std::max(now, real_now_);
    const auto next = a.occurrences(local_days(after), local_days(after) + 21);
    const Occurrence* o = nullptr;
    for (const auto& n : next)
      if (!n.cancelled && n.start > after && !o) o = &n;
    if (!o) continue;
    const std::string date = format_days(o->day);
    const int names = a.title == "Samen eten" ? a.capacity + 2 : 3;
    for (int i = 0; i < names && i < static_cast<int>(std::size(kNames)); ++i) {
      // The meal's last but one name came in on the website, as a visitor would do it.
      if (a.title == "Samen eten" && i == names - 2) {
        auto s = app_.occurrences().sign_up(a.id, date, kNames[i], "demo");
        if (!s) return s.error();
        continue;
      }
      auto s = app_.occurrences().add(host, a.id, date, kNames[i]);
      if (!s) return s.error();
    }
  }
  // The number who came, for every occurrence so far, with known visitors among them (Ans and
  // Joke knit; the others now and then have coffee): written straight into the store.
  auto w = ctx_.store->begin(TxMode::kWrite);
  const auto known = w->visitors().known_visitors(matilo_, local_days(now));
  for (const auto& a : activities) {
    const auto [low, high] = usual_turnout(a.title);
    for (const auto& o : a.occurrences(local_days(t0_), local_days(now))) {
      if (o.cancelled || o.start > now) continue;
      Headcount h{a.id, o.day,   std::uniform_int_distribution<int>(low, high)(rng),
                  {},   host.id, o.end};
      for (const auto& k : known) {
        if (k.visitor.created_at > o.start) continue;
        const bool knits = k.visitor.name == "Ans" || k.visitor.name == "Joke";
        if ((a.title == "Breigroep" && knits) ||
            (a.title == "Koffie-ochtend" && std::uniform_int_distribution<int>(0, 2)(rng) == 0))
          h.visitors.push_back(k.visitor.id);
      }
      w->occurrences().put_attendance(h);
    }
  }
  return w->commit();
}

}  // namespace meedoen
