// Tests for cli/app.cpp and cli/common.cpp: --version, --help of every command, usage errors,
// and the databases kb must refuse (not a database, a newer schema) without touching them.
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "storage/sqlite/migrate.hpp"
#include "storage/sqlite/sqlite.hpp"
#include "tests/process_util.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::test::must;
using kb::test::run_kb;
using kb::test::TempKb;

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The commands a reader and a writer run against a database kb must refuse.
const std::vector<std::vector<std::string>> kTouchingCommands = {
    {"timeline"},
    {"show", "1"},
    {"search", "crimea"},
    {"stats"},
    {"entity", "list"},
    {"add", "X", "--date", "2014"},
    {"edit", "1", "--title", "Y"},
    {"rm", "1", "--yes"},
    {"tag", "1", "x"},
    {"link", "1", "related", "2"},
    {"entity", "add", "Z"},
};

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("kb --version prints the version") {
    const auto r = run_kb({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("kb ", 0) == 0);
    CHECK(r.out.find_first_of("0123456789") == 3);
    CHECK(r.err.empty());
  }

  TEST_CASE("kb <command> --help exits 0 and shows an example") {
    const std::vector<std::vector<std::string>> commands = {
        {},
        {"add"},
        {"edit"},
        {"rm"},
        {"link"},
        {"tag"},
        {"entity"},
        {"entity", "add"},
        {"entity", "alias"},
        {"entity", "merge"},
        {"entity", "list"},
        {"entity", "show"},
        {"timeline"},
        {"show"},
        {"search"},
        {"stats"},
        {"import"},
        {"sources"},
        {"unlink"},
        {"undo"},
        {"log"},
        {"dates"},
        {"parse"},
        {"extract"},
        {"xref"},
        {"brief"},
        {"export"},
    };
    for (auto args : commands) {
      // Its own example: "kb entity --help" showed the top-level "kb add ..." (issue #12).
      std::string own = "kb";
      for (const auto& a : args) {
        own += " " + a;
      }
      args.emplace_back("--help");
      CAPTURE(args);
      const auto r = run_kb(args);
      CHECK(r.code == 0);
      const auto example = r.out.find("Example:");
      REQUIRE(example != std::string::npos);
      CHECK(r.out.find(own, example) != std::string::npos);
      CHECK(r.err.empty());
    }
  }

  TEST_CASE("kb usage errors exit 2 with CLI11's message") {
    const auto none = run_kb({});
    CHECK(none.code == 2);
    CHECK_FALSE(none.err.empty());
    const auto bad = run_kb({"timeline", "--bogus"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--bogus") != std::string::npos);
    const auto undo = run_kb({"import", "--undo", "abc"});
    CHECK(undo.code == 2);
    CHECK(undo.err.find("abc") != std::string::npos);
    const auto missing = run_kb({"show"});
    CHECK(missing.code == 2);
    CHECK(missing.out.empty());
  }

  TEST_CASE("kb with a mistyped command suggests the nearest one") {
    const auto r = run_kb({"--db", "x.db", "timelin", "ukraine"});
    CHECK(r.code == 2);
    // One line: the suggestion, not CLI11's "A subcommand is required" before it.
    CHECK(r.err == "kb: 'timelin' is not a kb command; did you mean 'timeline'?\n");
    const auto far = run_kb({"zzzzzz"});
    CHECK(far.code == 2);
    CHECK(far.err == "kb: 'zzzzzz' is not a kb command; kb --help lists them\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb refuses a file that is not a database and leaves it alone") {
    const std::string garbage = "this is a text file, not SQLite\n" + std::string(2000, 'x');
    kb::test::write_file(db, garbage);
    for (const auto& args : kTouchingCommands) {
      CAPTURE(args);
      const auto r = kb(args);
      CHECK(r.code == 1);
      CHECK(r.out.empty());
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
      CHECK(r.err.find("'" + db + "' is not a kb database") != std::string::npos);
      CHECK(read_bytes(db) == garbage);
    }
  }

  TEST_CASE_FIXTURE(TempKb, "kb refuses another program's SQLite database") {
    {
      kb::sqlite::Db other = must(kb::sqlite::Db::open(db, kb::sqlite::OpenMode::create));
      // Another program's file, in SQLite's default journal mode (kb's new files are WAL).
      must(other.exec("PRAGMA journal_mode = DELETE"));
      must(other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)"));
    }
    const auto before = rows();
    const std::string bytes = read_bytes(db);
    for (const auto& args : kTouchingCommands) {
      CAPTURE(args);
      const auto r = kb(args);
      CHECK(r.code == 1);
      CHECK(r.err.find("is not a kb database") != std::string::npos);
      CHECK(rows() == before);
      CHECK(read_bytes(db) == bytes);  // not even switched to WAL
      CHECK_FALSE(std::filesystem::exists(db + "-wal"));
    }
  }

  TEST_CASE_FIXTURE(TempKb, "kb refuses a database with a newer schema and leaves it alone") {
    seed();
    const int newer = kb::sqlite::schema_version() + 1;
    {
      kb::sqlite::Db raw = must(kb::sqlite::Db::open(db, kb::sqlite::OpenMode::read_write));
      must(raw.exec("PRAGMA user_version = " + std::to_string(newer)));
    }
    const auto before = rows();
    for (const auto& args : kTouchingCommands) {
      CAPTURE(args);
      const auto r = kb(args);
      CHECK(r.code == 1);
      CHECK(r.out.empty());
      CHECK(r.err == "kb: '" + db + "' has schema version " + std::to_string(newer) +
                         ", newer than this kb (" + std::to_string(kb::sqlite::schema_version()) +
                         "); upgrade kb\n");
      CHECK(rows() == before);
    }
  }

  TEST_CASE("kb processes starting together on a new database all succeed") {
    // Each process migrates the new file; the second must find the work done, not redo it.
    constexpr int kProcesses = 8;
    for (int round = 0; round < 3; ++round) {
      CAPTURE(round);
      kb::test::TempDir dir;
      const std::string db = dir.file("r.db");
      std::vector<pid_t> pids;
      for (int i = 0; i < kProcesses; ++i) {
        kb::test::ProcessOptions opts;
        opts.err = dir.file("err" + std::to_string(i));
        pids.push_back(kb::test::spawn_kb(
            {"--db", db, "add", "Event " + std::to_string(i), "--date", std::to_string(2000 + i)},
            opts));
      }
      for (int i = 0; i < kProcesses; ++i) {
        CAPTURE(i);
        const int code = kb::test::wait_kb(pids[static_cast<std::size_t>(i)]);
        CHECK_MESSAGE(code == 0, kb::test::slurp(dir.file("err" + std::to_string(i))));
      }
      const auto r = run_kb({"--db", db, "timeline", "--format", "json"});
      REQUIRE_MESSAGE(r.code == 0, r.err);
      for (int i = 0; i < kProcesses; ++i) {
        CHECK(r.out.find("\"Event " + std::to_string(i) + "\"") != std::string::npos);
      }
    }
  }

  TEST_CASE("kb --db in a missing folder fails clearly and creates no folder") {
    kb::test::TempDir dir;
    const std::string db = dir.file("missing/sub/kb.db");
    const auto r = run_kb({"--db", db, "add", "X", "--date", "2020"});
    CHECK(r.code == 1);
    CHECK(r.err == "kb: cannot create database '" + db + "': folder '" + dir.file("missing/sub") +
                       "' does not exist\n");
    CHECK_FALSE(std::filesystem::exists(dir.file("missing")));
    const auto env = run_kb({"add", "X", "--date", "2020"}, {{"KB_DB", db}});
    CHECK(env.code == 1);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing")));
    // kb's own default place is created on first use.
    const auto xdg = run_kb({"add", "X", "--date", "2020"}, {{"XDG_DATA_HOME", dir.file("data")}});
    CHECK_MESSAGE(xdg.code == 0, xdg.err);
    CHECK(std::filesystem::exists(dir.file("data/kb/kb.db")));
  }

  TEST_CASE("kb reading commands work on a database in a read-only folder") {
    kb::test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "ro");
    const std::string db = dir.file("ro/kb.db");
    auto add = run_kb({"--db", db, "add", "Russia annexes Crimea", "--date", "2014-03-18"});
    REQUIRE_MESSAGE(add.code == 0, add.err);
    namespace fs = std::filesystem;
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path() / "ro", fs::perms::owner_read | fs::perms::owner_exec |
                                           fs::perms::group_read | fs::perms::group_exec |
                                           fs::perms::others_read | fs::perms::others_exec);
    // As root permissions do not bind, so the commands run as nobody.
    const std::vector<std::vector<std::string>> readers = {
        {"stats"}, {"timeline"}, {"search", "crimea"}, {"show", "1"}};
    for (const auto& args : readers) {
      CAPTURE(args);
      std::vector<std::string> full = {"--db", db};
      full.insert(full.end(), args.begin(), args.end());
      kb::test::ProcessOptions opts;
      opts.out = dir.file("out");
      opts.err = dir.file("err");
      opts.as_nobody = true;
      const int code = kb::test::wait_kb(kb::test::spawn_kb(full, opts));
      CHECK_MESSAGE(code == 0, kb::test::slurp(dir.file("err")));
      CHECK_FALSE(kb::test::slurp(dir.file("out")).empty());
    }
    const auto before = kb::test::dump_rows(db);
    kb::test::ProcessOptions opts;
    opts.err = dir.file("err");
    opts.as_nobody = true;
    const int code =
        kb::test::wait_kb(kb::test::spawn_kb({"--db", db, "add", "Y", "--date", "2020"}, opts));
    CHECK(code == 1);
    CHECK(kb::test::dump_rows(db) == before);
    fs::permissions(dir.path() / "ro", fs::perms::owner_all);
  }
}
