// Tests services/event_edit.cpp against an in-memory knowledge base: an event added by hand with
// its entities and source, corrected one at a time and many at once, each change one undoable
// transaction that leaves nothing half-written when a field is bad.

#include "services/event_edit.hpp"

#include <doctest/doctest.h>

#include "services/oplog.hpp"
#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("services") {
  TEST_CASE_FIXTURE(MemoryDb, "add_event: entities by name, a new source, a quote, undoable") {
    namespace sv = kb::services;
    const Id russia = entity("Russia");
    const auto today = date::sys_days{date::year{2024} / 5 / 1};
    sv::EventFields c;
    c.title = "Russia annexes Crimea";
    c.date = "18 March 2014";
    c.kind = "territorial_change";
    c.actors = {"Russia"};
    c.places = {"place:Crimea"};
    c.source = "https://example.org/crimea";
    c.source_title = "Crimea annexed";
    c.quote = "Russia annexed Crimea.";
    const sv::Changed added = must(sv::add_event(store, c, today, "analyst"));
    REQUIRE(added.events.size() == 1);
    const Event stored = must(store.event(added.events.front().id));
    CHECK(stored.title == "Russia annexes Crimea");
    CHECK(stored.date.timex() == "2014-03-18");
    CHECK(stored.origin == Origin::manual);
    REQUIRE(stored.participants.size() == 2);
    CHECK(stored.participants[0].entity_id == russia);
    CHECK(stored.participants[1].kind == EntityKind::place);
    REQUIRE(stored.citations.size() == 1);
    CHECK(stored.citations[0].quote == "Russia annexed Crimea.");
    REQUIRE(added.notes.size() == 1);  // Crimea was new
    CHECK(added.notes[0].find("new place 'Crimea'") != std::string::npos);

    // A bad field: nothing half-written (no event, no entity, no source).
    sv::EventFields bad = c;
    bad.title = "Something";
    bad.actors = {"person:Someone New"};
    bad.kind = "no-such-kind";
    REQUIRE_FALSE(sv::add_event(store, bad, today, "analyst").has_value());
    CHECK(store.lookup_entities("Someone New")->empty());
    sv::EventFields undated;
    undated.title = "No date";
    CHECK(sv::add_event(store, undated, today, "analyst").error().code == Errc::invalid_argument);

    must(sv::undo_last(store, "analyst"));
    CHECK_FALSE(store.event(stored.id).has_value());
    CHECK(store.lookup_entities("Crimea")->empty());
  }

  TEST_CASE_FIXTURE(MemoryDb, "edit_events: given fields change, others stay, all curated") {
    namespace sv = kb::services;
    const Id russia = entity("Russia");
    const Id a = event("Russia shells Kharkiv", "2022-03-01", {{russia, Role::actor}});
    const Id b = event("Russia shells Kyiv", "2022-03-02", {{russia, Role::actor}});
    const auto today = date::sys_days{date::year{2024} / 5 / 1};
    sv::EventFields c;
    c.kind = "attack";
    c.end = "2022-03-05";
    const sv::Changed edited =
        must(sv::edit_events(store, {a, b}, c, today, "edit --where …", "analyst", 5));
    CHECK(edited.changed == 2);
    REQUIRE(edited.events.size() == 2);
    const Event ea = must(store.event(a));
    CHECK(ea.kind == kb::EventKind::attack);
    CHECK(ea.title == "Russia shells Kharkiv");  // not given: unchanged
    CHECK(ea.date.timex() == "2022-03-01/2022-03-05");
    CHECK(ea.participants.size() == 1);
    CHECK(ea.curated);

    sv::EventFields retitle;
    retitle.title = "One title";
    CHECK(sv::edit_events(store, {a, b}, retitle, today, "edit", "analyst").error().code ==
          Errc::invalid_argument);
    sv::EventFields backwards;
    backwards.end = "2022-01-01";  // before the start of b: the whole edit fails
    CHECK_FALSE(sv::edit_events(store, {a, b}, backwards, today, "edit", "analyst").has_value());
    CHECK(must(store.event(a)).date.timex() == "2022-03-01/2022-03-05");
    CHECK_FALSE(sv::edit_events(store, {a, 999}, c, today, "edit", "analyst").has_value());

    must(sv::undo_last(store, "analyst"));  // the bulk edit, both events back
    CHECK(must(store.event(a)).date.timex() == "2022-03-01");
    CHECK(must(store.event(b)).kind != kb::EventKind::attack);
  }
}

}  // namespace kb::test
