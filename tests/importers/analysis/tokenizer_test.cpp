// Tests for importers/analysis/tokenizer.cpp: UD English (EWT) tokenisation and byte offsets.
#include "importers/analysis/tokenizer.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/analysis/analysis_fixture.hpp"

namespace {

using kb::analysis::Word;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("tokenize follows the UD English (EWT) conventions") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Russia's troops didn't stop.", "Russia 's troops did n't stop ."},
        {"They can't and won't, we're told.", "They ca n't and wo n't , we 're told ."},
        {"the leaders' summit", "the leaders ' summit"},
        {"Mr. Putin met U.S. officials at 10 a.m. on Feb. 3.",
         "Mr. Putin met U.S. officials at 10 a.m. on Feb. 3 ."},
        {"a 15-year term, anti-war and co-workers", "a 15 - year term , anti-war and co-workers"},
        {"\"We will win,\" he said (again).", "\" We will win , \" he said ( again ) ."},
        {"$1,000.50 or 5% on 9/11", "$ 1,000.50 or 5 % on 9/11"},
        {"see https://example.org/a?b=1, or mail a@b.org.",
         "see https://example.org/a?b=1 , or mail a@b.org ."},
        {"He left—quietly…", "He left — quietly …"},
        {"“Yes,” she said.", "“ Yes , ” she said ."},
        {"and/or", "and / or"},
        // A unit written against its number is a word of its own; ordinals, decades and codes
        // are not split.
        {"at 5pm, 37km and 2.5kg, 1,000km or 65k", "at 5 pm , 37 km and 2.5 kg , 1,000 km or 65 k"},
        {"the 30th, the 1970s, 3G and 86M", "the 30th , the 1970s , 3G and 86M"},
    };
    for (const auto& [text, expected] : cases) {
      CAPTURE(text);
      CHECK(kb::test::forms(kb::analysis::tokenize(text)) == expected);
    }
  }

  TEST_CASE("tokenize keeps byte offsets and spacing, and never loses a non-space byte") {
    const std::string text = "Kyiv\xC2\xA0(Ukraine)  said:\xff\xfe ok";
    const auto words = kb::analysis::tokenize(text, 100);
    std::string rebuilt;
    for (const Word& w : words) {
      CHECK(text.substr(w.begin - 100, w.end - w.begin) == w.form);
      rebuilt += w.form;
    }
    CHECK(rebuilt == "Kyiv(Ukraine)said:\xff\xfeok");
    CHECK(words[0].space_after);   // a no-break space is a space
    CHECK(!words[1].space_after);  // "(" touches "Ukraine"
  }
}
