// Shared test helpers: a fresh migrated in-memory Store with a fixed clock, a self-deleting
// temporary directory, and run_kb() which runs the CLI in-process with string streams. With
// KB_TEST_ENGINE=postgres, the CLI tests' knowledge base (TempKb) is a fresh PostgreSQL database
// on the server $KB_TEST_PG names instead of a SQLite file (tests/README.md).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <doctest/doctest.h>

#include "cli/app.hpp"
#include "cli/context.hpp"
#include "kb/result.hpp"
#include "storage/sqlite/sqlite.hpp"
#include "storage/sqlite/store.hpp"
#include "tests/storage/postgres/pg_fixture.hpp"

namespace kb::sqlite {
// The store's connection, for tests that check with raw SQL what the store wrote (Store names
// this struct its friend; no code outside tests/ defines it).
struct StoreInternals {
  static Db& db(Store& store) { return store.db_; }
};
}  // namespace kb::sqlite

namespace kb::test {

using sqlite::Db;
using sqlite::OpenMode;
using sqlite::Statement;
using sqlite::Step;
using sqlite::Store;

// The instant every test clock reports: 2024-01-15T10:00:00Z.
inline std::chrono::system_clock::time_point fixed_now() {
  return date::sys_days{date::year{2024} / 1 / 15} + std::chrono::hours{10};
}

// The "today" CLI tests run with.
inline date::sys_days fixed_today() { return date::sys_days{date::year{2024} / 1 / 15}; }

// The value of `r`, failing the test (with the error's message) when it holds an error.
template <typename T>
T must(Result<T> r) {
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().message));
  return std::move(r).value();
}
inline void must(const Result<void>& r) {
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? std::string() : r.error().message));
}

// A fresh, migrated in-memory Store whose clock is fixed_now().
inline Store memory_store() {
  Store store = must(Store::open_memory());
  store.set_clock(fixed_now);
  return store;
}

// Fixture for TEST_CASE_FIXTURE: each case gets its own empty, migrated database.
struct MemoryDb {
  Store store = memory_store();

  // Adds an entity named `name` of `kind`; returns its id.
  Id entity(const std::string& name, EntityKind kind = EntityKind::country,
            std::optional<Id> country = std::nullopt) {
    Entity e;
    e.name = name;
    e.kind = kind;
    e.country_id = country;
    return must(store.add_entity(e));
  }

  // Adds an event titled `title` on the TIMEX3 date `timex`, with `participants`.
  Id event(const std::string& title, std::string_view timex,
           std::vector<std::pair<Id, Role>> participants = {}) {
    Event e;
    e.title = title;
    e.date = must(FuzzyDate::from_timex(timex));
    for (const auto& [id, role] : participants) {
      e.participants.push_back(Participant{id, "", EntityKind::country, role});
    }
    return must(store.add_event(e));
  }

  // Adds a source with a unique hash; `published` is an ISO day or nullopt.
  Id source(const std::string& title, std::optional<std::string> published = std::nullopt,
            const std::string& body = "") {
    Source s;
    s.title = title;
    s.url = "https://example.org/" + std::to_string(++sources_);
    s.published = std::move(published);
    s.content_hash = "hash-" + std::to_string(sources_);
    s.body = body;
    return must(store.add_source(s));
  }

 private:
  int sources_ = 0;
};

// A new empty directory under the system temp directory, removed with its contents on
// destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("kb-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  // The path of `name` inside the directory.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `path`, replacing it.
inline void write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The whole content of `path` ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What one in-process run of the CLI produced.
struct KbRun {
  int code = -1;
  std::string out;
  std::string err;
};

// The outside world a CLI run sees.
struct RunOptions {
  std::map<std::string, std::string> env;
  bool out_is_tty = false;
  bool in_is_tty = false;
  std::string input;  // what stdin holds
};

// Runs `kb <args>` in-process (kb::cli::run) with string streams, `opts.env` as the whole
// environment and today = fixed_today(); returns exit code, stdout and stderr.
inline KbRun run_kb(const std::vector<std::string>& args, const RunOptions& opts) {
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in(opts.input);
  cli::Context ctx{out, err, in, {}, fixed_today(), opts.out_is_tty, opts.in_is_tty, 0, {}, {}};
  ctx.env = [env = opts.env](const std::string& name) -> std::optional<std::string> {
    const auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
  KbRun r;
  r.code = cli::run(args, ctx);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// run_kb() with only an environment.
inline KbRun run_kb(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {}) {
  RunOptions opts;
  opts.env = env;
  return run_kb(args, opts);
}

// Every row of every table (FTS shadow tables included) plus user_version, as sorted text:
// equal dumps mean the database holds the same rows.
inline std::vector<std::string> dump_rows(const std::string& path) {
  Db db = must(Db::open(path, OpenMode::read_only));
  std::vector<std::string> rows{"user_version=" + std::to_string(must(db.user_version()))};
  Statement tables = must(db.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
      "ORDER BY name"));
  std::vector<std::string> names;
  while (must(tables.step()) == Step::row) {
    names.push_back(tables.column_text(0));
  }
  for (const auto& table : names) {
    Statement cols = must(db.prepare("SELECT name FROM pragma_table_info(?1)"));
    cols.bind(1, table);
    std::string concat;
    while (must(cols.step()) == Step::row) {
      concat += concat.empty() ? "" : " || '|' || ";
      concat += "quote(\"" + cols.column_text(0) + "\")";
    }
    Statement all = must(db.prepare("SELECT " + concat + " FROM \"" + table + "\""));
    while (must(all.step()) == Step::row) {
      rows.push_back(table + ": " + all.column_text(0));
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Every row of every table of the PostgreSQL database at `uri` plus its schema version, as sorted
// text: equal dumps mean the database holds the same rows (dump_rows() for PostgreSQL).
inline std::vector<std::string> dump_pg_rows(const std::string& uri) {
  postgres::Db db = must(postgres::Db::open(uri));
  postgres::Statement tables = db.prepare(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
  const auto names =
      must(tables.collect([](const postgres::Statement& row) { return row.column_text(0); }));
  std::vector<std::string> rows;
  for (const auto& table : names) {
    postgres::Statement all = db.prepare("SELECT t::text FROM \"" + table + "\" t");
    for (auto& row :
         must(all.collect([](const postgres::Statement& r) { return r.column_text(0); }))) {
      rows.push_back(table + ": " + row);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// Whether the CLI tests run on PostgreSQL (KB_TEST_ENGINE=postgres) rather than SQLite.
inline bool cli_on_postgres() {
  const char* engine = std::getenv("KB_TEST_ENGINE");
  return engine != nullptr && std::string_view(engine) == "postgres";
}

// A fresh PostgreSQL database for a CLI test when cli_on_postgres(), else null. Fails the test
// when PostgreSQL was asked for and the server cannot be reached.
inline std::unique_ptr<PgDatabase> cli_database() {
  if (!cli_on_postgres()) {
    return nullptr;
  }
  auto pg = std::make_unique<PgDatabase>();
  REQUIRE_MESSAGE(pg->available(), "KB_TEST_ENGINE=postgres needs a server in KB_TEST_PG");
  return pg;
}

// Fixture for CLI tests: a knowledge base file in its own temporary directory, or with
// KB_TEST_ENGINE=postgres a database of its own on the test server.
struct TempKb {
  TempDir dir;
  std::unique_ptr<PgDatabase> pg = cli_database();
  std::string db = pg ? pg->uri() : dir.file("kb.db");

  // Runs `kb --db <db> <args>`.
  KbRun kb(std::vector<std::string> args, RunOptions opts = {}) {
    args.insert(args.begin(), {"--db", db});
    return run_kb(args, opts);
  }
  // Runs `kb --db <db> <args>` and requires it to succeed; returns its stdout.
  std::string ok(std::vector<std::string> args) {
    const KbRun r = kb(std::move(args));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return r.out;
  }
  // Two linked-up-ready events: #1 Budapest Memorandum (5 Dec 1994, agreement, actors Russia,
  // Ukraine, United States) and #2 Russia annexes Crimea (18 Mar 2014, territorial_change,
  // actor Russia, place Crimea, cited from https://example.org/a).
  void seed() {
    ok({"add", "Budapest Memorandum", "--date", "1994-12-05", "--kind", "agreement", "--actor",
        "country:Russia", "--actor", "country:Ukraine", "--actor", "country:United States",
        "--summary", "Security assurances for Ukraine"});
    ok({"add", "Russia annexes Crimea", "--date", "18 March 2014", "--kind", "territorial_change",
        "--actor", "Russia", "--place", "Crimea", "--source", "https://example.org/a", "--quote",
        "Russia annexed Crimea."});
  }
  // Every row of the database (see dump_rows(); on PostgreSQL, dump_pg_rows()).
  std::vector<std::string> rows() const { return pg ? dump_pg_rows(db) : dump_rows(db); }
};

}  // namespace kb::test
