// The demo's fixed data: fictional names, organisations, wijken, people and what they write. Only
// the demo builder (app/demo_builder*.cpp) uses it; every text here is a record a user could have
// typed, not a text of the product.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace meedoen::demo_data {

inline constexpr const char* kDemoPassword = "meedoen-demo";
inline constexpr std::int64_t kDay = 86400;

inline constexpr const char* kFirstNames[] = {
    "Jan",    "Kees",  "Henk",   "Ria",    "Els",  "Mohamed", "Fatima", "Piet",
    "Anneke", "Joke",  "Ahmet",  "Sevda",  "Wim",  "Truus",   "Gerrit", "Ineke",
    "Bram",   "Lotte", "Hassan", "Yvonne", "Theo", "Marja",   "Dirk",   "Nel"};
inline constexpr const char* kLastNames[] = {
    "de Vries",  "Jansen",   "Bakker", "Visser",    "Smit",        "Meijer",   "de Boer",
    "Mulder",    "de Groot", "Bos",    "Vos",       "Peters",      "Hendriks", "van Dijk",
    "El Amrani", "Yilmaz",   "Kok",    "Verhoeven", "van Leeuwen", "Dekker"};
inline constexpr const char* kStreets[] = {
    "Meerburgerkade", "Kaarsenmakersstraat", "Lammenschansweg",    "Zoeterwoudsesingel",
    "Roomburgerlaan", "Merenwijkerweg",      "Stevenshofjesdreef", "Ericalaan"};
// What raisers write, for a man, for a woman, and for anyone: a signal's text agrees with the
// resident's recorded gender.
inline constexpr const char* kConcernsMan[] = {
    "Meneer is al maanden niet buiten gezien. De gordijnen blijven dicht en de post stapelt op.",
    "Meneer zit veel alleen op het bankje bij het winkelcentrum en praat tegen niemand.",
    "Meneer komt niet meer naar de huisarts en haalt zijn medicijnen niet op.",
    "Jonge man woont alleen, lijkt somber en heeft geen werk of dagbesteding."};
inline constexpr const char* kConcernsWoman[] = {
    "Mevrouw belt vaak naar de huismeester en klinkt dan erg in de war.",
    "Mevrouw zegt dat ze niemand meer heeft sinds haar man is overleden.",
    "Mevrouw durft de deur niet meer uit na een val op straat.",
    "Mevrouw vraagt bij het buurthuis om eten, maar wil verder niets zeggen."};
inline constexpr const char* kConcernsAny[] = {
    "Buren maken zich zorgen: er komt een sterke geur uit de woning.",
    "Bewoner heeft huurachterstand en reageert niet op brieven.",
    "Bewoner drinkt veel en er is 's nachts soms lawaai.",
    "Het balkon staat vol met spullen en vuilniszakken."};
inline constexpr const char* kMeldcodeConcern =
    "Buren horen vaak geschreeuw en denken dat mevrouw geslagen wordt. Er wonen ook twee kinderen.";
inline constexpr const char* kSummaries[] = {
    "Bekend bij de huismeester. Vliegende Brigade gaat langs voor een eerste kennismaking.",
    "Niemand heeft nu contact. Wijkteam probeert via de buurvrouw een afspraak te maken.",
    "Huisarts kent bewoner; stuurt een uitnodiging voor een gesprek.",
    "Vinger aan de pols: huismeester let op en meldt het als het erger wordt.",
    "Geen actie nodig: bewoner heeft inmiddels zelf hulp gezocht.",
    "GGZ-wijkteam neemt contact op en bespreekt het in het eigen team.",
    "Wijkagent gaat een keer aanbellen bij de ronde door de buurt."};

struct DemoOrg {
  const char* name;
  const char* kind;
};
inline constexpr DemoOrg kOrgs[] = {
    {"Huisartsenpraktijk Meerburg", "huisarts"},
    {"Gezondheidscentrum Merenwijk", "huisarts"},
    {"Huisartsenpraktijk Stevenshof", "huisarts"},
    {"Politie Leiden", "police"},
    {"Woningcorporatie Portaal Leiden", "housing"},
    {"Woonstichting De Sleutels", "housing"},
    {"Sociaal Wijkteam Leiden", "wijkteam"},
    {"Rivierduinen GGZ-wijkteam", "ggz"},
    {"Brijder Verslavingszorg", "addiction_care"},
    {"Zelfregiecentrum Huis van de Buurt Matilo", "centre"},
    {"Libertas Leiden", "welfare"},
    {"Lumen", "client_organisation"},
    {"Gemeente Leiden", "municipality"},
    {"Schuldhulp Leiden", "other"},
};

// A wijk and its overleg: where it meets, which organisations sit at the table (found by a part
// of their name in kOrgs), who chairs, who raises its signals, and about how many residents the
// signals of the four months are (a quarter of them, and one more, each four weeks).
struct DemoWijk {
  const char* name;
  const char* district;
  const char* rhythm;
  const char* place;
  std::vector<std::string> buurten;
  const char* gp;
  const char* housing;
  const char* chair;                 // a username in users()
  std::vector<std::string> raisers;  // usernames in users()
  int residents;
  // The day and the hour its rhythm says: weekday (0 = Monday), hour, minute.
  std::array<int, 3> meets;
};
inline const std::vector<DemoWijk>& wijken() {
  static const std::vector<DemoWijk> all = {
      {"Meerburg",
       "Roodenburgerdistrict",
       "Elke vier weken op dinsdag, 10:00-11:30",
       "Huis van de Buurt Matilo",
       {"Meerburg-Noord", "Meerburg-Zuid", "Park Matilo"},
       "Huisartsenpraktijk Meerburg",
       "Portaal",
       "voorzitter",
       {"huisarts", "wijkagent", "huismeester", "ggz", "verslavingszorg", "wijkteam", "gastvrouw"},
       18,
       {1, 10, 0}},
      {"Merenwijk",
       "Merenwijk",
       "Elke vier weken op donderdag, 13:30-15:00",
       "Buurthuis De Menswerf",
       {"Slaaghwijk", "Zijlwijk", "Vogelwijk"},
       "Gezondheidscentrum Merenwijk",
       "De Sleutels",
       "voorzitter",
       {"huisarts.merenwijk", "wijkagent", "huismeester.merenwijk", "ggz", "wijkteam"},
       12,
       {3, 13, 30}},
      {"Stevenshof",
       "Stevenshof",
       "Elke zes weken op woensdag, 09:30-11:00",
       "Wijkcentrum Stevenshof",
       {"Stevenshof-Noord", "Stevenshof-Zuid"},
       "Huisartsenpraktijk Stevenshof",
       "Portaal",
       "voorzitter.stevenshof",
       {"wijkagent", "huismeester", "wijkteam", "brigadier"},
       10,
       {2, 9, 30}},
  };
  return all;
}

// The people who log in (besides the administrator, "beheer"). The organisation is found by a part
// of its name in kOrgs, the wijken by their names in wijken().
struct DemoUser {
  const char* username;
  const char* name;
  const char* role;
  const char* org;
  std::vector<std::string> wijken;
  bool officer;  // aandachtsfunctionaris for the meldcode
};
inline const std::vector<DemoUser>& users() {
  static const std::vector<DemoUser> all = {
      {"voorzitter", "Sanne de Wit", "chair", "Libertas", {"Meerburg", "Merenwijk"}, false},
      {"voorzitter.stevenshof", "Ruud Kramer", "chair", "Libertas", {"Stevenshof"}, false},
      {"huisarts",
       "Dokter Anna Vermeer",
       "member",
       "Huisartsenpraktijk Meerburg",
       {"Meerburg"},
       false},
      {"huisarts.merenwijk",
       "Dokter Karim Bouzid",
       "member",
       "Gezondheidscentrum Merenwijk",
       {"Merenwijk"},
       false},
      {"wijkagent",
       "Erik Hoogland",
       "member",
       "Politie",
       {"Meerburg", "Merenwijk", "Stevenshof"},
       false},
      {"huismeester", "Johan Koster", "member", "Portaal", {"Meerburg", "Stevenshof"}, false},
      {"huismeester.merenwijk", "Marloes Pauw", "member", "De Sleutels", {"Merenwijk"}, false},
      {"ggz", "Ingrid Schouten", "member", "Rivierduinen", {"Meerburg", "Merenwijk"}, true},
      {"verslavingszorg", "Tom Brink", "member", "Brijder", {"Meerburg"}, false},
      {"wijkteam",
       "Noor Hamdi",
       "wijkteam",
       "Sociaal Wijkteam",
       {"Meerburg", "Merenwijk", "Stevenshof"},
       true},
      {"gastvrouw", "Greet Zwart", "host", "Zelfregiecentrum", {"Meerburg"}, false},
      // Matilo's shared tablet: counts and checks in, nothing else.
      {"tablet.matilo", "Tablet Matilo", "centre_device", "Zelfregiecentrum", {"Meerburg"}, false},
      {"brigadier", "Mo Benali", "peer", "Lumen", {"Meerburg", "Merenwijk", "Stevenshof"}, false},
      {"coordinator",
       "Petra Lommers",
       "coordinator",
       "Lumen",
       {"Meerburg", "Merenwijk", "Stevenshof"},
       false},
      {"peer.anouk", "Anouk de Graaf", "peer", "Rivierduinen", {"Meerburg", "Merenwijk"}, false},
      {"peer.hassan", "Hassan El Idrissi", "peer", "Brijder", {"Meerburg", "Stevenshof"}, false},
      {"peer.marieke", "Marieke Jansen", "peer", "Lumen", {"Merenwijk", "Stevenshof"}, false},
      {"peer.dennis",
       "Dennis Tol",
       "peer",
       "Lumen",
       {"Meerburg", "Merenwijk", "Stevenshof"},
       false},
      {"gemeente", "Frank Verbeek", "funder", "Gemeente Leiden", {}, false},
  };
  return all;
}

// What a wijkteam worker or a host writes when they ask the brigade to visit. Pseudonymous.
inline constexpr const char* kKnown[] = {
    "Woont alleen sinds het overlijden van zijn vrouw. Komt de deur bijna niet meer uit.",
    "Kwam twee keer naar de inloop, daarna niet meer. Leek somber en moe.",
    "Post stapelt zich op. Buren maken zich zorgen. Bewoner zegt zelf dat het wel gaat.",
    "Heeft hulp afgehouden van het wijkteam. Misschien lukt het met iemand die het zelf kent.",
    "Verhuisd uit de opvang naar een eigen woning; kent niemand in de buurt.",
    "Drinkt veel volgens de huismeester. Vriendelijk, maar wil geen instanties over de vloer."};
inline constexpr const char* kDeclineReasons[] = {
    "Ik ken deze bewoner van vroeger; liever iemand anders.",
    "Deze week lukt het me niet, ik heb het zelf even zwaar."};

}  // namespace meedoen::demo_data
