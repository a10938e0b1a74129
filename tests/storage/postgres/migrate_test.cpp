// Tests for storage/postgres/migrate: creating the schema on an empty database, re-running it,
// and refusing newer or foreign databases. Needs $KB_TEST_PG (pg_fixture.hpp).
#include "storage/postgres/migrate.hpp"

#include <string>

#include <doctest/doctest.h>

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
}
