// Tests of services/copy.hpp: copy_store a slice at a time between two in-memory knowledge
// bases, stopped and resumed; the marker it leaves while unfinished; numbers and revisions kept.
#include "services/copy.hpp"

#include <string>

#include <doctest/doctest.h>

#include "tests/services/analyst_fixture.hpp"

namespace {

using kb::Id;
using kb::test::Analyst;
using kb::test::must;

}  // namespace

TEST_SUITE("services") {
  TEST_CASE("copy_store: stopped after every few slices and run again, it copies exactly") {
    Analyst from;
    const Id one = from.add("One", "2020");
    const Id two = from.add("Two", "2021");
    const Id three = from.add("Three", "2022");
    const Id gone = from.add("Gone", "2023");
    must(from.store.add_link(one, kb::Relation::caused, two, std::nullopt));
    must(from.store.add_link(three, kb::Relation::same_as, one, std::nullopt));  // one into three
    from.tag(two, "x");
    from.tag(two, "y");
    must(from.store.remove_event(gone));
    const std::string exported = from.export_json();

    Analyst to;
    kb::services::CopySettings settings{"from.db", "to.db", 1, 2};
    int runs = 0;
    for (;;) {
      ++runs;
      REQUIRE(runs < 50);
      auto r = kb::services::copy_store(from.store, to.store, settings);
      if (r) {
        CHECK(r->resumed);
        break;
      }
      CHECK(r.error().code == kb::Errc::storage);
      CHECK(r.error().message == "kb copy stopped after 2 slices (KB_COPY_STOP_AFTER)");
      const auto marker = must(to.store.copy_marker());
      REQUIRE(marker.has_value());
      CHECK(marker->source == "from.db");
    }
    CHECK(runs > 3);
    CHECK_FALSE(must(to.store.copy_marker()).has_value());
    CHECK(to.export_json() == exported);
    for (const Id id : {one, two, three}) {
      CHECK(must(to.store.event(id)).revision == must(from.store.event(id)).revision);
    }
    CHECK(must(from.store.event(two)).revision > 1);
    // The number of the removed event is not given out again.
    CHECK(must(to.store.last_id(kb::RecordKind::event)) == gone);
  }

  TEST_CASE("copy_store: refuses a target that is neither empty nor an unfinished copy of it") {
    Analyst from;
    from.add("One", "2020");
    from.add("Two", "2021");
    Analyst to;
    kb::services::CopySettings settings{"from.db", "to.db", 1, 1};
    REQUIRE_FALSE(kb::services::copy_store(from.store, to.store, settings).has_value());

    // Named otherwise: refused.
    settings.stop_after.reset();
    settings.source_name = "elsewhere.db";
    auto other = kb::services::copy_store(from.store, to.store, settings);
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().code == kb::Errc::conflict);
    CHECK(other.error().message.find("'to.db' holds an unfinished copy of 'from.db'") == 0);
    // The unfinished copy as a source: refused.
    Analyst next;
    auto unfinished = kb::services::copy_store(to.store, next.store, settings);
    REQUIRE_FALSE(unfinished.has_value());
    CHECK(unfinished.error().code == kb::Errc::invalid_argument);
    // The source gave out a number since: refused.
    settings.source_name = "from.db";
    from.add("Three", "2022");
    auto changed = kb::services::copy_store(from.store, to.store, settings);
    REQUIRE_FALSE(changed.has_value());
    CHECK(changed.error().code == kb::Errc::conflict);
    // A knowledge base that is no copy at all: refused.
    Analyst busy;
    busy.add("Mine", "2019");
    auto full = kb::services::copy_store(from.store, busy.store, settings);
    REQUIRE_FALSE(full.has_value());
    CHECK(full.error().code == kb::Errc::conflict);
    CHECK(full.error().message.find("'to.db' is not empty") == 0);
  }
}
