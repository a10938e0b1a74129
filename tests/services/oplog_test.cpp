// Tests services/oplog.cpp against an in-memory repository: an operation logs only the records
// its own transactions created, and undo_last leaves an unfinished import to kb import --undo.
#include "services/oplog.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "services/undo.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::test::MemoryDb;
using kb::test::must;

}  // namespace

TEST_SUITE("services") {
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
}
