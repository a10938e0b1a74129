// Tests for storage/sqlite/store_history.cpp (extraction bookkeeping),
// storage/sqlite/store_dump.cpp (links, emptiness, verbatim restore) and the reads that replaced
// SQL outside the store; plus Statement::collect.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "storage/sqlite/store.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::DateChange;
using kb::Event;
using kb::ExtractionCitation;
using kb::FuzzyDate;
using kb::Id;
using kb::Role;
using kb::test::MemoryDb;
using kb::test::must;

FuzzyDate day(int y, unsigned m, unsigned d) {
  return FuzzyDate::day(date::year{y} / date::month{m} / date::day{d});
}

Id add_event(kb::sqlite::Store& store, const std::string& title, FuzzyDate date,
             const std::vector<kb::Participant>& who, kb::EventKind kind = kb::EventKind::meeting) {
  Event e;
  e.title = title;
  e.kind = kind;
  e.date = date;
  e.origin = kb::Origin::imported;
  e.participants = who;
  return must(store.add_event(e));
}

Id add_source(kb::sqlite::Store& store, const std::string& hash) {
  kb::Source s;
  s.title = hash;
  s.content_hash = hash;
  s.body = "text " + hash;
  return must(store.add_source(s));
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("Statement::collect reads every row, and stops at a failed read") {
    kb::sqlite::Db db = must(kb::sqlite::Db::open(":memory:", kb::sqlite::OpenMode::create));
    must(db.exec("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3);"));
    kb::sqlite::Statement s = must(db.prepare("SELECT n FROM t ORDER BY n"));
    CHECK(must(s.collect([](const kb::sqlite::Statement& row) { return row.column_int(0); })) ==
          std::vector<std::int64_t>{1, 2, 3});
    kb::sqlite::Statement t = must(db.prepare("SELECT n FROM t ORDER BY n"));
    auto failed = t.collect([](const kb::sqlite::Statement& row) -> kb::Result<std::int64_t> {
      if (row.column_int(0) == 2) {
        return kb::fail(kb::Errc::parse, "two");
      }
      return row.column_int(0);
    });
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().message == "two");
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::merge_candidates finds by shared entity and by title") {
    const Id russia = entity("Russia");
    const Id ukraine = entity("Ukraine");
    const Id talks = add_event(store, "Russia meets Ukraine", day(2023, 5, 20),
                               {{russia, "", kb::EntityKind::country, Role::actor}});
    const Id same_title = add_event(store, "Summit in Vilnius", day(2023, 6, 5), {});
    add_event(store, "Other kind", day(2023, 5, 20),
              {{russia, "", kb::EntityKind::country, Role::actor}}, kb::EventKind::attack);
    add_event(store, "Only mentioned", day(2023, 5, 20),
              {{ukraine, "", kb::EntityKind::country, Role::mentioned}});

    kb::MergeProbe probe;
    probe.kind = kb::EventKind::meeting;
    probe.first = probe.last = day(2023, 5, 20).first();
    probe.entity_ids = {russia, ukraine};
    probe.title = "summit in vilnius";
    probe.title_window_days = 31;
    const auto found = must(store.merge_candidates(probe));
    REQUIRE(found.size() == 2);
    CHECK(found.at(talks).title == "Russia meets Ukraine");
    CHECK(found.at(talks).kind == kb::EventKind::meeting);
    CHECK(found.at(same_title).title == "Summit in Vilnius");

    CHECK(must(store.event_roles(talks)) ==
          std::vector<std::pair<Id, Role>>{{russia, Role::actor}});
    must(store.add_role(talks, ukraine, Role::target));
    must(store.add_role(talks, ukraine, Role::target));  // a second time is a no-op
    CHECK(must(store.event_roles(talks)).size() == 2);
    CHECK(must(store.roles_of_entity(ukraine)).at(talks) == std::vector<Role>{Role::target});
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::event_quotes reads the first quotes, merged events' too") {
    const Id a = add_source(store, "a");
    const Id b = add_source(store, "b");
    const Id event = add_event(store, "Talks", day(2023, 5, 20), {});
    const Id twin = add_event(store, "Talks again", day(2023, 5, 20), {});
    kb::Citation c;
    c.source_id = a;
    c.quote = "first";
    must(store.add_citation(event, c));
    c.quote = "second";
    must(store.add_citation(event, c));
    c.source_id = b;
    c.quote = "of the twin";
    must(store.add_citation(twin, c));
    CHECK(must(store.event_quotes(event, 8)) == std::vector<std::string>{"first", "second"});
    CHECK(must(store.event_quotes(event, 1)) == std::vector<std::string>{"first"});
    must(store.add_link(event, kb::Relation::same_as, twin, std::nullopt));
    CHECK(must(store.event_quotes(event, 8)).size() == 3);
    CHECK(must(store.event_quotes(twin + 100, 8)).empty());
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store date changes and extraction citations round-trip") {
    const Id source = add_source(store, "a");
    const Id event = add_event(store, "Talks", day(2023, 5, 20), {});
    kb::Citation c;
    c.source_id = source;
    c.quote = "talks";
    const Id citation = must(store.add_citation(event, c));
    CHECK(must(store.cites_source(event, source)));
    must(store.record_extraction_citation(ExtractionCitation{citation, source, event, true}));
    const auto cited = must(store.extraction_citations(source));
    REQUIRE(cited.size() == 1);
    CHECK(cited[0].citation_id == citation);
    CHECK(cited[0].event_id == event);

    DateChange d;
    d.event_id = event;
    d.change = "disputed";
    d.old_date = day(2023, 5, 20);
    d.old_text = "Saturday";
    d.new_date = day(2023, 7, 1);
    d.new_text = "1 July";
    d.source_id = source;
    d.quote = "on 1 July";
    const Id first = must(store.add_date_change(d));
    d.change = "refined";
    const Id second = must(store.add_date_change(d));
    const auto history = must(store.date_changes_of_event(event));
    REQUIRE(history.size() == 2);
    CHECK(history[0].id == first);
    CHECK(history[0].new_date == day(2023, 7, 1));
    CHECK(history[0].old_text == "Saturday");
    CHECK(history[0].recorded_at == "2024-01-15T10:00:00Z");
    CHECK(must(store.date_changes_of_source(source)).front().id == second);  // newest first
    CHECK_FALSE(must(store.disputed_elsewhere(event, first)));
    must(store.remove_date_change(second));
    CHECK(must(store.date_changes_of_event(event)).size() == 1);

    must(store.remove_citation(citation));
    CHECK_FALSE(must(store.cites_source(event, source)));
    CHECK(must(store.unsupported_imported_events()) == std::vector<Id>{event});
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::find_event, events_overlapping, links and is_empty") {
    CHECK(must(store.is_empty()));
    const Id a = add_event(store, "Talks", day(2023, 5, 20), {});
    const Id b = add_event(store, "Talks again", day(2023, 5, 22), {});
    const Id c = add_event(store, "Merged", day(2023, 5, 21), {});
    add_event(store, "Far", day(2024, 5, 22), {});
    CHECK_FALSE(must(store.is_empty()));
    CHECK(must(store.find_event("Talks", day(2023, 5, 20))) == std::optional<Id>(a));
    CHECK_FALSE(must(store.find_event("Talks", day(2023, 5, 21))).has_value());
    must(store.add_link(a, kb::Relation::same_as, c, std::nullopt));
    CHECK(must(store.events_overlapping(a, day(2023, 5, 13).first(), day(2023, 5, 27).last(),
                                        10)) == std::vector<Id>{b});
    const auto links = must(store.links());
    REQUIRE(links.size() == 1);
    CHECK(links[0].from == a);
    CHECK(links[0].to == c);
    CHECK(links[0].relation == kb::Relation::same_as);
  }
}
