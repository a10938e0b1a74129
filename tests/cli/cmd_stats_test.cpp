// Tests for cli/cmd_stats.cpp: counts and span, as text and JSON.
#include <nlohmann/json.hpp>
#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb stats counts and spans the knowledge base") {
    seed();
    ok({"link", "2", "violates", "1"});
    ok({"tag", "2", "crimea", "annexation"});
    const auto r = kb({"stats"});
    CHECK(r.code == 0);
    CHECK(r.out == "database   " + db +
                       "\n"
                       "events     2\nentities   4\nsources    1\ncitations  1\nlinks      1\n"
                       "tags       2\n"
                       "span       5 December 1994 – 18 March 2014\n"
                       "  agreement            1\n"
                       "  territorial_change   1\n");
    const auto j = nlohmann::json::parse(ok({"stats", "--format", "json"}));
    CHECK(j == nlohmann::json::parse(R"({"database": ")" + db + R"(", "events": 2,
      "entities": 4, "sources": 1, "citations": 1, "links": 1, "tags": 2,
      "earliest": "5 December 1994", "latest": "18 March 2014",
      "by_kind": {"agreement": 1, "territorial_change": 1}})"));
  }

  TEST_CASE_FIXTURE(TempKb, "kb stats finds the database through KB_DB and XDG_DATA_HOME") {
    kb::test::RunOptions env;
    env.env = {{"KB_DB", db}};
    CHECK(kb::test::run_kb({"add", "X", "--date", "2014"}, env).code == 0);
    CHECK(kb::test::run_kb({"stats"}, env).out.find("events     1\n") != std::string::npos);
    kb::test::RunOptions xdg;
    xdg.env = {{"XDG_DATA_HOME", dir.file("xdg")}};
    CHECK(kb::test::run_kb({"add", "Y", "--date", "2015"}, xdg).code == 0);
    CHECK(std::filesystem::exists(dir.file("xdg") + "/kb/kb.db"));
    const auto empty = kb::test::run_kb({"stats"}, {{"HOME", dir.file("home")}});
    CHECK(empty.code == 1);
    CHECK(empty.err.find(dir.file("home") + "/.local/share/kb/kb.db") != std::string::npos);
  }
}
