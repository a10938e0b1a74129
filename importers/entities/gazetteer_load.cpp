// load_gazetteer(): reads the tab-separated gazetteer files and Debian's iso-codes JSON, checking
// every line; find_data_dir(): where those files live. The formats are in docs/gazetteer.md.

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "importers/entities/gazetteer.hpp"

namespace kb::importers {
namespace {

namespace fs = std::filesystem;

// One data line: its 1-based line number and its fields, padded to the table's width.
struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) {
    return {};
  }
  std::size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// Splits on `sep`, trimming each part and dropping empty ones.
std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t stop = s.find(sep, start);
    if (stop == std::string_view::npos) {
      stop = s.size();
    }
    std::string part = trim(s.substr(start, stop - start));
    if (!part.empty()) {
      out.push_back(std::move(part));
    }
    start = stop + 1;
  }
  return out;
}

Error line_error(const fs::path& file, int line, const std::string& what) {
  return make_error(Errc::parse, file.string() + ":" + std::to_string(line) + ": " + what);
}

// Reads a table of at most `width` tab-separated fields, the first of them required.
Result<std::vector<Row>> read_table(const fs::path& file, std::size_t width) {
  std::ifstream in(file);
  if (!in) {
    return fail(Errc::storage, "cannot read gazetteer file " + file.string());
  }
  std::vector<Row> rows;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    std::string t = trim(text);
    if (t.empty() || t.front() == '#') {
      continue;
    }
    Row row{line, {}};
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t stop = std::min(text.find('\t', start), text.size());
      row.fields.push_back(trim(std::string_view(text).substr(start, stop - start)));
      start = stop + 1;
    }
    if (row.fields.size() > width) {
      return line_error(file, line,
                        "expected at most " + std::to_string(width) +
                            " tab-separated fields, found " + std::to_string(row.fields.size()));
    }
    if (row.fields.front().empty()) {
      return line_error(file, line, "the first field (name) is empty");
    }
    row.fields.resize(width);
    rows.push_back(std::move(row));
  }
  return rows;
}

bool is_country_code(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

bool is_wikidata(std::string_view s) {
  return s.empty() || (s.size() > 1 && s[0] == 'Q' &&
                       s.find_first_not_of("0123456789", 1) == std::string_view::npos);
}

// Checks the optional country-code and Wikidata fields of a row.
Result<void> check_codes(const fs::path& file, const Row& row, const std::string& country,
                         const std::string& wikidata) {
  if (!country.empty() && !is_country_code(country)) {
    return line_error(file, row.line, "not an ISO 3166-1 alpha-2 code: '" + country + "'");
  }
  if (!is_wikidata(wikidata)) {
    return line_error(file, row.line, "not a Wikidata id (Q<digits>): '" + wikidata + "'");
  }
  return ok();
}

// Official names per alpha-2 code from iso-codes: canonical (common or short name) first.
using IsoNames = std::map<std::string, std::vector<std::string>>;

Result<IsoNames> read_iso_codes(const fs::path& file) {
  std::ifstream in(file);
  if (!in) {
    return fail(Errc::not_found, "iso-codes file not found: " + file.string());
  }
  nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.contains("3166-1") || !json["3166-1"].is_array()) {
    return fail(Errc::parse, "not an iso-codes ISO 3166-1 file: " + file.string());
  }
  IsoNames names;
  for (const nlohmann::json& c : json["3166-1"]) {
    std::vector<std::string>& n = names[c.value("alpha_2", "")];
    for (const char* key : {"common_name", "name", "official_name"}) {
      if (c.contains(key) && c[key].is_string()) {
        n.push_back(c[key].get<std::string>());
      }
    }
  }
  return names;
}

Result<void> load_countries(Gazetteer& g, const fs::path& file, const fs::path& iso_json) {
  Result<IsoNames> iso = read_iso_codes(iso_json);
  if (!iso) {
    g.add_warning(iso.error().message + "; only countries.tsv names are used");
  }
  KB_ASSIGN(std::vector<Row> rows, read_table(file, 7));
  std::map<std::string, const Row*> by_code;
  for (const Row& row : rows) {
    const std::string& code = row.fields[0];
    KB_TRY(check_codes(file, row, code, row.fields[6]));
    if (iso && !iso->contains(code) && row.fields[1].empty()) {
      return line_error(file, row.line, "code '" + code + "' is not in iso-codes and has no name");
    }
    if (!by_code.emplace(code, &row).second) {
      return line_error(file, row.line, "country '" + code + "' is listed twice");
    }
  }
  IsoNames all = iso ? *iso : IsoNames{};
  for (const auto& entry : by_code) {
    all.try_emplace(entry.first);
  }
  for (const auto& [code, official] : all) {
    auto it = by_code.find(code);
    const Row* row = it == by_code.end() ? nullptr : it->second;
    NamedEntity e;
    e.kind = EntityKind::country;
    e.country = code;
    e.name = row && !row->fields[1].empty() ? row->fields[1] : official.front();
    e.aliases = official;
    if (row != nullptr) {
      for (std::string& a : split(row->fields[2], '|')) {
        e.aliases.push_back(std::move(a));
      }
      e.demonyms = split(row->fields[3], '|');
      e.metonyms = split(row->fields[5], '|');
      e.wikidata = row->fields[6];
    }
    std::string name = e.name;
    g.add_entity(std::move(e));
    std::vector<std::string> capital =
        row ? split(row->fields[4], '|') : std::vector<std::string>{};
    if (!capital.empty()) {
      NamedEntity c{capital.front(), EntityKind::place, code, "capital of " + name, "", {}, {}, {}};
      c.aliases.assign(capital.begin() + 1, capital.end());
      g.add_entity(std::move(c));
    }
  }
  return ok();
}

// The canonical name of the country with alpha-2 `code`, or `code` itself when unknown.
std::string country_name(const Gazetteer& g, const std::string& code) {
  for (const NamedEntity& n : g.entities()) {
    if (n.kind == EntityKind::country && n.country == code) {
      return n.name;
    }
  }
  return code;
}

// Columns of the four entity tables (see docs/gazetteer.md).
struct Columns {
  std::size_t width, aliases, description, country, wikidata;
};

Result<void> load_entities(Gazetteer& g, const fs::path& file, EntityKind kind, Columns c) {
  KB_ASSIGN(std::vector<Row> rows, read_table(file, c.width));
  for (const Row& row : rows) {
    const std::vector<std::string>& f = row.fields;
    KB_TRY(check_codes(file, row, f[c.country], f[c.wikidata]));
    NamedEntity e{
        f[0], kind, f[c.country], f[c.description], f[c.wikidata], split(f[c.aliases], '|'),
        {},   {}};
    if (kind == EntityKind::place && !e.description.empty() && !e.country.empty()) {
      e.description += " in " + country_name(g, e.country);
    }
    g.add_entity(std::move(e));
  }
  return ok();
}

// Reads a one-entry-per-line list (titles.txt, stop_words.txt).
Result<std::vector<std::string>> read_list(const fs::path& file) {
  KB_ASSIGN(std::vector<Row> rows, read_table(file, 1));
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (Row& row : rows) {
    out.push_back(std::move(row.fields[0]));
  }
  return out;
}

}  // namespace

Result<Gazetteer> load_gazetteer(const fs::path& data_dir, const fs::path& iso_json) {
  Gazetteer g;
  fs::path dir = data_dir / "gazetteer";
  KB_TRY(load_countries(g, dir / "countries.tsv", iso_json));
  KB_TRY(load_entities(g, dir / "places.tsv", EntityKind::place, {5, 3, 2, 1, 4}));
  KB_TRY(load_entities(g, dir / "organisations.tsv", EntityKind::organisation, {5, 1, 2, 3, 4}));
  KB_TRY(load_entities(g, dir / "groups.tsv", EntityKind::group, {5, 1, 2, 3, 4}));
  KB_TRY(load_entities(g, dir / "people.tsv", EntityKind::person, {5, 3, 2, 1, 4}));
  KB_ASSIGN(std::vector<std::string> titles, read_list(dir / "titles.txt"));
  for (const std::string& t : titles) {
    g.add_title(t);
  }
  KB_ASSIGN(std::vector<std::string> stops, read_list(dir / "stop_words.txt"));
  for (const std::string& s : stops) {
    g.add_stop_word(s);
  }
  return g;
}

Result<fs::path> find_data_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("KB_DATA_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
  candidates.emplace_back(KB_SOURCE_DATA_DIR);
  candidates.emplace_back(KB_INSTALL_DATA_DIR);
  std::string tried;
  for (const fs::path& dir : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(dir / "gazetteer" / "countries.tsv", ec)) {
      return dir;
    }
    tried += (tried.empty() ? "" : ", ") + dir.string();
  }
  return fail(Errc::not_found, "no gazetteer/countries.tsv under " + tried +
                                   " (set KB_DATA_DIR to kb's data directory)");
}

}  // namespace kb::importers
