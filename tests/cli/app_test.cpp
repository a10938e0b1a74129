// Tests for cli/app.cpp and cli/common.cpp: --version, --help of every command, usage errors,
// and the databases kb must refuse (not a database, a newer schema) without touching them.
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "storage/sqlite/migrate.hpp"
#include "storage/sqlite/sqlite.hpp"
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
    };
    for (auto args : commands) {
      args.emplace_back("--help");
      CAPTURE(args);
      const auto r = run_kb(args);
      CHECK(r.code == 0);
      CHECK(r.out.find("Example:") != std::string::npos);
      CHECK(r.err.empty());
    }
  }

  TEST_CASE("kb without a command or with an unknown option is a usage error") {
    const auto none = run_kb({});
    CHECK(none.code != 0);
    CHECK_FALSE(none.err.empty());
    const auto bad = run_kb({"timeline", "--bogus"});
    CHECK(bad.code != 0);
    CHECK(bad.err.find("--bogus") != std::string::npos);
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
      must(other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)"));
    }
    const auto before = rows();
    for (const auto& args : kTouchingCommands) {
      CAPTURE(args);
      const auto r = kb(args);
      CHECK(r.code == 1);
      CHECK(r.err.find("is not a kb database") != std::string::npos);
      CHECK(rows() == before);
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
}
