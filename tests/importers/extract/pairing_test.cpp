// Tests for importers/extract/pairing.cpp: a sentence's dates paired with its triggers: coordinated
// dates share a trigger, a weak trigger ranks behind a verb and reaches its date only across
// prepositions and names, and no date pairs across "anniversary of" or a speech's colon.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

namespace {

using kb::importers::extract::Extraction;

}  // namespace

TEST_SUITE("importers") {
  using kb::test::hand_rules::run;

  TEST_CASE("Extractor gives coordinated dates the trigger they share") {
    const Extraction x =
        run("The principle was confirmed at the 1999 and 2010 summits of the OSCE.");
    REQUIRE(x.events.size() == 2);
    CHECK(x.events[0].date.timex() == "1999");
    CHECK(x.events[1].date.timex() == "2010");
    CHECK(x.events[0].kind == kb::EventKind::meeting);
    CHECK(x.events[1].kind == kb::EventKind::meeting);
  }
}

TEST_SUITE("importers") {
  // The second blind round's cases (eval/events/README.md).
  using kb::test::blind_round::run;

  TEST_CASE("Extractor dates the speech, not what is reported after a colon") {
    CHECK(run("I said yesterday: even after 1990, the sanctions imposed on the USSR were "
              "retained.")
              .events.empty());
    CHECK(run("Russia said yesterday that it imposed sanctions on the bank.").events.size() == 1);
  }

  TEST_CASE("Extractor does not date a trigger by the year of what its anniversary marks") {
    const Extraction x =
        run("Putin attended a military parade marking the 77th anniversary of Victory in 1945.");
    CHECK(std::none_of(x.events.begin(), x.events.end(),
                       [](const auto& e) { return e.date.timex() == "1945"; }));
  }

  TEST_CASE("Extractor ranks a weak noun behind a verb a little further from the date") {
    const Extraction x = run("Andrzej Duda arrived in Kyiv on Tuesday for talks with Zelensky.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].kind == kb::EventKind::visit);
  }

  TEST_CASE("Extractor lets a weak verb reach its date across prepositions and names only") {
    const Extraction x =
        run("The proposals from our General Staff, sent to NATO in 2020, included measures.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].date.timex() == "2020");
    CHECK(run("The reply was sent back quickly in 2020.").events.empty());
  }
}
