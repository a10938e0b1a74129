// Tests services/import_articles.cpp and services/undo.cpp against an in-memory repository,
// with no command line: an article read from a stream is stored with its events, and undoing
// the run removes exactly what it added; a savepoint that is not committed leaves nothing; a
// command of several transactions logs only the records it created.
#include "services/undo.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "services/import_articles.hpp"
#include "services/oplog.hpp"
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

  TEST_CASE_FIXTURE(MemoryDb, "a command of several transactions counts only its own new records") {
    // kb extract writes source by source; another process may add records between two of its
    // transactions. Those are not the command's: its undo must leave them.
    kb::services::OpRecorder op("analyst", "extract --all");
    const auto own = [&](const std::string& name) {
      kb::Transaction tx = must(store.transaction());
      must(op.mark_new_records(store));
      const kb::Id id = event(name, "2023-06-01", {{entity(name + " Corps"), kb::Role::actor}});
      must(op.end_new_records(store));
      must(tx.commit());
      return id;
    };
    const kb::Id first = own("First");
    kb::Id other = 0;
    {
      kb::Transaction tx = must(store.transaction());  // the other process
      other = event("Other", "2023-06-02", {{entity("Other Corps"), kb::Role::actor}});
      must(tx.commit());
    }
    const kb::Id second = own("Second");
    {
      kb::Transaction tx = must(store.transaction());
      must(op.finish(store));
      must(tx.commit());
    }
    const kb::Op logged = must(store.last_undoable_op()).value();
    std::vector<kb::Id> created;
    for (const auto& e : logged.events) {
      CHECK_FALSE(e.before.has_value());
      created.push_back(e.event_id);
    }
    CHECK(created == std::vector<kb::Id>{first, second});
    CHECK(logged.created.size() == 2);  // the two corps it named, not the other one

    kb::Transaction tx = must(store.transaction());
    must(kb::services::undo_last(store, "analyst"));
    must(tx.commit());
    const auto left = must(store.timeline(kb::TimelineQuery{}));
    REQUIRE(left.size() == 1);
    CHECK(left.front().id == other);
    CHECK(must(store.lookup_entities("Other Corps")).size() == 1);
    CHECK(must(store.lookup_entities("First Corps")).empty());
  }

  TEST_CASE_FIXTURE(MemoryDb,
                    "kb undo leaves an import that has not finished to kb import --undo") {
    // An article import logs itself with its first batch; until it finishes it may still be
    // running in another process, so kb undo must not undo it under its feet.
    kb::Repository& repo = store;
    kb::Id run = 0;
    {
      kb::Transaction tx = must(repo.transaction());
      run = must(repo.begin_import({"reports.jsonl"}));
      kb::services::OpRecorder op("analyst", "import reports.jsonl");
      op.set_import(run);
      must(op.flush(repo));  // the first batch: the run's log entry, the run not finished
      must(tx.commit());
    }
    {
      kb::Transaction tx = must(repo.transaction());
      auto refused = kb::services::undo_last(repo, "analyst");
      REQUIRE_FALSE(refused.has_value());
      CHECK(refused.error().code == kb::Errc::conflict);
      CHECK(refused.error().message.find("kb import --undo " + std::to_string(run)) !=
            std::string::npos);
    }
    must(kb::services::undo_import(repo, run));  // named by its number: undone
    const auto runs = must(repo.imports());
    REQUIRE(runs.size() == 1);
    CHECK(runs.front().undone_at.has_value());
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
