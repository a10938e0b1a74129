// Tests for importers/extract/speaker.cpp: "I" and "we" are the speaker of the turn, or of the
// speech the title names.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/extract/extract_fixture.hpp"

namespace {

using kb::importers::extract::Extraction;

}  // namespace

TEST_SUITE("importers") {
  // The second blind round's cases (eval/events/README.md).
  using kb::test::blind_round::has_actor;
  using kb::test::blind_round::run;

  TEST_CASE("Extractor reads 'I' and 'we' as the speaker of the turn or of the speech") {
    const Extraction turn = run(
        "Vladimir Putin: Thank you for coming.\n\nI spoke with President Erdogan today about the "
        "grain corridor.");
    REQUIRE(turn.events.size() == 1);
    CHECK(has_actor(turn.events[0], "Vladimir Putin"));
    const Extraction we =
        run("Alexander Lukashenko: Good afternoon.\n\nWe signed the treaty in Minsk yesterday.");
    REQUIRE(we.events.size() == 1);
    CHECK(has_actor(we.events[0], "Belarus"));
    const Extraction speech =
        run("Today, I'm glad to announce here in Davos that we are setting up a group.",
            "Speech by Head of the Office of the President Andriy Yermak at Davos");
    REQUIRE(speech.events.size() == 1);
    CHECK(has_actor(speech.events[0], "Andriy Yermak"));
    // The marker after the quote a president's office leads its titles with.
    const Extraction quoted_title =
        run("Today, I'm glad to announce here in Davos that we are setting up a group.",
            "We are setting up a group - speech by Head of the Office of the President Andriy "
            "Yermak at Davos");
    REQUIRE(quoted_title.events.size() == 1);
    CHECK(has_actor(quoted_title.events[0], "Andriy Yermak"));
    const Extraction untitled =
        run("Today, I'm glad to announce here in Davos that we are setting up a group.");
    REQUIRE(untitled.events.size() == 1);
    CHECK(std::none_of(untitled.events[0].participants.begin(),
                       untitled.events[0].participants.end(),
                       [](const auto& p) { return p.role == kb::Role::actor; }));
  }
}
