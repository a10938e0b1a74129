// Tests for cli/cmd_copy.cpp: kb copy moves a whole knowledge base into an empty one, exactly,
// between SQLite files and (with $KB_TEST_PG) PostgreSQL databases, and refuses a non-empty one.

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb copy gives a knowledge base that exports the same bytes") {
    seed();
    ok({"tag", "2", "crimea"});
    ok({"link", "2", "violates", "1"});
    const std::string article = std::string(KB_SOURCE_DIR) +
                                "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";
    ok({"import", article});
    const std::string exported = ok({"export", "--format", "json"});
    const std::string copy = dir.file("copy.db");
    const KbRun r = run_kb({"copy", db, copy});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("copied ", 0) == 0);
    CHECK(r.out.find(" to " + copy + "\n") != std::string::npos);
    CHECK(run_kb({"--db", copy, "export", "--format", "json"}).out == exported);
    // Numbers go on from where the original left them.
    CHECK(run_kb({"--db", copy, "add", "Later", "--date", "2024"}).out ==
          ok({"add", "Later", "--date", "2024"}));

    PgDatabase server;
    if (!server.available()) {
      return;
    }
    CHECK(run_kb({"copy", copy, server.uri()}).code == 0);
    const std::string back = dir.file("back.db");
    CHECK(run_kb({"copy", server.uri(), back}).code == 0);
    CHECK(run_kb({"--db", back, "export", "--format", "json"}).out ==
          run_kb({"--db", copy, "export", "--format", "json"}).out);
  }

  TEST_CASE_FIXTURE(TempKb, "kb copy writes only into an empty knowledge base") {
    seed();
    const std::string other = dir.file("other.db");
    CHECK(run_kb({"--db", other, "add", "Elsewhere", "--date", "2020"}).code == 0);
    const std::string before = run_kb({"--db", other, "export", "--format", "json"}).out;
    const KbRun r = run_kb({"copy", db, other});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("is not empty") != std::string::npos);
    CHECK(run_kb({"--db", other, "export", "--format", "json"}).out == before);

    const KbRun missing = run_kb({"copy", dir.file("missing.db"), dir.file("new.db")});
    CHECK(missing.code == 1);
    CHECK(missing.err == "kb: no knowledge base at '" + dir.file("missing.db") + "'\n");
    const KbRun same = run_kb({"copy", db, db});
    CHECK(same.code == 2);
  }
}

}  // namespace kb::test
