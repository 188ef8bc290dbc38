// The benchmark dataset's Zelfregiecentra (Demo::generate): per wijk a centre with a host, six
// activities (series of every kind, one with a pause and one occurrence cancelled) and a year of
// visitors counted, 20 to 40 a day, written straight into the store one day per transaction.
#include <random>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "store/store.hpp"

namespace meedoen {

Status Demo::generate_centres(const User& admin, OrgId org, const std::vector<WijkId>& wijken,
                              unsigned seed) {
  std::mt19937 rng(seed + 7);
  constexpr std::int64_t kDay = 86400;
  const std::int64_t today = local_days(now());
  const std::int64_t monday = local_days(start_of_local_week(now()));
  for (std::size_t i = 0; i < wijken.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    auto centre =
        app_.centres().create(admin, {wijken[i],
                                      "Buurthuis " + n,
                                      "Buurtplein " + n,
                                      0x7fff,
                                      {{RoomId(), "Huiskamer", 30}, {RoomId(), "Keuken", 14}}});
    if (!centre) return centre.error();
    const std::string username = "bench.host." + n;
    auto uid = app_.admin().create_user(
        nullptr, {username, "Gastheer " + n, "bench-password", "host", org, {wijken[i]}, false});
    if (!uid) return uid.error();
    if (auto st = app_.centres().add_host(admin, *centre, *uid); !st) return st;
    const User host = *app_.accounts().login("", username, "bench-password")->user;

    struct Plan {
      const char* title;
      const char* repeat;
      std::vector<std::string> weekdays;
      const char* start;
    };
    const Plan plans[] = {{"Koffie-ochtend", "weekly", {"0", "1", "2", "3", "4"}, "10:00"},
                          {"Samen eten", "weekly", {"3"}, "17:30"},
                          {"Schilderen", "weekly", {"1"}, "13:30"},
                          {"Wandelen", "biweekly", {"2"}, "14:00"},
                          {"Breigroep", "weekly", {"4"}, "13:30"},
                          {"Buurtlunch", "monthly", {}, "12:00"}};
    for (const auto& p : plans) {
      ActivityInput in;
      in.title = p.title;
      in.description = "Voor iedereen uit de buurt. Loop gerust binnen.";
      in.for_whom = "Iedereen";
      in.first_date = format_days(monday - 364 + 1);
      in.start_time = p.start;
      in.duration_minutes = "90";
      in.repeat = p.repeat;
      in.weekdays = p.weekdays;
      in.week_of_month = "1";
      in.organiser = "Ans";
      in.show_organiser = true;
      auto id = app_.activities().create(host, *centre, in);
      if (!id) return id.error();
      if (std::string(p.title) == "Schilderen")
        (void)app_.activities().pause(host, *id, format_days(monday - 100),
                                      format_days(monday - 60));
      if (std::string(p.title) == "Koffie-ochtend")
        (void)app_.activities().cancel_occurrence(host, *id, format_days(monday + 9));
    }
    for (std::int64_t day = today - 364; day <= today; ++day) {
      if (weekday_of_days(day) > 4) continue;
      const int visitors = std::uniform_int_distribution<int>(20, 40)(rng);
      auto tx = ctx_.store->begin(TxMode::kWrite);
      for (int v = 0; v < visitors; ++v) {
        Tap t;
        t.centre_id = *centre;
        t.day = day;
        t.part = v % 3 ? DayPart::kMorning : DayPart::kAfternoon;
        t.at = day * kDay;
        t.key = "b" + n + "-" + std::to_string(day) + "-" + std::to_string(v);
        t.by = host.id;
        t.tags.first_visit = v == 0;
        tx->centres().insert_tap(t);
      }
      if (auto st = tx->commit(); !st) return st;
    }
  }
  return Status::Ok();
}

}  // namespace meedoen
