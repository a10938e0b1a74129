// Tests for cli/cmd_copy.cpp and services/copy.cpp: kb copy moves a whole knowledge base into an
// empty one, exactly (text COPY escapes, revisions, forward countries and merges included),
// between SQLite files and (with $KB_TEST_PG) PostgreSQL databases, a slice at a time; an
// interrupted copy run again finishes; a non-empty or unrelated target is refused.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb::test {
namespace {

// A knowledge base whose text fields hold what COPY's text format escapes (tab, newline,
// carriage return, backslash, "\N") and quotes and non-ASCII text, with a country and a merge
// that refer to a record with a higher number, and an event whose revision has grown: written
// by importing the JSON export of TempKb's knowledge base with those changes into `path`.
// Returns the number of the event with the grown revision.
Id tricky_kb(TempKb& t, const std::string& path) {
  t.seed();
  t.ok({"tag", "2", "crimea"});
  t.ok({"link", "2", "violates", "1"});
  t.ok({"import", std::string(KB_SOURCE_DIR) +
                      "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt"});
  auto j = nlohmann::json::parse(t.ok({"export", "--format", "json"}));
  const std::string odd =
      "tab\there, line\nbreak, return\r, back\\slash, \\N, \"double\" 'single', "
      "Ünïcödé — Київ 東京";
  auto& events = j.at("events");
  REQUIRE(events.size() >= 4);
  events[0]["title"] = "Title " + odd;
  events[0]["summary"] = odd;
  events[0]["merged_into"] = events.back().at("id");
  for (auto& e : events) {
    if (!e.at("citations").empty()) {
      e["citations"][0]["quote"] = "Quote " + odd;
      break;
    }
  }
  auto& sources = j.at("sources");
  REQUIRE(!sources.empty());
  sources[0]["title"] = "Source " + odd;
  sources[0]["body"] = "Body " + odd;
  auto& entities = j.at("entities");
  REQUIRE(entities.size() >= 3);
  entities[0]["aliases"].push_back("Alias " + odd);
  entities[0]["description"] = odd;
  entities[0]["country_id"] = entities.back().at("id");
  const std::string file = t.dir.file("tricky.json");
  write_file(file, j.dump());
  const KbRun imported = run_kb({"--db", path, "import", file});
  REQUIRE_MESSAGE(imported.code == 0, imported.err);
  const Id grown = events[1].at("id").get<Id>();
  REQUIRE(run_kb({"--db", path, "tag", std::to_string(grown), "one", "two"}).code == 0);
  return grown;
}

// The environment that stops kb copy after `slices` slices (KB_COPY_STOP_AFTER).
std::map<std::string, std::string> stop_after(int slices) {
  return {{"KB_COPY_STOP_AFTER", std::to_string(slices)}};
}

// Copies `from` into `to` a few records at a time, stopping after every `stop` slices as an
// interrupted copy would and running the same command again until it finishes; returns how
// many runs it took.
int copy_interrupted(const std::string& from, const std::string& to, int stop) {
  for (int runs = 1; runs < 500; ++runs) {
    const KbRun r = run_kb({"copy", "--slice", "2", from, to}, stop_after(stop));
    if (r.code == 0) {
      CHECK(r.out.find("(the rest of an interrupted copy)") != std::string::npos);
      return runs;
    }
    REQUIRE_MESSAGE(
        r.err.find("stopped after " + std::to_string(stop) + " slice") != std::string::npos, r.err);
  }
  FAIL("kb copy never finished");
  return 0;
}

}  // namespace

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
  TEST_CASE_FIXTURE(TempKb, "kb copy a slice at a time, interrupted and resumed, is exact") {
    const std::string src = dir.file("src.db");
    const Id grown = tricky_kb(*this, src);
    const std::string exported = run_kb({"--db", src, "export", "--format", "json"}).out;
    const std::string shown = run_kb({"--db", src, "show", std::to_string(grown)}).out;
    REQUIRE(shown.find("revision:   1\n") == std::string::npos);
    const auto same_as_src = [&exported, &shown, grown](const std::string& kb) {
      CHECK(run_kb({"--db", kb, "export", "--format", "json"}).out == exported);
      CHECK(run_kb({"--db", kb, "show", std::to_string(grown)}).out == shown);
    };

    const std::string whole = dir.file("whole.db");
    const KbRun r = run_kb({"copy", "--slice", "3", src, whole});
    CHECK(r.code == 0);
    CHECK(r.out.find("(the rest") == std::string::npos);
    same_as_src(whole);

    // Stopped after one slice: a partial copy, which the next run finishes.
    const std::string partial = dir.file("partial.db");
    const KbRun first = run_kb({"copy", "--slice", "2", src, partial}, stop_after(1));
    CHECK(first.code != 0);
    CHECK(first.err == "kb: kb copy stopped after 1 slice (KB_COPY_STOP_AFTER)\n");
    CHECK(run_kb({"--db", partial, "export", "--format", "json"}).out != exported);
    CHECK(copy_interrupted(src, partial, 3) > 3);
    same_as_src(partial);

    PgDatabase server;
    if (!server.available()) {
      return;
    }
    CHECK(copy_interrupted(src, server.uri(), 2) > 3);
    same_as_src(server.uri());
    const std::string back = dir.file("back.db");
    CHECK(copy_interrupted(server.uri(), back, 5) > 1);
    same_as_src(back);
    PgDatabase again;
    CHECK(run_kb({"copy", "--slice", "1000", back, again.uri()}).code == 0);
    same_as_src(again.uri());
  }

  TEST_CASE_FIXTURE(TempKb, "kb copy resumes only an unfinished copy of the same knowledge base") {
    const std::string src = dir.file("src.db");
    tricky_kb(*this, src);
    const std::string partial = dir.file("partial.db");
    CHECK(run_kb({"copy", "--slice", "2", src, partial}, stop_after(2)).code != 0);

    // Another knowledge base into the unfinished copy: refused, nothing written.
    const std::string before = run_kb({"--db", partial, "export", "--format", "json"}).out;
    const KbRun other = run_kb({"copy", db, partial});
    CHECK(other.code == 1);
    CHECK(other.err.find("holds an unfinished copy of '" + src + "'") != std::string::npos);
    CHECK(run_kb({"--db", partial, "export", "--format", "json"}).out == before);
    // The unfinished copy as a source: refused.
    const KbRun from_partial = run_kb({"copy", partial, dir.file("next.db")});
    CHECK(from_partial.code != 0);
    CHECK(from_partial.err.find("is an unfinished copy of") != std::string::npos);
    // The source changed since the copy began: refused.
    REQUIRE(run_kb({"--db", src, "add", "Later", "--date", "2024"}).code == 0);
    const KbRun changed = run_kb({"copy", src, partial});
    CHECK(changed.code == 1);
    CHECK(changed.err.find("holds an unfinished copy of") != std::string::npos);
    CHECK(run_kb({"--db", partial, "export", "--format", "json"}).out == before);
  }
}

}  // namespace kb::test
