// Tests for importers/records/acled_csv.cpp: ACLED exports: event types, actors, places and
// ACLED's date precision.
#include <string>

#include <doctest/doctest.h>

#include "importers/records/records.hpp"
#include "tests/importers/records/records_fixture.hpp"

namespace kb::importers {
namespace {

using kb::test::data;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("read_acled_csv maps types, actors, places and ACLED's precision") {
    const std::string text = data("acled.csv");
    CHECK(looks_like_acled_csv(text));
    CHECK(!looks_like_analyst_csv(text));
    auto batch = read_acled_csv(text);
    REQUIRE(batch.has_value());
    REQUIRE(batch->events.size() == 3);
    REQUIRE(batch->warnings.size() == 1);
    CHECK(batch->warnings[0].line == 5);
    const RecordEvent& bakhmut = batch->events[0];
    CHECK(bakhmut.event.title ==
          "Non-state actor overtakes territory: Wagner Group vs Military Forces of Ukraine "
          "(2019-) in Bakhmut");
    CHECK(bakhmut.event.kind == kb::EventKind::territorial_change);
    CHECK(bakhmut.event.date.precision() == Precision::day);
    REQUIRE(bakhmut.entities.size() == 5);
    CHECK(bakhmut.entities[2].name == "Ukraine");
    CHECK(bakhmut.entities[2].kind == EntityKind::country);
    CHECK(bakhmut.entities[4].name == "Bakhmut");
    CHECK(bakhmut.entities[4].country == std::optional<std::string>("Ukraine"));
    // Coordinates and fatalities are data, not words (issue #12).
    CHECK(bakhmut.entities[4].description.empty());
    REQUIRE(bakhmut.entities[4].latitude.has_value());
    CHECK(*bakhmut.entities[4].latitude == doctest::Approx(48.5956));
    CHECK(*bakhmut.entities[4].longitude == doctest::Approx(38.0003));
    CHECK(bakhmut.source->key == "acled:UKR12345");
    CHECK(bakhmut.source->original_publisher ==
          std::optional<std::string>("Ukrainska Pravda; TASS"));
    CHECK(batch->events[1].event.kind == kb::EventKind::attack);
    CHECK(batch->events[1].event.date.timex() == "2023-W20");
    CHECK(batch->events[1].event.summary == "Shelling around 17 May, week of.");
    CHECK(batch->events[1].event.fatalities == 2);
    CHECK(batch->events[2].event.kind == kb::EventKind::protest);
    CHECK(batch->events[2].event.date.display() == "May 2023");
  }
}

}  // namespace kb::importers
