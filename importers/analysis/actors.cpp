// Loads the actor tables of data/cameo/ (kb_actors.tsv first, then the Phoenix files) and resolves
// a name on a day to the CAMEO actor code valid then.

#include "importers/analysis/actors.hpp"

#include <algorithm>
#include <array>

#include "importers/analysis/cameo.hpp"

namespace kb::analysis {
namespace {

namespace fs = std::filesystem;

bool is_upper_alnum(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// "2004-03-09" -> 20040309, checking the month and day; -1 if malformed.
int parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return -1;
  }
  int value = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7) {
      continue;
    }
    if (s[i] < '0' || s[i] > '9') {
      return -1;
    }
    value = value * 10 + (s[i] - '0');
  }
  int month = value / 100 % 100;
  int day = value % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return -1;
  }
  return value;
}

// "RUSGOV", "RUSGOV@2004-03-09..", "RUSGOV@..2008-05-07", "RUSGOV@2004-03-09..2008-05-07", "---".
Result<ActorCode> parse_code(std::string_view s) {
  ActorCode c;
  std::size_t at = s.find('@');
  c.code = std::string(s.substr(0, at));
  if (c.code != "---" && !is_upper_alnum(c.code)) {
    return fail(Errc::parse, "not an actor code: '" + c.code + "'");
  }
  if (at == std::string_view::npos) {
    return c;
  }
  std::string_view range = s.substr(at + 1);
  std::size_t dots = range.find("..");
  if (dots == std::string_view::npos) {
    return fail(Errc::parse, "expected CODE@FIRST..LAST, found '" + std::string(s) + "'");
  }
  std::string_view first = range.substr(0, dots);
  std::string_view last = range.substr(dots + 2);
  if (first.empty() && last.empty()) {
    return fail(Errc::parse, "a range needs at least one end: '" + std::string(s) + "'");
  }
  if (!first.empty() && (c.first = parse_day(first)) < 0) {
    return fail(Errc::parse, "not a day (YYYY-MM-DD): '" + std::string(first) + "'");
  }
  if (!last.empty() && (c.last = parse_day(last)) < 0) {
    return fail(Errc::parse, "not a day (YYYY-MM-DD): '" + std::string(last) + "'");
  }
  if (c.first > c.last) {
    return fail(Errc::parse, "range ends before it starts: '" + std::string(s) + "'");
  }
  return c;
}

int day_number(std::chrono::year_month_day d) {
  return static_cast<int>(d.year()) * 10000 +
         static_cast<int>(static_cast<unsigned>(d.month())) * 100 +
         static_cast<int>(static_cast<unsigned>(d.day()));
}

}  // namespace

std::string normalize_actor_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool gap = false;
  for (char c : name) {
    bool keep =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      keep = true;
    }
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) {
      out += ' ';
    }
    gap = false;
    out += c;
  }
  return out;
}

bool ActorRole::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Result<ActorDictionary> ActorDictionary::load(const fs::path& dir) {
  ActorDictionary d;
  std::string text;

  fs::path file = dir / "cameo_countries.tsv";
  KB_ASSIGN(std::vector<TableRow> rows, read_cameo_table(file, text, 3, 3));
  for (const TableRow& r : rows) {
    const auto& f = r.fields;
    if (f[0].size() != 3 || !is_upper_alnum(f[0]) || !(f[1].empty() || f[1].size() == 2) ||
        f[2].empty()) {
      return table_error(file, r.line, "expected a CAMEO code, an ISO alpha-2 code and a name");
    }
    d.countries_.emplace(std::string(f[0]),
                         CameoCountry{std::string(f[0]), std::string(f[1]), std::string(f[2])});
  }

  const std::array<std::pair<const char*, ActorSource>, 4> files{{
      {"kb_actors.tsv", ActorSource::kb},
      {"phoenix_countries.tsv", ActorSource::phoenix_countries},
      {"phoenix_international.tsv", ActorSource::phoenix_international},
      {"phoenix_nonstate.tsv", ActorSource::phoenix_nonstate},
  }};
  d.index_.reserve(1 << 17);  // about 100,000 names and aliases: no rehashing while loading
  for (const auto& [name, source] : files) {
    file = dir / name;
    KB_ASSIGN(rows, read_cameo_table(file, text, 3, 4));
    d.records_.reserve(d.records_.size() + rows.size());
    for (const TableRow& r : rows) {
      const auto& f = r.fields;
      ActorRecord rec;
      rec.name = std::string(f[0]);
      rec.source = source;
      rec.line = r.line;
      rec.note = std::string(f[3]);
      std::string_view codes = f[2];
      if (codes.empty()) {
        return table_error(file, r.line, "the actor has no code");
      }
      while (!codes.empty()) {
        std::size_t bar = std::min(codes.find('|'), codes.size());
        Result<ActorCode> code = parse_code(codes.substr(0, bar));
        if (!code) {
          return table_error(file, r.line, code.error().message);
        }
        rec.codes.push_back(std::move(*code));
        codes.remove_prefix(std::min(bar + 1, codes.size()));
      }
      std::string_view aliases = f[1];
      while (!aliases.empty()) {
        std::size_t bar = std::min(aliases.find('|'), aliases.size());
        if (bar > 0) {
          rec.aliases.emplace_back(aliases.substr(0, bar));
        }
        aliases.remove_prefix(std::min(bar + 1, aliases.size()));
      }
      std::size_t index = d.records_.size();
      auto add_key = [&](const std::string& n) {
        std::vector<std::size_t>& v = d.index_[normalize_actor_name(n)];
        if (v.empty() || v.back() != index) {
          v.push_back(index);
        }
      };
      add_key(rec.name);
      for (const std::string& a : rec.aliases) {
        add_key(a);
      }
      d.records_.push_back(std::move(rec));
    }
  }

  file = dir / "phoenix_agents.tsv";
  KB_ASSIGN(rows, read_cameo_table(file, text, 2, 2));
  for (const TableRow& r : rows) {
    std::string_view a = r.fields[1];
    bool ok_code =
        a.size() > 1 &&
        (a.front() == '~' ? is_upper_alnum(a.substr(1))
                          : a.back() == '~' && is_upper_alnum(a.substr(0, a.size() - 1)));
    if (!ok_code) {
      return table_error(file, r.line,
                         "not an agent code (~GOV or NGO~): '" + std::string(a) + "'");
    }
    d.agents_.try_emplace(normalize_actor_name(r.fields[0]), std::string(a));
  }
  return d;
}

std::vector<const ActorRecord*> ActorDictionary::lookup(std::string_view name) const {
  std::vector<const ActorRecord*> out;
  auto it = index_.find(normalize_actor_name(name));
  if (it != index_.end()) {
    for (std::size_t i : it->second) {
      out.push_back(&records_[i]);
    }
  }
  return out;
}

std::optional<ActorMatch> ActorDictionary::resolve(std::string_view name,
                                                   std::chrono::year_month_day day) const {
  std::vector<const ActorRecord*> records = lookup(name);
  int when = day_number(day);
  for (const ActorRecord* r : records) {
    for (const ActorCode& c : r->codes) {
      if (c.dated() && c.first <= when && when <= c.last) {
        if (c.code == "---") {
          break;
        }
        return ActorMatch{r, describe(c.code), true};
      }
    }
  }
  for (const ActorRecord* r : records) {
    for (const ActorCode& c : r->codes) {
      if (!c.dated()) {
        if (c.code == "---") {
          break;
        }
        return ActorMatch{r, describe(c.code), false};
      }
    }
  }
  return std::nullopt;
}

ActorRole ActorDictionary::describe(std::string_view code) const {
  ActorRole role;
  role.code = std::string(code);
  std::string_view rest = code;
  if (rest.size() >= 3) {
    std::string_view prefix = rest.substr(0, 3);
    if (const CameoCountry* c = country(prefix)) {
      role.country = c->cameo;
      role.iso2 = c->iso2;
      role.country_name = c->name;
    } else {
      role.bloc = std::string(prefix);
    }
    rest.remove_prefix(3);
  }
  while (!rest.empty()) {
    std::size_t n = std::min<std::size_t>(3, rest.size());
    role.roles.emplace_back(rest.substr(0, n));
    rest.remove_prefix(n);
  }
  return role;
}

const CameoCountry* ActorDictionary::country(std::string_view cameo) const {
  auto it = countries_.find(cameo);
  return it == countries_.end() ? nullptr : &it->second;
}

std::string ActorDictionary::agent(std::string_view phrase) const {
  auto it = agents_.find(normalize_actor_name(phrase));
  return it == agents_.end() ? std::string() : it->second;
}

}  // namespace kb::analysis
