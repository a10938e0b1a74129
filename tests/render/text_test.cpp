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

TEST_SUITE("render") {
  TEST_CASE("display_width counts code points, pad fills to a width, paint wraps in ANSI codes") {
    CHECK(kb::render::display_width("") == 0);
    CHECK(kb::render::display_width("Kyiv") == 4);
    CHECK(kb::render::display_width("K\xC3\xB6ln \xE2\x80\x94 x") == 8);  // "Köln — x"
    CHECK(kb::render::pad("K\xC3\xB6ln", 6) == "K\xC3\xB6ln  ");
    CHECK(kb::render::pad("longer", 3) == "longer");  // never cut
    CHECK(kb::render::paint(true, "1", "bold") == "\x1b[1mbold\x1b[0m");
    CHECK(kb::render::paint(false, "1", "plain") == "plain");
  }
}
