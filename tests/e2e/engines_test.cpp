// The same commands on SQLite and on PostgreSQL ($KB_TEST_PG) print the same, byte for byte:
// read commands over one knowledge base written into both, and a sequence of writing commands
// (import, add, edit, tag, link, rm, undo, entities, extract, import --undo) run on both; a kb
// JSON export moved from one engine to the other exports the same bytes again. Only the times
// stamped by the machine's clock and the random permanent ids of new records (and the lineage
// keys made from them) are compared as their shape. Full-text search ranks and cuts snippets its
// own way on each engine (docs/storage.md): its hits are compared in
// tests/storage/postgres/store_test.cpp. Cases pass with a message when no server is available
// (tests/storage/postgres/pg_fixture.hpp).

#include <regex>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "storage/open.hpp"
#include "storage/postgres/store.hpp"
#include "storage/sqlite/store.hpp"
#include "tests/cli/cli_seed.hpp"
#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/storage/postgres/seed_fixture.hpp"
#include "tests/test_util.hpp"

namespace kb::test {
namespace {

// Seeds the knowledge base at `location` (a SQLite path or a PostgreSQL URI), its clock fixed so
// that both engines hold the same times.
void seed_at(const std::string& location) {
  if (storage::engine_of(location) == storage::Engine::postgres) {
    postgres::Store store = must(postgres::Store::open(location));
    store.set_clock(fixed_now);
    seed(store);
  } else {
    sqlite::Store store = must(sqlite::Store::open(location, sqlite::OpenMode::create));
    store.set_clock(fixed_now);
    seed(store);
  }
}

// `text` with clock times, permanent ids and revisions made generic, and the location kb stats
// prints.
std::string normalized(const std::string& text, const std::string& location) {
  static const std::regex kTime(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|\d{8}T\d{6}Z)");
  static const std::regex kUuid(
      R"([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})");
  // An event's lineage keys hash its roles' permanent ids: random too.
  static const std::regex kKey(R"("[0-9a-f]{16}")");
  // Revisions count the statements that wrote an event, and the engines' stores undo a change
  // in statements of their own: the numbers are compared within one knowledge base only.
  static const std::regex kRevision(R"((revision:\s+|"revision": )\d+)");
  std::string out = std::regex_replace(text, kTime, "<time>");
  out = std::regex_replace(out, kRevision, "$1<revision>");
  out = std::regex_replace(out, kUuid, "<uuid>");
  out = std::regex_replace(out, kKey, "<key>");
  for (auto at = out.find(location); at != std::string::npos; at = out.find(location, at)) {
    out.replace(at, location.size(), "<database>");
  }
  return out;
}

// Runs each of `commands` on both knowledge bases and compares what they print.
void compare(const std::string& lite, const std::string& pg,
             const std::vector<std::vector<std::string>>& commands, bool exact) {
  bool any_output = false;
  for (const auto& args : commands) {
    CAPTURE(fmt::format("kb {}", fmt::join(args, " ")));
    const CliResult expected = kb_run(lite, args);
    const CliResult got = kb_run(pg, args);
    CHECK(got.code == expected.code);
    if (exact) {
      CHECK(got.out == expected.out);
      CHECK(got.err == expected.err);
    } else {
      CHECK(normalized(got.out, pg) == normalized(expected.out, lite));
      CHECK(normalized(got.err, pg) == normalized(expected.err, lite));
    }
    any_output = any_output || !expected.out.empty();
  }
  CHECK(any_output);
}

}  // namespace

TEST_SUITE("e2e") {
  TEST_CASE("engines: read commands print the same on SQLite and PostgreSQL") {
    PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    const TempDir dir;
    const std::string lite = dir.file("kb.db");
    seed_at(lite);
    seed_at(pg.uri());
    // The seed fixes every time and id: the outputs are compared byte for byte.
    compare(lite, pg.uri(),
            {
                {"timeline"},
                {"timeline", "ukraine"},
                {"timeline", "ukraine", "--format", "json"},
                {"timeline", "--from", "2014", "--to", "2022", "--format", "csv"},
                {"timeline", "Kharkov", "--reverse", "--format", "md"},
                {"timeline", "--source", "wall street journal", "--sort", "citations"},
                {"timeline", "--as-of", "2023-05-22", "--place", "Ukraine"},
                {"timeline", "--kind", "meeting", "--tag", "nato", "--format", "json"},
                {"timeline", "security"},
                {"show", "3"},
                {"show", "5", "--format", "json"},
                {"show", "00000065"},
                {"stats", "--by", "year", "--per", "kind"},
                {"entity", "list"},
                {"entity", "show", "Kyiv"},
                {"sources"},
                {"sources", "1", "--text"},
                {"xref", "Russia"},
                {"xref", "3", "--format", "json"},
                {"export", "--format", "json"},
                {"export", "ukraine", "--format", "csv"},
                {"export", "--format", "geojson"},
                {"export", "--format", "timelinejs"},
                {"show", "99"},
                {"timeline", "--actor", "Atlantis"},
            },
            true);
    CHECK(normalized(kb_run(pg.uri(), {"stats"}).out, pg.uri()) ==
          normalized(kb_run(lite, {"stats"}).out, lite));
  }

  TEST_CASE("engines: writing commands, undo and import print the same on both engines") {
    PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    const TempDir dir;
    const std::string lite = dir.file("kb.db");
    const std::string article = std::string(KB_SOURCE_DIR) +
                                "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";
    const std::string wiki = "https://en.wikipedia.org/wiki/";
    // The walkthrough (examples/walkthrough.sh), then an analyst's day: edits, tags, links,
    // deletions and their undo, entities, re-extraction, an import undone and redone.
    compare(
        lite, pg.uri(),
        {
            {"import", "--url", "https://caliber.az/", article},
            {"add", "Ukraine declares independence", "--date", "1991-08-24", "--kind", "decision",
             "--actor", "Ukraine", "--source", wiki + "Declaration_of_Independence_of_Ukraine"},
            {"add", "Minsk II agreement on the war in Donbas", "--date", "2015-02-12", "--kind",
             "agreement", "--actor", "Ukraine", "--actor", "Russia", "--source",
             wiki + "Minsk_agreements"},
            {"timeline", "ukraine"},
            {"edit", "1", "--title", "Security model for Ukraine discussed", "--tag", "security"},
            {"tag", "1", "2", "nato"},
            {"link", "2", "responds-to", "1"},
            {"link", "1", "same-as", "3"},
            {"show", "1"},
            {"rm", "2", "--yes"},
            {"timeline"},
            {"undo"},
            {"undo"},
            {"show", "2", "--format", "json"},
            {"unlink", "2", "responds-to", "1"},
            {"entity", "add", "Black Sea Fleet", "--kind", "group", "--alias", "BSF"},
            {"entity", "alias", "Ukraine", "Ukr."},
            {"entity", "merge", "Black Sea Fleet", "Russia"},
            {"undo"},
            {"entity", "list", "--format", "json"},
            {"extract", "--all", "--dry-run"},
            {"extract", "--all"},
            {"sources"},
            {"stats"},
            {"xref", "Ukraine"},
            {"log", "--limit", "5"},
            {"import", "--list"},
            {"import", "--undo", "1"},
            {"timeline"},
            {"undo"},
            {"export", "--format", "json"},
            {"timeline", "ukraine", "--format", "md"},
        },
        false);
    CHECK(kb_run(pg.uri(), {"timeline"}).out.find("Minsk II") != std::string::npos);
  }

  TEST_CASE("engines: a kb JSON export moves between engines and exports the same bytes") {
    PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    const TempDir dir;
    const std::string lite = dir.file("kb.db");
    const std::string article = std::string(KB_SOURCE_DIR) +
                                "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt";
    REQUIRE(kb_run(lite, {"import", "--url", "https://caliber.az/", article}).code == 0);
    REQUIRE(kb_run(lite, {"tag", "1", "wsj"}).code == 0);
    REQUIRE(kb_run(lite, {"link", "2", "same-as", "3"}).code == 0);
    const std::string json = dir.file("kb.json");
    REQUIRE(kb_run(lite, {"export", "--format", "json", "-o", json}).code == 0);
    const CliResult into_pg = kb_run(pg.uri(), {"import", json});
    CHECK(into_pg.code == 0);
    const std::string back = dir.file("back.json");
    REQUIRE(kb_run(pg.uri(), {"export", "--format", "json", "-o", back}).code == 0);
    CHECK(slurp(back) == slurp(json));
    CHECK(slurp(json).find("\"curated\": true") != std::string::npos);
    // And back into SQLite.
    const std::string again = dir.file("again.db");
    REQUIRE(kb_run(again, {"import", back}).code == 0);
    const std::string last = dir.file("last.json");
    REQUIRE(kb_run(again, {"export", "--format", "json", "-o", last}).code == 0);
    CHECK(slurp(last) == slurp(json));
  }

  TEST_CASE("engines: an unreachable server is an error naming it, not a password") {
    const TempDir dir;
    const std::string uri = "postgresql://alice:s3cret@/teamkb?host=" + dir.path().string();
    const CliResult r = kb_run(uri, {"timeline"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("kb: cannot connect to database 'teamkb'", 0) == 0);
    CHECK(r.err.find("s3cret") == std::string::npos);
  }
}

}  // namespace kb::test
