// cmake/embed_lexicon.cmake: the word lists of data/lexicon become C++ string literals byte for
// byte. The fixtures (tests/data/lexicon/escaping.txt, escaping_table.tsv) hold what string
// literals, CMake lists and the format itself could get wrong.
#include <array>
#include <string>
#include <string_view>
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
