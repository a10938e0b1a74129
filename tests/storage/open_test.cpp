// Tests for storage/open: the engine a --db / KB_DB value names, and opening each.

#include "storage/open.hpp"

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/test_util.hpp"

namespace kb::storage {
namespace {

using test::must;

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("storage::engine_of: a libpq URI is PostgreSQL, anything else a SQLite path") {
    CHECK(engine_of("postgresql://alice@db.example.org/kb") == Engine::postgres);
    CHECK(engine_of("postgres:///kb?host=/run/postgresql") == Engine::postgres);
    CHECK(engine_of("kb.db") == Engine::sqlite);
    CHECK(engine_of("/var/lib/kb/postgresql.db") == Engine::sqlite);
    CHECK(engine_of("") == Engine::sqlite);
  }

  TEST_CASE("storage::open creates a SQLite file only when asked to") {
    const test::TempDir dir;
    const std::string path = dir.file("kb.db");
    auto missing = open(path, OpenMode::read_write);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);
    CHECK_FALSE(std::filesystem::exists(path));
    auto repo = must(open(path, OpenMode::create));
    CHECK(must(repo->is_empty()));
    CHECK(std::filesystem::exists(path));
  }

  TEST_CASE("storage::init_access and grant_access refuse a SQLite file and a bad access name") {
    const test::TempDir dir;
    const std::string path = dir.file("kb.db");
    for (const auto& r : {init_access(path), grant_access(path, "alice", "editor")}) {
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == Errc::invalid_argument);
      CHECK(r.error().message.find("PostgreSQL") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(path));
    // The access word is checked before any connection is tried.
    const auto bad = grant_access("postgresql://nobody@127.0.0.1:1/kb", "alice", "owner");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::invalid_argument);
  }

  TEST_CASE("storage::open of a PostgreSQL URI creates the schema in the database") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    auto repo = must(open(pg.uri(), OpenMode::read_write));
    CHECK(must(repo->is_empty()));
    Entity e;
    e.name = "Moldova";
    e.kind = EntityKind::country;
    CHECK(must(repo->add_entity(e)) == 1);
    auto again = must(open(pg.uri(), OpenMode::read_write));
    CHECK(must(again->entity(1)).name == "Moldova");
  }
}

}  // namespace kb::storage
