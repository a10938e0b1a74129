// Tests for render/timeline.cpp and render/text.cpp's claim note: a claimed event says who
// claims it in every listing an analyst reads.
#include "render/timeline.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "render/text.hpp"

namespace {

kb::Event claimed_event() {
  kb::Event e;
  e.id = 7;
  e.title = "Russia captures Mayorsk";
  e.date = kb::FuzzyDate::day(date::year{2022} / 3 / 13);
  e.tags = {"claimed"};
  e.participants = {{1, "Russia", kb::EntityKind::country, kb::Role::actor},
                    {2, "Ukraine", kb::EntityKind::country, kb::Role::claimant}};
  return e;
}

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

  TEST_CASE("timelines in text and Markdown show who claims an event") {
    const std::vector<kb::Event> events{claimed_event()};
    const std::string text = kb::render::timeline_text(events, false);
    CHECK(text.find("Russia captures Mayorsk (claimed by Ukraine)") != std::string::npos);
    const std::string md = kb::render::timeline_markdown(events);
    CHECK(md.find("Russia captures Mayorsk *(claimed by Ukraine)*") != std::string::npos);
  }
}
