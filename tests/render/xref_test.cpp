// Tests render/xref.cpp: an entity's and an event's cross-references as text, Markdown and JSON.
#include "render/xref.hpp"

#include <nlohmann/json.hpp>
#include <string>

#include <doctest/doctest.h>

namespace kb {
namespace {

FuzzyDate on(int y, unsigned m, unsigned d) {
  return FuzzyDate::day(date::year{y} / date::month{m} / date::day{d});
}

Event event(Id id, const std::string& title, FuzzyDate date) {
  Event e;
  e.id = id;
  e.title = title;
  e.date = date;
  return e;
}

}  // namespace

TEST_SUITE("render") {
  TEST_CASE("render_entity_xref lists aliases, events with roles, companions and sources") {
    services::EntityXref x;
    x.entity.id = 3;
    x.entity.name = "Atlantis";
    x.entity.kind = EntityKind::country;
    x.entity.aliases = {"Atlantica"};
    x.events.push_back({event(11, "Atlantis opens a port", on(2020, 4, 2)), {Role::actor}});
    services::Companion c;
    c.id = 5;
    c.name = "Lemuria";
    c.kind = EntityKind::country;
    c.events = 2;
    c.first = on(2020, 4, 2);
    c.last = on(2021, 1, 9);
    x.companions.push_back(c);
    const std::string text = render::render_entity_xref(x, render::Format::text);
    CHECK(text.find("Atlantis (country, #3)") != std::string::npos);
    CHECK(text.find("also known as: Atlantica") != std::string::npos);
    CHECK(text.find("events (1)") != std::string::npos);
    CHECK(text.find("Atlantis opens a port") != std::string::npos);
    CHECK(text.find("#11") != std::string::npos);
    CHECK(text.find("Lemuria (country, #5): 2 events, ") != std::string::npos);
    CHECK(text.find("sources (") == std::string::npos);  // no sources: no section
    const auto j = nlohmann::json::parse(render::render_entity_xref(x, render::Format::json));
    CHECK(j["entity"]["name"] == "Atlantis");
    REQUIRE(j["events"].size() == 1);
    CHECK(j["events"][0]["event"]["title"] == "Atlantis opens a port");
  }

  TEST_CASE("render_event_xref offers the kb link command for each duplicate") {
    services::EventXref x;
    x.event = event(7, "Ports reopen", on(2022, 8, 1));
    services::DuplicateCandidate d;
    d.id = 9;
    d.title = "Ports are reopened";
    d.date = on(2022, 8, 2);
    d.score = 0.876;
    x.duplicates.push_back(d);
    const std::string text = render::render_event_xref(x, render::Format::text, 14);
    CHECK(text.find("#7 Ports reopen (") != std::string::npos);
    CHECK(text.find("links (0)") != std::string::npos);
    CHECK(text.find("(score 0.88); accept: kb link 7 same-as 9") != std::string::npos);
    CHECK(text.find("citations (0)") != std::string::npos);
    const auto j = nlohmann::json::parse(render::render_event_xref(x, render::Format::json, 14));
    CHECK(j["title"] == "Ports reopen");
    CHECK(j["related"].empty());
    REQUIRE(j["duplicates"].size() == 1);
    CHECK(j["duplicates"][0]["score"] == doctest::Approx(0.88));
    CHECK(j["duplicates"][0]["accept"] == "kb link 7 same-as 9");
  }
}

}  // namespace kb
