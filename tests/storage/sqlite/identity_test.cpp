// Tests for schema 0008 and storage/sqlite/store_identity.cpp: permanent ids filled for existing
// rows and made for new ones, local numbers never given out twice, lookups by id prefix, and the
// curated mark.
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "storage/sqlite/migrate.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/store.hpp"
#include "tests/test_util.hpp"

namespace kb::test {
namespace {

std::int64_t scalar(Db& db, std::string_view sql) {
  Statement s = must(db.prepare(sql));
  REQUIRE(must(s.step()) == Step::row);
  return s.column_int(0);
}

Event event_titled(const std::string& title) {
  Event e;
  e.title = title;
  e.date = must(FuzzyDate::from_timex("2022"));
  return e;
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("migration 0008 gives existing rows permanent ids and keeps their numbers") {
    const TempDir dir;
    const std::string path = dir.file("old.db");
    {
      Db db = must(Db::open(path, OpenMode::create));
      for (const auto& m : schema::migrations()) {
        if (m.version <= 7) {
          must(db.exec(m.sql));
          must(db.exec("PRAGMA user_version = " + std::to_string(m.version)));
        }
      }
      must(db.exec(
          "INSERT INTO entity (entity_id, name, kind) VALUES (3, 'Russia', 'country');"
          "INSERT INTO source (source_id, title, retrieved, content_hash) VALUES (5, 'A', "
          "'2024-01-01T00:00:00Z', 'h');"
          "INSERT INTO event (event_id, title, first_day, last_day, precision, timex, recorded_at, "
          "updated_at, origin) VALUES (7, 'One', 0, 0, 'day', '1970-01-01', 'x', 'x', 'imported'),"
          "(9, 'Two', 0, 0, 'day', '1970-01-01', 'x', 'x', 'imported'),"
          "(11, 'Three', 0, 0, 'day', '1970-01-01', 'x', 'x', 'imported');"
          "UPDATE event SET merged_into = 7 WHERE event_id = 9;"));
    }
    Store store = must(Store::open(path, OpenMode::read_write));
    store.set_clock(fixed_now);
    const Event seven = must(store.event(7));
    CHECK(is_uuid(seven.uuid));
    CHECK(seven.uuid[14] == '4');
    CHECK(must(store.event(9)).uuid != seven.uuid);
    CHECK(is_uuid(must(store.entity(3)).uuid));
    CHECK(is_uuid(must(store.source(5)).uuid));
    // Both ends of an existing same-as merge count as an analyst's work.
    CHECK(seven.curated);
    CHECK(must(store.event(9)).curated);
    CHECK_FALSE(must(store.event(11)).curated);
    // Numbers continue above the highest ever given out, also after the top one is deleted.
    must(store.remove_event(11));
    CHECK(must(store.add_event(event_titled("Four"))) == 12);
  }

  TEST_CASE_FIXTURE(MemoryDb, "local numbers are never reused, permanent ids are unique") {
    const Id a = must(store.add_event(event_titled("A")));
    const Id b = must(store.add_event(event_titled("B")));
    must(store.remove_event(b));
    const Id c = must(store.add_event(event_titled("C")));
    CHECK(c == b + 1);
    must(store.remove_event(a));
    must(store.remove_event(c));
    CHECK(must(store.add_event(event_titled("D"))) == c + 1);
    const Id russia = entity("Russia");
    must(store.merge_entities(entity("Ukraine"), russia));
    CHECK(entity("Belarus") == russia + 2);
    std::set<std::string> uuids;
    for (const Event& e : must(store.timeline(TimelineQuery{}))) {
      CHECK(is_uuid(e.uuid));
      uuids.insert(e.uuid);
    }
    CHECK(uuids.size() == 1);
  }

  TEST_CASE_FIXTURE(MemoryDb, "a given permanent id is kept, ids_by_uuid finds by prefix") {
    Event e = event_titled("A");
    e.uuid = "0123abcd-0000-4000-8000-00000000000a";
    const Id a = must(store.add_event(e));
    e.uuid = "0123abcd-0000-4000-8000-00000000000b";
    const Id b = must(store.add_event(e));
    CHECK(must(store.event(a)).uuid == "0123abcd-0000-4000-8000-00000000000a");
    CHECK(must(store.ids_by_uuid(RecordKind::event, "0123abcd", 5)) == std::vector<Id>{a, b});
    CHECK(must(store.ids_by_uuid(RecordKind::event, "0123abcd-0000-4000-8000-00000000000b", 5)) ==
          std::vector<Id>{b});
    CHECK(must(store.ids_by_uuid(RecordKind::entity, "0123abcd", 5)).empty());
    e.uuid = "0123abcd-0000-4000-8000-00000000000b";
    CHECK_FALSE(store.add_event(e).has_value());  // unique
  }

  TEST_CASE_FIXTURE(MemoryDb, "mark_curated marks one event, FTS stays consistent") {
    const Id a = must(store.add_event(event_titled("Alpha")));
    CHECK_FALSE(must(store.event(a)).curated);
    must(store.mark_curated(a));
    CHECK(must(store.event(a)).curated);
    CHECK(store.mark_curated(a + 10).error().code == Errc::not_found);
    Db& db = sqlite::StoreInternals::db(store);
    must(db.exec("INSERT INTO event_fts (event_fts) VALUES ('integrity-check')"));
    must(db.exec("INSERT INTO source_fts (source_fts) VALUES ('integrity-check')"));
    CHECK(scalar(db, "SELECT count(*) FROM event WHERE uuid IS NULL") == 0);
  }
}

}  // namespace kb::test
