// Tests for storage/postgres/pg: URIs, redaction, connection errors, statements, COPY,
// transactions and savepoints over libpq. The cases that need a server use $KB_TEST_PG
// (pg_fixture.hpp).

#include "storage/postgres/pg.hpp"

#include <doctest/doctest.h>

#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/test_util.hpp"

namespace kb::postgres {
namespace {

using test::must;

// The number of rows in table t.
std::int64_t rows_in(Db& db) {
  Statement s = db.prepare("SELECT count(*) FROM t");
  must(s.step());
  return s.column_int(0);
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("postgres::is_uri takes postgresql:// and postgres:// URIs only") {
    CHECK(is_uri("postgresql://alice@db.example.org:5432/kb"));
    CHECK(is_uri("postgres:///kb?host=/tmp/x"));
    CHECK_FALSE(is_uri("kb.db"));
    CHECK_FALSE(is_uri("/home/alice/postgresql://x"));
    CHECK_FALSE(is_uri("postgresql:"));
  }

  TEST_CASE("postgres::redact hides the password of a URI") {
    CHECK(redact("postgresql://alice:s3cret@db:5432/kb") == "postgresql://alice:***@db:5432/kb");
    CHECK(redact("postgresql://db/kb?user=alice&password=s3cret&sslmode=require") ==
          "postgresql://db/kb?user=alice&password=***&sslmode=require");
    CHECK(redact("postgresql://alice@db/kb") == "postgresql://alice@db/kb");
  }

  TEST_CASE("postgres::Db::open names the server and database, never the password") {
    const test::TempDir dir;  // a socket directory where no server listens
    auto db = Db::open(
        fmt::format("postgresql://alice:s3cret@/teamkb?host={}&port=5999", dir.path().string()));
    REQUIRE_FALSE(db.has_value());
    CHECK(db.error().code == Errc::storage);
    const std::string& msg = db.error().message;
    CAPTURE(msg);
    CHECK(msg.find("cannot connect to database 'teamkb'") != std::string::npos);
    CHECK(msg.find(dir.path().string()) != std::string::npos);
    CHECK(msg.find("5999") != std::string::npos);
    CHECK(msg.find("s3cret") == std::string::npos);
  }

  TEST_CASE("postgres::Statement binds and reads integers, reals, text and NULL") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    Statement s = db.prepare(
        "SELECT $1::bigint, $2::float8, $3::text, $4::text, $5::text IS NULL, 1 = 1, 'é'::text");
    s.bind(1, std::int64_t{-9007199254740993}).bind(2, 0.1).bind(3, "a'b\"c");
    s.bind(4, std::string()).bind_null(5);
    REQUIRE(must(s.step()) == Step::row);
    CHECK(s.column_int(0) == -9007199254740993);
    CHECK(s.column_double(1) == 0.1);
    CHECK(s.column_text(2) == "a'b\"c");
    CHECK(s.column_optional_text(3) == std::optional<std::string>(""));
    CHECK(s.column_int(4) == 1);
    CHECK(s.column_int(5) == 1);
    CHECK(s.column_text(6) == "é");
    CHECK(must(s.step()) == Step::done);
    Statement n = db.prepare("SELECT NULL::bigint");
    REQUIRE(must(n.step()) == Step::row);
    CHECK(n.column_is_null(0));
    CHECK_FALSE(n.column_optional_int(0).has_value());
  }

  TEST_CASE("postgres::CopyRows writes COPY's text format, escaping what it must") {
    CopyRows rows;
    rows.add(std::int64_t{-3}).add(0.1).add("a\tb\nc\rd\\e \\N 'q' \"Ü\"").add_null();
    rows.end_row();
    rows.add(std::optional<std::int64_t>()).add(std::optional<std::string>("")).add(1);
    rows.end_row();
    CHECK(rows.rows() == 2);
    CHECK(rows.text() == "-3\t0.1\ta\\tb\\nc\\rd\\\\e \\\\N 'q' \"Ü\"\t\\N\n\\N\t\t1\n");
  }

  TEST_CASE(
      "postgres::Db::copy writes many rows in one statement, and a failed one keeps the "
      "transaction") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    must(db.exec("CREATE TABLE t (k bigint PRIMARY KEY, r float8, v text)"));
    const std::string odd = "tab\t, line\n, return\r, back\\slash, \\N, 'single' \"double\" Київ";
    {
      Transaction tx = must(db.transaction());
      CopyRows rows;
      rows.add(1).add(0.1).add(odd);
      rows.end_row();
      rows.add(2).add_null().add_null();
      rows.end_row();
      rows.add(3).add(-1e300).add("");
      rows.end_row();
      must(db.copy("t (k, r, v)", rows));
      CHECK(db.changes() == 3);
      CopyRows dup;
      dup.add(1).add(0.0).add("again");
      dup.end_row();
      auto failed = db.copy("t (k, r, v)", dup);
      REQUIRE_FALSE(failed.has_value());
      CHECK(failed.error().code == Errc::conflict);
      must(db.copy("t (k, r, v)", CopyRows()));  // nothing to write
      must(tx.commit());
    }
    CHECK(rows_in(db) == 3);
    Statement s = db.prepare("SELECT r, v, v IS NULL FROM t ORDER BY k");
    REQUIRE(must(s.step()) == Step::row);
    CHECK(s.column_double(0) == 0.1);
    CHECK(s.column_text(1) == odd);
    REQUIRE(must(s.step()) == Step::row);
    CHECK(s.column_is_null(0));
    CHECK(s.column_int(2) == 1);
    REQUIRE(must(s.step()) == Step::row);
    CHECK(s.column_double(0) == -1e300);
    CHECK(s.column_optional_text(1) == std::optional<std::string>(""));
  }

  TEST_CASE("postgres::Transaction rolls back unless committed, and a failed statement keeps it") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    must(db.exec("CREATE TABLE t (k bigint PRIMARY KEY)"));
    {
      Transaction tx = must(db.transaction());
      must(db.exec("INSERT INTO t VALUES (1)"));
    }
    CHECK(rows_in(db) == 0);
    CHECK_FALSE(db.in_transaction());
    {
      Transaction tx = must(db.transaction());
      Statement ins = db.prepare("INSERT INTO t VALUES ($1)");
      must(ins.bind(1, 1).run());
      CHECK(db.changes() == 1);
      Statement dup = db.prepare("INSERT INTO t VALUES ($1)");
      auto failed = dup.bind(1, 1).run();
      REQUIRE_FALSE(failed.has_value());
      CHECK(failed.error().code == Errc::conflict);
      // The transaction goes on after the failed statement, as on SQLite.
      Statement more = db.prepare("INSERT INTO t VALUES ($1)");
      must(more.bind(1, 2).run());
      must(tx.commit());
    }
    CHECK(rows_in(db) == 2);
  }

  TEST_CASE("postgres::Savepoint undoes its writes unless released") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db db = must(Db::open(pg.uri()));
    must(db.exec("CREATE TABLE t (k bigint PRIMARY KEY)"));
    Transaction tx = must(db.transaction());
    {
      Savepoint kept = must(db.savepoint());
      must(db.exec("INSERT INTO t VALUES (1)"));
      must(kept.release());
    }
    {
      Savepoint dropped = must(db.savepoint());
      must(db.exec("INSERT INTO t VALUES (2)"));
    }
    must(tx.commit());
    CHECK(rows_in(db) == 1);
  }
}

}  // namespace kb::postgres
