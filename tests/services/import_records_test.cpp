// Tests of services/import_records.hpp. Merging knowledge bases (issue #11, item 4): two
// analysts' knowledge bases exchange kb JSON exports, full or `--since`, and import_records()
// merges them by permanent id. Each knowledge base runs on a clock the test moves, so "newer" is
// decided, not raced. CSV imports: strict mode, skipped rows with their line numbers, ACLED.
#include "services/import_records.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/records/kb_json.hpp"
#include "services/dump.hpp"
#include "services/oplog.hpp"
#include "tests/cli/cli_seed.hpp"
#include "tests/services/analyst_fixture.hpp"
#include "tests/services/import_records_fixture.hpp"

namespace {

using kb::Event;
using kb::FuzzyDate;
using kb::Id;
using kb::test::Analyst;
using kb::test::must;

bool has_tag(const Event& e, const std::string& tag) {
  return std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end();
}

}  // namespace

TEST_SUITE("services") {
  TEST_CASE("kb JSON merges by permanent id: edits update, tags unite, nothing duplicated") {
    Analyst a;
    Analyst b;
    const Id crimea = a.add("Russia annexes Crimea", "2014-03-18");
    const Id budapest = a.add("Budapest Memorandum signed", "1994-12-05");
    const auto first = b.import_json(a.export_json());
    CHECK(first.verbatim);
    CHECK(first.events == 2);
    const std::string exchanged = b.time();

    b.later();
    b.tag(budapest, "checked");  // B's own work on an event both hold
    a.later();
    a.later();
    const std::string since = a.time();
    a.edit(crimea, "Russia annexes Crimea after a referendum", "2014-03-18");
    a.tag(crimea, "crimea");
    a.add("Russia invades Ukraine", "2022-02-24");

    const std::string changes = a.export_json(kb::ChangesSince{since, std::nullopt});
    const auto dump = must(kb::importers::read_kb_json(changes));
    CHECK(dump.events.size() == 2);  // the edited and the new event, not Budapest

    const std::string before_merge = b.export_json();
    b.later();
    const auto merged = b.import_json(changes);
    CHECK_FALSE(merged.verbatim);
    CHECK(merged.events == 1);
    CHECK(merged.existing == 1);
    CHECK(merged.updated == 1);
    CHECK(merged.conflicts.empty());
    CHECK(b.events() == 3);  // not a duplicate of the edited event
    const Event edited = b.event_titled("Russia annexes Crimea after a referendum");
    CHECK(edited.id == crimea);
    CHECK(has_tag(edited, "crimea"));
    CHECK(edited.curated);
    CHECK(edited.uuid == must(a.store.event(crimea)).uuid);
    CHECK(has_tag(must(b.store.event(budapest)), "checked"));  // B's own tag is kept

    // The same file again changes nothing.
    const std::string after_merge = b.export_json();
    b.later();
    const auto again = b.import_json(changes);
    CHECK(again.events == 0);
    CHECK(again.updated == 0);
    CHECK(b.export_json() == after_merge);

    // Both ways: A takes B's tag from B's changes since the first exchange.
    const auto back = a.import_json(b.export_json(kb::ChangesSince{exchanged, std::nullopt}));
    CHECK(back.events == 0);
    CHECK(has_tag(must(a.store.event(budapest)), "checked"));
    CHECK(a.events() == 3);

    // kb undo reverts an import: the empty second one, then the merge, exactly.
    must(kb::services::undo_last(b.store, "b"));
    CHECK(b.export_json() == after_merge);
    must(kb::services::undo_last(b.store, "b"));
    CHECK(b.export_json() == before_merge);
  }

  TEST_CASE("kb JSON merge: an analyst's version beats a machine's, analysts' conflicts are kept") {
    Analyst a;
    Analyst b;
    const Id bakhmut = a.add("Wagner takes Bakhmut", "2023-05-20");
    b.import_json(a.export_json());

    // B re-dates it by hand; A's copy is only re-stamped by a machine later on.
    b.later();
    b.edit(bakhmut, "Wagner takes Bakhmut", "2023-05-21");
    a.later();
    a.later();
    Event machine = must(a.store.event(bakhmut));
    machine.title = "Wagner claims Bakhmut";
    must(a.store.update_event(machine));  // newer, but not an analyst's change
    const auto kept = b.import_json(a.export_json());
    CHECK(kept.updated == 0);
    CHECK(must(b.store.event(bakhmut)).title == "Wagner takes Bakhmut");
    CHECK(must(b.store.event(bakhmut)).date.display() == "21 May 2023");
    const auto taken = a.import_json(b.export_json());
    CHECK(taken.updated == 1);
    CHECK(must(a.store.event(bakhmut)).date.display() == "21 May 2023");
    CHECK(taken.conflicts.empty());

    // Now both analysts change it differently: the newer wins, the event is disputed.
    a.later();
    a.edit(bakhmut, "Wagner takes Bakhmut", "2023-05-20");
    b.later();
    b.later();
    b.later();  // B's clock: 20 minutes on, A's: 15
    b.edit(bakhmut, "Russia claims Bakhmut", "2023-05-21");
    const auto in_a = a.import_json(b.export_json());
    REQUIRE(in_a.conflicts.size() == 1);
    CHECK(in_a.conflicts[0].find("title, date") != std::string::npos);
    CHECK(in_a.conflicts[0].find("kept the imported version") != std::string::npos);
    const Event a_now = must(a.store.event(bakhmut));
    CHECK(a_now.title == "Russia claims Bakhmut");
    CHECK(a_now.status == kb::Status::disputed);
    // A's own version is in the operation log: kb log shows it, kb undo brings it back.
    const auto log = must(a.store.ops(bakhmut, 1));
    REQUIRE(log.size() == 1);
    CHECK(kb::services::describe_change(log[0].events[0]).front() ==
          "title: 'Wagner takes Bakhmut' -> 'Russia claims Bakhmut'");
    // A's merged version was made from B's (its lineage holds B's): B takes it, the dispute
    // A found included, without a conflict of its own.
    const auto in_b = b.import_json(a.export_json());
    CHECK(in_b.conflicts.empty());
    CHECK(must(b.store.event(bakhmut)).title == "Russia claims Bakhmut");
    CHECK(must(b.store.event(bakhmut)).status == kb::Status::disputed);

    // Had B not seen A's merge, B's import would have found the conflict itself.
    Analyst c;
    const Id moskva = c.add("Moskva sinks", "2022-04-14");
    Analyst d;
    d.import_json(c.export_json());
    c.later();
    c.edit(moskva, "Ukraine sinks the Moskva", "2022-04-14");
    d.later();
    d.later();
    d.edit(moskva, "Moskva sinks after a fire", "2022-04-14");
    const auto in_d = d.import_json(c.export_json());
    REQUIRE(in_d.conflicts.size() == 1);  // D's is the newer: D keeps it, disputed
    CHECK(in_d.conflicts[0].find("kept the stored version") != std::string::npos);
    CHECK(must(d.store.event(moskva)).title == "Moskva sinks after a fire");
    CHECK(must(d.store.event(moskva)).status == kb::Status::disputed);
    must(kb::services::undo_last(a.store, "a"));
    CHECK(must(a.store.event(bakhmut)).title == "Wagner takes Bakhmut");
  }

  TEST_CASE("kb JSON merge: a change made after the state both had is no conflict") {
    // Both analysts curated the event; only A changed its fields since they shared it (B only
    // tagged it). Once that was reported as a conflict and the event disputed.
    Analyst a;
    const Id bakhmut = a.add("Wagner takes Bakhmut", "2023-05-20");
    a.edit(bakhmut, "Wagner takes Bakhmut", "2023-05-20");  // curated on both sides
    Analyst b;
    b.import_json(a.export_json());
    b.later();
    b.tag(bakhmut, "checked");
    a.later();
    a.later();
    a.edit(bakhmut, "Wagner claims Bakhmut", "2023-05-20");
    a.edit(bakhmut, "Wagner claims Bakhmut", "2023-05-21");  // two changes: a chain
    const auto in_b = b.import_json(a.export_json());
    CHECK(in_b.conflicts.empty());
    CHECK(in_b.updated == 1);
    Event now = must(b.store.event(bakhmut));
    CHECK(now.title == "Wagner claims Bakhmut");
    CHECK(now.date.display() == "21 May 2023");
    CHECK(now.status == kb::Status::reported);
    CHECK(now.tags == std::vector<std::string>{"checked"});

    // And back: B's version (A's change and B's tag) is made from A's: A takes the tag, no
    // conflict, and a second exchange changes nothing.
    const auto in_a = a.import_json(b.export_json());
    CHECK(in_a.conflicts.empty());
    CHECK(must(a.store.event(bakhmut)).tags == std::vector<std::string>{"checked"});
    CHECK(b.import_json(a.export_json()).updated == 0);
    CHECK(a.import_json(b.export_json()).updated == 0);

    // Coming back to an earlier state is a new version, not that state: when B then changes
    // the event and A goes back to the first title, that is a conflict.
    b.later();
    b.edit(bakhmut, "Wagner takes Bakhmut, Ukraine denies", "2023-05-21");
    a.later();
    a.edit(bakhmut, "Wagner takes Bakhmut", "2023-05-20");
    CHECK(a.import_json(b.export_json()).conflicts.size() == 1);
  }
}

namespace kb {
namespace {

using test::import_text;
using test::slurp;

}  // namespace

TEST_SUITE("services") {
  TEST_CASE("import_records skips bad CSV rows with line numbers, or with strict imports none") {
    test::TempDir dir;
    const std::string csv = slurp(std::string(KB_TEST_DATA_DIR) + "/records/analyst_damaged.csv");
    std::string err;
    auto strict = import_text(dir.file("a.db"), csv, true, &err);
    REQUIRE(!strict.has_value());
    CHECK(strict.error().message.rfind("input.csv:3: not a date", 0) == 0);
    CHECK(test::kb_run(dir.file("a.db"), {"stats", "--format", "json"}).out.find("\"events\": 0") !=
          std::string::npos);
    auto loose = import_text(dir.file("b.db"), csv, false, &err);
    REQUIRE(loose.has_value());
    CHECK(loose->events == 1);
    CHECK(loose->warnings.size() == 3);
    CHECK(err.find("kb: input.csv:4: skipped: missing title\n") != std::string::npos);
  }

  TEST_CASE("import_records reads ACLED exports into places within countries") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    const std::string csv = slurp(std::string(KB_TEST_DATA_DIR) + "/records/acled.csv");
    auto sum = import_text(db, csv, false);
    REQUIRE(sum.has_value());
    CHECK(sum->events == 3);
    CHECK(sum->sources == 3);
    const auto r = test::kb_run(db, {"timeline", "Ukraine"});
    CHECK(r.out.find("Wagner Group vs Military Forces of Ukraine (2019-) in Bakhmut") !=
          std::string::npos);
    CHECK(r.out.find("15–21 May 2023") != std::string::npos);
  }
}

}  // namespace kb
