// Tests services/xref.cpp on the seed knowledge base: an entity's events, companions and sources;
// an event's links, nearby events and duplicate candidates; and the as-of rule.

#include "services/xref.hpp"

#include <doctest/doctest.h>

#include "tests/kb/ukraine_seed.hpp"

namespace kb {

TEST_SUITE("services") {
  TEST_CASE("entity_xref lists events with roles, companions by shared events, sources") {
    auto s = test::ukraine_seed();
    auto x =
        kb::services::entity_xref(s.store, s.entities.at("Russia"), kb::services::XrefWindow{}, 10);
    REQUIRE(x.has_value());
    REQUIRE(x->events.size() == 3);
    CHECK(x->events[0].event.id == s.events.at("assurances"));
    CHECK(x->events[0].roles == std::vector<Role>{Role::actor});
    REQUIRE(!x->companions.empty());
    CHECK(x->companions[0].name == "Ukraine");
    CHECK(x->companions[0].events == 3);
    CHECK(x->companions[0].first.display() == "1994");
    CHECK(x->companions[0].last.display() == "February 2022");
    REQUIRE(x->sources.size() == 1);
    CHECK(x->sources[0].events == 3);
    CHECK(x->sources[0].publisher == std::optional<std::string>("Caliber.az"));
  }

  TEST_CASE("entity_xref filters by period and by what was known") {
    auto s = test::ukraine_seed();
    kb::services::XrefWindow w;
    w.from = *FuzzyDate::parse("2014");
    auto x = kb::services::entity_xref(s.store, s.entities.at("Wagner"), w, 10);
    REQUIRE(x.has_value());
    CHECK(x->events.size() == 2);  // Bakhmut, and the hand-entered claim
    w.as_of = date::sys_days{date::year{2023} / 5 / 23};
    x = kb::services::entity_xref(s.store, s.entities.at("Wagner"), w, 10);
    REQUIRE(x.has_value());
    CHECK(x->events.size() == 1);  // the hand entry was recorded on 24 May
    CHECK(kb::services::entity_xref(s.store, 999, kb::services::XrefWindow{}, 10).error().code ==
          Errc::not_found);
  }

  TEST_CASE("event_xref shows links both ways, nearby events and duplicate candidates") {
    auto s = test::ukraine_seed();
    auto crimea =
        kb::services::event_xref(s.store, s.events.at("crimea"), kb::services::XrefWindow{}, 365);
    REQUIRE(crimea.has_value());
    REQUIRE(crimea->event.links.size() == 1);
    CHECK(crimea->event.links[0].relation == kb::Relation::violates);
    CHECK(crimea->event.links[0].outgoing);
    CHECK(crimea->event.citations.size() == 1);
    auto assurances = kb::services::event_xref(s.store, s.events.at("assurances"),
                                               kb::services::XrefWindow{}, 365);
    REQUIRE(assurances.has_value());
    REQUIRE(assurances->event.links.size() == 1);
    CHECK(!assurances->event.links[0].outgoing);

    auto bakhmut =
        kb::services::event_xref(s.store, s.events.at("bakhmut"), kb::services::XrefWindow{}, 365);
    REQUIRE(bakhmut.has_value());
    REQUIRE(bakhmut->duplicates.size() == 1);
    CHECK(bakhmut->duplicates[0].id == s.events.at("wagner-bakhmut"));
    CHECK(bakhmut->duplicates[0].score > 0.5);
    CHECK(!bakhmut->related.empty());  // the claim and the invasion share Ukraine/Wagner/Bakhmut

    // Once accepted (linked same-as), it is no longer suggested.
    REQUIRE(s.store
                .add_link(s.events.at("bakhmut"), kb::Relation::same_as,
                          s.events.at("wagner-bakhmut"), std::nullopt)
                .has_value());
    bakhmut =
        kb::services::event_xref(s.store, s.events.at("bakhmut"), kb::services::XrefWindow{}, 365);
    REQUIRE(bakhmut.has_value());
    CHECK(bakhmut->duplicates.empty());
  }

  TEST_CASE("duplicate_score weighs title words, shared entities and kind") {
    Event a, b;
    a.title = "Bakhmut falls to Wagner";
    b.title = "Wagner takes Bakhmut";
    a.kind = b.kind = kb::EventKind::territorial_change;
    CHECK(kb::services::duplicate_score(a, b) == doctest::Approx(0.55 * 0.5 + 0.15));
    b.title = "Something else entirely";
    b.kind = kb::EventKind::attack;
    CHECK(kb::services::duplicate_score(a, b) == doctest::Approx(0.0));
  }
}

}  // namespace kb
