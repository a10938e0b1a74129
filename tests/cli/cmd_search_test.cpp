// Tests for cli/cmd_search.cpp: plain and raw full-text search, text and JSON output.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb search finds events by title, summary and quote") {
    seed();
    const auto r = kb({"search", "annexed"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "event  #2  18 March 2014  Russia annexes Crimea\n"
          "    Russia [annexed] Crimea.\n");
    const auto j = nlohmann::json::parse(ok({"search", "security", "--format", "json"}));
    REQUIRE(j.size() == 1);
    CHECK(j[0]["type"] == "event");
    CHECK(j[0]["id"] == 1);
    // The event hit is the timeline's JSON object (ISO dates), plus type, snippet and rank.
    CHECK(j[0]["date"]["value"] == "1994-12-05");
    CHECK(j[0]["date"]["display"] == "5 December 1994");
    auto timeline = nlohmann::json::parse(ok({"timeline", "--format", "json"}))[0];
    auto hit = j[0];
    for (const char* key : {"type", "snippet", "rank"}) {
      hit.erase(key);
    }
    CHECK(hit == timeline);
    CHECK(j[0]["snippet"].get<std::string>().find("[Security]") != std::string::npos);
    // A source hit carries the source's fields, its publication time as stored.
    const auto src = nlohmann::json::parse(ok({"search", "annexed", "--format", "json"}));
    bool source_seen = false;
    for (const auto& h : src) {
      if (h["type"] == "source") {
        source_seen = true;
        CHECK(h["url"] == "https://example.org/a");
        CHECK(h.contains("published"));
        CHECK(h.contains("uuid"));
      }
    }
    CHECK(source_seen == (src.size() > 1));
  }

  TEST_CASE_FIXTURE(TempKb, "kb search says how many match when it shows fewer") {
    seed();
    ok({"add", "Russia masses troops near Crimea", "--date", "2021-04"});
    ok({"add", "Crimea bridge is struck", "--date", "2022-10-08"});
    const auto some = kb({"search", "Crimea", "--limit", "2"});
    CHECK(some.code == 0);
    CHECK(some.err == "kb: showing 2 of 3 matches (3 events, 0 sources); --limit N shows more\n");
    const auto all = kb({"search", "Crimea", "--limit", "3"});
    CHECK(all.err.empty());  // all shown: nothing to say
    // An event merged into another (same-as) is not counted twice.
    ok({"link", "3", "same-as", "4"});
    CHECK(kb({"search", "Crimea", "--limit", "1"}).err ==
          "kb: showing 1 of 2 matches (2 events, 0 sources); --limit N shows more\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb search says when it ranked only the newest months' matches") {
    // PostgreSQL ranking from the RUM indexes ranks a query estimated at kb.search_bound matches
    // or more among those of the newest kb.search_months months (docs/storage.md); here the
    // bound is 1, so every query is that common. SQLite and the GIN ranking rank every match.
    ok({"add", "Truce signed", "--date", "2020-01-15"});
    ok({"add", "Talks in March", "--date", "2020-03-02", "--summary", "A truce was discussed."});
    ok({"add", "Talks in May", "--date", "2020-05-04", "--summary", "A truce was discussed."});
    ok({"add", "Talks in June", "--date", "2020-06-01", "--summary", "A truce was discussed."});
    bool rum = false;
    if (pg) {
      const std::string uri = pg->uri();
      const auto query = uri.find('?');
      const auto name_at = uri.rfind('/', query) + 1;
      const std::string name = uri.substr(name_at, query - name_at);
      kb::postgres::Db admin =
          kb::test::must(kb::postgres::Db::open(kb::test::with_database(uri, "postgres")));
      kb::test::must(admin.exec("ALTER DATABASE " + name + " SET kb.search_bound = 1"));
      kb::test::must(admin.exec("ALTER DATABASE " + name + " SET kb.search_months = 2"));
      kb::postgres::Db mine = kb::test::must(kb::postgres::Db::open(uri));
      kb::postgres::Statement s =
          mine.prepare("SELECT value FROM kb_setting WHERE name = 'search_ranking'");
      REQUIRE(kb::test::must(s.step()) == kb::postgres::Step::row);
      rum = s.column_text(0) == "rum";
    }
    const auto recent = kb({"search", "truce", "--limit", "2"});
    CHECK(recent.code == 0);
    const auto every = kb({"search", "truce", "--limit", "2", "--all"});
    CHECK(every.code == 0);
    CHECK(every.out.starts_with("event  #1  15 January 2020  Truce signed\n"));
    CHECK(every.err.find("ranked among") == std::string::npos);
    if (!rum) {
      CHECK(recent.out == every.out);
      CHECK(recent.err == every.err);
      return;
    }
    CHECK(recent.out.find("#1 ") == std::string::npos);
    CHECK(recent.out.find("#3 ") != std::string::npos);
    CHECK(recent.out.find("#4 ") != std::string::npos);
    CHECK(recent.err ==
          "kb: showing 2 of 4 matches (4 events, 0 sources); --limit N shows more\n"
          "kb: ranked among the events dated 2020-05 to 2020-06 (the newest 2 months that have "
          "any) and all matching sources; --all ranks every match\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb search takes punctuation literally unless --raw") {
    seed();
    ok({"add", "U.S.-backed talks", "--date", "2015"});
    for (const std::string q : {"U.S.-backed", "NEAR(", "\"crimea", "crimea AND", "(talks"}) {
      CAPTURE(q);
      const auto r = kb({"search", q});
      CHECK(r.code == 0);
    }
    CHECK(ok({"search", "U.S.-backed"}).find("#3") != std::string::npos);
    const auto nothing = kb({"search", "zebra"});
    CHECK(nothing.code == 0);
    CHECK(nothing.out.empty());
    CHECK(nothing.err == "kb: nothing matches 'zebra'\n");

    const auto raw = kb({"search", "--raw", "crimea NOT russia"});
    CHECK(raw.code == 0);
    CHECK(raw.out.empty());
    CHECK(ok({"search", "--raw", "memo*"}).find("#1") != std::string::npos);
    const auto bad = kb({"search", "--raw", "NEAR("});
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err ==
          "kb: malformed search query 'NEAR(' (without --raw, words are searched as plain "
          "terms)\n");
    const auto empty = kb({"search", "?!"});
    CHECK(empty.code == 2);
    CHECK(empty.err == "kb: empty search query\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb search and timeline topics take at most 64 words") {
    seed();
    auto words = [](std::size_t n) {
      std::string q = "crimea";
      for (std::size_t i = 1; i < n; ++i) {
        q += " russia";
      }
      return q;
    };
    CHECK(ok({"search", words(64)}).find("#2") != std::string::npos);
    for (const auto& args : std::vector<std::vector<std::string>>{{"search", words(65)},
                                                                  {"search", "--raw", words(65)},
                                                                  {"timeline", words(65)},
                                                                  {"search", words(20000)}}) {
      CAPTURE(args[0]);
      const auto r = kb(args);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err.ends_with("words; kb searches for at most 64\n"));
    }
  }
}
