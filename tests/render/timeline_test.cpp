// Tests for render/timeline.cpp: a claimed event says who claims it in every listing an analyst
// reads.
#include "render/timeline.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/render/claim_fixture.hpp"

namespace {

using kb::test::claimed_event;

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("timelines in text and Markdown show who claims an event") {
    const std::vector<kb::Event> events{claimed_event()};
    const std::string text = kb::render::timeline_text(events, false);
    CHECK(text.find("Russia captures Mayorsk (claimed by Ukraine)") != std::string::npos);
    const std::string md = kb::render::timeline_markdown(events);
    CHECK(md.find("Russia captures Mayorsk *(claimed by Ukraine)*") != std::string::npos);
  }
}
