// Tests for kb/model.cpp: the spellings of kinds, roles, statuses and relations, and their
// parsers' errors.
#include "kb/model.hpp"

#include <string>
#include <string_view>
#include <utility>

#include <doctest/doctest.h>

TEST_SUITE("kb") {
  TEST_CASE("model spellings round-trip through their parsers") {
    for (auto k : {kb::EntityKind::person, kb::EntityKind::country, kb::EntityKind::organisation,
                   kb::EntityKind::place, kb::EntityKind::group}) {
      CAPTURE(kb::to_string(k));
      CHECK(kb::parse_entity_kind(kb::to_string(k)).value() == k);
    }
    for (auto r : {kb::Role::actor, kb::Role::target, kb::Role::location, kb::Role::mentioned,
                   kb::Role::claimant}) {
      CAPTURE(kb::to_string(r));
      CHECK(kb::parse_role(kb::to_string(r)).value() == r);
    }
    for (auto s : {kb::Status::reported, kb::Status::planned, kb::Status::disputed}) {
      CAPTURE(kb::to_string(s));
      CHECK(kb::parse_status(kb::to_string(s)).value() == s);
    }
    CHECK(kb::event_kinds().size() == 13);
    for (auto kind : kb::event_kinds()) {
      CAPTURE(kb::to_string(kind));
      CHECK(kb::parse_event_kind(kb::to_string(kind)).value() == kind);
    }
    CHECK(kb::link_relations().size() == 7);
    for (auto rel : kb::link_relations()) {
      CAPTURE(kb::to_string(rel));
      CHECK(kb::parse_relation(kb::to_string(rel)).value() == rel);
    }
    CHECK(kb::to_string(kb::EventKind::territorial_change) == "territorial_change");
    CHECK(kb::to_string(kb::Relation::responds_to) == "responds-to");
    CHECK(kb::to_string(kb::Origin::manual) == "manual");
    CHECK(kb::to_string(kb::Origin::imported) == "imported");
  }

  TEST_CASE("model parsers accept the documented alternative spellings") {
    CHECK(kb::parse_entity_kind("organization").value() == kb::EntityKind::organisation);
    CHECK(kb::parse_entity_kind("org").value() == kb::EntityKind::organisation);
    CHECK(kb::parse_relation("responds_to").value() == kb::Relation::responds_to);
    CHECK(kb::parse_relation("responds-to").value() == kb::Relation::responds_to);
    CHECK(kb::parse_relation("same_as").value() == kb::Relation::same_as);
    CHECK(kb::parse_event_kind("territorial-change").value() == kb::EventKind::territorial_change);
  }

  TEST_CASE("inverse_relation reads a relation from its other end") {
    using R = kb::Relation;
    const std::pair<R, std::string_view> cases[] = {
        {R::violates, "violated-by"}, {R::responds_to, "responded-to-by"},
        {R::part_of, "has-part"},     {R::caused, "caused-by"},
        {R::precedes, "follows"},     {R::same_as, "same-as"},
        {R::related, "related"}};
    for (const auto& c : cases) {
      CAPTURE(kb::to_string(c.first));
      CHECK(kb::inverse_relation(c.first) == c.second);
    }
  }

  TEST_CASE("model parsers name the bad value and the accepted ones") {
    const auto relation = kb::parse_relation("contradicts");
    REQUIRE_FALSE(relation.has_value());
    CHECK(relation.error().code == kb::Errc::invalid_argument);
    CHECK(relation.error().message ==
          "unknown relation 'contradicts' (expected one of: violates, responds-to, part-of, "
          "caused, precedes, same-as, related)");
    const auto event_kind = kb::parse_event_kind("massacre");
    REQUIRE_FALSE(event_kind.has_value());
    CHECK(event_kind.error().code == kb::Errc::invalid_argument);
    CHECK(event_kind.error().message ==
          "unknown event kind 'massacre' (expected one of: agreement, attack, territorial_change, "
          "meeting, statement, aid, visit, election, application, sanction, decision, protest, "
          "other)");
    auto role = kb::parse_role("victim");
    REQUIRE_FALSE(role.has_value());
    CHECK(role.error().message ==
          "unknown role 'victim' (expected one of: actor, target, "
          "location, mentioned, claimant)");
    auto kind = kb::parse_entity_kind("planet");
    REQUIRE_FALSE(kind.has_value());
    CHECK(kind.error().code == kb::Errc::invalid_argument);
    auto status = kb::parse_status("rumoured");
    REQUIRE_FALSE(status.has_value());
    CHECK(status.error().message.find("'rumoured'") != std::string::npos);
  }
}
