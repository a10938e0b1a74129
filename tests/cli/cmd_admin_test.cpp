// Tests for cli/cmd_admin.cpp: kb admin init and grant on PostgreSQL ($KB_TEST_PG), a reader's
// writes refused with a message saying how to get the right, and kb admin on SQLite refused.

#include <random>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("cli") {
  TEST_CASE("kb admin is for PostgreSQL knowledge bases") {
    const TempDir dir;
    const KbRun r = run_kb({"--db", dir.file("kb.db"), "admin", "init"});
    CHECK(r.code == 2);
    CHECK(r.err.find("kb admin works on a PostgreSQL knowledge base") != std::string::npos);
  }

  TEST_CASE("kb admin init and grant: a reader reads, and its writes fail clearly") {
    PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    const KbRun init = run_kb({"--db", pg.uri(), "admin", "init"});
    CHECK(init.code == 0);
    CHECK(init.out.find("kb_reader, kb_editor and kb_admin") != std::string::npos);
    CHECK(run_kb({"--db", pg.uri(), "add", "Ceasefire", "--date", "2024-01-10"}).code == 0);
    std::random_device rd;
    const std::string bob = fmt::format("kb_bob_{:08x}", rd());
    auto admin = must(postgres::Db::open(pg.uri()));
    must(admin.exec(fmt::format("CREATE ROLE {} LOGIN", bob)));
    const KbRun granted = run_kb({"--db", pg.uri(), "admin", "grant", bob, "reader"});
    CHECK(granted.code == 0);
    CHECK(granted.out.rfind(bob + " is now a kb reader of ", 0) == 0);
    const auto start = pg.uri().find("://") + 3;
    const std::string as_bob =
        pg.uri().substr(0, start) + bob + pg.uri().substr(pg.uri().find('@', start));
    CHECK(run_kb({"--db", as_bob, "timeline"}).out.find("Ceasefire") != std::string::npos);
    const KbRun refused = run_kb({"--db", as_bob, "add", "Talks", "--date", "2024-02"});
    CHECK(refused.code == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err.find("permission denied") != std::string::npos);
    CHECK(refused.err.find("kb admin grant " + bob + " editor") != std::string::npos);
    CHECK(run_kb({"--db", pg.uri(), "admin", "grant", bob, "editor"}).code == 0);
    CHECK(run_kb({"--db", as_bob, "add", "Talks", "--date", "2024-02"}).code == 0);
    const KbRun bad = run_kb({"--db", pg.uri(), "admin", "grant", bob, "owner"});
    CHECK(bad.code == 2);
    const KbRun nobody = run_kb({"--db", pg.uri(), "admin", "grant", "kb_nobody_at_all", "reader"});
    CHECK(nobody.code == 1);
    CHECK(nobody.err == "kb: no PostgreSQL login named 'kb_nobody_at_all'\n");
    must(admin.exec(fmt::format("DROP ROLE {}", bob)));
  }
}

}  // namespace kb::test
