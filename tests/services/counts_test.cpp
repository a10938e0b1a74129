// Tests services/counts.cpp: periods, ISO weeks, events wider than a period, groups and their
// cap. The chart is tested in tests/render/counts_test.cpp.

#include "services/counts.hpp"

#include <doctest/doctest.h>

#include "tests/services/counts_fixture.hpp"

namespace kb {
namespace {

using test::day;
using test::event;

}  // namespace

TEST_SUITE("services") {
  TEST_CASE("count_events buckets by ISO week and leaves out events wider than a week") {
    const std::vector<Event> events = {
        event(day(2023, 5, 20), EventKind::attack),   // Saturday: week 20
        event(day(2023, 5, 21), EventKind::attack),   // Sunday: week 20
        event(day(2023, 5, 22), EventKind::meeting),  // Monday: week 21
        event(day(2023, 6, 5), EventKind::attack),    // week 23, after an empty week 22
        event(FuzzyDate::month(date::year{2023} / date::May),
              EventKind::statement),  // a month: wider
    };
    auto t = services::count_events(events, services::Period::week, services::Split::kind);
    REQUIRE(t.has_value());
    CHECK(t->events == 4);
    CHECK(t->wider == 1);
    REQUIRE(t->periods.size() == 4);
    CHECK(t->periods[0].label == "2023-W20");
    CHECK(date::format("%F", t->periods[0].first) == "2023-05-15");
    CHECK(date::format("%F", t->periods[0].last) == "2023-05-21");
    CHECK(t->periods[2].label == "2023-W22");
    CHECK(t->periods[2].total == 0);
    CHECK(t->groups == std::vector<std::string>{"attack", "meeting"});
    CHECK(t->periods[0].by_group == std::vector<std::size_t>{2, 0});
    CHECK(t->periods[1].by_group == std::vector<std::size_t>{0, 1});
    // By month the month-precision event counts.
    auto m = services::count_events(events, services::Period::month, services::Split::none);
    REQUIRE(m.has_value());
    CHECK(m->wider == 0);
    REQUIRE(m->periods.size() == 2);
    CHECK(m->periods[0].label == "2023-05");
    CHECK(m->periods[0].total == 4);
    // The ISO week of 1 January 2021 is week 53 of 2020.
    auto w = services::count_events({event(day(2021, 1, 1), EventKind::other)},
                                    services::Period::week, services::Split::none);
    REQUIRE(w.has_value());
    CHECK(w->periods.at(0).label == "2020-W53");
  }

  TEST_CASE("count_events keeps eight groups, counts an event once per actor, and caps periods") {
    std::vector<Event> events;
    for (int i = 0; i < 10; ++i) {
      for (int k = 0; k <= i; ++k) {
        events.push_back(event(day(2022, 3, 1), EventKind::attack, {"Actor " + std::to_string(i)}));
      }
    }
    events.push_back(event(day(2022, 3, 2), EventKind::attack, {"Actor 9", "Actor 8"}));
    events.push_back(event(day(2022, 3, 2), EventKind::attack));
    auto t = services::count_events(events, services::Period::year, services::Split::actor);
    REQUIRE(t.has_value());
    REQUIRE(t->groups.size() == services::kMaxGroups);
    CHECK(t->groups.front() == "Actor 9");
    CHECK(t->groups.back() == "(rest)");
    CHECK(t->periods.at(0).total == events.size());
    // Seven named groups; Actors 0, 1 and 2 (1 + 2 + 3 events) and "(none)" (1) are the rest.
    CHECK(t->groups[6] == "Actor 3");
    CHECK(t->periods.at(0).by_group.back() == 7);
    CHECK(t->periods.at(0).by_group.front() == 11);  // Actor 9: ten events plus the shared one
    auto many = services::count_events(
        {event(day(1900, 1, 1), EventKind::attack), event(day(2000, 1, 1), EventKind::attack)},
        services::Period::day, services::Split::none);
    REQUIRE_FALSE(many.has_value());
    CHECK(many.error().message.find("count by a longer period") != std::string::npos);
    CHECK_FALSE(services::parse_period("fortnight").has_value());
    CHECK_FALSE(services::parse_split("colour").has_value());
  }
}

}  // namespace kb
