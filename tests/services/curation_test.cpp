// Tests services/curation.cpp against an in-memory knowledge base: entities found by what the
// analyst typed, added in their country, given aliases and a point, merged; each step undoable.

#include "services/curation.hpp"

#include <doctest/doctest.h>

#include "services/oplog.hpp"
#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("services") {
  TEST_CASE_FIXTURE(MemoryDb, "entity_by_ref: a local number, or a name only one entity has") {
    using kb::services::entity_by_ref;
    const Id georgia = entity("Georgia");
    entity("Georgia", EntityKind::place);
    const Id nato = entity("NATO", EntityKind::organisation);
    CHECK(must(entity_by_ref(store, std::to_string(nato))).name == "NATO");
    CHECK(must(entity_by_ref(store, "nato")).id == nato);
    const auto several = entity_by_ref(store, "Georgia");
    REQUIRE_FALSE(several.has_value());
    CHECK(several.error().code == Errc::invalid_argument);
    CHECK(several.error().message.find("#" + std::to_string(georgia) + " Georgia (country)") !=
          std::string::npos);
    const auto none = entity_by_ref(store, "Atlantis");
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == Errc::not_found);
  }

  TEST_CASE_FIXTURE(MemoryDb, "curation: add in a country, alias, point, merge, each undoable") {
    namespace sv = kb::services;
    const Id ukraine = entity("Ukraine");
    sv::NewEntity bakhmut;
    bakhmut.entity.name = "Bakhmut";
    bakhmut.entity.kind = EntityKind::place;
    bakhmut.in = "Ukraine";
    const Entity added = must(sv::add_entity(store, bakhmut, "analyst"));
    CHECK(added.country_id == std::optional<Id>(ukraine));
    CHECK(must(store.entity(added.id)).country_id == std::optional<Id>(ukraine));

    bakhmut.entity.name = "Soledar";
    bakhmut.entity.wikidata = "212";  // not "Q" and digits
    const auto bad = sv::add_entity(store, bakhmut, "analyst");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message == "not a Wikidata id: '212'");
    CHECK(store.lookup_entities("Soledar")->empty());  // nothing half-written

    const Entity aliased = must(sv::add_aliases(store, "Bakhmut", {"Artemivsk"}, "analyst"));
    CHECK(aliased.aliases == std::vector<std::string>{"Artemivsk"});
    const Entity placed = must(sv::set_point(store, "Artemivsk", 48.5956, 38.0003, "analyst"));
    CHECK(placed.latitude == std::optional<double>(48.5956));
    const auto not_a_place = sv::set_point(store, "Ukraine", 49.0, 32.0, "analyst");
    REQUIRE_FALSE(not_a_place.has_value());
    CHECK(not_a_place.error().message.find("only places have a point") != std::string::npos);

    const Id dup = entity("Bakhmut city", EntityKind::place);
    const auto merged = must(sv::merge_entities(store, "Bakhmut", "Bakhmut city", "analyst"));
    CHECK(merged.kept.id == added.id);
    CHECK(merged.dropped.id == dup);
    CHECK_FALSE(store.entity(dup).has_value());
    // Each step is one logged operation: undone, the latest first.
    must(sv::undo_last(store, "analyst"));  // the merge
    CHECK(store.entity(dup).has_value());
    must(sv::undo_last(store, "analyst"));  // the point
    CHECK_FALSE(must(store.entity(added.id)).latitude.has_value());
    must(sv::undo_last(store, "analyst"));  // the alias
    CHECK(must(store.entity(added.id)).aliases.empty());
    must(sv::undo_last(store, "analyst"));  // the entity
    CHECK_FALSE(store.entity(added.id).has_value());
  }

  TEST_CASE_FIXTURE(MemoryDb, "link_events: one-way relations, precedes, a quote's source") {
    namespace sv = kb::services;
    const Id memo = event("Budapest Memorandum", "1994-12-05");
    const Id crimea = event("Russia annexes Crimea", "2014-03-18");
    sv::LinkRequest link{std::to_string(crimea), kb::Relation::violates, std::to_string(memo),
                         "Moscow violated that agreement when it annexed Crimea",
                         "https://example.org/wsj"};
    const sv::Linked l = must(sv::link_events(store, link, "analyst"));
    CHECK(l.from.title == "Russia annexes Crimea");
    CHECK(must(store.event(crimea)).curated);
    CHECK(must(store.links_of(crimea)).size() == 1);
    // The reverse of a one-way relation cannot hold too.
    const auto reverse = sv::link_events(
        store,
        sv::LinkRequest{
            std::to_string(memo), kb::Relation::violates, std::to_string(crimea), {}, {}},
        "analyst");
    REQUIRE_FALSE(reverse.has_value());
    CHECK(reverse.error().code == Errc::conflict);
    // An event cannot precede one that ended before it began.
    const auto later = sv::link_events(
        store,
        sv::LinkRequest{
            std::to_string(crimea), kb::Relation::precedes, std::to_string(memo), {}, {}},
        "analyst");
    REQUIRE_FALSE(later.has_value());
    CHECK(later.error().code == Errc::invalid_argument);
    // A quote needs its source.
    const auto unsourced = sv::link_events(
        store,
        sv::LinkRequest{
            std::to_string(memo), kb::Relation::related, std::to_string(crimea), "a quote", {}},
        "analyst");
    REQUIRE_FALSE(unsourced.has_value());
    // Unlinked, the relation is gone.
    const auto ids = must(sv::unlink_events(store, std::to_string(crimea), "violates",
                                            std::to_string(memo), "analyst"));
    CHECK(ids == std::pair<Id, Id>{crimea, memo});
    CHECK(must(store.links_of(crimea)).empty());
  }

  TEST_CASE_FIXTURE(MemoryDb, "tag_events and remove_events: one logged operation each") {
    namespace sv = kb::services;
    const Id a = event("Russia annexes Crimea", "2014-03-18");
    const Id b = event("Wagner takes Bakhmut", "2023-05-20");
    const sv::Tagged tagged =
        must(sv::tag_events(store, {a, b}, {"Ukraine War", "checked"}, true, "tag", "analyst"));
    CHECK(tagged.changed == 2);
    REQUIRE(tagged.events.size() == 2);
    CHECK(must(store.event(a)).curated);
    const std::size_t tags_before = must(store.event(b)).tags.size();
    // Removing compares tags as kb normalises them (case, spaces around); an event without the tag
    // is not changed.
    const sv::Tagged untagged =
        must(sv::tag_events(store, {a, b}, {" ukraine war"}, false, "untag", "analyst", 1));
    CHECK(untagged.changed == 2);
    CHECK(untagged.events.empty());  // more than `shown`
    CHECK(must(store.event(b)).tags.size() == tags_before - 1);
    CHECK(must(sv::tag_events(store, {a}, {"absent"}, false, "untag", "analyst")).changed == 0);

    must(sv::remove_events(store, {a, b}, "rm", "analyst"));
    CHECK_FALSE(store.event(a).has_value());
    CHECK_FALSE(store.event(b).has_value());
    const auto gone = sv::remove_events(store, {a}, "rm again", "analyst");
    REQUIRE_FALSE(gone.has_value());  // one named event that is gone is an error
    CHECK(gone.error().code == Errc::not_found);
    must(sv::undo_last(store, "analyst"));  // the deletion, both events back
    CHECK(must(store.event(a)).title == "Russia annexes Crimea");
    CHECK(store.event(b).has_value());
  }
}

}  // namespace kb::test
