// Tests for cli/cmd_stats.cpp: counts and span, as text and JSON.
#include <algorithm>
#include <fstream>
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

  TEST_CASE_FIXTURE(TempKb,
                    "kb stats --by counts filtered events per period as text, CSV, JSON, SVG") {
    seed();
    ok({"add", "Shelling of Donetsk", "--date", "2014-03-02", "--kind", "attack", "--actor",
        "Ukraine", "--place", "Donetsk"});
    ok({"add", "Talks", "--date", "2014-03", "--kind", "meeting"});
    const std::string years = ok({"stats", "--by", "year", "--per", "kind"});
    CHECK(years.rfind("period   total  agreement  attack  meeting  territorial_change\n"
                      "1994         1          1       0        0                   0\n"
                      "1995         0          0       0        0                   0\n",
                      0) == 0);
    CHECK(years.find("2014         3          0       1        1                   1\n"
                     "4 events counted\n") != std::string::npos);
    CHECK(std::count(years.begin(), years.end(), '\n') == 1 + 21 + 1);  // 1994..2014, empty too
    CHECK(ok({"stats", "ukraine", "--by", "week", "--from", "2014"}) ==
          "period     total\n"
          "2014-W09       1\n"
          "2014-W10       0\n"
          "2014-W11       0\n"
          "2014-W12       1\n"
          "2 events counted\n");
    CHECK(ok({"stats", "--by", "month", "--from", "2014", "--format", "csv"}) ==
          "period,first,last,total\r\n2014-03,2014-03-01,2014-03-31,3\r\n");
    const auto j = nlohmann::json::parse(
        ok({"stats", "--by", "week", "--from", "2014", "--per", "place", "--format", "json"}));
    CHECK(j["by"] == "week");
    CHECK(j["per"] == "place");
    CHECK(j["events"] == 2);
    CHECK(j["wider"] == 1);  // the March meeting spans more than one week
    CHECK(j["groups"] == nlohmann::json::array({"Crimea", "Donetsk"}));
    CHECK(j["periods"][0]["groups"]["Donetsk"] == 1);
    const std::string svg_path = dir.file("chart.svg");
    ok({"stats", "--by", "month", "--from", "2014", "--per", "kind", "-o", svg_path});
    std::ifstream in(svg_path);
    const std::string svg{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(svg.find("<title>2014-03 meeting: 1</title>") != std::string::npos);
    // Filters without --by are an error that says what to add; a bad period names it.
    const auto no_by = kb({"stats", "--kind", "attack"});
    CHECK(no_by.code == 2);
    CHECK(no_by.err.find("add --by") != std::string::npos);
    CHECK(kb({"stats", "--by", "fortnight"}).err.find("--by 'fortnight'") != std::string::npos);
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
