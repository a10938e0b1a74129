// Tests for kb/model.cpp: the spellings of kinds, roles, statuses and relations, and their
// parsers' errors.
#include "kb/model.hpp"

#include <string>

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
    for (auto kind : kb::event_kinds()) {
      CAPTURE(kind);
      CHECK(kb::parse_event_kind(kind).value() == kind);
    }
    for (auto rel : kb::link_relations()) {
      CAPTURE(rel);
      CHECK(kb::parse_relation(rel).value() == rel);
    }
    CHECK(kb::to_string(kb::Origin::manual) == "manual");
    CHECK(kb::to_string(kb::Origin::imported) == "imported");
  }

  TEST_CASE("model parsers accept the documented alternative spellings") {
    CHECK(kb::parse_entity_kind("organization").value() == kb::EntityKind::organisation);
    CHECK(kb::parse_entity_kind("org").value() == kb::EntityKind::organisation);
    CHECK(kb::parse_relation("responds_to").value() == "responds-to");
    CHECK(kb::parse_relation("same_as").value() == "same-as");
    CHECK(kb::parse_event_kind("territorial-change").value() == "territorial_change");
  }

  TEST_CASE("model parsers name the bad value and the accepted ones") {
    struct Case {
      kb::Result<std::string> result;
      std::string value;
      std::string listed;
    };
    const Case cases[] = {
        {kb::parse_relation("contradicts"), "'contradicts'", "violates"},
        {kb::parse_event_kind("massacre"), "'massacre'", "agreement"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.value);
      REQUIRE_FALSE(c.result.has_value());
      CHECK(c.result.error().code == kb::Errc::invalid_argument);
      CHECK(c.result.error().message.find(c.value) != std::string::npos);
      CHECK(c.result.error().message.find(c.listed) != std::string::npos);
    }
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
