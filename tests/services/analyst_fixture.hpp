// What the tests of merging knowledge bases share (import_records_test.cpp, dump_test.cpp): an
// analyst's knowledge base in memory, on a clock the test moves on.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/records/kb_json.hpp"
#include "services/dump.hpp"
#include "services/import_records.hpp"
#include "tests/test_util.hpp"

namespace kb::test {

// One analyst's knowledge base, in memory, on a clock the test moves on.
struct Analyst {
  std::chrono::system_clock::time_point now = fixed_now();
  sqlite::Store store = must(sqlite::Store::open_memory());

  Analyst() {
    store.set_clock([this] { return now; });
  }
  Analyst(const Analyst&) = delete;
  Analyst& operator=(const Analyst&) = delete;

  void later() { now += std::chrono::minutes(5); }
  std::string time() const { return store.now_iso(); }

  Id add(const std::string& title, std::string_view timex) {
    Event e;
    e.title = title;
    e.date = must(FuzzyDate::from_timex(timex));
    e.origin = kb::Origin::imported;  // as an importer made it: not curated
    return must(store.add_event(e));
  }
  // An analyst's edit of the title and date, as `kb edit` makes it.
  void edit(Id id, const std::string& title, std::string_view timex) {
    Event e = must(store.event(id));
    e.title = title;
    e.date = must(FuzzyDate::from_timex(timex));
    must(store.update_event(e));
    must(store.mark_curated(id));
  }
  void tag(Id id, const std::string& tag) {
    must(store.add_tags(id, {tag}));
    must(store.mark_curated(id));
  }
  // The whole knowledge base, or what changed since `since`, as kb JSON.
  std::string export_json(std::optional<kb::ChangesSince> since = std::nullopt) {
    std::optional<std::vector<Id>> only;
    if (since) {
      only = must(kb::services::changed_events(store, *since));
    }
    return kb::importers::write_kb_json(must(kb::services::dump_store(store, only)));
  }
  kb::services::RecordImportSummary import_json(const std::string& json) {
    return must(kb::services::import_records(store, json, "colleague.json",
                                             kb::services::RecordFormat::kb_json, {}));
  }
  Event event_titled(const std::string& title) {
    for (const auto& e : must(store.timeline(kb::TimelineQuery{}))) {
      if (e.title == title) {
        return must(store.event(e.id));
      }
    }
    FAIL("no event titled " << title);
    return {};
  }
  std::size_t events() { return must(store.timeline(kb::TimelineQuery{})).size(); }
};

}  // namespace kb::test
