// Tests for importers/extract/dating.cpp: "today" after "of" or a present-tense verb means
// nowadays and dates no event.
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

TEST_SUITE("importers") {
  using kb::test::hand_rules::run;

  TEST_CASE("Extractor reads 'today' as nowadays after 'of' or a present 'is'/'are'") {
    for (const char* text : {
             "The threat of an attack on the port is laid out in the documents of today.",
             "The risk of famine, as the UN leadership warns, is absolutely real today.",
         }) {
      CAPTURE(text);
      CHECK(run(text).events.empty());
    }
    for (const char* text : {"This is why the two leaders are meeting today in the capital.",
                             "The new sanctions against the bank were announced today."}) {
      CAPTURE(text);
      CHECK(run(text).events.size() == 1);
    }
  }
}

TEST_SUITE("importers") {
  // The second blind round's cases (eval/events/README.md).
  using kb::test::blind_round::run;

  TEST_CASE("Extractor reads 'Today, X represent ...' as nowadays, not as an event's day") {
    CHECK(run("Today, sanctions represent an opportunity for us and our allies.").events.empty());
    CHECK(run("Today the ministry announced new sanctions on the bank.").events.size() == 1);
    CHECK(run("Today, the two leaders are signing a treaty in Minsk.").events.size() == 1);
  }
}
