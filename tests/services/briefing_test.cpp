// Tests services/briefing.cpp: which of the seed's events are key developments, context or ahead,
// and what was known on a day.
#include "services/briefing.hpp"

#include <doctest/doctest.h>

#include "tests/kb/ukraine_seed.hpp"
#include "tests/services/briefing_fixture.hpp"

namespace kb {
namespace {

using test::seed_briefing;

}  // namespace

TEST_SUITE("services") {
  TEST_CASE("collect_briefing sorts the seed into key developments, context and ahead") {
    auto s = test::ukraine_seed();
    const kb::services::Briefing b = seed_briefing(s, "2014");
    REQUIRE(b.key.size() == 3);  // annexation, invasion, Bakhmut (the hand entry is 24 May)
    CHECK(b.key[0].id == s.events.at("crimea"));
    CHECK(b.key[2].id == s.events.at("bakhmut"));
    REQUIRE(b.context.size() == 1);
    CHECK(b.context[0].id == s.events.at("assurances"));
    REQUIRE(b.ahead.size() == 1);
    CHECK(b.ahead[0].id == s.events.at("vilnius"));
  }

  TEST_CASE("as-of leaves out what was recorded later, without it the hand entry shows") {
    auto s = test::ukraine_seed();
    kb::services::BriefingQuery q;
    q.topic = "Bakhmut";
    q.today = date::sys_days{date::year{2026} / 1 / 1};
    auto now = kb::services::collect_briefing(s.store, q, "t");
    REQUIRE(now.has_value());
    CHECK(now->key.size() == 2);
    q.as_of = date::sys_days{date::year{2023} / 5 / 23};
    auto then = kb::services::collect_briefing(s.store, q, "t");
    REQUIRE(then.has_value());
    CHECK(then->key.size() == 1);
  }
}

}  // namespace kb
