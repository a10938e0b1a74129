// Tests render/text.cpp: the claim note, display widths, padding and ANSI styling.
#include "render/text.hpp"

#include <string>

#include <doctest/doctest.h>

#include "tests/render/claim_fixture.hpp"

namespace {

using kb::test::claimed_event;

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("claim_note names the claimants of a claimed event, and nothing for a fact") {
    kb::Event e = claimed_event();
    CHECK(kb::render::claim_note(e) == "claimed by Ukraine");
    e.participants.pop_back();
    CHECK(kb::render::claim_note(e) == "claimed");
    e.tags.clear();
    CHECK(kb::render::claim_note(e).empty());
  }
}
