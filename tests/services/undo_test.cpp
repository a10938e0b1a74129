// Tests services/import_articles.cpp and services/undo.cpp against an in-memory repository,
// with no command line: an article read from a stream is stored with its events, and undoing
// the run removes exactly what it added; a savepoint that is not committed leaves nothing. The
// operation log (services/oplog.cpp) is tested in tests/services/oplog_test.cpp.
#include "services/undo.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "services/import_articles.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::test::MemoryDb;
using kb::test::must;

constexpr std::string_view kArticle =
    "EU agrees new sanctions on Russia\n\n"
    "The European Union agreed on 21 June 2023 a new package of sanctions against Russia, its "
    "foreign ministers said after a meeting in Brussels.\n";

}  // namespace

TEST_SUITE("services") {
  TEST_CASE_FIXTURE(MemoryDb, "services::import_articles and undo_import on a Repository") {
    std::istringstream in{std::string(kArticle)};
    kb::services::ImportRequest request;
    request.inputs = {"-"};
    request.in = &in;
    request.jobs = 1;
    request.read.published = date::sys_seconds{date::sys_days{date::year{2023} / 6 / 22}};
    kb::Repository& repo = store;
    const auto report = must(kb::services::import_articles(&repo, request));
    CHECK(report.run.added == 1);
    CHECK(report.run.id > 0);
    CHECK(must(repo.sources(false)).size() == 1);
    const auto events = must(repo.timeline(kb::TimelineQuery{}));

    const kb::UndoCounts undone = must(kb::services::undo_import(repo, report.run.id));
    CHECK(undone.sources == 1);
    CHECK(undone.events == static_cast<std::int64_t>(events.size()));
    CHECK(must(repo.sources(false)).empty());
    CHECK(must(repo.timeline(kb::TimelineQuery{})).empty());
    CHECK(must(repo.is_empty()));  // the entities its extraction created went too
    auto again = kb::services::undo_import(repo, report.run.id);
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().code == kb::Errc::conflict);
  }

  TEST_CASE_FIXTURE(MemoryDb, "kb::Transaction rolls back unless committed, savepoints too") {
    kb::Repository& repo = store;
    {
      kb::Transaction tx = must(repo.transaction());
      entity("Atlantis");
    }
    CHECK(must(repo.entities()).empty());
    {
      kb::Transaction tx = must(repo.transaction());
      entity("Atlantis");
      {
        kb::Transaction sp = must(repo.savepoint());
        entity("Lemuria");
      }
      must(tx.commit());
    }
    const auto all = must(repo.entities());
    REQUIRE(all.size() == 1);
    CHECK(all[0].name == "Atlantis");
  }
}
