// Tests for cli/cmd_entity.cpp: `kb entity add|alias|merge|list|show`.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb entity add, alias, show and list") {
    CHECK(ok({"entity", "add", "Ukraine", "--kind", "country", "--wikidata", "Q212"}) ==
          "#1  Ukraine (country)\n");
    CHECK(ok({"entity", "add", "Bakhmut", "--kind", "place", "--alias", "Artemivsk", "--in",
              "ukraine"}) == "#2  Bakhmut (place)\n");
    CHECK(ok({"entity", "alias", "Ukraine", "Ukraina", "Oukraïna"}) ==
          "#1  Ukraine: Oukraïna, Ukraina\n");
    CHECK(ok({"entity", "show", "ARTEMIVSK"}) ==
          "#2  Bakhmut (place)\n  also: Artemivsk\n  in: Ukraine\n  events: 0\n");
    CHECK(ok({"entity", "show", "1"}) ==
          "#1  Ukraine (country)\n  also: Oukraïna, Ukraina\n  wikidata: Q212\n  events: 0\n");
    ok({"add", "Battle of Bakhmut", "--date", "2023-05", "--place", "Artemivsk"});
    CHECK(ok({"entity", "list"}) ==
          "#2     place         Bakhmut [Artemivsk]  (1 event)\n"
          "#1     country       Ukraine [Oukraïna, Ukraina]  (0 events)\n");
    CHECK(ok({"entity", "list", "--kind", "country"}).find("Bakhmut") == std::string::npos);
    const auto j = nlohmann::json::parse(ok({"entity", "list", "--format", "json"}));
    REQUIRE(j.size() == 2);
    CHECK(j[0]["name"] == "Bakhmut");
    CHECK(j[0]["country_id"] == 1);
    CHECK(j[0]["events"] == 1);
    CHECK(j[1]["wikidata"] == "Q212");
    // The place's country makes the battle part of Ukraine's timeline.
    CHECK(ok({"timeline", "Ukraina"}).find("Battle of Bakhmut") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "an entity added by hand is recognised by import and kb extract") {
    // Issue #17 item 4: a village the gazetteer lacks, recorded once in the KB, is found in
    // every later import and re-extraction; --in takes a country kb's gazetteer knows.
    const std::string article = dir.file("report.jsonl");
    kb::test::write_file(article,
                         "{\"id\":\"r1\",\"title\":\"Report\",\"published\":\"2022-06-13\","
                         "\"text\":\"Russian forces captured Mayorsk on June 12.\"}\n");
    const auto places = [&] {
      std::string out;
      for (const auto& e : nlohmann::json::parse(ok({"timeline", "--format", "json"}))) {
        for (const auto& p : e["entities"]) {
          if (p["role"] == "location") {
            out += p["name"].get<std::string>() + ";";
          }
        }
      }
      return out;
    };
    ok({"import", article});
    CHECK(places().find("Mayorsk") == std::string::npos);  // unknown before
    const auto added = kb({"entity", "add", "Mayorsk", "--kind", "place", "--in", "Ukraine"});
    CHECK(added.code == 0);
    CHECK(ok({"entity", "list"}).find("country       Ukraine") != std::string::npos);
    ok({"extract", "1"});
    CHECK(places().find("Mayorsk;") != std::string::npos);
    // A fresh import into the same KB finds it as well.
    ok({"import", "--undo", "1"});
    ok({"import", article});
    CHECK(places().find("Mayorsk;") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb entity point gives a place its coordinates, undoably") {
    seed();  // Crimea is a place (kb's gazetteer), Russia a country
    CHECK(ok({"entity", "point", "Crimea", "45.3", "34.4"}).find(": 45.3, 34.4\n") !=
          std::string::npos);
    CHECK(ok({"entity", "show", "Crimea"}).find("  point: 45.3, 34.4\n") != std::string::npos);
    const auto j = nlohmann::json::parse(ok({"entity", "show", "Crimea", "--format", "json"}));
    CHECK(j["latitude"] == 45.3);
    CHECK(j["longitude"] == 34.4);
    const auto g = nlohmann::json::parse(ok({"export", "--format", "geojson"}));
    REQUIRE(g["features"].size() == 1);
    CHECK(g["features"][0]["geometry"]["coordinates"] == nlohmann::json::array({34.4, 45.3}));
    // Off the globe, or not a place: refused, nothing changes.
    const auto off = kb({"entity", "point", "Crimea", "95", "34"});
    CHECK(off.code == 2);
    CHECK(off.err == "kb: coordinates 95, 34 are not a point on Earth\n");
    CHECK(kb({"entity", "point", "Russia", "55", "37"}).err.find("only places have a point") !=
          std::string::npos);
    ok({"undo"});
    CHECK(ok({"entity", "show", "Crimea"}).find("point") == std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb entity merge moves events and keeps the dropped name") {
    ok({"entity", "add", "Volodymyr Zelenskyy", "--kind", "person"});
    ok({"add", "Inauguration", "--date", "2019-05-20", "--actor", "person:Zelensky"});
    CHECK(ok({"entity", "merge", "Volodymyr Zelenskyy", "zelensky"}) ==
          "merged #2 Zelensky into #1 Volodymyr Zelenskyy\n");
    CHECK(ok({"entity", "show", "ZELENSKY"}) ==
          "#1  Volodymyr Zelenskyy (person)\n  also: Zelensky\n  events: 1\n");
    CHECK(ok({"timeline", "zelensky"}).find("Inauguration") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb entity errors change nothing") {
    ok({"entity", "add", "Georgia", "--kind", "country"});
    ok({"entity", "add", "Georgia", "--kind", "place"});
    const auto before = rows();
    struct Case {
      std::vector<std::string> args;
      int code;
      std::string needle;
    };
    const Case cases[] = {
        {{"entity", "add", "Georgia", "--kind", "country"}, 1, "already exists"},
        {{"entity", "add", "X", "--kind", "planet"}, 2, "'planet'"},
        {{"entity", "add", "X", "--wikidata", "212"}, 2, "not a Wikidata id: '212'"},
        {{"entity", "add", "X", "--in", "Atlantis"}, 1, "no entity named 'Atlantis'"},
        {{"entity", "alias", "georgia", "Sakartvelo"}, 2, "names several entities"},
        {{"entity", "alias", "1", "  "}, 2, "empty"},
        {{"entity", "merge", "1", "1"}, 2, "itself"},
        {{"entity", "merge", "1", "9"}, 1, "no entity with id 9"},
        {{"entity", "show", "Atlantis"}, 1, "no entity named 'Atlantis'"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      const auto r = kb(c.args);
      CHECK(r.code == c.code);
      CHECK(r.out.empty());
      CHECK(r.err.find(c.needle) != std::string::npos);
      CHECK(rows() == before);
    }
  }
}
