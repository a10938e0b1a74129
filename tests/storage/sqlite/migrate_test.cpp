// Tests for storage/sqlite/migrate.cpp: applying the embedded schema, re-running it, refusing newer
// or foreign databases, and FTS5 integrity after a mix of writes.
#include "storage/sqlite/migrate.hpp"

#include <string>

#include <doctest/doctest.h>

#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/store.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::Errc;
using kb::sqlite::Db;
using kb::sqlite::OpenMode;
using kb::test::must;

Db memory() { return must(Db::open(":memory:", OpenMode::create)); }

std::int64_t scalar(Db& db, std::string_view sql) {
  kb::sqlite::Statement s = must(db.prepare(sql));
  REQUIRE(must(s.step()) == kb::sqlite::Step::row);
  return s.column_int(0);
}

// Runs FTS5's integrity check on `table`; fails the test with SQLite's message otherwise.
void check_fts(Db& db, const std::string& table) {
  CAPTURE(table);
  auto r = db.exec("INSERT INTO " + table + " (" + table + ") VALUES ('integrity-check')");
  CHECK_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().message));
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("migrate brings an empty database to schema_version") {
    Db db = memory();
    CHECK(must(db.user_version()) == 0);
    must(kb::sqlite::migrate(db));
    CHECK(kb::sqlite::schema_version() >= 2);
    CHECK(must(db.user_version()) == kb::sqlite::schema_version());
    for (std::string_view table : {"event", "entity", "entity_alias", "event_entity", "source",
                                   "citation", "link", "event_tag", "event_fts", "source_fts"}) {
      CAPTURE(table);
      kb::sqlite::Statement s =
          must(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1"));
      s.bind(1, table);
      REQUIRE(must(s.step()) == kb::sqlite::Step::row);
      CHECK(s.column_int(0) == 1);
    }
  }

  TEST_CASE("0009_claimant keeps every event's entities and roles and admits the claimant") {
    // A database as kb left it before the claimant role: schema 0001-0007 with roles stored.
    Db db = memory();
    for (const auto& m : kb::schema::migrations()) {
      if (m.version <= 7) {
        must(db.exec(std::string(m.sql)));
        must(db.exec("PRAGMA user_version = " + std::to_string(m.version)));
      }
    }
    must(db.exec(
        "INSERT INTO entity (entity_id, name, kind) VALUES (1, 'Russia', 'country'), "
        "(2, 'Ukraine', 'country');"
        "INSERT INTO event (event_id, title, first_day, last_day, precision, timex, "
        "recorded_at, updated_at) VALUES (1, 'Russia captures Mayorsk', 19064, 19064, 'day', "
        "'2022-03-13', '2022-03-14T00:00:00Z', '2022-03-14T00:00:00Z');"
        "INSERT INTO event_entity (event_id, entity_id, role) VALUES (1, 1, 'actor'), "
        "(1, 2, 'target'), (1, 2, 'mentioned');"));
    CHECK_FALSE(db.exec("INSERT INTO event_entity VALUES (1, 2, 'claimant')").has_value());
    must(kb::sqlite::migrate(db));
    CHECK(scalar(db, "SELECT count(*) FROM event_entity") == 3);
    CHECK(scalar(db,
                 "SELECT count(*) FROM event_entity WHERE event_id = 1 AND entity_id = 2 "
                 "AND role = 'target'") == 1);
    must(db.exec("INSERT INTO event_entity VALUES (1, 2, 'claimant')"));
    CHECK_FALSE(db.exec("INSERT INTO event_entity VALUES (1, 2, 'victim')").has_value());
    // Deleting the event still takes its roles with it; the entity index is back.
    must(db.exec("PRAGMA foreign_keys = ON; DELETE FROM event WHERE event_id = 1"));
    CHECK(scalar(db, "SELECT count(*) FROM event_entity") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'event_entity_entity'") == 1);
  }

  TEST_CASE("migrate twice is a no-op") {
    Db db = memory();
    must(kb::sqlite::migrate(db));
    const auto objects = scalar(db, "SELECT count(*) FROM sqlite_schema");
    const auto kinds = scalar(db, "SELECT count(*) FROM event_kind");
    must(kb::sqlite::migrate(db));
    CHECK(must(db.user_version()) == kb::sqlite::schema_version());
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema") == objects);
    CHECK(scalar(db, "SELECT count(*) FROM event_kind") == kinds);
  }

  TEST_CASE("migrate refuses a database with a newer schema, naming both versions") {
    Db db = memory();
    must(kb::sqlite::migrate(db));
    const int newer = kb::sqlite::schema_version() + 7;
    must(db.exec("PRAGMA user_version = " + std::to_string(newer)));
    auto r = kb::sqlite::migrate(db);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::conflict);
    CHECK(r.error().message.find(std::to_string(newer)) != std::string::npos);
    CHECK(r.error().message.find(std::to_string(kb::sqlite::schema_version())) !=
          std::string::npos);
    CHECK(must(db.user_version()) == newer);
  }

  TEST_CASE("migrate refuses a database that has tables but no kb version") {
    Db db = memory();
    must(db.exec("CREATE TABLE somebody_elses (x)"));
    auto r = kb::sqlite::migrate(db);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::storage);
    CHECK(r.error().message.find("not a kb database") != std::string::npos);
    CHECK(must(db.user_version()) == 0);
  }

  TEST_CASE("Store::open leaves a foreign SQLite file byte for byte as it was") {
    kb::test::TempDir dir;
    const std::string path = dir.file("other.sqlite");
    {
      Db db = must(Db::open(path, OpenMode::create));
      // Db::open made this new file WAL; another program's file is in the default mode.
      must(
          db.exec("PRAGMA journal_mode = DELETE; CREATE TABLE somebody_elses (x);"
                  "INSERT INTO somebody_elses VALUES (1)"));
    }
    const std::string before = kb::test::slurp(path);
    REQUIRE(before.size() > 100);
    CHECK(before[18] == 1);  // rollback journal (2 would be WAL)
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create}) {
      CAPTURE(static_cast<int>(mode));
      auto s = kb::sqlite::Store::open(path, mode);
      REQUIRE_FALSE(s.has_value());
      CHECK(s.error().message.find("not a kb database") != std::string::npos);
      CHECK(kb::test::slurp(path) == before);
      CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    }
  }

  TEST_CASE("Db::open names a file that is not a database and leaves it alone") {
    kb::test::TempDir dir;
    const std::string path = dir.file("notes.db");
    const std::string text(4096, 'x');
    kb::test::write_file(path, text);
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create}) {
      CAPTURE(static_cast<int>(mode));
      auto db = Db::open(path, mode);
      REQUIRE_FALSE(db.has_value());
      CHECK(db.error().message.find("notes.db") != std::string::npos);
      CHECK(db.error().message.find("not a kb database") != std::string::npos);
      CHECK(kb::test::slurp(path) == text);
    }
  }

  TEST_CASE("Store::open refuses newer schemas in every mode") {
    kb::test::TempDir dir;
    const std::string path = dir.file("kb.db");
    {
      Db db = must(Db::open(path, OpenMode::create));
      must(kb::sqlite::migrate(db));
      must(db.exec("PRAGMA user_version = 999"));
    }
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create}) {
      CAPTURE(static_cast<int>(mode));
      auto s = kb::sqlite::Store::open(path, mode);
      REQUIRE_FALSE(s.has_value());
      CHECK(s.error().code == Errc::conflict);
      CHECK(s.error().message.find("999") != std::string::npos);
    }
  }

  TEST_CASE_FIXTURE(kb::test::MemoryDb, "FTS5 integrity-check passes after a mix of writes") {
    using kb::Role;
    const kb::Id ru = entity("Russia");
    const kb::Id s1 = source("Crimea annexed", "2014-03-18", "Russia annexed Crimea in March.");
    const kb::Id s2 = source("Budapest memorandum", "1994-12-05", "Security assurances given.");
    const kb::Id s3 = source("Spare", std::nullopt, "A source that will be deleted.");
    const kb::Id a = event("Russia annexes Crimea", "2014-03-18", {{ru, Role::actor}});
    const kb::Id b = event("Budapest Memorandum signed", "1994-12-05");
    const kb::Id c = event("Temporary event", "2020");
    kb::Citation cit;
    cit.source_id = s1;
    cit.quote = "Russia annexed Crimea.";
    must(store.add_citation(a, cit));
    cit.source_id = s2;
    cit.quote = "assurances of security";
    const kb::Id removed_citation = must(store.add_citation(b, cit));
    cit.source_id = s3;
    cit.quote = "soon gone";
    must(store.add_citation(c, cit));
    must(store.add_citation(a, cit));

    kb::Event edit = must(store.event(a));
    edit.title = "Russia formally annexes Crimea";
    edit.summary = "After a disputed referendum.";
    must(store.update_event(edit));
    must(store.remove_event(c));
    kb::sqlite::Statement del = must(kb::sqlite::StoreInternals::db(store).prepare(
        "DELETE FROM citation WHERE citation_id = ?1"));
    del.bind(1, removed_citation);
    must(del.run());
    kb::sqlite::Statement del_source = must(
        kb::sqlite::StoreInternals::db(store).prepare("DELETE FROM source WHERE source_id = ?1"));
    del_source.bind(1, s3);
    must(del_source.run());
    kb::sqlite::Statement upd = must(kb::sqlite::StoreInternals::db(store).prepare(
        "UPDATE source SET title = ?2 WHERE source_id = ?1"));
    upd.bind(1, s2).bind(2, "The Budapest Memorandum");
    must(upd.run());

    check_fts(kb::sqlite::StoreInternals::db(store), "event_fts");
    check_fts(kb::sqlite::StoreInternals::db(store), "source_fts");
    // The index agrees with the rows: the edit is findable, the deleted quote is not.
    CHECK(must(store.search("formally", 10, false)).size() == 1);
    CHECK(must(store.search("referendum", 10, false)).size() == 1);
    CHECK(must(store.search("soon gone", 10, false)).empty());
    CHECK(must(store.search("assurances", 10, false)).size() == 1);  // source s2 only
    CHECK(must(store.search("deleted", 10, false)).empty());
  }
}
