// Tests for storage/postgres/access: kb's roles, granting one to a login, and what a reader may
// not do. Needs $KB_TEST_PG (pg_fixture.hpp); the logins it creates are dropped at the end.

#include "storage/postgres/access.hpp"

#include <random>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "storage/postgres/migrate.hpp"
#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/test_util.hpp"

namespace kb::postgres {
namespace {

using test::must;

// `uri` connecting as `user` instead of its own user (URIs of the form postgresql://user@...).
std::string as_user(const std::string& uri, const std::string& user) {
  const auto start = uri.find("://") + 3;
  const auto at = uri.find('@', start);
  REQUIRE(at != std::string::npos);
  return uri.substr(0, start) + user + uri.substr(at);
}

// A login role of its own for one test, dropped on destruction.
struct Login {
  Login(Db& admin, std::string suffix) : db(admin) {
    std::random_device rd;
    name = fmt::format("kb_login_{:08x}_{}", rd(), suffix);
    must(db.exec(fmt::format("CREATE ROLE {} LOGIN", name)));
  }
  Login(const Login&) = delete;
  Login& operator=(const Login&) = delete;
  ~Login() { (void)db.exec(fmt::format("DROP ROLE IF EXISTS {}", name)); }
  Db& db;
  std::string name;
};

// Inserts an entity through `db`.
Result<void> write(Db& db, std::string_view name) {
  Statement s = db.prepare(
      "INSERT INTO entity (entity_id, name, kind) VALUES ((SELECT last_id + 1 FROM id_sequence "
      "WHERE name = 'entity'), $1, 'country')");
  s.bind(1, name);
  return s.run();
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("postgres::parse_access reads reader, editor and admin") {
    CHECK(must(parse_access("reader")) == Access::reader);
    CHECK(must(parse_access("editor")) == Access::editor);
    CHECK(must(parse_access("admin")) == Access::admin);
    auto bad = parse_access("owner");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::invalid_argument);
  }

  TEST_CASE("postgres::init_access and grant_access: readers read, editors write") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Db owner = must(Db::open(pg.uri()));
    must(migrate(owner));
    must(init_access(owner));
    must(init_access(owner));  // again: nothing changes, nothing fails
    const Login reader(owner, "r");
    const Login editor(owner, "e");
    must(grant_access(owner, reader.name, Access::reader));
    must(grant_access(owner, editor.name, Access::editor));
    auto unknown = grant_access(owner, "kb_nobody_at_all", Access::reader);
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code == Errc::not_found);

    Db as_editor = must(Db::open(as_user(pg.uri(), editor.name)));
    must(write(as_editor, "Moldova"));
    Db as_reader = must(Db::open(as_user(pg.uri(), reader.name)));
    Statement read = as_reader.prepare("SELECT name FROM entity");
    REQUIRE(must(read.step()) == Step::row);
    CHECK(read.column_text(0) == "Moldova");
    auto refused = write(as_reader, "Georgia");
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == Errc::storage);
    CAPTURE(refused.error().message);
    CHECK(refused.error().message.find("permission denied") != std::string::npos);
    CHECK(refused.error().message.find(fmt::format("kb admin grant {} editor", reader.name)) !=
          std::string::npos);
    // Granting another access replaces the first.
    must(grant_access(owner, reader.name, Access::editor));
    Db promoted = must(Db::open(as_user(pg.uri(), reader.name)));
    must(write(promoted, "Georgia"));
    must(grant_access(owner, editor.name, Access::reader));
    Db demoted = must(Db::open(as_user(pg.uri(), editor.name)));
    CHECK_FALSE(write(demoted, "Armenia").has_value());
  }
}

}  // namespace kb::postgres
