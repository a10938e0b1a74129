// Tests of services/dump.hpp: which events changed since a time or an operation.
#include "services/dump.hpp"

#include <vector>

#include <doctest/doctest.h>

#include "services/oplog.hpp"
#include "tests/services/analyst_fixture.hpp"

namespace {

using kb::Id;
using kb::test::Analyst;
using kb::test::must;

}  // namespace

TEST_SUITE("services") {
  TEST_CASE("changed_events: since a time or an operation, with the events linked to them") {
    Analyst a;
    const Id one = a.add("One", "2020");
    const Id two = a.add("Two", "2021");
    a.add("Three", "2022");
    must(a.store.add_link(one, kb::Relation::caused, two, std::nullopt));
    a.later();
    const std::string t = a.time();
    kb::services::OpRecorder op("a", "tag #2");
    must(op.watch(a.store, two));
    a.tag(two, "x");
    const Id op_id = must(op.finish(a.store));
    CHECK(must(kb::services::changed_events(a.store, kb::ChangesSince{t, std::nullopt})) ==
          std::vector<Id>{one, two});
    CHECK(must(kb::services::changed_events(a.store, kb::ChangesSince{std::nullopt, op_id})) ==
          std::vector<Id>{one, two});
    a.later();
    CHECK(must(kb::services::changed_events(a.store, kb::ChangesSince{a.time(), std::nullopt}))
              .empty());
    CHECK_FALSE(kb::services::changed_events(a.store, kb::ChangesSince{std::nullopt, op_id + 1})
                    .has_value());
  }
}
