// cmake/embed_lexicon.cmake: the word lists of data/lexicon become C++ string literals byte for
// byte. The fixtures (tests/data/lexicon/escaping.txt, escaping_table.tsv) hold what string
// literals, CMake lists and the format itself could get wrong; real lists are compared with their
// files, read here by an independent reader of the format (data/lexicon/README.md).
#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

namespace {

struct Row3 {
  std::string_view a, b, c;
};

constexpr auto kEscaping = std::to_array<std::string_view>({
#include "lexicon_test/escaping.inc"
});
constexpr auto kEscapingTable = std::to_array<Row3>({
#include "lexicon_test/escaping_table.inc"
});

constexpr auto kCommonWords = std::to_array<std::string_view>({
#include "lexicon/services/common_words.inc"
});
constexpr auto kAdjunctOpeners = std::to_array<std::string_view>({
#include "lexicon/extract/adjunct_openers.inc"
});
constexpr auto kRegionEnds = std::to_array<std::string_view>({
#include "lexicon/entities/region_ends.inc"
});
constexpr auto kBoilerplatePhrases = std::to_array<std::string_view>({
#include "lexicon/readers/boilerplate_phrases.inc"
});
constexpr auto kNumberSigns = std::to_array<std::string_view>({
#include "lexicon/timex/number_signs.inc"
});
constexpr auto kNominals = std::to_array<std::pair<std::string_view, std::string_view>>({
#include "lexicon/extract/nominals.inc"
});
constexpr auto kConceptGroups = std::to_array<std::pair<std::string_view, std::string_view>>({
#include "lexicon/extract/concept_groups.inc"
});

// The rows of a data/lexicon file, each a list of fields (one for a .txt list), by the format's
// rules: # comments and blank lines skipped, tab-separated fields, "..." around a field
// stripped.
std::vector<std::vector<std::string>> read_rows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with('#') || line.find_first_not_of(" \t") == std::string::npos) {
      continue;
    }
    std::vector<std::string> fields;
    std::istringstream split(line);
    std::string field;
    while (std::getline(split, field, '\t')) {
      if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
        field = field.substr(1, field.size() - 2);
      }
      fields.push_back(field);
    }
    rows.push_back(fields);
  }
  return rows;
}

std::vector<std::string> read_list(const std::string& name) {
  std::vector<std::string> out;
  for (auto& row : read_rows(std::string(KB_SOURCE_DIR) + "/data/lexicon/" + name)) {
    REQUIRE(row.size() == 1);
    out.push_back(row[0]);
  }
  return out;
}

template <std::size_t N>
void check_list(const std::array<std::string_view, N>& embedded, const std::string& name) {
  CAPTURE(name);
  const std::vector<std::string> file = read_list(name);
  REQUIRE(file.size() == N);
  for (std::size_t i = 0; i < N; ++i) {
    CHECK(embedded[i] == file[i]);
  }
}

template <std::size_t N>
void check_table(const std::array<std::pair<std::string_view, std::string_view>, N>& embedded,
                 const std::string& name) {
  CAPTURE(name);
  const auto rows = read_rows(std::string(KB_SOURCE_DIR) + "/data/lexicon/" + name);
  REQUIRE(rows.size() == N);
  for (std::size_t i = 0; i < N; ++i) {
    REQUIRE(rows[i].size() == 2);
    CHECK(embedded[i].first == rows[i][0]);
    CHECK(embedded[i].second == rows[i][1]);
  }
}

}  // namespace

TEST_CASE("embed_lexicon: a list's entries become C++ literals byte for byte") {
  const std::vector<std::string_view> expected = {
      "plain",
      "say \"hi\"",
      "back\\slash",
      "ends\\",  // a backslash at the end of a line joins no lines
      "\\n",
      "a;b",  // CMake's list separator
      "[x]",
      "x]",
      "Since ",   // quoted: the space kept
      " Oblast",  // quoted
      "#hash",    // quoted: no comment
      "\"quoted\"",
      "a\" and \"b",
      "R\"(raw)\"",
      "?\?=",  // no trigraph
      "?\?\?",
      "{braces}, commas",
      "// not a comment",
      "\xC2\xA9",                                                       // ©
      "\xE2\x84\x96 \xD0\xA1\xD1\x81\xD1\x8B\xD0\xBB\xD0\xBA\xD0\xB0",  // № Ссылка
      "\\x",
      "it's",
  };
  REQUIRE(kEscaping.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(kEscaping[i] == expected[i]);
  }
}

TEST_CASE("embed_lexicon: a table's rows become braced rows, fields in order") {
  REQUIRE(kEscapingTable.size() == 3);
  CHECK(kEscapingTable[0].a == "ies");
  CHECK(kEscapingTable[0].b == "y");
  CHECK(kEscapingTable[0].c.empty());  // ""
  CHECK(kEscapingTable[1].a == "a;b");
  CHECK(kEscapingTable[1].b == "[c] ");
  CHECK(kEscapingTable[1].c == "\\\\");
  CHECK(kEscapingTable[2].a == "\"");            // """: a quote, quoted
  CHECK(kEscapingTable[2].b == "\xE2\x80\x99");  // ’
  CHECK(kEscapingTable[2].c == "\"");            // one quote alone is itself
}

TEST_CASE("embed_lexicon: embedded lists equal their data/lexicon files") {
  check_list(kCommonWords, "services/common_words.txt");
  check_list(kAdjunctOpeners, "extract/adjunct_openers.txt");
  check_list(kRegionEnds, "entities/region_ends.txt");
  check_list(kBoilerplatePhrases, "readers/boilerplate_phrases.txt");
  check_list(kNumberSigns, "timex/number_signs.txt");
  check_table(kNominals, "extract/nominals.tsv");
  check_table(kConceptGroups, "extract/concept_groups.tsv");
  // The entries the code relies on: spaces kept, non-ASCII bytes as they are.
  CHECK(kAdjunctOpeners.front() == "Since ");
  CHECK(kRegionEnds.front() == " Oblast");
  CHECK(kNumberSigns.back() == "\u2116");
  CHECK(std::find(kBoilerplatePhrases.begin(), kBoilerplatePhrases.end(), "\xC2\xA9") !=
        kBoilerplatePhrases.end());
}
