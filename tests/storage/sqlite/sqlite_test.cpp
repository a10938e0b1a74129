// Tests for storage/sqlite/sqlite.cpp: opening, preparing, binding, stepping, transactions, and the
// errors a missing file or a file that is not a database give.
#include "storage/sqlite/sqlite.hpp"

#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace {

using kb::Errc;
using kb::sqlite::Db;
using kb::sqlite::OpenMode;
using kb::sqlite::Statement;
using kb::sqlite::Step;
using kb::test::must;

Db memory() { return must(Db::open(":memory:", OpenMode::create)); }

std::int64_t count_rows(Db& db) {
  Statement s = must(db.prepare("SELECT count(*) FROM t"));
  REQUIRE(must(s.step()) == Step::row);
  return s.column_int(0);
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("Db::prepare, bind and step round-trip every column type") {
    Db db = memory();
    must(db.exec("CREATE TABLE t (i INTEGER, d REAL, s TEXT, n TEXT)"));
    Statement ins = must(db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)"));
    ins.bind(1, std::int64_t{1} << 40).bind(2, 2.5).bind(3, std::string("héllo")).bind_null(4);
    must(ins.run());
    CHECK(db.changes() == 1);
    CHECK(db.last_insert_id() == 1);
    ins.reset();
    ins.bind(1, 7).bind(2, 0.0).bind(3, "second").bind(4, std::optional<std::string>("x"));
    must(ins.run());
    CHECK(db.last_insert_id() == 2);

    Statement sel = must(db.prepare("SELECT i, d, s, n FROM t ORDER BY rowid"));
    REQUIRE(must(sel.step()) == Step::row);
    CHECK(sel.column_int(0) == (std::int64_t{1} << 40));
    CHECK(sel.column_double(1) == doctest::Approx(2.5));
    CHECK(sel.column_text(2) == "héllo");
    CHECK(sel.column_is_null(3));
    CHECK(sel.column_text(3).empty());
    CHECK_FALSE(sel.column_optional_text(3).has_value());
    CHECK_FALSE(sel.column_optional_int(3).has_value());
    REQUIRE(must(sel.step()) == Step::row);
    CHECK(sel.column_int(0) == 7);
    CHECK(sel.column_optional_text(3) == std::optional<std::string>("x"));
    CHECK(must(sel.step()) == Step::done);
  }

  TEST_CASE("Statement::bind of an empty string binds '' rather than NULL") {
    Db db = memory();
    Statement s = must(db.prepare("SELECT ?1 IS NULL, ?2 IS NULL, length(?1)"));
    s.bind(1, std::string_view{}).bind(2, std::string());
    REQUIRE(must(s.step()) == Step::row);
    CHECK(s.column_int(0) == 0);
    CHECK(s.column_int(1) == 0);
    CHECK(s.column_int(2) == 0);
  }

  TEST_CASE("Db::prepare reports SQL errors as storage errors naming SQLite's complaint") {
    Db db = memory();
    auto s = db.prepare("SELEKT 1");
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == Errc::storage);
    CHECK(s.error().message.find("syntax error") != std::string::npos);
    auto e = db.exec("CREATE TABLE");
    REQUIRE_FALSE(e.has_value());
    CHECK(e.error().code == Errc::storage);
  }

  TEST_CASE("Statement::step reports constraint violations as conflicts") {
    Db db = memory();
    must(db.exec("CREATE TABLE t (k TEXT PRIMARY KEY)"));
    must(db.exec("INSERT INTO t VALUES ('a')"));
    Statement ins = must(db.prepare("INSERT INTO t VALUES (?1)"));
    ins.bind(1, "a");
    auto r = ins.run();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::conflict);
    CHECK(r.error().message.find("UNIQUE") != std::string::npos);
  }

  TEST_CASE("Statement::step reports a failed bind") {
    Db db = memory();
    Statement s = must(db.prepare("SELECT ?1"));
    s.bind(5, 1);  // no such parameter
    auto r = s.step();
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::storage);
    CHECK(r.error().message.find("cannot bind") != std::string::npos);
  }

  TEST_CASE("Transaction rolls back unless committed") {
    Db db = memory();
    must(db.exec("CREATE TABLE t (x INTEGER)"));
    {
      auto tx = must(db.transaction());
      must(db.exec("INSERT INTO t VALUES (1)"));
      CHECK(count_rows(db) == 1);
    }
    CHECK(count_rows(db) == 0);
    {
      auto tx = must(db.transaction());
      must(db.exec("INSERT INTO t VALUES (2)"));
      must(tx.commit());
    }
    CHECK(count_rows(db) == 1);
    {
      auto tx = must(db.transaction());
      auto moved = std::move(tx);  // the moved-from transaction must not roll back
      must(db.exec("INSERT INTO t VALUES (3)"));
      must(moved.commit());
    }
    CHECK(count_rows(db) == 2);
  }

  TEST_CASE("Db::prepare reuses compiled statements without sharing one in use") {
    Db db = memory();
    must(db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)"));
    const std::string_view sql = "SELECT x FROM t WHERE x >= ?1 ORDER BY x";
    {
      // The same SQL twice at once: two independent cursors.
      Statement outer = must(db.prepare(sql));
      outer.bind(1, 1);
      REQUIRE(must(outer.step()) == Step::row);
      Statement inner = must(db.prepare(sql));
      inner.bind(1, 3);
      REQUIRE(must(inner.step()) == Step::row);
      CHECK(inner.column_int(0) == 3);
      REQUIRE(must(outer.step()) == Step::row);
      CHECK(outer.column_int(0) == 2);
    }
    {
      // A cached statement comes back reset and without bindings, although it was dropped
      // mid-iteration with a parameter bound.
      Statement again = must(db.prepare(sql));
      REQUIRE(must(again.step()) == Step::done);  // ?1 is NULL: no row
      Statement moved = std::move(again);
      moved.reset();
      moved.bind(1, 2);
      REQUIRE(must(moved.step()) == Step::row);
      CHECK(moved.column_int(0) == 2);
    }
    // A statement dropped mid-iteration holds no read open: the table can be dropped.
    {
      Statement s = must(db.prepare(sql));
      s.bind(1, 1);
      REQUIRE(must(s.step()) == Step::row);
    }
    must(db.exec("DROP TABLE t"));  // fails ("table is locked") while a cursor is open
    {
      // The cached statement of a dropped table fails when stepped, as SQLite reprepares it.
      auto gone = db.prepare(sql);
      CHECK((!gone.has_value() || !gone->step().has_value()));
    }
    must(db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (5)"));
    Statement fresh = must(db.prepare(sql));
    fresh.bind(1, 0);
    REQUIRE(must(fresh.step()) == Step::row);
    CHECK(fresh.column_int(0) == 5);
  }

  TEST_CASE("Db moves keep the connection open") {
    Db a = memory();
    must(a.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)"));
    Db b = std::move(a);
    CHECK(count_rows(b) == 1);
    Db c = memory();
    c = std::move(b);
    CHECK(count_rows(c) == 1);
  }

  TEST_CASE("Db::open of a missing file without create is not_found") {
    kb::test::TempDir dir;
    const std::string path = dir.file("missing.db");
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) {
      CAPTURE(static_cast<int>(mode));
      auto db = Db::open(path, mode);
      REQUIRE_FALSE(db.has_value());
      CHECK(db.error().code == Errc::not_found);
      CHECK(db.error().message.find(path) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(path));
  }

  TEST_CASE("Db::open creates a WAL database with foreign keys on") {
    kb::test::TempDir dir;
    const std::string path = dir.file("new.db");
    Db db = must(Db::open(path, OpenMode::create));
    CHECK(db.path() == path);
    Statement fk = must(db.prepare("PRAGMA foreign_keys"));
    REQUIRE(must(fk.step()) == Step::row);
    CHECK(fk.column_int(0) == 1);
    Statement wal = must(db.prepare("PRAGMA journal_mode"));
    REQUIRE(must(wal.step()) == Step::row);
    CHECK(wal.column_text(0) == "wal");
    CHECK(must(db.user_version()) == 0);
  }

  TEST_CASE("Db::open of a file that is not a database gives an error naming the file") {
    kb::test::TempDir dir;
    const std::string path = dir.file("garbage.db");
    kb::test::write_file(path, std::string(4096, 'g') + "garbage bytes, not SQLite");
    for (OpenMode mode : {OpenMode::read_write, OpenMode::create}) {
      CAPTURE(static_cast<int>(mode));
      auto db = Db::open(path, mode);
      REQUIRE_FALSE(db.has_value());
      CHECK(db.error().code == Errc::storage);
      CHECK(db.error().message.find(path) != std::string::npos);
      CHECK(db.error().message.find("not a kb database") != std::string::npos);
    }
    // Read-only opens do not read the file yet; the first statement fails instead.
    auto ro = Db::open(path, OpenMode::read_only);
    if (ro.has_value()) {
      auto v = ro->user_version();
      REQUIRE_FALSE(v.has_value());
      CHECK(v.error().message.find("not a database") != std::string::npos);
    }
  }
}
