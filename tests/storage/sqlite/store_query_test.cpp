// Tests for storage/sqlite/store_query.cpp: timeline ordering and filters (dates as intervals,
// topics, kinds, actors, as-of, limit), full-text search in plain and raw mode, and stats.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "storage/sqlite/store.hpp"
#include "tests/test_util.hpp"

namespace {

using kb::Errc;
using kb::Id;
using kb::Role;
using kb::TimelineQuery;
using kb::test::MemoryDb;
using kb::test::must;

// The titles of the timeline `q` returns, in order.
std::vector<std::string> titles(kb::sqlite::Store& store, const TimelineQuery& q) {
  std::vector<std::string> out;
  for (const auto& e : must(store.timeline(q))) {
    out.push_back(e.title);
  }
  return out;
}

kb::FuzzyDate parse_date(std::string_view text) { return must(kb::FuzzyDate::parse(text)); }

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE_FIXTURE(MemoryDb, "Store::timeline orders by first day, shorter interval, then id") {
    // Inserted out of order; two share a date so the id breaks the tie.
    event("weekend 2023-W20-WE", "2023-W20-WE");
    event("month 2022-02", "2022-02");
    event("year 2014", "2014");
    event("day 2014-03-18", "2014-03-18");
    event("year 1994", "1994");
    event("quarter 2014-Q1", "2014-Q1");
    event("month 2014-03", "2014-03");
    event("day 2014-03-18 again", "2014-03-18");
    event("day 2022-02-01", "2022-02-01");
    CHECK(titles(store, {}) == std::vector<std::string>{"year 1994", "quarter 2014-Q1", "year 2014",
                                                        "month 2014-03", "day 2014-03-18",
                                                        "day 2014-03-18 again", "day 2022-02-01",
                                                        "month 2022-02", "weekend 2023-W20-WE"});
    TimelineQuery limited;
    limited.limit = 2;
    CHECK(titles(store, limited) == std::vector<std::string>{"year 1994", "quarter 2014-Q1"});
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::timeline --from/--to compare intervals") {
    event("1990", "1990");
    event("1991", "1991");
    event("1991-12", "1991-12");
    event("1991-12-31", "1991-12-31");
    event("1992-01", "1992-01");
    event("1990s", "199X");
    struct Case {
      std::optional<std::string> from, to;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {std::nullopt, "1991", {"1990", "1990s", "1991", "1991-12", "1991-12-31"}},
        {std::nullopt, "Dec 1991", {"1990", "1990s", "1991", "1991-12", "1991-12-31"}},
        {std::nullopt, "1991-11", {"1990", "1990s", "1991"}},
        {"1992", std::nullopt, {"1990s", "1992-01"}},
        {"1991-12-31", "1991-12-31", {"1990s", "1991", "1991-12", "1991-12-31"}},
        {"1991", "1991", {"1990s", "1991", "1991-12", "1991-12-31"}},
        {"2000", std::nullopt, {}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.from.value_or("-"));
      CAPTURE(c.to.value_or("-"));
      TimelineQuery q;
      if (c.from) {
        q.from = parse_date(*c.from);
      }
      if (c.to) {
        q.to = parse_date(*c.to);
      }
      CHECK(titles(store, q) == c.want);
    }
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::timeline topics: entity with its places, tag, text") {
    const Id ua = entity("Ukraine");
    must(store.add_alias(ua, "Ukraina"));
    const Id ru = entity("Russia");
    const Id crimea = entity("Crimea", kb::EntityKind::place, ua);
    const Id sevastopol = entity("Sevastopol", kb::EntityKind::place, crimea);
    const Id moscow = entity("Moscow", kb::EntityKind::place, ru);
    const Id a = event("Independence referendum", "1991-12-01", {{ua, Role::actor}});
    event("Fleet agreement", "1997-05-28", {{sevastopol, Role::location}});
    event("Annexation", "2014-03-18", {{crimea, Role::location}, {ru, Role::actor}});
    event("Victory parade", "2015-05-09", {{moscow, Role::location}});
    event("Unrelated", "2016");
    must(store.add_tags(a, {"Independence"}));

    struct Case {
      std::string topic;
      kb::TopicMatch::How how;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {"ukraine",
         kb::TopicMatch::How::entity,
         {"Independence referendum", "Fleet agreement", "Annexation"}},
        {"UKRAINA",
         kb::TopicMatch::How::entity,
         {"Independence referendum", "Fleet agreement", "Annexation"}},
        {"Crimea", kb::TopicMatch::How::entity, {"Fleet agreement", "Annexation"}},
        {"russia", kb::TopicMatch::How::entity, {"Annexation", "Victory parade"}},
        {"independence", kb::TopicMatch::How::tag, {"Independence referendum"}},
        {"parade", kb::TopicMatch::How::text, {"Victory parade"}},
        {"fleet AGREEMENT", kb::TopicMatch::How::text, {"Fleet agreement"}},
        {"nothing here", kb::TopicMatch::How::text, {}},
        {"!!!", kb::TopicMatch::How::text, {}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.topic);
      CHECK(must(store.match_topic(c.topic)).how == c.how);
      TimelineQuery q;
      q.topic = c.topic;
      CHECK(titles(store, q) == c.want);
    }
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::timeline filters by kinds and actors") {
    const Id ru = entity("Russia");
    const Id ua = entity("Ukraine");
    auto add = [&](const std::string& title, kb::EventKind kind, Id actor, Id target) {
      kb::Event e;
      e.title = title;
      e.kind = kind;
      e.date = parse_date("2022");
      e.participants = {{actor, "", kb::EntityKind::country, Role::actor},
                        {target, "", kb::EntityKind::country, Role::target}};
      must(store.add_event(e));
    };
    using kb::EventKind;
    add("Invasion", EventKind::attack, ru, ua);
    add("Counteroffensive", EventKind::attack, ua, ru);
    add("Talks", EventKind::meeting, ua, ru);
    add("Sanctions", EventKind::sanction, ua, ru);
    struct Case {
      std::vector<EventKind> kinds;
      std::vector<std::string> actors;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {{EventKind::attack}, {}, {"Invasion", "Counteroffensive"}},
        {{EventKind::meeting, EventKind::sanction}, {}, {"Talks", "Sanctions"}},
        {{}, {"russia"}, {"Invasion"}},
        {{}, {"Russia", "Ukraine"}, {"Invasion", "Counteroffensive", "Talks", "Sanctions"}},
        {{EventKind::attack}, {"ukraine"}, {"Counteroffensive"}},
        {{EventKind::election}, {}, {}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.kinds.size());
      CAPTURE(c.actors.size());
      TimelineQuery q;
      q.kinds = c.kinds;
      q.actors = c.actors;
      CHECK(titles(store, q) == c.want);
    }
    TimelineQuery bad_actor;
    bad_actor.actors = {"Atlantis"};
    auto a = store.timeline(bad_actor);
    REQUIRE_FALSE(a.has_value());
    CHECK(a.error().code == Errc::not_found);
    CHECK(a.error().message == "no entity named 'Atlantis'");
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::timeline as_of shows only what was known then") {
    // Hand entries are recorded at the fixed clock, 2024-01-15.
    event("Manual entry", "2010");
    auto imported = [&](const std::string& title, std::optional<std::string> published) {
      kb::Event e;
      e.title = title;
      e.date = parse_date("2014");
      e.origin = kb::Origin::imported;
      kb::Citation c;
      c.source_id = source(title, std::move(published));
      e.citations = {c};
      must(store.add_event(e));
    };
    imported("Reported 2014-03-18", "2014-03-18T09:00:00Z");
    imported("Reported 2020-06-01", "2020-06-01");
    imported("Never dated", std::nullopt);
    struct Case {
      std::string as_of;
      std::vector<std::string> want;
    };
    const Case cases[] = {
        {"2014-03-17", {}},
        {"2014-03-18", {"Reported 2014-03-18"}},
        {"2019", {"Reported 2014-03-18"}},
        {"2020-06-01", {"Reported 2014-03-18", "Reported 2020-06-01"}},
        {"2024-01-15", {"Manual entry", "Reported 2014-03-18", "Reported 2020-06-01"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.as_of);
      TimelineQuery q;
      q.as_of = parse_date(c.as_of).last();
      CHECK(titles(store, q) == c.want);
    }
    CHECK(titles(store, {}).size() == 4);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::timeline loads each event's details") {
    const Id ru = entity("Russia");
    const Id a = event("A", "2014", {{ru, Role::actor}});
    const Id b = event("B", "2015");
    must(store.add_tags(a, {"t"}));
    must(store.add_link(a, kb::Relation::precedes, b, std::nullopt));
    const auto events = must(store.timeline({}));
    REQUIRE(events.size() == 2);
    CHECK(events[0].participants.size() == 1);
    CHECK(events[0].tags == std::vector<std::string>{"t"});
    CHECK(events[0].links.size() == 1);
    CHECK(events[1].links.size() == 1);
    CHECK_FALSE(events[1].links[0].outgoing);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::search in plain mode takes punctuation literally") {
    event("U.S.-backed talks on Crimea", "2014-03-10");
    event("Kyiv’s NEAR-term plans \"quoted\"", "2015");
    source("Analysis", "2014-03-20", "Talks about the U.S. role, near Crimea.");
    const std::string queries[] = {"U.S.-backed", "NEAR(",         "NEAR(talks crimea)",
                                   "\"quoted",    "talks AND OR",  "title:crimea",
                                   "crimea*",     "-talks",        "^crimea",
                                   "Kyiv’s",      "Kyiv — Crimea", "«Crimea»",
                                   "(talks",      "talks)",        "a + b"};
    for (const auto& q : queries) {
      CAPTURE(q);
      auto hits = store.search(q, 20, false);
      CHECK_MESSAGE(hits.has_value(), (hits.has_value() ? std::string() : hits.error().message));
    }
    const auto hits = must(store.search("U.S.-backed", 20, false));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].what == kb::SearchHit::What::event);
    CHECK(hits[0].title == "U.S.-backed talks on Crimea");
    CHECK(hits[0].snippet.find("[backed]") != std::string::npos);
    REQUIRE(hits[0].date.has_value());
    CHECK(hits[0].date->timex() == "2014-03-10");
    CHECK(must(store.search("Kyiv’s", 20, false)).size() == 1);

    auto empty = store.search("?!", 20, false);
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().code == Errc::invalid_argument);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::search ranks events and sources together") {
    event("Crimea", "2014");
    event("Talks about many things, Crimea among them", "2014");
    source("Crimea", "2014-03-20", "Crimea Crimea Crimea");
    const auto hits = must(store.search("crimea", 20, false));
    REQUIRE(hits.size() == 3);
    for (std::size_t i = 1; i < hits.size(); ++i) {
      CHECK(hits[i - 1].rank <= hits[i].rank);
    }
    bool saw_source = false;
    for (const auto& h : hits) {
      if (h.what == kb::SearchHit::What::source) {
        saw_source = true;
        CHECK(h.published == std::optional<std::string>("2014-03-20"));
        CHECK_FALSE(h.date.has_value());
      }
    }
    CHECK(saw_source);
    CHECK(must(store.search("crimea", 2, false)).size() == 2);
  }

  TEST_CASE("Store::search on a file: the two queries in parallel answer as one connection does") {
    // On a file the source query runs on a second connection in another thread; inside a
    // transaction both run on this connection, so uncommitted writes are found too.
    kb::test::TempDir dir;
    kb::sqlite::Store store =
        must(kb::sqlite::Store::open(dir.file("kb.db"), kb::sqlite::OpenMode::create));
    for (int i = 0; i < 30; ++i) {
      kb::Event e;
      e.title = "Ceasefire talks round " + std::to_string(i) + (i % 3 == 0 ? " ceasefire" : "");
      e.date = parse_date("2014");
      must(store.add_event(e));
      kb::Source src;
      src.title = "Report " + std::to_string(i);
      src.url = "https://example.org/" + std::to_string(i);
      src.content_hash = "hash-" + std::to_string(i);
      src.body = i % 2 == 0 ? "The ceasefire held." : "A ceasefire, another ceasefire, a truce.";
      must(store.add_source(src));
    }
    const auto parallel = must(store.search("ceasefire", 25, false));
    REQUIRE(parallel.size() == 25);
    for (std::size_t i = 1; i < parallel.size(); ++i) {
      CHECK(parallel[i - 1].rank <= parallel[i].rank);
    }
    CHECK_FALSE(store.search("\"unbalanced", 5, true).has_value());
    auto tx = must(store.transaction());
    const auto serial = must(store.search("ceasefire", 25, false));
    REQUIRE(serial.size() == parallel.size());
    for (std::size_t i = 0; i < serial.size(); ++i) {
      CAPTURE(i);
      CHECK(serial[i].what == parallel[i].what);
      CHECK(serial[i].id == parallel[i].id);
      CHECK(serial[i].snippet == parallel[i].snippet);
    }
    kb::Source unsaved;
    unsaved.title = "Armistice";
    unsaved.url = "https://example.org/unsaved";
    unsaved.content_hash = "hash-unsaved";
    unsaved.body = "An armistice was signed.";
    must(store.add_source(unsaved));
    CHECK(must(store.search("armistice", 5, false)).size() == 1);
    auto bad = store.search("NEAR(", 5, true);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == Errc::invalid_argument);
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::search raw mode passes FTS5 syntax through") {
    event("Security guarantees for Ukraine", "1994");
    event("Security council meeting", "2022");
    CHECK(must(store.search("security NOT council", 20, true)).size() == 1);
    CHECK(must(store.search("\"security guarantees\"", 20, true)).size() == 1);
    CHECK(must(store.search("secur*", 20, true)).size() == 2);
    CHECK(must(store.search("NEAR(security ukraine, 3)", 20, true)).size() == 1);
    for (const std::string bad : {"NEAR(", "\"unbalanced", "AND", "title:", "(security"}) {
      CAPTURE(bad);
      auto r = store.search(bad, 20, true);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == Errc::invalid_argument);
      CHECK(r.error().message.find("malformed search query") != std::string::npos);
    }
  }

  TEST_CASE_FIXTURE(MemoryDb, "Store::stats counts what the knowledge base holds") {
    const kb::Stats empty = must(store.stats());
    CHECK(empty.events == 0);
    CHECK_FALSE(empty.earliest.has_value());
    CHECK(empty.by_kind.empty());

    const Id ru = entity("Russia");
    entity("Ukraine");
    const Id a = event("A", "1994", {{ru, Role::actor}});
    const Id b = event("B", "2023-W20-WE");
    kb::Event c;
    c.title = "C";
    c.kind = kb::EventKind::attack;
    c.date = parse_date("2022-02-24");
    must(store.add_event(c));
    must(store.add_tags(a, {"x", "y"}));
    must(store.add_tags(b, {"x"}));
    kb::Citation cit;
    cit.source_id = source("S1");
    must(store.add_citation(a, cit));
    must(store.add_citation(b, cit));
    source("S2");
    must(store.add_link(b, kb::Relation::related, a, std::nullopt));

    const kb::Stats st = must(store.stats());
    CHECK(st.events == 3);
    CHECK(st.entities == 2);
    CHECK(st.sources == 2);
    CHECK(st.citations == 2);
    CHECK(st.links == 1);
    CHECK(st.tags == 2);
    REQUIRE(st.earliest.has_value());
    CHECK(st.earliest->timex() == "1994");
    CHECK(st.latest->timex() == "2023-W20-WE");
    CHECK(st.by_kind == std::vector<std::pair<kb::EventKind, std::int64_t>>{
                            {kb::EventKind::other, 2}, {kb::EventKind::attack, 1}});
  }
}
