// Tests for importers/sentences.cpp: ICU sentence splitting with exact UTF-8 byte offsets.
#include "importers/sentences.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace {

std::vector<std::string> texts(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& x : kb::importers::split_sentences(s)) {
    REQUIRE(x.begin < x.end);
    REQUIRE(x.end <= s.size());
    out.emplace_back(s.substr(x.begin, x.end - x.begin));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("split_sentences keeps abbreviations, titles and initials inside sentences") {
    CHECK(texts("Gen. Valeriy Zaluzhniy spoke on Monday. He said the U.S. would help.") ==
          V{"Gen. Valeriy Zaluzhniy spoke on Monday.", "He said the U.S. would help."});
    CHECK(texts("Mr. Biden met Dr. Duda. They talked.") ==
          V{"Mr. Biden met Dr. Duda.", "They talked."});
    CHECK(texts("Russia invaded on Feb. 24 last year. The war goes on.") ==
          V{"Russia invaded on Feb. 24 last year.", "The war goes on."});
    CHECK(texts("“Stop,” he said. “Now!” Then he left?") ==
          V{"“Stop,” he said.", "“Now!”", "Then he left?"});
    CHECK(texts("John F. Kennedy met Lt. Col. Smith in Jan. 1962. It was cold.") ==
          V{"John F. Kennedy met Lt. Col. Smith in Jan. 1962.", "It was cold."});
  }

  TEST_CASE("split_sentences never joins across a blank line and trims whitespace") {
    CHECK(texts("  Goal of deterring Vladimir Putin\n\nA similar arrangement could help.  ") ==
          V{"Goal of deterring Vladimir Putin", "A similar arrangement could help."});
    CHECK(texts("Meeting with Gen.\n\nNext paragraph.") ==
          V{"Meeting with Gen.", "Next paragraph."});
    CHECK(texts("").empty());
    CHECK(texts(" \n\n ").empty());
  }

  TEST_CASE("split_sentences splits glued sentences only before sentence-opening words") {
    CHECK(texts("Yermak told the Journal in a statementHe added that guarantees matter.") ==
          V{"Yermak told the Journal in a statement", "He added that guarantees matter."});
    CHECK(texts("Crimea was annexed in March.The new sanctions followed.") ==
          V{"Crimea was annexed in March.", "The new sanctions followed."});
    CHECK(texts("He ate at McDonald's and posted on LinkedIn about his iPhone at Caliber.Az today.")
              .size() == 1);
  }

  TEST_CASE("split_sentences starts a sentence at a number after a word and a period") {
    // ICU keeps a number-initial sentence with the one before it.
    CHECK(texts("Tried to kill nations. 102 years later, an order was issued.") ==
          V{"Tried to kill nations.", "102 years later, an order was issued."});
    CHECK(texts("We lost 137 heroes today. 10 of them are officers.") ==
          V{"We lost 137 heroes today.", "10 of them are officers."});
    // Not after an abbreviation, a capitalised word or an initial, nor before a bare figure.
    CHECK(texts("It cost approx. 100 dollars in Jan. 2022.").size() == 1);
    CHECK(texts("They met on Jan. 5 in the U.S. 10 days later they left.").size() == 1);
    CHECK(texts("It was Kyiv vs. 3 brigades of the enemy.").size() == 1);
  }

  TEST_CASE("split_sentences returns exact UTF-8 byte offsets") {
    const std::string s = "Київ — столиця. Zelensky’s aide spoke. Then: “Yes.”";
    const auto got = kb::importers::split_sentences(s);
    REQUIRE(got.size() == 3);
    CHECK(got[0].begin == 0);
    CHECK(got[0].end == s.find(". ") + 1);
    CHECK(got[1].begin == s.find("Zelensky"));
    CHECK(got[2].begin == s.find("Then"));
    CHECK(got[2].end == s.size());
  }

  TEST_CASE("SentenceSplitter is reusable and tolerates invalid UTF-8") {
    kb::importers::SentenceSplitter splitter;
    for (int i = 0; i < 3; ++i) {
      const auto got = splitter.split("One. Two.");
      REQUIRE(got.size() == 2);
      CHECK(got[1].begin == 5);
      CHECK(got[1].end == 9);
    }
    const std::string bad = "Bad \xFF\xFE bytes. Still fine.";
    const auto got = splitter.split(bad);
    REQUIRE(got.size() == 2);
    CHECK(got[1].begin == bad.find("Still"));
    CHECK(got[1].end == bad.size());
  }
}
