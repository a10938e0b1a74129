// Loads the CAMEO tables of data/cameo/ and answers code and verb look-ups. The converter
// (scripts/build_cameo_data.py) already normalised the text, so this file only checks and indexes.

#include "importers/analysis/cameo.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace kb::analysis {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// A code field: "---" or a code listed in cameo_codes.tsv.
Result<void> check_code(const CameoDictionary& d, const fs::path& file, int line,
                        std::string_view code, bool may_be_empty) {
  if ((may_be_empty && code.empty()) || code == "---" || d.code(code) != nullptr) {
    return ok();
  }
  return table_error(file, line, "unknown CAMEO code '" + std::string(code) + "'");
}

std::vector<std::string> split_list(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t stop = std::min(s.find(sep), s.size());
    if (stop > 0) {
      out.emplace_back(s.substr(0, stop));
    }
    s.remove_prefix(std::min(stop + 1, s.size()));
  }
  return out;
}

// The next token of a pattern side: a bracket, a marker, or a word.
std::string_view next_token(std::string_view& s) {
  while (!s.empty() && s.front() == ' ') {
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return s;
  }
  std::size_t n = 1;
  if (std::string_view("{}()").find(s.front()) == std::string_view::npos) {
    n = std::min(s.find_first_of(" {}()"), s.size());
  }
  std::string_view token = s.substr(0, n);
  s.remove_prefix(n);
  return token;
}

std::string word_of(std::string_view token) {
  std::string w(token);
  std::replace(w.begin(), w.end(), '_', ' ');
  return w;
}

}  // namespace

Error table_error(const fs::path& file, int line, const std::string& what) {
  return make_error(Errc::parse, file.string() + ":" + std::to_string(line) + ": " + what);
}

Result<std::vector<TableRow>> read_cameo_table(const fs::path& file, std::string& text,
                                               std::size_t min_fields, std::size_t max_fields) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return fail(Errc::storage, "cannot read CAMEO data file " + file.string());
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = std::move(buffer).str();
  std::vector<TableRow> rows;
  std::string_view rest(text);
  int line = 0;
  while (!rest.empty()) {
    std::size_t eol = std::min(rest.find('\n'), rest.size());
    std::string_view l = rest.substr(0, eol);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
    ++line;
    if (!l.empty() && l.back() == '\r') {
      l.remove_suffix(1);
    }
    if (l.empty() || l.front() == '#') {
      continue;
    }
    TableRow row{line, {}};
    while (true) {
      std::size_t tab = l.find('\t');
      row.fields.push_back(l.substr(0, tab));
      if (tab == std::string_view::npos) {
        break;
      }
      l.remove_prefix(tab + 1);
    }
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      std::string want = min_fields == max_fields
                             ? std::to_string(min_fields)
                             : std::to_string(min_fields) + " to " + std::to_string(max_fields);
      return table_error(
          file, line,
          "expected " + want + " tab-separated fields, found " + std::to_string(row.fields.size()));
    }
    if (row.fields.front().empty()) {
      return table_error(file, line, "the first field is empty");
    }
    row.fields.resize(max_fields);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<PatternTerm>> parse_pattern_side(std::string_view text) {
  std::vector<PatternTerm> terms;
  PatternTerm* group = nullptr;  // the open (...) term, if any
  bool in_braces = false;
  bool prep_next = false;  // the first word after '(' is the preposition
  std::string_view rest = text;
  for (std::string_view t = next_token(rest); !t.empty(); t = next_token(rest)) {
    if (t == "{") {
      if (in_braces) {
        return fail(Errc::parse, "nested '{' in pattern '" + std::string(text) + "'");
      }
      in_braces = true;
      if (group == nullptr) {
        terms.push_back(PatternTerm{});
      }
    } else if (t == "}") {
      if (!in_braces) {
        return fail(Errc::parse, "'}' without '{' in pattern '" + std::string(text) + "'");
      }
      in_braces = false;
    } else if (t == "(") {
      if (group != nullptr || in_braces) {
        return fail(Errc::parse, "nested '(' in pattern '" + std::string(text) + "'");
      }
      terms.push_back(PatternTerm{PatternTerm::Kind::prep, {}, {}});
      group = &terms.back();
      prep_next = true;
    } else if (t == ")") {
      if (group == nullptr || in_braces) {
        return fail(Errc::parse, "')' without '(' in pattern '" + std::string(text) + "'");
      }
      group = nullptr;
    } else if (prep_next) {
      group->prep = word_of(t);
      prep_next = false;
    } else if (group == nullptr && !in_braces && t.size() == 1 &&
               std::string_view("$+^%").find(t.front()) != std::string_view::npos) {
      using K = PatternTerm::Kind;
      K kind = t == "$" ? K::source : t == "+" ? K::target : t == "^" ? K::skip : K::compound;
      terms.push_back(PatternTerm{kind, {}, {}});
    } else if (group != nullptr || in_braces) {
      (group != nullptr ? *group : terms.back()).words.push_back(word_of(t));
    } else {
      terms.push_back(PatternTerm{PatternTerm::Kind::noun, {}, {word_of(t)}});
    }
  }
  if (group != nullptr || in_braces) {
    return fail(Errc::parse, "unclosed bracket in pattern '" + std::string(text) + "'");
  }
  return terms;
}

Result<CameoDictionary> CameoDictionary::load(const fs::path& dir) {
  CameoDictionary d;
  std::string text;

  fs::path file = dir / "cameo_codes.tsv";
  KB_ASSIGN(std::vector<TableRow> rows, read_cameo_table(file, text, 5, 5));
  for (const TableRow& r : rows) {
    const auto& f = r.fields;
    bool root = f[0].size() == 2;
    if (!all_digits(f[0]) || f[0].size() > 4 || (root ? !f[1].empty() : f[1].empty()) ||
        f[2].size() != 2 || f[0].substr(0, 2) != f[2] || f[3].size() != 1 || f[3][0] < '1' ||
        f[3][0] > '4' || f[4].empty()) {
      return table_error(file, r.line, "expected code, parent, root, quad (1-4) and name");
    }
    if (!root && d.code(f[1]) == nullptr) {
      return table_error(file, r.line, "parent '" + std::string(f[1]) + "' is not listed above");
    }
    if (!d.code_index_.emplace(std::string(f[0]), d.codes_.size()).second) {
      return table_error(file, r.line, "code '" + std::string(f[0]) + "' is listed twice");
    }
    d.codes_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), f[3][0] - '0',
                        std::string(f[4])});
  }

  for (const char* name : {"cameo_verbs.tsv", "kb_verbs.tsv"}) {
    file = dir / name;
    KB_ASSIGN(rows, read_cameo_table(file, text, 7, 7));
    for (const TableRow& r : rows) {
      const auto& f = r.fields;
      if (f[1].empty() || f[2].empty() || f[6].empty()) {
        return table_error(file, r.line, "verb, phrase, block and origin are required");
      }
      KB_TRY(check_code(d, file, r.line, f[3], false));
      KB_TRY(check_code(d, file, r.line, f[4], true));
      std::string verb = lower(f[0]);
      d.verb_index_[verb].push_back(d.verbs_.size());
      d.verbs_.push_back({std::move(verb), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                          std::string(f[4]), split_list(f[5], ','), std::string(f[6])});
    }
  }

  file = dir / "cameo_patterns.tsv";
  KB_ASSIGN(rows, read_cameo_table(file, text, 5, 5));
  d.patterns_.reserve(rows.size());
  for (const TableRow& r : rows) {
    const auto& f = r.fields;
    KB_TRY(check_code(d, file, r.line, f[3], false));
    KB_TRY(check_code(d, file, r.line, f[4], true));
    Result<std::vector<PatternTerm>> before = parse_pattern_side(f[1]);
    Result<std::vector<PatternTerm>> after = parse_pattern_side(f[2]);
    if (!before || !after) {
      return table_error(file, r.line, (!before ? before : after).error().message);
    }
    std::string written = std::string(f[1]) + (f[1].empty() ? "* " : " * ") + std::string(f[2]);
    d.patterns_.push_back({std::string(f[0]), std::move(*before), std::move(*after),
                           std::string(f[3]), std::string(f[4]), std::move(written)});
  }
  std::stable_sort(d.patterns_.begin(), d.patterns_.end(),
                   [](const CameoPattern& a, const CameoPattern& b) { return a.block < b.block; });
  for (std::size_t i = 0; i < d.patterns_.size();) {
    std::size_t j = i;
    while (j < d.patterns_.size() && d.patterns_[j].block == d.patterns_[i].block) {
      ++j;
    }
    d.block_index_.emplace(d.patterns_[i].block, std::make_pair(i, j));
    i = j;
  }

  file = dir / "cameo_synsets.tsv";
  KB_ASSIGN(rows, read_cameo_table(file, text, 2, 2));
  for (const TableRow& r : rows) {
    if (r.fields[1].empty()) {
      return table_error(file, r.line, "the synset phrase is empty");
    }
    d.synsets_[lower(r.fields[0])].emplace_back(r.fields[1]);
  }
  if (d.roots().size() != 20) {
    return fail(Errc::parse, (dir / "cameo_codes.tsv").string() + ": expected the 20 CAMEO roots");
  }
  return d;
}

const CameoCode* CameoDictionary::code(std::string_view code) const {
  auto it = code_index_.find(code);
  return it == code_index_.end() ? nullptr : &codes_[it->second];
}

std::vector<const CameoCode*> CameoDictionary::roots() const {
  std::vector<const CameoCode*> out;
  for (const CameoCode& c : codes_) {
    if (c.parent.empty()) {
      out.push_back(&c);
    }
  }
  return out;
}

std::vector<VerbSense> CameoDictionary::senses(std::string_view lemma) const {
  std::vector<VerbSense> out;
  auto it = verb_index_.find(lower(lemma));
  if (it == verb_index_.end()) {
    return out;
  }
  for (std::size_t i : it->second) {
    out.push_back({&verbs_[i], patterns(verbs_[i].block)});
  }
  return out;
}

std::vector<std::string> CameoDictionary::codes_of(std::string_view lemma) const {
  std::vector<std::string> out;
  for (const VerbSense& s : senses(lemma)) {
    if (s.verb->code != "---" && std::find(out.begin(), out.end(), s.verb->code) == out.end()) {
      out.push_back(s.verb->code);
    }
  }
  return out;
}

std::span<const CameoPattern> CameoDictionary::patterns(std::string_view block) const {
  auto it = block_index_.find(block);
  if (it == block_index_.end()) {
    return {};
  }
  return std::span<const CameoPattern>(patterns_).subspan(it->second.first,
                                                          it->second.second - it->second.first);
}

const std::vector<std::string>* CameoDictionary::synset(std::string_view name) const {
  auto it = synsets_.find(lower(name));
  return it == synsets_.end() ? nullptr : &it->second;
}

Result<fs::path> find_cameo_dir() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("KB_DATA_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(fs::path(env) / "cameo");
  }
  candidates.emplace_back(fs::path(KB_SOURCE_DATA_DIR) / "cameo");
  candidates.emplace_back(fs::path(KB_INSTALL_DATA_DIR) / "cameo");
  std::string tried;
  for (const fs::path& dir : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(dir / "cameo_codes.tsv", ec)) {
      return dir;
    }
    tried += (tried.empty() ? "" : ", ") + dir.string();
  }
  return fail(Errc::not_found,
              "no cameo_codes.tsv in " + tried + " (set KB_DATA_DIR to kb's data directory)");
}

}  // namespace kb::analysis
