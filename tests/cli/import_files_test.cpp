// Tests of cli/import_files.hpp through `kb import`: kb JSON and CSV files go to the record
// importers, with the file and line of what is wrong in them.
#include <algorithm>
#include <fstream>

#include <doctest/doctest.h>

#include "tests/cli/cli_seed.hpp"

namespace kb {
namespace {

using test::slurp;

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("kb import names the file and line of a truncated CSV or a damaged kb JSON") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    const std::string csv = dir.file("cut.csv");
    std::ofstream(csv) << "date,title,quote\n2020,Talks,\"They met.\"\n2021,Truce,\"They agre";
    auto r = test::kb_run(db, {"import", csv});
    CHECK(r.code == 2);
    CHECK(r.err == "kb: " + csv + ": line 3: a quoted field is never closed\n");

    const std::string head =
        "{\"format\": \"kb-json\", \"version\": 1, \"entities\": [], \"sources\": [], "
        "\"links\": [], \"events\": ";
    const std::string deep = dir.file("deep.json");
    std::ofstream(deep) << head << std::string(100000, '[') << std::string(100000, ']') << "}";
    r = test::kb_run(db, {"import", deep});
    CHECK(r.code == 2);
    CHECK(r.err.rfind("kb: " + deep + ": kb JSON: events", 0) == 0);
    CHECK(r.err.find("nested deeper than 64 levels") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

    const std::string huge = dir.file("huge.json");
    std::ofstream(huge) << head << "[{\"id\": 1, \"confidence\": 1e999999}]}";
    r = test::kb_run(db, {"import", huge});
    CHECK(r.code == 2);
    CHECK(r.err.rfind(
              "kb: " + huge + ": kb JSON: events[0].confidence: number overflow parsing '1e999999'",
              0) == 0);
    CHECK(test::kb_run(db, {"stats", "--format", "json"}).out.find("\"events\": 0") !=
          std::string::npos);
  }

  TEST_CASE("kb import reads kb JSON and CSV files through the record importers") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    const std::string json = dir.file("kb.json");
    REQUIRE(test::kb_run(db, {"export", "-o", json}).code == 0);
    auto r = test::kb_run(dir.file("copy.db"), {"import", json});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out == "imported " + json +
                       " (kb JSON, ids kept): 7 events added, 0 already present, 0 skipped; "
                       "10 new entities, 1 new source, 2 links; logged as operation #1\n");
    CHECK(test::kb_run(dir.file("copy.db"), {"export"}).out == slurp(json));

    const std::string damaged = std::string(KB_TEST_DATA_DIR) + "/records/analyst_damaged.csv";
    r = test::kb_run(dir.file("strict.db"), {"import", "--strict", damaged});
    CHECK(r.code == 2);
    CHECK(r.err.find("analyst_damaged.csv:3: not a date") != std::string::npos);
    r = test::kb_run(dir.file("loose.db"), {"import", damaged});
    CHECK(r.code == 0);
    CHECK(r.err.find("analyst_damaged.csv:5: skipped: unknown event kind 'warning'") !=
          std::string::npos);
    CHECK(r.out.find(": 1 event added, 0 already present, 3 skipped;") != std::string::npos);
  }
}

}  // namespace kb
