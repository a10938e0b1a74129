// ActorDictionary: political actors from the Phoenix dictionaries and kb's own additions, with
// CAMEO actor codes valid over date ranges, so that "Lavrov" on 2015-06-01 resolves to RUSGOVFRM:
// Russia, government, foreign minister. Read from data/cameo/ (formats in its README.md).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/result.hpp"

namespace kb::analysis {

// Where a record comes from, in the order resolve() consults them.
enum class ActorSource { kb, phoenix_countries, phoenix_international, phoenix_nonstate };

// A CAMEO actor code over a range of days, as YYYYMMDD numbers; the ends are inclusive.
struct ActorCode {
  static constexpr int kOpenStart = 0;
  static constexpr int kOpenEnd = 99999999;
  std::string code;  // "RUSGOVFRM"; "---" marks a name that is no actor
  int first = kOpenStart;
  int last = kOpenEnd;

  // True iff the code is restricted to a range (one end or both given).
  bool dated() const { return first != kOpenStart || last != kOpenEnd; }
};

// One entry of an actor file: a name, its variants and its codes in the dictionary's order.
struct ActorRecord {
  std::string name;  // lower case: "sergey lavrov"
  std::vector<std::string> aliases;
  std::vector<ActorCode> codes;
  std::string note;  // the dictionary's remark: "Foreign Minister of Russia"
  ActorSource source = ActorSource::kb;
  int line = 0;  // its line in its file
};

// A CAMEO country code with its ISO 3166-1 alpha-2 code and kb's name for it.
struct CameoCountry {
  std::string cameo;  // "RUS"
  std::string iso2;   // "RU"; empty for a former state (SUN, YUG)
  std::string name;   // "Russia", as in data/gazetteer/countries.tsv
};

// An actor code taken apart: RUSGOVFRM is country RUS (Russia) with roles GOV and FRM;
// IGOWSTNAT has no country, bloc IGO and roles WST, NAT.
struct ActorRole {
  std::string code;
  std::string country;             // the CAMEO country code, empty when the code starts with a bloc
  std::string iso2;                // "RU", or empty
  std::string country_name;        // "Russia", or empty
  std::string bloc;                // IGO, NGO, EUR ... when `country` is empty
  std::vector<std::string> roles;  // three-letter role codes: GOV, MIL, FRM, SPK ...

  // True iff `role` ("GOV", "FRM") is one of roles.
  bool has_role(std::string_view role) const;
};

// What resolve() found: the record, and the code valid on the day, taken apart.
struct ActorMatch {
  const ActorRecord* record = nullptr;
  ActorRole role;
  bool dated = false;  // the code came from a date range, not a record's default
};

class ActorDictionary {
 public:
  // Reads kb_actors, the three phoenix_* actor files, phoenix_agents and cameo_countries from
  // `dir` (kb's data/cameo). Fails with Errc::parse naming the file and line of the first bad
  // line (a bad date, code or field count), or Errc::storage when a file cannot be read.
  static Result<ActorDictionary> load(const std::filesystem::path& dir);

  // Every record whose name or alias is `name` once normalised (see normalize_actor_name), in
  // source order (kb first), then file order.
  std::vector<const ActorRecord*> lookup(std::string_view name) const;

  // The code `name` has on `day`: the first code whose range holds the day, over the records of
  // lookup() in order, else the first record's default code. Empty when the name is unknown, no
  // code is valid on that day, or the name is marked as no actor ("---").
  std::optional<ActorMatch> resolve(std::string_view name, std::chrono::year_month_day day) const;

  // `code` taken apart into country (with its ISO code and kb name) or bloc, and roles.
  ActorRole describe(std::string_view code) const;

  // The country with CAMEO code `cameo` ("UKR"), or nullptr.
  const CameoCountry* country(std::string_view cameo) const;

  // The agent code of a generic noun phrase ("foreign minister" -> "~GOV"), or empty.
  std::string agent(std::string_view phrase) const;

  std::size_t size() const { return records_.size(); }

 private:
  std::vector<ActorRecord> records_;
  std::unordered_map<std::string, std::vector<std::size_t>> index_;  // normalised name -> records_
  std::map<std::string, CameoCountry, std::less<>> countries_;
  std::unordered_map<std::string, std::string> agents_;
};

// A name as the dictionaries index it: ASCII lower case, every run of ASCII characters other
// than letters and digits turned into one space, trimmed ("Sergey V. Lavrov" -> "sergey v
// lavrov"). Bytes of UTF-8 sequences are kept as they are.
std::string normalize_actor_name(std::string_view name);

}  // namespace kb::analysis
