// Tests services/entities.cpp: the one rule by which kb add, record imports and extraction find
// the entity a name refers to.

#include "services/entities.hpp"

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace kb::test {

TEST_SUITE("services") {
  TEST_CASE_FIXTURE(MemoryDb, "find_entity: kind first, then an own name, then aliases") {
    using kb::services::find_entity;
    const Id georgia = entity("Georgia");                   // the country
    const Id state = entity("Georgia", EntityKind::place);  // the US state
    const Id russia = entity("Russia");
    must(store.add_alias(russia, "Moscow"));  // a metonym the KB recorded
    const Id nato = entity("NATO", EntityKind::organisation);
    must(store.add_alias(nato, "North Atlantic Treaty Organization"));

    // 1. Same kind, by name or alias, whatever the case.
    CHECK(must(find_entity(store, "GEORGIA", EntityKind::place, true)) == state);
    CHECK(must(find_entity(store, "georgia", EntityKind::country, true)) == georgia);
    CHECK(must(find_entity(store, "north atlantic treaty organization", EntityKind::organisation,
                           true)) == nato);
    // 2. Another kind's own name: an actor "Georgia" is the country (the oldest of the two).
    CHECK(must(find_entity(store, "Georgia", EntityKind::person, true)) == georgia);
    // ... but not a name another kind only aliases: the place Moscow is not Russia.
    CHECK_FALSE(must(find_entity(store, "Moscow", EntityKind::place, true)).has_value());
    // 3. The other names it goes by, same kind only.
    const std::vector<std::string> aliases = {"NATO"};
    CHECK(must(find_entity(store, "the Alliance", EntityKind::organisation, true, aliases)) ==
          nato);
    CHECK_FALSE(
        must(find_entity(store, "the Alliance", EntityKind::place, true, aliases)).has_value());
    // 4. A name typed without a kind takes any entity with that name or alias.
    CHECK(must(find_entity(store, "Moscow", EntityKind::organisation, false)) == russia);
    CHECK_FALSE(must(find_entity(store, "Kharkiv", EntityKind::place, false)).has_value());
  }
}

}  // namespace kb::test
