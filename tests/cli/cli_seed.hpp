// Test helper for the xref/brief/export CLI tests: a temporary knowledge base file built the way
// an analyst would: the reference article's events from an analyst CSV (with the article's
// metadata), then hand entries with `kb add` and relations with `kb link`.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cli/app.hpp"
#include "services/import_records.hpp"
#include "storage/sqlite/store.hpp"
#include "tests/test_util.hpp"

namespace kb::test {

inline constexpr std::string_view kArticleUrl = "https://caliber.az/";

// What one command printed and returned.
struct CliResult {
  int code = 0;
  std::string out, err;
};

inline cli::Context make_context(std::ostream& out, std::ostream& err, std::istream& in) {
  cli::Context ctx{out,
                   err,
                   in,
                   [](const std::string&) { return std::optional<std::string>{}; },
                   date::sys_days{date::year{2026} / 1 / 15},
                   false,
                   false,
                   0,
                   {},
                   {}};
  return ctx;
}

// Runs `kb --db DB args...` in-process.
inline CliResult kb_run(const std::string& db, std::vector<std::string> args) {
  std::ostringstream out, err;
  std::istringstream in;
  auto ctx = make_context(out, err, in);
  args.insert(args.begin(), {"--db", db});
  CliResult r;
  r.code = cli::run(args, ctx);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// The analyst CSV of the reference article's events (ids 1..5 once imported), as shipped in
// examples/ for the sample briefing.
inline std::string article_csv() {
  std::ifstream in(std::string(KB_SOURCE_DIR) + "/examples/ukraine-events.csv", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Builds the knowledge base at `db`: the article's five events (1..5), two hand entries (6: the
// G7 pledge on F-16 training, 7: Grushko's warning), 2 violates 1 and 7 responds-to 6.
inline void seed_cli_kb(const std::string& db) {
  {
    auto store = kb::sqlite::Store::open(db, kb::sqlite::OpenMode::create);
    REQUIRE(store.has_value());
    kb::services::RecordImportOptions strict;
    strict.strict = true;
    auto sum = kb::services::import_records(*store, article_csv(), "article.csv",
                                            kb::services::RecordFormat::analyst_csv, strict);
    REQUIRE(sum.has_value());
    REQUIRE(sum->events == 5);
  }
  const std::string url(kArticleUrl);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"add", "Biden tells the G7 the US will support training Ukrainian pilots on F-16s",
            "--date", "2023-W20", "--kind", "aid", "--actor", "United States", "--target",
            "Ukraine", "--source", url, "--quote",
            "And last week, Biden told his Group of Seven counterparts that the US would support "
            "training Ukrainian pilots to fly F-16 jets, an essential step to supplying the "
            "US-made fighters."},
           {"add", "Grushko warns that sending F-16s to Ukraine would escalate the conflict",
            "--date", "2023-05-20", "--kind", "statement", "--actor", "person:Alexander Grushko",
            "--target", "Ukraine", "--source", url, "--quote",
            "Russian Deputy Foreign Minister Alexander Grushko warned Saturday that sending "
            "F-16s to Ukraine would escalate the conflict."},
           {"link", "2", "violates", "1"},
           {"link", "7", "responds-to", "6"}}) {
    const auto r = kb_run(db, args);
    INFO(r.err);
    REQUIRE(r.code == 0);
  }
}

}  // namespace kb::test
