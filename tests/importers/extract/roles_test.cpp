// Tests for importers/extract/roles.cpp: who acts and who is acted on: "X fell to Y" swaps the
// roles, "the city" is followed back to its name, and a demonym before an office acts for its
// country.
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

namespace {

using kb::importers::extract::Extraction;

}  // namespace

TEST_SUITE("importers") {
  using kb::test::hand_rules::run;

  TEST_CASE("Extractor swaps roles for 'fell to' and follows 'the city' back to its name") {
    const Extraction x =
        run("The fight for Bakhmut has taken centre stage. But after the Ukrainian city fell into "
            "the hands of the Russian mercenary group Wagner over the weekend, a challenge looms.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].title == "Wagner takes Bakhmut");
    CHECK(x.events[0].date.timex() == "2023-W20-WE");
    bool wagner_acts = false;
    for (const auto& p : x.events[0].participants) {
      wagner_acts = wagner_acts || (p.name == "Wagner Group" && p.role == kb::Role::actor);
    }
    CHECK(wagner_acts);
  }
}

TEST_SUITE("importers") {
  // The second blind round's cases (eval/events/README.md).
  using kb::test::blind_round::has_actor;
  using kb::test::blind_round::run;

  TEST_CASE("Extractor lets a demonym before an office act for its country") {
    const Extraction x =
        run("Our colleagues say the Polish Foreign Minister will be here tomorrow.");
    REQUIRE(x.events.size() == 1);
    CHECK(x.events[0].kind == kb::EventKind::visit);
    CHECK(has_actor(x.events[0], "Poland"));
    CHECK(x.events[0].status == kb::Status::planned);
  }
}
