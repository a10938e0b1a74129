// Tests for storage/postgres/migrate: creating the schema on an empty database, re-running it,
// and refusing newer or foreign databases. Needs $KB_TEST_PG (pg_fixture.hpp).
#include "storage/postgres/migrate.hpp"

#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "storage/postgres/migrations.hpp"
#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::Errc;
using kb::postgres::Db;
using kb::test::must;

std::int64_t scalar(Db& db, std::string_view sql) {
  kb::postgres::Statement s = db.prepare(sql);
  REQUIRE(must(s.step()) == kb::postgres::Step::row);
  return s.column_int(0);
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("postgres::migrate brings an empty database to schema_version, once") {
    kb::test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    must(kb::postgres::migrate(db));
    CHECK(scalar(db, "SELECT max(version) FROM kb_schema_version") ==
          kb::postgres::schema_version());
    const auto tables = scalar(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    CHECK(tables >= 20);
    must(kb::postgres::migrate(db));
    CHECK(scalar(db, "SELECT count(*) FROM kb_schema_version") == 1);
    CHECK(scalar(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == tables);
    // Full text is indexed with GIN.
    CHECK(
        scalar(db, "SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%USING gin (search)%'") ==
        2);
  }

  TEST_CASE("postgres::migrate refuses a database with tables of its own or a newer schema") {
    kb::test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    must(db.exec("CREATE TABLE payroll (id bigint)"));
    auto foreign = kb::postgres::migrate(db);
    REQUIRE_FALSE(foreign.has_value());
    CHECK(foreign.error().code == Errc::storage);
    CHECK(foreign.error().message.find("is not a kb database") != std::string::npos);
    CHECK(scalar(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 1);

    must(db.exec("DROP TABLE payroll"));
    must(kb::postgres::migrate(db));
    must(db.exec("UPDATE kb_schema_version SET version = version + 1"));
    auto newer = kb::postgres::migrate(db);
    REQUIRE_FALSE(newer.has_value());
    CHECK(newer.error().code == Errc::conflict);
    CHECK(newer.error().message.find("upgrade kb") != std::string::npos);
  }

  TEST_CASE("postgres schema 0003 copies each role's event days and keeps them with the event") {
    kb::test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    // A database at schema 2 with events and roles, then migrated: the copies are filled.
    must(
        db.exec("CREATE TABLE kb_schema_version (version integer NOT NULL); "
                "INSERT INTO kb_schema_version VALUES (2)"));
    for (const auto& m : kb::postgres::schema::migrations()) {
      if (m.version <= 2) {
        must(db.exec(m.sql));
      }
    }
    const auto event = [&db](int id, int first, int last) {
      must(db.exec(fmt::format(
          "INSERT INTO event (event_id, title, first_day, last_day, precision, timex, "
          "recorded_at, updated_at) VALUES ({0}, 'e{0}', {1}, {2}, 'day', 't', 'r', 'u')",
          id, first, last)));
    };
    event(1, 100, 100);
    event(2, 50, 80);
    must(db.exec("INSERT INTO entity (entity_id, name, kind) VALUES (7, 'Russia', 'country')"));
    must(
        db.exec("INSERT INTO event_entity (event_id, entity_id, role) VALUES (1, 7, 'actor'), "
                "(1, 7, 'target'), (2, 7, 'actor')"));
    must(kb::postgres::migrate(db));
    const std::string_view copies =
        "SELECT string_agg(format('%s:%s-%s', event_id, first_day, last_day), ' ' "
        "ORDER BY event_id, role) FROM event_entity";
    const auto text = [&db](std::string_view sql) {
      kb::postgres::Statement s = db.prepare(sql);
      REQUIRE(must(s.step()) == kb::postgres::Step::row);
      return s.column_text(0);
    };
    CHECK(text(copies) == "1:100-100 1:100-100 2:50-80");
    // A new role takes its event's days; a changed date is copied to every role of the event.
    event(3, 10, 20);
    must(db.exec("INSERT INTO event_entity (event_id, entity_id, role) VALUES (3, 7, 'actor')"));
    must(db.exec("UPDATE event SET first_day = 60, last_day = 90 WHERE event_id = 1"));
    must(db.exec("UPDATE event SET title = 'renamed' WHERE event_id = 2"));
    CHECK(text(copies) == "1:60-90 1:60-90 2:50-80 3:10-20");
    // The index serves an entity's timeline in order: first events of entity 7.
    CHECK(text("SELECT string_agg(event_id::text, ' ' ORDER BY first_day, last_day, event_id) "
               "FROM event_entity WHERE entity_id = 7") == "3 2 1 1");
    // A role of an event that does not exist is refused by the foreign key, as before.
    auto orphan =
        db.exec("INSERT INTO event_entity (event_id, entity_id, role) VALUES (9, 7, 'actor')");
    REQUIRE_FALSE(orphan.has_value());
    CHECK(orphan.error().code == Errc::conflict);
    CHECK(orphan.error().message.find("foreign key") != std::string::npos);
  }
}
