// Tests for storage/postgres/store: the same knowledge base written through kb::Repository
// into SQLite (in memory) and into PostgreSQL ($KB_TEST_PG, pg_fixture.hpp) reads back the
// same from both: events with their roles, citations, links and tags, timelines under every
// filter and order, entities, sources, counts, local numbers, and full-text matches. Cases that
// need a server pass with a message when there is none.

#include "storage/postgres/store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "render/timeline.hpp"
#include "storage/sqlite/store.hpp"
#include "tests/storage/postgres/pg_fixture.hpp"
#include "tests/storage/postgres/seed_fixture.hpp"
#include "tests/test_util.hpp"

namespace kb::postgres {
namespace {

using test::must;
using test::seed;
using test::uuid_of;

// Everything the read methods say about the seeded knowledge base, as text (JSON per event).
std::string describe(Repository& r) {
  std::string out;
  const auto events = [&out](std::string_view what, const std::vector<Event>& list) {
    out += fmt::format("== {}\n", what);
    for (const auto& e : list) {
      out += render::event_json(e).dump() + "\n";
    }
  };
  TimelineQuery all;
  events("all", must(r.timeline(all)));
  const std::vector<std::string> topics{"ukraine", "Kharkov", "security", "crimea", "nothing"};
  for (const auto& topic : topics) {
    TimelineQuery q;
    q.topic = topic;
    events("topic " + topic, must(r.timeline(q)));
  }
  TimelineQuery filtered;
  filtered.from = must(FuzzyDate::from_timex("2014"));
  filtered.to = must(FuzzyDate::from_timex("2022"));
  filtered.actors = {"Russian Federation"};
  events("2014-2022 by Russia", must(r.timeline(filtered)));
  TimelineQuery by_kind;
  by_kind.kinds = {EventKind::meeting, EventKind::attack};
  by_kind.newest_first = true;
  by_kind.limit = 2;
  events("meetings and attacks, newest 2", must(r.timeline(by_kind)));
  TimelineQuery cited;
  cited.sort = TimelineQuery::Sort::citations;
  cited.source = "wall street";
  events("cited by the WSJ", must(r.timeline(cited)));
  TimelineQuery as_of;
  as_of.as_of = date::sys_days{date::year{2023} / 5 / 22};
  as_of.places = {"Ukraine"};
  as_of.include_merged = true;
  events("in Ukraine as of 2023-05-22, merged too", must(r.timeline(as_of)));
  TimelineQuery curated;
  curated.curated_only = true;
  curated.tags = {"Crimea"};
  curated.statuses = {Status::reported};
  curated.min_confidence = 0.5;
  events("curated", must(r.timeline(curated)));
  out += "== entities\n";
  for (const auto& e : must(r.entities())) {
    out += fmt::format("{} {} {} {} [{}] {} {}\n", e.id, e.name, to_string(e.kind), e.uuid,
                       fmt::join(e.aliases, "|"), e.country_id.value_or(0),
                       e.latitude ? fmt::format("{},{}", *e.latitude, *e.longitude) : "-");
    out += fmt::format("  events {}\n", must(r.event_count(e.id)));
  }
  out += "== sources\n";
  for (const auto& s : must(r.sources(true))) {
    out += fmt::format("{} {} {} {} {} {}\n", s.source.id, s.source.title,
                       s.source.published.value_or("-"), s.source.uuid, s.events, s.source.body);
  }
  const Stats st = must(r.stats());
  out += fmt::format("== stats {} {} {} {} {} {} {} {}\n", st.events, st.entities, st.sources,
                     st.citations, st.links, st.tags, st.earliest->display(), st.latest->display());
  for (const auto& [kind, n] : st.by_kind) {
    out += fmt::format("  {} {}\n", to_string(kind), n);
  }
  out += "== related to 3\n";
  for (const auto& rel : must(r.related_events(3, 400, 10))) {
    out += fmt::format("{} {} {}\n", rel.id, rel.title, rel.shared);
  }
  return out;
}

// The PostgreSQL store of a test database, its clock fixed as memory_store()'s; with `gin`,
// migrated with kb.search_index = gin set on the database (schema 0005: no RUM indexes, search
// ranked by GIN as on a server without the RUM extension; a database setting rather than the
// URI's options, which PgBouncer 1.18 refuses).
// Sets `name` to `value` for the test database's later sessions, from another database, so
// that no connection to this one (a pooler's) predates it.
void set_on_database(const test::PgDatabase& pg, std::string_view name, std::string_view value) {
  const std::string uri = pg.uri();
  const auto query = uri.find('?');
  const auto name_at = uri.rfind('/', query) + 1;
  postgres::Db admin = must(postgres::Db::open(test::with_database(uri, "postgres")));
  must(admin.exec(fmt::format("ALTER DATABASE {} SET {} = {}", uri.substr(name_at, query - name_at),
                              name, value)));
}

Store open_pg(const test::PgDatabase& pg, bool gin = false) {
  if (gin) {
    set_on_database(pg, "kb.search_index", "gin");
  }
  Store store = must(Store::open(pg.uri()));
  store.set_clock(test::fixed_now);
  return store;
}

// The search ranking the migration chose for the test database (kb_setting) and whether it
// could have chosen RUM: the server has the extension to offer and does not say
// kb.search_index = gin for all (KB_TEST_PG_OPTS, scripts/pg_test_cluster.sh).
std::pair<std::string, bool> ranking_of(const test::PgDatabase& pg) {
  postgres::Db db = must(postgres::Db::open(test::with_database(pg.uri(), "postgres")));
  postgres::Statement s = db.prepare(
      "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') "
      "AND coalesce(current_setting('kb.search_index', true), '') <> 'gin'");
  REQUIRE(must(s.step()) == postgres::Step::row);
  const bool rum_possible = s.column_int(0) != 0;
  postgres::Db mine = must(postgres::Db::open(pg.uri()));
  postgres::Statement r =
      mine.prepare("SELECT value FROM kb_setting WHERE name = 'search_ranking'");
  REQUIRE(must(r.step()) == postgres::Step::row);
  return {r.column_text(0), rum_possible};
}

}  // namespace

TEST_SUITE("storage") {
  TEST_CASE("postgres::Store reads back what SQLite reads back, for the same writes") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    sqlite::Store lite = test::memory_store();
    Store store = open_pg(pg);
    seed(lite);
    seed(store);
    const std::string expected = describe(lite);
    // The description is not trivially equal: it holds what the seed wrote.
    CHECK(expected.find("Russia annexes Crimea") != std::string::npos);
    CHECK(expected.find("Kharkiv shelled overnight") != std::string::npos);
    CHECK(describe(store) == expected);
    for (Id id = 1; id <= 6; ++id) {
      CAPTURE(id);
      CHECK(render::event_json(must(store.event(id))).dump() ==
            render::event_json(must(lite.event(id))).dump());
      CHECK(must(store.links_of(id)).size() == must(lite.links_of(id)).size());
      CHECK(must(store.event_quotes(id, 5)) == must(lite.event_quotes(id, 5)));
      CHECK(must(store.event_roles(id)).size() == must(lite.event_roles(id)).size());
    }
    CHECK(must(store.lookup_entities("KIEV")).front().name == "Kyiv");
    CHECK(must(store.lookup_entities("київ")).front().name == "Kyiv");
    CHECK(must(store.merged_into(3)) == std::vector<Id>{4});
    CHECK(must(store.lying_in(1)) == std::vector<Id>{3, 4});
    CHECK(must(store.events_citing(1)) == std::vector<Id>{5, 6});
    CHECK(must(store.ids_by_uuid(RecordKind::event, uuid_of('e', 2).substr(0, 8), 10)).size() == 6);
    CHECK(must(store.ids_by_uuid(RecordKind::source, uuid_of('s', 2), 10)) == std::vector<Id>{2});
    CHECK(must(store.find_source_by_url("https://www.wsj.com/articles/ukraine-security")) ==
          std::optional<Id>(1));
    CHECK(must(store.find_event("Vilnius summit", must(FuzzyDate::from_timex("2023-07")))) ==
          std::optional<Id>(5));
    CHECK(must(store.events_overlapping(3, must(FuzzyDate::from_timex("2022")).first(),
                                        must(FuzzyDate::from_timex("2022")).last(), 5))
              .empty());
    CHECK_FALSE(must(store.is_empty()));
  }

  TEST_CASE("postgres::Store never gives a local number out twice and undoes failed writes") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Store store = open_pg(pg);
    seed(store);
    must(store.remove_event(6));
    CHECK(must(store.last_id(RecordKind::event)) == 6);
    Event e;
    e.title = "Counteroffensive";
    e.date = must(FuzzyDate::from_timex("2023-06"));
    {
      auto tx = must(store.transaction());
      CHECK(must(store.add_event(e)) == 7);
      // No commit: the transaction's writes go when it does.
    }
    CHECK(must(store.stats()).events == 5);
    {
      auto tx = must(store.transaction());
      auto duplicate = store.add_entity(must(store.entity(2)));
      REQUIRE_FALSE(duplicate.has_value());
      CHECK(duplicate.error().code == Errc::conflict);
      {
        auto sp = must(store.savepoint());
        must(store.add_tags(1, {"kept-out"}));
      }
      CHECK(must(store.add_event(e)) == 7);
      must(tx.commit());
    }
    CHECK(must(store.event(7)).title == "Counteroffensive");
    CHECK(must(store.event(1)).tags.empty());
    auto missing = store.event(6);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == Errc::not_found);
  }

  TEST_CASE("postgres::Store search finds words and phrases, ranks, and brackets matches") {
    // Both rankings (schema 0005): from the RUM indexes where the server has the extension,
    // from GIN with ts_rank_cd otherwise; the same hits and counts either way.
    for (const bool gin : {false, true}) {
      CAPTURE(gin);
      test::PgDatabase pg;
      if (!pg.available()) {
        return;
      }
      sqlite::Store lite = test::memory_store();
      Store store = open_pg(pg, gin);
      const auto [ranking, rum_available] = ranking_of(pg);
      CHECK(ranking == (rum_available && !gin ? "rum" : "gin"));
      if (!gin && !rum_available) {
        MESSAGE("no RUM extension on the server, or kb.search_index = gin: GIN ranking only");
      }
      seed(lite);
      seed(store);
      const std::vector<std::string> queries{"security assurances", "kharkiv", "Kharkiv shelled",
                                             "vilnius OR crimea", "\"security assurances\""};
      for (const auto& query : queries) {
        for (const bool raw : {false, true}) {
          CAPTURE(query);
          CAPTURE(raw);
          const auto expected = lite.search_count(query, raw, true);
          const auto got = store.search_count(query, raw, true);
          REQUIRE(expected.has_value());
          REQUIRE(got.has_value());
          CHECK(got->events == expected->events);
          CHECK(got->sources == expected->sources);
          // The same hits (the order of equal ranks and the scores differ, docs/storage.md).
          auto ids = [](const std::vector<SearchHit>& hits) {
            std::vector<std::pair<int, Id>> out;
            for (const auto& h : hits) {
              out.emplace_back(h.what == SearchHit::What::event ? 0 : 1, h.id);
            }
            std::sort(out.begin(), out.end());
            return out;
          };
          const auto hits = must(store.search(query, 10, raw));
          CHECK(ids(hits) == ids(must(lite.search(query, 10, raw))));
          for (const auto& h : hits) {
            CAPTURE(h.snippet);
            CHECK(h.snippet.find('[') != std::string::npos);
            CHECK(h.snippet.find(']') != std::string::npos);
            CHECK(h.rank < 0);
          }
        }
      }
      const auto best = must(store.search("Kharkiv", 10, false));
      // Event 3 and the note; event 4, merged into 3, is not listed.
      REQUIRE(best.size() == 2);
      CHECK(best.front().snippet.find("[Kharkiv]") != std::string::npos);
      auto words = std::string("w");
      for (int i = 0; i < 64; ++i) {
        words += " w";
      }
      auto too_long = store.search(words, 10, false);
      REQUIRE_FALSE(too_long.has_value());
      CHECK(too_long.error().code == Errc::invalid_argument);
    }
  }

  TEST_CASE("postgres::Store search ranks a title's word above a summary's, with either ranking") {
    // Both rankings weigh where the word stands (title A, summary B, quotes C): RUM's distance
    // reads the weights the index keeps with each position, ts_rank_cd those of the tsvector.
    for (const bool gin : {false, true}) {
      CAPTURE(gin);
      test::PgDatabase pg;
      if (!pg.available()) {
        return;
      }
      Store store = open_pg(pg, gin);
      {
        auto tx = must(store.transaction());
        for (int i = 0; i < 6; ++i) {
          Event e;
          // The word in the summary of the first five (twice in the last of them), in the
          // title of the sixth.
          e.title = i == 5 ? "Armistice signed" : fmt::format("Talks, round {}", i);
          e.summary = i == 5   ? "Both sides agreed."
                      : i == 4 ? "An armistice was near; the armistice was not signed."
                               : "An armistice was discussed.";
          e.date = must(FuzzyDate::from_timex(fmt::format("2020-01-0{}", i + 1)));
          must(store.add_event(e));
        }
        must(tx.commit());
      }
      const auto hits = must(store.search("armistice", 3, false));
      REQUIRE(hits.size() == 3);
      CHECK(hits[0].id == 6);
      CHECK(hits[1].id == 5);
      CHECK(hits[0].rank < hits[1].rank);
      CHECK(hits[1].rank < hits[2].rank);
      const auto count = must(store.search_count("armistice", false, false));
      CHECK(count.events == 6);
    }
  }

  TEST_CASE("postgres::Store ranks a very common query among the newest months, and says so") {
    // With RUM (schema 0006), a query the planner expects to match kb.search_bound rows or more
    // is ranked among the matches of the newest kb.search_months months that have events, widened
    // while they hold fewer hits than asked for; `all` ranks every match. Here the bound is 1, so
    // every query is "common", and the best match (the word in a title) is the oldest event.
    for (const bool gin : {false, true}) {
      CAPTURE(gin);
      test::PgDatabase pg;
      if (!pg.available()) {
        return;
      }
      set_on_database(pg, "kb.search_bound", "1");
      set_on_database(pg, "kb.search_months", "2");
      Store store = open_pg(pg, gin);
      const bool rum = ranking_of(pg).first == "rum";
      {
        auto tx = must(store.transaction());
        // #1 in a title, January 2020; #2 to #6 in summaries: March, May (twice), June (twice).
        const std::vector<std::string> days{"2020-01-15", "2020-03-02", "2020-05-04",
                                            "2020-05-20", "2020-06-01", "2020-06-30"};
        for (std::size_t i = 0; i < days.size(); ++i) {
          Event e;
          e.title = i == 0 ? "Truce signed" : fmt::format("Talks, round {}", i);
          e.summary = i == 0 ? "Both sides agreed." : "A truce was discussed.";
          e.date = must(FuzzyDate::from_timex(days[i]));
          must(store.add_event(e));
        }
        must(tx.commit());
      }
      auto ids = [](const std::vector<SearchHit>& hits) {
        std::vector<Id> out;
        for (const auto& h : hits) {
          out.push_back(h.id);
        }
        return out;
      };
      auto sorted = [](std::vector<Id> v) {
        std::sort(v.begin(), v.end());
        return v;
      };
      // Three hits: the newest two months (May and June) hold four matches, enough.
      const auto recent = must(store.search("truce", 3, false));
      const auto scope = store.last_search_scope();
      CHECK_FALSE(scope.sources.has_value());  // no source: ranked as ever
      const auto every = must(store.search("truce", 3, false, true));
      CHECK_FALSE(store.last_search_scope().events.has_value());
      REQUIRE(every.size() == 3);
      CHECK(every[0].id == 1);
      if (!rum) {
        MESSAGE("GIN ranking: every match is ranked");
        CHECK_FALSE(scope.events.has_value());
        CHECK(ids(recent) == ids(every));
        continue;
      }
      REQUIRE(scope.events.has_value());
      CHECK(scope.events->first_month == "2020-05");
      CHECK(scope.events->last_month == "2020-06");
      CHECK(scope.events->months == 2);
      REQUIRE(recent.size() == 3);
      for (const auto id : ids(recent)) {
        CHECK(id >= 3);  // May and June only
      }
      // A hit's rank is the one the whole ranking gives it (the month lexeme does not count).
      const auto all_six = must(store.search("truce", 6, false, true));
      for (const auto& h : recent) {
        const auto same = std::find_if(all_six.begin(), all_six.end(),
                                       [&h](const SearchHit& a) { return a.id == h.id; });
        REQUIRE(same != all_six.end());
        CHECK(same->rank == doctest::Approx(h.rank));
      }
      // Five hits: two months hold four, eight months are more than there are (four): every
      // match is ranked, and the search says nothing.
      const auto five = must(store.search("truce", 5, false));
      CHECK_FALSE(store.last_search_scope().events.has_value());
      CHECK(five.front().id == 1);
      // Four hits: two months hold exactly four.
      const auto four = must(store.search("truce", 4, false));
      REQUIRE(store.last_search_scope().events.has_value());
      CHECK(sorted(ids(four)) == std::vector<Id>{3, 4, 5, 6});
      // A phrase and --raw go through the same window; a month's renamed lexemes ('truce
      // 202006') match no typed words.
      CHECK(ids(must(store.search("\"a truce\"", 2, true))).size() == 2);
      CHECK(store.last_search_scope().events.has_value());
      CHECK(must(store.search("truce 202006", 5, false)).empty());
      CHECK(must(store.search("\"truce 202006\"", 5, true)).empty());
      CHECK(must(store.search("truce -discussed", 5, true)).front().id == 1);
      // A merged event is left out of the window as out of the whole ranking.
      {
        postgres::Db db = must(postgres::Db::open(pg.uri()));
        must(db.exec("UPDATE event SET merged_into = 5 WHERE event_id = 6"));
      }
      const auto merged = must(store.search("truce", 3, false));
      REQUIRE(store.last_search_scope().events.has_value());
      CHECK(store.last_search_scope().events->first_month == "2020-05");
      CHECK(sorted(ids(merged)) == std::vector<Id>{3, 4, 5});
    }
  }

  TEST_CASE("postgres::Store estimates a search count of many matches unless asked to count") {
    // search_count() estimates a part whose planner estimate is 10,000 matches or more (the
    // exact count reads every match's row: docs/storage.md) and says so; with `exact` it
    // counts, and under 10,000 it always counts.
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    Store store = open_pg(pg);
    {
      postgres::Db db = must(postgres::Db::open(pg.uri()));
      must(
          db.exec("INSERT INTO event (event_id, title, first_day, last_day, precision, timex, "
                  "recorded_at, updated_at) SELECT i, CASE WHEN i % 2 = 0 THEN 'Truce talks' "
                  "ELSE 'Truce talks stall' END, 19000, 19000, 'day', '2022-01-08', "
                  "'2022-01-08T00:00:00Z', '2022-01-08T00:00:00Z' "
                  "FROM generate_series(1, 12000) AS i"));
      must(db.exec("ANALYZE event"));
    }
    const auto estimated = must(store.search_count("truce", false, false));
    CHECK(estimated.events_estimated);
    CHECK(estimated.events > 10000);
    CHECK(estimated.events < 14000);
    CHECK_FALSE(estimated.sources_estimated);
    CHECK(estimated.sources == 0);
    const auto counted = must(store.search_count("truce", false, true));
    CHECK_FALSE(counted.events_estimated);
    CHECK(counted.events == 12000);
    const auto few = must(store.search_count("stall", false, false));  // about 6,000: counted
    CHECK_FALSE(few.events_estimated);
    CHECK(few.events == 6000);
  }

  TEST_CASE("postgres::Store timeline of an entity or a tag: the first N events, as SQLite") {
    // The entity and tag timelines oldest first run as a union of per-entity and per-tag parts,
    // each limited (store_query.cpp, kTopicOldestFirst): every limit must give the first events
    // of the one order SQLite gives, with events that hold the entity in several roles, share
    // their days (ties go to the lower number), carry the entity's name as a tag, lie in a place
    // inside the entity, or are merged into others.
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    sqlite::Store lite = test::memory_store();
    Store store = open_pg(pg);
    for (Repository* r : std::vector<Repository*>{&lite, &store}) {
      seed(*r);
      auto tx = must(r->transaction());
      std::vector<Id> added;
      for (int i = 0; i < 24; ++i) {
        Event e;
        e.title = fmt::format("Event {}", i);
        // Three days and a month that starts on the first of them: many ties.
        const std::string timex =
            i % 4 == 3 ? std::string("2015-02") : fmt::format("2015-02-0{}", 1 + i % 3);
        e.date = must(FuzzyDate::from_timex(timex));
        e.kind = i % 2 == 0 ? EventKind::attack : EventKind::meeting;
        e.uuid = test::uuid_of('e', 100 + i);
        if (i % 2 == 0) {  // Russia (2) in three roles
          for (const Role role : {Role::actor, Role::target, Role::location}) {
            e.participants.push_back(Participant{2, "", EntityKind::country, role});
          }
        } else if (i % 3 == 0) {
          e.participants.push_back(Participant{2, "", EntityKind::country, Role::mentioned});
        }
        if (i % 4 == 1) {  // Kharkiv (3), inside Ukraine (1)
          e.participants.push_back(Participant{3, "", EntityKind::place, Role::location});
        }
        added.push_back(must(r->add_event(e)));
        if (i % 6 == 1) {
          must(r->add_tags(added.back(), {"Russia"}));  // the entity's name as a tag
        }
        if (i % 6 == 5) {
          must(r->add_tags(added.back(), {"crimea"}));
        }
      }
      must(r->add_link(added[0], Relation::same_as, added[2], std::nullopt));
      must(r->add_link(added[1], Relation::same_as, added[5], std::nullopt));
      // A later date for an event written earlier.
      Event moved = *must(r->stored_event(added[4]));
      moved.date = must(FuzzyDate::from_timex("2016"));
      must(r->update_event(moved));
      must(tx.commit());
    }
    const auto ids = [](const std::vector<Event>& list) {
      std::vector<Id> out;
      for (const auto& e : list) {
        out.push_back(e.id);
      }
      return out;
    };
    for (const std::string topic : {"Russia", "Russian Federation", "Ukraine", "crimea", "NATO"}) {
      TimelineQuery every;
      every.topic = topic;
      const auto full = must(lite.timeline(every));
      if (topic == "Russia") {  // 18 events with roles of Russia's, 4 only tagged "russia"
        CHECK(full.size() == 22);
        CHECK(std::any_of(full.begin(), full.end(),
                          [](const Event& e) { return e.title == "Event 7"; }));
      }
      for (std::size_t limit = 0; limit <= full.size() + 1; ++limit) {
        for (const bool merged : {false, true}) {
          CAPTURE(topic);
          CAPTURE(limit);
          CAPTURE(merged);
          TimelineQuery q;
          q.topic = topic;
          q.limit = limit;
          q.include_merged = merged;
          const auto expected = must(lite.timeline(q));
          const auto got = must(store.timeline(q));
          CHECK(ids(got) == ids(expected));
          if (limit == 3) {  // whole events, details included
            REQUIRE(got.size() == expected.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
              CHECK(render::event_json(got[i]).dump() == render::event_json(expected[i]).dump());
            }
          }
          q.kinds = {EventKind::attack};
          q.from = must(FuzzyDate::from_timex("2015-02-02"));
          CHECK(ids(must(store.timeline(q))) == ids(must(lite.timeline(q))));
        }
      }
    }
  }

  TEST_CASE("postgres::Store counts a search's matches as it ranks them, and counts again after") {
    // search() keeps the counts its ranking statements made; search_count() right after, with
    // the same words, returns them, and counts anew once any other statement has run.
    // Both rankings (schema 0005) count while ranking.
    for (const bool gin : {false, true}) {
      CAPTURE(gin);
      test::PgDatabase pg;
      if (!pg.available()) {
        return;
      }
      sqlite::Store lite = test::memory_store();
      Store store = open_pg(pg, gin);
      seed(lite);
      seed(store);
      const auto same = [&](const std::string& query, bool raw) {
        CAPTURE(query);
        const auto expected = must(lite.search_count(query, raw, true));
        const auto got = must(store.search_count(query, raw, true));
        CHECK(got.events == expected.events);
        CHECK(got.sources == expected.sources);
        return got.events + got.sources;
      };
      must(store.search("kharkiv", 1, false));
      CHECK(same("kharkiv", false) == 2);  // event 3 (4 is merged into it) and the note
      must(store.search("kharkiv", 1, false));
      CHECK(same("crimea", false) == 1);  // other words: counted, not the kept counts
      must(store.search("kharkiv", 1, false));
      CHECK(same("kharkiv", true) == 2);  // --raw is another query
      must(store.search("kharkiv", 1, false));
      {
        auto tx = must(store.transaction());
        Event e;
        e.title = "Kharkiv shelled again";
        e.date = must(FuzzyDate::from_timex("2022-03-05"));
        must(store.add_event(e));
        must(tx.commit());
      }
      {
        auto tx = must(lite.transaction());
        Event e;
        e.title = "Kharkiv shelled again";
        e.date = must(FuzzyDate::from_timex("2022-03-05"));
        must(lite.add_event(e));
        must(tx.commit());
      }
      CHECK(same("kharkiv", false) == 3);  // a write since the search: counted again
      must(store.search("kharkiv", 0, false));
      CHECK(same("kharkiv", false) == 3);  // no hits asked for: nothing kept
      CHECK(must(store.search("nowhere", 5, false)).empty());
      CHECK(same("nowhere", false) == 0);
    }
  }

  TEST_CASE("postgres::Store keeps the operation log and puts events back as they were") {
    test::PgDatabase pg;
    if (!pg.available()) {
      return;
    }
    sqlite::Store lite = test::memory_store();
    Store store = open_pg(pg);
    for (Repository* r : std::vector<Repository*>{&lite, &store}) {
      seed(*r);
      auto tx = must(r->transaction());
      Op op;
      op.user = "alice";
      op.command = "edit #2";
      const Event before = *must(r->stored_event(2));
      Event after = before;
      after.title = "Russia annexes Crimea (edited)";
      must(r->update_event(after));
      op.events.push_back(OpEvent{2, before.uuid, "{\"before\":1}", "{\"after\":1}", "[]"});
      op.created.emplace_back(RecordKind::entity, 5);
      const Id id = must(r->add_op(op));
      CHECK(id == 1);
      Op more;
      more.events.push_back(OpEvent{2, before.uuid, "{\"ignored\":1}", "{\"after\":2}", {}});
      must(r->extend_op(id, more));
      must(tx.commit());
      const auto undoable = must(r->last_undoable_op());
      REQUIRE(undoable.has_value());
      CHECK(undoable->user == "alice");
      CHECK(undoable->at == "2024-01-15T10:00:00Z");
      REQUIRE(undoable->events.size() == 1);
      CHECK(undoable->events[0].before == std::optional<std::string>("{\"before\":1}"));
      CHECK(undoable->events[0].after == std::optional<std::string>("{\"after\":2}"));
      CHECK(undoable->created.size() == 1);
      CHECK(must(r->ops(2, 0)).size() == 1);
      CHECK(must(r->ops(1, 0)).empty());
      // Putting the event back as it was.
      auto undo = must(r->transaction());
      must(r->put_event(before, must(r->links_of(2))));
      Op undo_op;
      undo_op.user = "alice";
      undo_op.command = "undo";
      undo_op.undoes = id;
      const Id undo_id = must(r->add_op(undo_op));
      must(r->set_op_undone(id, undo_id));
      must(undo.commit());
      CHECK(must(r->event(2)).title == "Russia annexes Crimea");
      CHECK_FALSE(must(r->last_undoable_op()).has_value());
    }
    CHECK(describe(store) == describe(lite));
  }
}

}  // namespace kb::postgres
