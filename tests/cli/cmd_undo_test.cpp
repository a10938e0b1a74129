// Tests for cli/cmd_undo.cpp and services/oplog.cpp: every analyst command is logged with who and
// what; `kb undo` puts the knowledge base back exactly (repeatable, itself logged).

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb undo reverts edit, tag, link, rm and add, one at a time") {
    seed();
    const std::string start = ok({"export", "--format", "json"});
    ok({"edit", "2", "--date", "2014-03-19", "--title", "Crimea annexed"});
    const std::string edited = ok({"export", "--format", "json"});
    ok({"tag", "2", "checked"});
    const std::string tagged = ok({"export", "--format", "json"});
    ok({"link", "2", "violates", "1"});
    const std::string linked = ok({"export", "--format", "json"});
    ok({"rm", "1", "--yes"});
    const std::string removed = ok({"export", "--format", "json"});
    ok({"add", "Later", "--date", "2024"});

    CHECK(ok({"undo"}).rfind("undid operation #", 0) == 0);  // the add
    CHECK(ok({"export", "--format", "json"}) == removed);
    ok({"undo"});  // the rm: #1 comes back with its number, id, roles, citations and link
    CHECK(ok({"export", "--format", "json"}) == linked);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == tagged);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == edited);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == start);
    // The seed's own adds are logged too; past them there is nothing left, not even the actors,
    // place and source they named.
    ok({"undo"});
    ok({"undo"});
    const auto empty = nlohmann::json::parse(ok({"export", "--format", "json"}));
    CHECK(empty["entities"].empty());
    CHECK(empty["sources"].empty());
    CHECK(empty["events"].empty());
    const KbRun none = kb({"undo"});
    CHECK(none.code == 1);
    CHECK(none.err == "kb: nothing to undo\n");
    // A number given out once is not given out again, even after an undone add.
    CHECK(ok({"add", "Again", "--date", "2024"}).rfind("#4 ", 0) == 0);
  }

  TEST_CASE_FIXTURE(TempKb, "kb undo undoes an article import as kb import --undo does") {
    seed();
    const std::string start = ok({"export", "--format", "json"});
    const std::string article = std::string(KB_SOURCE_DIR) +
                                "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";
    ok({"import", article});
    const std::string imported = ok({"export", "--format", "json"});
    CHECK(imported != start);
    CHECK(ok({"log", "--limit", "1"}).find("import " + article) != std::string::npos);
    CHECK(ok({"undo"}).find(": import " + article) != std::string::npos);
    CHECK(ok({"export", "--format", "json"}) == start);
    CHECK(ok({"import", "--list"}).find("undone") != std::string::npos);

    // A run undone with kb import --undo is not undone again: kb undo goes to the one before.
    ok({"tag", "1", "checked"});
    const std::string tagged = ok({"export", "--format", "json"});
    const std::string again = ok({"import", article});
    CHECK(ok({"export", "--format", "json"}) != tagged);
    const auto run = again.find("(import #");
    REQUIRE(run != std::string::npos);
    ok({"import", "--undo", std::to_string(std::stol(again.substr(run + 9)))});
    CHECK(ok({"export", "--format", "json"}) == tagged);
    CHECK(ok({"undo"}).find(": tag #1 checked") != std::string::npos);
    CHECK(ok({"export", "--format", "json"}) == start);
  }

  TEST_CASE_FIXTURE(TempKb,
                    "kb import --undo of an older run is logged, and kb undo brings it back") {
    seed();
    const std::string article = std::string(KB_SOURCE_DIR) +
                                "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";
    const std::string first = ok({"import", article});
    const auto run = first.find("(import #");
    REQUIRE(run != std::string::npos);
    const std::string run_id = std::to_string(std::stol(first.substr(run + 9)));
    // A later run that cites the same places and actors, so undoing the first leaves it standing.
    const std::string later = dir.file("later.jsonl");
    write_file(later,
               R"({"id":"l1","title":"Shelling of Kharkiv","published":"2023-06-02T10:00:00Z",)"
               R"("text":"Russian forces shelled Kharkiv on 1 June 2023, the General Staff of )"
               R"(Ukraine said. President Volodymyr Zelensky met Olaf Scholz in Kyiv on 2 June )"
               R"(2023 to discuss air defence."})"
               "\n");
    ok({"import", later});
    ok({"tag", "1", "checked"});
    const std::string before = ok({"export", "--format", "json"});
    const std::string listed = ok({"import", "--list"});

    ok({"import", "--undo", run_id});  // not the last run: kb undo cannot simply re-run it
    const std::string undone = ok({"export", "--format", "json"});
    CHECK(undone != before);
    CHECK(undone.find("caliber-az") == std::string::npos);
    CHECK(ok({"log", "--limit", "1"}).find("import --undo " + run_id) != std::string::npos);

    CHECK(ok({"undo"}).find(": import --undo " + run_id) != std::string::npos);
    CHECK(ok({"export", "--format", "json"}) == before);
    CHECK(ok({"import", "--list"}) == listed);  // the run is no longer marked undone
    // The next undo goes on to the operation before.
    CHECK(ok({"undo"}).find(": tag #1 checked") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb,
                    "kb import --undo of an older run takes back the roles it gave older events") {
    // Run 1 finds the shelling (Russia, Kharkiv); run 2's article tells it again and its
    // extraction merges into run 1's event, adding Ukraine as target; run 3 comes after. Undoing
    // run 2 once left Ukraine on the event.
    const auto article = [this](const std::string& name, const std::string& day,
                                const std::string& text) {
      const std::string path = dir.file(name);
      write_file(path, R"({"id":")" + name + R"(","title":"Shelling","published":")" + day +
                           R"(T10:00:00Z","text":")" + text + "\"}\n");
      return path;
    };
    ok({"import", article("a1.jsonl", "2023-06-02",
                          "Russian forces shelled Kharkiv on 1 June 2023, the General Staff "
                          "of Ukraine said.")});
    const std::string before_run2 = ok({"show", "1"});
    CHECK(before_run2.find("target") == std::string::npos);
    ok({"import", article("a2.jsonl", "2023-06-03",
                          "Russian forces shelled Kharkiv on 1 June 2023, Oleh Syniehubov "
                          "said.")});
    const std::string merged = ok({"show", "1"});
    REQUIRE(merged.find("target     Ukraine") != std::string::npos);  // run 2's, on run 1's event
    ok({"import", article("a3.jsonl", "2023-07-12",
                          "NATO leaders met in Vilnius on 11 July 2023, officials said.")});
    const std::string before = ok({"export", "--format", "json"});

    ok({"import", "--undo", "2"});
    const std::string undone = ok({"show", "1"});
    CHECK(undone.find("target") == std::string::npos);
    CHECK(undone.find("actor      Russia") != std::string::npos);
    CHECK(undone.find("location   Kharkiv") != std::string::npos);

    ok({"undo"});  // run 2 back: its role and its record of it, so a second undo takes it again
    CHECK(ok({"export", "--format", "json"}) == before);
    ok({"import", "--undo", "2"});
    CHECK(ok({"show", "1"}).find("target") == std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb undo of a same-as merge restores both events") {
    seed();
    const std::string start = ok({"export", "--format", "json"});
    ok({"link", "1", "same-as", "2"});
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == start);
  }

  TEST_CASE_FIXTURE(TempKb, "kb undo reverts entity add, alias and merge") {
    seed();
    const std::string start = ok({"export", "--format", "json"});
    // Every row but the log's, the number counters' and the full-text indexes' (whose segments
    // an event put back rewrites; their integrity is checked elsewhere).
    const auto kept_rows = [this] {
      std::vector<std::string> out;
      for (auto row : rows()) {
        if (row.rfind("op", 0) != 0 && row.rfind("id_sequence:", 0) != 0 &&
            row.rfind("sqlite_sequence:", 0) != 0 && row.rfind("event_fts", 0) != 0) {
          // An event's revision, its last column, grows with the undo too, as numbers do.
          if (row.rfind("event: ", 0) == 0) {
            row.erase(row.find_last_of(pg ? ',' : '|'));
          }
          out.push_back(row);
        }
      }
      return out;
    };
    const auto start_rows = kept_rows();
    ok({"entity", "add", "Mayorsk", "--kind", "place", "--in", "Ukraine"});
    const std::string added = ok({"export", "--format", "json"});
    CHECK(added != start);
    ok({"entity", "alias", "Russia", "Russian Federation", "RF"});
    const std::string aliased = ok({"export", "--format", "json"});
    CHECK(aliased != added);
    // Crimea (a place of the seed) and Mayorsk lie in Ukraine; merging Ukraine into Russia moves
    // its roles and its places, and its name becomes Russia's alias.
    ok({"entity", "merge", "Russia", "Ukraine"});
    const std::string merged = ok({"export", "--format", "json"});
    CHECK(merged.find("\"name\": \"Ukraine\"") == std::string::npos);
    const std::string log = ok({"log", "--limit", "3"});
    CHECK(log.find("entity merge #") != std::string::npos);
    CHECK(log.find("deleted") != std::string::npos);
    CHECK(log.find("aliases: '' -> 'RF, Russian Federation'") != std::string::npos);

    ok({"undo"});  // the merge: Ukraine back with its number, roles, places and aliases
    CHECK(ok({"export", "--format", "json"}) == aliased);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == added);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == start);
    // Nothing of the three commands is left but their log entries and the numbers given out.
    CHECK(kept_rows() == start_rows);
  }

  TEST_CASE_FIXTURE(TempKb, "kb undo of a colleague's import takes back the aliases it added") {
    seed();
    TempKb colleague;
    colleague.seed();
    colleague.ok({"entity", "alias", "Russia", "Russian Federation"});
    const std::string theirs = dir.file("theirs.json");
    colleague.ok({"export", "-o", theirs});
    const std::string start = ok({"export", "--format", "json"});
    ok({"import", theirs});
    CHECK(ok({"entity", "show", "Russia"}).find("Russian Federation") != std::string::npos);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == start);
  }

  TEST_CASE_FIXTURE(TempKb, "kb undo restores events merged into a merged or deleted event") {
    seed();
    ok({"add", "Crimea referendum", "--date", "16 March 2014"});
    const std::string start = ok({"export", "--format", "json"});
    ok({"link", "2", "same-as", "3"});  // 3 merged into 2
    const std::string one = ok({"export", "--format", "json"});
    ok({"link", "1", "same-as", "2"});  // 2, and 3 with it, merged into 1
    const std::string chain = ok({"export", "--format", "json"});
    ok({"rm", "1", "--yes"});  // 3 was merged into 1 without a link to it
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == chain);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == one);
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == start);
  }

  TEST_CASE_FIXTURE(TempKb, "kb log shows who changed what, for all events or one") {
    seed();
    RunOptions as_alice;
    as_alice.env = {{"KB_USER", "alice"}};
    CHECK(kb({"edit", "2", "--date", "2014-03-19"}, as_alice).code == 0);
    CHECK(kb({"tag", "1", "memo"}, as_alice).code == 0);
    ok({"undo"});
    const std::string all = ok({"log"});
    CHECK(all.find("alice  edit #2") != std::string::npos);
    CHECK(all.find("alice  tag #1 memo  (undone by #") != std::string::npos);
    CHECK(all.find("undo #") != std::string::npos);
    const std::string one = ok({"log", "--event", "2"});
    CHECK(one.find("edit #2") != std::string::npos);
    CHECK(one.find("#2 date: '18 March 2014' -> '19 March 2014'") != std::string::npos);
    CHECK(one.find("tag #1") == std::string::npos);
    CHECK(ok({"log", "--limit", "1"}).find("undo #") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "a failed command logs nothing") {
    seed();
    const std::string before = ok({"log"});
    CHECK(kb({"tag", "9", "x"}).code == 1);
    CHECK(ok({"log"}) == before);
  }
}

}  // namespace kb::test
