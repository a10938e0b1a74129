// Tests for storage/sqlite/store*.cpp writes and reads: events with participants, citations and
// tags; links; entities, aliases and merges; sources.
#include "storage/sqlite/store.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

namespace {

using kb::Errc;
using kb::Event;
using kb::Id;
using kb::Role;
using kb::test::MemoryDb;
using kb::test::must;

std::vector<std::string> names_of(const std::vector<kb::Entity>& entities) {
  std::vector<std::string> out;
  for (const auto& e : entities) {
    out.push_back(e.name);
  }
  return out;
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE_FIXTURE(MemoryDb, "Store::add_event stores participants, citations and tags") {
    const Id ru = entity("Russia");
    const Id ua = entity("Ukraine");
    const Id crimea = entity("Crimea", kb::EntityKind::place, ua);
    const Id src = source("Russia annexes Crimea", "2014-03-18T12:00:00Z");
    Event e;
    e.title = "Russia annexes Crimea";
    e.summary = "After a referendum held under occupation.";
    e.date = must(kb::FuzzyDate::parse("18 March 2014"));
    e.date_text = "18 March 2014";
    e.kind = kb::EventKind::territorial_change;
    e.status = kb::Status::disputed;
    e.confidence = 0.75;
    e.participants = {{crimea, "", kb::EntityKind::place, Role::location},
                      {ua, "", kb::EntityKind::country, Role::target},
                      {ru, "", kb::EntityKind::country, Role::actor}};
    kb::Citation c;
    c.source_id = src;
    c.quote = "Russia annexed Crimea.";
    c.quote_begin = 10;
    c.quote_end = 32;
    e.citations = {c};
    e.tags = {" Crimea ", "ANNEXATION", "crimea"};
    const Id id = must(store.add_event(e));

    const Event got = must(store.event(id));
    CHECK(got.id == id);
    CHECK(got.title == e.title);
    CHECK(got.summary == e.summary);
    CHECK(got.date == e.date);
    CHECK(got.date_text == "18 March 2014");
    CHECK(got.kind == kb::EventKind::territorial_change);
    CHECK(got.status == kb::Status::disputed);
    CHECK(got.confidence == doctest::Approx(0.75));
    CHECK(got.origin == kb::Origin::manual);
    CHECK(got.recorded_at == "2024-01-15T10:00:00Z");
    CHECK(got.updated_at == "2024-01-15T10:00:00Z");
    // Participants come back actor, target, location, each with its entity's name and kind.
    REQUIRE(got.participants.size() == 3);
    CHECK(got.participants[0].name == "Russia");
    CHECK(got.participants[0].role == Role::actor);
    CHECK(got.participants[1].name == "Ukraine");
    CHECK(got.participants[1].role == Role::target);
    CHECK(got.participants[2].name == "Crimea");
    CHECK(got.participants[2].kind == kb::EntityKind::place);
    CHECK(got.participants[2].role == Role::location);
    REQUIRE(got.citations.size() == 1);
    CHECK(got.citations[0].source_id == src);
    CHECK(got.citations[0].quote == "Russia annexed Crimea.");
    CHECK(got.citations[0].quote_begin == std::optional<std::int64_t>(10));
    CHECK(got.citations[0].quote_end == std::optional<std::int64_t>(32));
    CHECK(got.citations[0].source_title == "Russia annexes Crimea");
    CHECK(got.citations[0].published == std::optional<std::string>("2014-03-18T12:00:00Z"));
    CHECK(got.tags == std::vector<std::string>{"annexation", "crimea"});
    CHECK(got.links.empty());
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::add_event rejects what the schema would") {
    struct Case {
      std::string name;
      Event event;
    };
    Event blank;
    blank.title = "  ";
    Event confident;
    confident.title = "x";
    confident.confidence = 1.5;
    Event tag;
    tag.title = "x";
    tag.tags = {"  "};
    for (const auto& c :
         {Case{"blank title", blank}, Case{"confidence", confident}, Case{"empty tag", tag}}) {
      CAPTURE(c.name);
      auto tx = must(store.transaction());
      auto r = store.add_event(c.event);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == Errc::invalid_argument);
    }
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::update_event rewrites fields, participants and tags") {
    const Id ru = entity("Russia");
    const Id ua = entity("Ukraine");
    const Id id = event("Invasion", "2022-02", {{ru, Role::actor}});
    must(store.add_tags(id, {"war"}));
    const Id src = source("Report");
    kb::Citation c;
    c.source_id = src;
    must(store.add_citation(id, c));
    store.set_clock([] { return kb::test::fixed_now() + std::chrono::hours{24}; });

    Event e = must(store.event(id));
    e.title = "Full-scale invasion";
    e.date = must(kb::FuzzyDate::from_timex("2022-02-24"));
    e.kind = kb::EventKind::attack;
    e.participants = {{ua, "", kb::EntityKind::country, Role::target}};
    e.tags = {"invasion"};
    must(store.update_event(e));

    const Event got = must(store.event(id));
    CHECK(got.title == "Full-scale invasion");
    CHECK(got.date.timex() == "2022-02-24");
    CHECK(got.kind == kb::EventKind::attack);
    REQUIRE(got.participants.size() == 1);
    CHECK(got.participants[0].name == "Ukraine");
    CHECK(got.tags == std::vector<std::string>{"invasion"});
    CHECK(got.citations.size() == 1);  // kept
    CHECK(got.recorded_at == "2024-01-15T10:00:00Z");
    CHECK(got.updated_at == "2024-01-16T10:00:00Z");

    e.id = 9999;
    auto missing = store.update_event(e);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);
    CHECK(missing.error().message == "no event with id 9999");
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::remove_event deletes the event and what hangs off it") {
    const Id ru = entity("Russia");
    const Id a = event("A", "2014", {{ru, Role::actor}});
    const Id b = event("B", "2015", {{ru, Role::actor}});
    must(store.add_tags(a, {"x"}));
    kb::Citation c;
    c.source_id = source("S");
    must(store.add_citation(a, c));
    must(store.add_link(a, kb::Relation::precedes, b, std::nullopt));
    must(store.remove_event(a));

    auto gone = store.event(a);
    REQUIRE_FALSE(gone.has_value());
    CHECK(gone.error().code == Errc::not_found);
    CHECK(must(store.event(b)).links.empty());
    const kb::Stats st = must(store.stats());
    CHECK(st.events == 1);
    CHECK(st.citations == 0);
    CHECK(st.links == 0);
    CHECK(st.tags == 0);
    CHECK(st.sources == 1);   // sources outlive their citations
    CHECK(st.entities == 1);  // and so do entities
    CHECK(must(store.event_count(ru)) == 1);

    auto again = store.remove_event(a);
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().code == Errc::not_found);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::add_link is seen from both ends, with its quote") {
    const Id budapest = event("Budapest Memorandum", "1994-12-05");
    const Id annex = event("Russia annexes Crimea", "2014-03-18");
    kb::Citation c;
    c.source_id = source("Analysis");
    c.quote = "The annexation violated the memorandum.";
    const Id cit = must(store.add_citation(annex, c));
    const Id link = must(store.add_link(annex, kb::Relation::violates, budapest, cit));

    const Event from = must(store.event(annex));
    REQUIRE(from.links.size() == 1);
    CHECK(from.links[0].link_id == link);
    CHECK(from.links[0].relation == kb::Relation::violates);
    CHECK(from.links[0].outgoing);
    CHECK(from.links[0].other_id == budapest);
    CHECK(from.links[0].other_title == "Budapest Memorandum");
    CHECK(from.links[0].other_date.timex() == "1994-12-05");
    CHECK(from.links[0].quote == std::optional<std::string>(c.quote));

    const Event to = must(store.event(budapest));
    REQUIRE(to.links.size() == 1);
    CHECK(to.links[0].relation == kb::Relation::violates);
    CHECK_FALSE(to.links[0].outgoing);
    CHECK(to.links[0].other_id == annex);
    CHECK(to.links[0].quote == std::optional<std::string>(c.quote));

    // The same pair with another relation, and the reverse direction, are distinct links.
    must(store.add_link(annex, kb::Relation::responds_to, budapest, std::nullopt));
    must(store.add_link(budapest, kb::Relation::precedes, annex, std::nullopt));
    CHECK(must(store.event(annex)).links.size() == 3);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::add_link errors") {
    const Id a = event("A", "2014");
    const Id b = event("B", "2015");
    must(store.add_link(a, kb::Relation::caused, b, std::nullopt));
    struct Case {
      std::string name;
      Id from;
      kb::Relation relation;
      Id to;
      Errc code;
      std::string message;
    };
    const Case cases[] = {
        {"duplicate", a, kb::Relation::caused, b, Errc::conflict, "already caused"},
        {"self", a, kb::Relation::related, a, Errc::invalid_argument, "itself"},
        {"unknown from", 404, kb::Relation::related, b, Errc::not_found, "no event with id 404"},
        {"unknown to", a, kb::Relation::related, 404, Errc::not_found, "no event with id 404"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      auto r = store.add_link(c.from, c.relation, c.to, std::nullopt);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == c.code);
      CHECK(r.error().message.find(c.message) != std::string::npos);
    }
    CHECK(must(store.stats()).links == 1);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::lookup_entities matches names case- and accent-blind") {
    kb::Entity z;
    z.name = "Volodymyr Zelenskyy";
    z.kind = kb::EntityKind::person;
    z.aliases = {"Zelenskyy", "Zelensky"};
    const Id zid = must(store.add_entity(z));
    const Id kyiv = entity("Kyiv", kb::EntityKind::place);
    struct Case {
      std::string query;
      std::vector<Id> ids;
    };
    const Case cases[] = {
        {"zelenskyy", {zid}},
        {"ZELENSKÝY", {zid}},
        {"Zelenskýy", {zid}},
        {"volodymyr  ZELENSKYY", {zid}},
        {"Zelenskiy", {}},
        {"KYIV", {kyiv}},
        {"Kyïv", {kyiv}},
        {"Kyiv’s", {}},  // alias_key keeps the possessive, so it is another name
    };
    for (const auto& c : cases) {
      CAPTURE(c.query);
      std::vector<Id> ids;
      for (const auto& e : must(store.lookup_entities(c.query))) {
        ids.push_back(e.id);
      }
      CHECK(ids == c.ids);
    }
    const kb::Entity got = must(store.entity(zid));
    CHECK(got.name == "Volodymyr Zelenskyy");
    CHECK(got.aliases == std::vector<std::string>{"Zelensky", "Zelenskyy"});
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::add_entity, add_alias and lookup_entities") {
    const Id georgia = entity("Georgia");
    auto dup = store.add_entity(
        kb::Entity{0, "GEORGIA", kb::EntityKind::country, "", {}, {}, {}, {}, {}, {}, {}});
    REQUIRE_FALSE(dup.has_value());
    CHECK(dup.error().code == Errc::conflict);
    // The same name as another kind is a different entity (the US state).
    const Id state = entity("Georgia", kb::EntityKind::place);
    CHECK(state != georgia);
    CHECK(names_of(must(store.lookup_entities("georgia"))) ==
          std::vector<std::string>{"Georgia", "Georgia"});

    const Id nato = entity("NATO", kb::EntityKind::organisation);

    must(store.add_alias(nato, "North Atlantic Treaty Organization"));
    must(store.add_alias(nato, "north atlantic treaty organization"));  // same key: no-op
    CHECK(must(store.entity(nato)).aliases.size() == 1);
    CHECK(must(store.lookup_entities("North Atlantic Treaty Organization")).front().id == nato);

    auto empty = store.add_alias(nato, "  ");
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().code == Errc::invalid_argument);
    auto unknown = store.add_alias(404, "x");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().code == Errc::not_found);
    CHECK(names_of(must(store.entities(kb::EntityKind::country))) ==
          std::vector<std::string>{"Georgia"});
    CHECK(must(store.entities()).size() == 3);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::merge_entities moves roles, aliases and places") {
    kb::Entity keep_e{
        0, "Volodymyr Zelenskyy", kb::EntityKind::person, "", {}, {}, {"Zelenskyy"}, {}, {}, {},
        {}};
    kb::Entity drop_e{0,  "Zelensky", kb::EntityKind::person, "", {}, {}, {"Zelenskiy"}, {}, {},
                      {}, {}};
    const Id keep = must(store.add_entity(keep_e));
    const Id drop = must(store.add_entity(drop_e));
    const Id place = entity("Office", kb::EntityKind::place, drop);
    const Id both = event("Both named", "2022", {{keep, Role::actor}, {drop, Role::actor}});
    const Id only_drop = event("Dropped name only", "2023", {{drop, Role::target}});
    must(store.merge_entities(keep, drop));

    auto gone = store.entity(drop);
    REQUIRE_FALSE(gone.has_value());
    CHECK(gone.error().code == Errc::not_found);
    const kb::Entity kept = must(store.entity(keep));
    CHECK(kept.aliases == std::vector<std::string>{"Zelenskiy", "Zelensky", "Zelenskyy"});
    CHECK(must(store.lookup_entities("zelenskiy")).front().id == keep);
    CHECK(must(store.entity(place)).country_id == std::optional<Id>(keep));
    const Event a = must(store.event(both));
    REQUIRE(a.participants.size() == 1);  // the duplicate role collapsed
    CHECK(a.participants[0].entity_id == keep);
    const Event b = must(store.event(only_drop));
    REQUIRE(b.participants.size() == 1);
    CHECK(b.participants[0].entity_id == keep);
    CHECK(b.participants[0].role == Role::target);
    CHECK(must(store.event_count(keep)) == 2);

    auto self = store.merge_entities(keep, keep);
    REQUIRE_FALSE(self.has_value());
    CHECK(self.error().code == Errc::invalid_argument);
    auto missing = store.merge_entities(keep, drop);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store sources: hashes are unique, URLs are reused") {
    const Id s = source("Article", "2023-05-23", "Body text");
    const kb::Source got = must(store.source(s));
    CHECK(got.title == "Article");
    CHECK(got.body == "Body text");
    CHECK(got.retrieved == "2024-01-15T10:00:00Z");
    CHECK(must(store.find_source_by_hash(got.content_hash)) == std::optional<Id>(s));
    CHECK(must(store.find_source_by_hash("nope")) == std::nullopt);

    kb::Source dup = got;
    auto r = store.add_source(dup);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::conflict);
    dup.content_hash.clear();
    auto no_hash = store.add_source(dup);
    REQUIRE_FALSE(no_hash.has_value());
    CHECK(no_hash.error().code == Errc::invalid_argument);

    CHECK(must(store.source_for_url(*got.url)) == s);
    const Id bare = must(store.source_for_url("https://example.com/new"));
    CHECK(bare != s);
    CHECK(must(store.source_for_url("https://example.com/new")) == bare);
    const auto list = must(store.sources(false));
    REQUIRE(list.size() == 2);
    CHECK(list[0].source.body.empty());
    auto missing = store.source(404);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);
  }

  TEST_CASE_FIXTURE(MemoryDb, "model vocabularies match the schema's tables") {
    std::vector<std::string> kinds, relations;
    for (const kb::EventKind k : kb::event_kinds()) {
      kinds.emplace_back(kb::to_string(k));
    }
    for (const kb::Relation r : kb::link_relations()) {
      relations.emplace_back(kb::to_string(r));
    }
    for (auto [sql, names] :
         {std::pair{"SELECT kind FROM event_kind ORDER BY kind", kinds},
          std::pair{"SELECT relation FROM link_relation ORDER BY relation", relations}}) {
      CAPTURE(sql);
      std::vector<std::string> stored;
      kb::sqlite::Statement s = must(kb::sqlite::StoreInternals::db(store).prepare(sql));
      while (must(s.step()) == kb::sqlite::Step::row) {
        stored.push_back(s.column_text(0));
      }
      std::sort(names.begin(), names.end());
      CHECK(stored == names);
    }
    // inverse_relation() spells the `inverse` column.
    kb::sqlite::Statement inverse = must(kb::sqlite::StoreInternals::db(store).prepare(
        "SELECT relation, inverse FROM link_relation"));
    while (must(inverse.step()) == kb::sqlite::Step::row) {
      CAPTURE(inverse.column_text(0));
      CHECK(kb::inverse_relation(must(kb::parse_relation(inverse.column_text(0)))) ==
            inverse.column_text(1));
    }
  }
}
