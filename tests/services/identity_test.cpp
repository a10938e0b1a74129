// Tests services/identity.cpp: a reference typed by an analyst is a local number, or a permanent id
// or enough of its start to name one record.
#include "services/identity.hpp"

#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("services") {
  TEST_CASE_FIXTURE(MemoryDb, "resolve_ref reads local numbers, permanent ids and their prefixes") {
    Event a;
    a.title = "Talks open";
    a.date = must(FuzzyDate::from_timex("2021-03-04"));
    a.uuid = "5a1e0c3d-7f20-4b6e-9d41-0c2b8e7a1f01";
    Event b = a;
    b.title = "Talks close";
    b.uuid = "5a1e0c3d-7f20-4b6e-9d41-0c2b8e7a1f02";
    const Id ida = must(store.add_event(a));
    const Id idb = must(store.add_event(b));
    Repository& repo = store;
    using services::resolve_ref;
    CHECK(must(resolve_ref(repo, RecordKind::event, "#42")) == 42);  // numbers are not looked up
    CHECK(must(resolve_ref(repo, RecordKind::event, std::to_string(idb))) == idb);
    CHECK(must(resolve_ref(repo, RecordKind::event, a.uuid)) == ida);
    CHECK(must(resolve_ref(repo, RecordKind::event, "5A1E0C3D-7F20-4B6E-9D41-0C2B8E7A1F02")) ==
          idb);
    auto both = resolve_ref(repo, RecordKind::event, "5a1e0c3d");
    REQUIRE_FALSE(both.has_value());
    CHECK(both.error().code == Errc::invalid_argument);
    CHECK(both.error().message.find("several events") != std::string::npos);
    auto none = resolve_ref(repo, RecordKind::entity, "5a1e0c3d");
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().code == Errc::not_found);
    auto bad = resolve_ref(repo, RecordKind::source, "Kyiv");
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::invalid_argument);
    CHECK(bad.error().message.find("not a source id: 'Kyiv'") != std::string::npos);
  }
}

}  // namespace kb::test
