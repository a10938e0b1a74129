// Tests for importers/records/analyst_csv.cpp: the analyst CSV's rows, and bad rows reported with
// their line numbers.
#include <string>

#include <doctest/doctest.h>

#include "importers/records/records.hpp"
#include "tests/importers/records/records_fixture.hpp"

namespace kb::importers {
namespace {

using kb::test::data;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("read_analyst_csv reads the seed rows") {
    const std::string text = data("analyst.csv");
    CHECK(looks_like_analyst_csv(text));
    CHECK(!looks_like_acled_csv(text));
    auto batch = read_analyst_csv(text);
    REQUIRE(batch.has_value());
    CHECK(batch->warnings.empty());
    REQUIRE(batch->events.size() == 4);
    const RecordEvent& first = batch->events[0];
    CHECK(first.line == 2);
    CHECK(first.event.title == "The US, UK and Russia give Ukraine security assurances");
    CHECK(first.event.date.display() == "1994");
    CHECK(first.event.kind == kb::EventKind::agreement);
    CHECK(first.event.origin == Origin::imported);
    REQUIRE(first.entities.size() == 3);
    CHECK(first.entities[2].name == "Russia");
    CHECK(first.entities[2].kind == EntityKind::country);
    CHECK(first.event.tags == std::vector<std::string>{"ukraine", "security"});
    REQUIRE(first.source.has_value());
    CHECK(first.source->key.rfind("url:https://caliber.az/", 0) == 0);
    CHECK(batch->events[1].event.date.display() == "early 2014");
    CHECK(batch->events[2].event.date.display() == "20–21 May 2023");
    CHECK(batch->events[2].entities[0].kind == EntityKind::group);
    CHECK(batch->events[2].entities[1].role == Role::location);
    CHECK(batch->events[3].line == 6);  // the quote above spans two lines
    CHECK(batch->events[3].event.tags == std::vector<std::string>{"ukraine", "nato"});
  }

  TEST_CASE("read_analyst_csv reports bad rows with their line numbers") {
    auto batch = read_analyst_csv(data("analyst_damaged.csv"));
    REQUIRE(batch.has_value());
    CHECK(batch->events.size() == 1);
    REQUIRE(batch->warnings.size() == 3);
    CHECK(batch->warnings[0].line == 3);
    CHECK(batch->warnings[0].message.find("32 May 2023") != std::string::npos);
    CHECK(batch->warnings[1].line == 4);
    CHECK(batch->warnings[1].message == "missing title");
    CHECK(batch->warnings[2].line == 5);
    CHECK(batch->warnings[2].message.find("unknown event kind 'warning'") != std::string::npos);
    CHECK(read_analyst_csv("when,what\n1994,x\n").error().code == Errc::parse);
  }
}

}  // namespace kb::importers
