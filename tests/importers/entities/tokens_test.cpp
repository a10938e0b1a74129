// Tests importers/entities/tokens.cpp: words and punctuation with byte spans, capitals, line
// breaks, typographic marks unified, and the lookup key of a token.
#include "importers/entities/tokens.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

using kb::importers::Token;
using kb::importers::token_key;
using kb::importers::tokenize;

TEST_SUITE("importers") {
  TEST_CASE("tokenize gives words and marks with byte spans, capitals and line breaks") {
    const std::string_view text = "Mayor\xE2\x80\x99s office, 12 km\nnorth.";
    std::vector<Token> tokens{Token{}};  // cleared first
    tokenize(text, tokens);
    std::vector<std::string> spans;
    for (const Token& t : tokens) {
      spans.emplace_back(text.substr(t.begin, t.end - t.begin));
    }
    CHECK(spans == std::vector<std::string>{"Mayor", "\xE2\x80\x99", "s", "office", ",", "12", "km",
                                            "north", "."});
    CHECK(tokens[0].capitalized);
    CHECK(tokens[0].punct == 0);
    CHECK(tokens[1].punct == '\'');  // U+2019 read as an ASCII apostrophe
    CHECK_FALSE(tokens[3].capitalized);
    CHECK(tokens[5].capitalized);  // a digit counts as a capital
    CHECK_FALSE(tokens[6].newline_before);
    CHECK(tokens[7].newline_before);
  }

  TEST_CASE("token_key folds case and accents, and gives a mark's ASCII form") {
    const std::string_view text = "Z\xC3\xBCrich \xE2\x80\x94 KYIV";
    std::vector<Token> tokens;
    tokenize(text, tokens);
    REQUIRE(tokens.size() == 3);
    CHECK(token_key(text, tokens[0]) == "zurich");
    CHECK(token_key(text, tokens[1]) == "-");
    CHECK(token_key(text, tokens[2]) == "kyiv");
    tokenize("", tokens);
    CHECK(tokens.empty());
  }
}
