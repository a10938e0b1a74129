// Tests for cli/cmd_timeline.cpp and cli/render.cpp: every output format (the JSON contract
// included), filters, colour, and errors.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb timeline --format text aligns dates and shows kinds") {
    seed();
    const auto r = kb({"timeline"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "#1  5 December 1994  Budapest Memorandum  [agreement]\n"
          "#2  18 March 2014    Russia annexes Crimea  [territorial_change]\n");
    CHECK(kb({"timeline", "--format", "text"}).out == r.out);
  }

  TEST_CASE_FIXTURE(TempKb, "kb timeline --format md links the first source") {
    seed();
    CHECK(ok({"timeline", "--format", "md"}) ==
          "- **5 December 1994** — Budapest Memorandum\n"
          "- **18 March 2014** — Russia annexes Crimea ([source](https://example.org/a))\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb timeline --format csv writes the one CSV layout of events") {
    seed();
    ok({"tag", "2", "crimea", "annexation"});
    ok({"edit", "1", "--title", "Budapest Memorandum, signed"});
    const std::string csv = ok({"timeline", "--format", "csv"});
    const std::string uuid1 = nlohmann::json::parse(ok({"show", "1", "--format", "json"}))["uuid"];
    const std::string uuid2 = nlohmann::json::parse(ok({"show", "2", "--format", "json"}))["uuid"];
    CHECK(csv ==
          "date,title,kind,actors,place,source,quote,tags,id,status,targets,summary,first,last,"
          "precision,uuid,source_title,publisher,claimants,mentioned,confidence\r\n"
          "1994-12-05,\"Budapest Memorandum, signed\",agreement,Russia; Ukraine; United States,,,,"
          ",1,reported,,Security assurances for Ukraine,1994-12-05,1994-12-05,day," +
              uuid1 +
              ",,,,,1\r\n"
              "2014-03-18,Russia annexes Crimea,territorial_change,Russia,Crimea,"
              "https://example.org/a,Russia annexed Crimea.,annexation; crimea,2,reported,,,"
              "2014-03-18,2014-03-18,day," +
              uuid2 + ",,,,,1\r\n");
    // The same rows as kb export --format csv.
    CHECK(ok({"export", "--format", "csv"}) == csv);
  }

  TEST_CASE_FIXTURE(TempKb, "kb timeline --format json follows the documented contract") {
    seed();
    ok({"link", "2", "violates", "1"});
    ok({"tag", "2", "crimea"});
    ok({"add", "Full-scale invasion", "--date", "Feb 2022", "--status", "reported"});
    const auto j = nlohmann::json::parse(ok({"timeline", "--format", "json"}));
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 3);
    for (const auto& e : j) {
      CAPTURE(e.dump());
      for (const char* key : {"id", "title", "summary", "kind", "status", "date", "entities",
                              "citations", "links", "tags"}) {
        CAPTURE(key);
        CHECK(e.contains(key));
      }
      for (const char* key : {"value", "first", "last", "precision", "text"}) {
        CAPTURE(key);
        CHECK(e["date"].contains(key));
      }
      for (const auto& n : e["entities"]) {
        CHECK(n["name"].is_string());
        CHECK(n["kind"].is_string());
        CHECK(n["role"].is_string());
      }
      for (const auto& c : e["citations"]) {
        for (const char* key : {"url", "title", "publisher", "published", "quote"}) {
          CAPTURE(key);
          CHECK(c.contains(key));
        }
      }
      for (const auto& l : e["links"]) {
        CHECK(l["relation"].is_string());
        CHECK(l["id"].is_number_integer());
        CHECK(l["title"].is_string());
      }
      CHECK(e["tags"].is_array());
    }
    const auto& crimea = j[1];
    CHECK(crimea["id"] == 2);
    CHECK(crimea["title"] == "Russia annexes Crimea");
    CHECK(crimea["kind"] == "territorial_change");
    CHECK(crimea["status"] == "reported");
    CHECK(crimea["date"]["value"] == "2014-03-18");
    CHECK(crimea["date"]["first"] == "2014-03-18");
    CHECK(crimea["date"]["last"] == "2014-03-18");
    CHECK(crimea["date"]["precision"] == "day");
    CHECK(crimea["date"]["text"] == "18 March 2014");
    CHECK(crimea["entities"] == nlohmann::json::parse(R"([
      {"id": 1, "name": "Russia", "kind": "country", "role": "actor"},
      {"id": 4, "name": "Crimea", "kind": "place", "role": "location"}])"));
    REQUIRE(crimea["citations"].size() == 1);
    CHECK(crimea["citations"][0]["url"] == "https://example.org/a");
    CHECK(crimea["citations"][0]["quote"] == "Russia annexed Crimea.");
    CHECK(crimea["citations"][0]["published"].is_null());
    REQUIRE(crimea["links"].size() == 1);
    CHECK(crimea["links"][0]["relation"] == "violates");
    CHECK(crimea["links"][0]["id"] == 1);
    CHECK(crimea["links"][0]["title"] == "Budapest Memorandum");
    CHECK(crimea["tags"] == nlohmann::json::array({"crimea"}));
    const auto& invasion = j[2];
    CHECK(invasion["date"]["value"] == "2022-02");
    CHECK(invasion["date"]["first"] == "2022-02-01");
    CHECK(invasion["date"]["last"] == "2022-02-28");
    CHECK(invasion["date"]["precision"] == "month");
    CHECK(invasion["date"]["text"] == "Feb 2022");
    // An empty timeline is an empty array, still valid JSON.
    CHECK(nlohmann::json::parse(ok({"timeline", "Atlantis", "--format", "json"})).empty());
  }

  TEST_CASE_FIXTURE(
      TempKb, "kb timeline filters: topic, --from/--to, --kind, --actor, --limit, --reverse") {
    seed();
    ok({"add", "December event", "--date", "1991-12"});
    ok({"add", "January event", "--date", "1992-01"});
    struct Case {
      std::vector<std::string> args;
      std::vector<std::string> ids;
    };
    const Case cases[] = {
        {{"timeline", "--to", "1991"}, {"3"}},
        {{"timeline", "--from", "1992", "--to", "1994"}, {"4", "1"}},
        {{"timeline", "ukraine"}, {"1", "2"}},  // Crimea lies in Ukraine (kb's gazetteer)
        {{"timeline", "crimea"}, {"2"}},
        {{"timeline", "--kind", "agreement", "--kind", "territorial_change"}, {"1", "2"}},
        {{"timeline", "--actor", "russia", "--limit", "1"}, {"1"}},
        {{"timeline", "memorandum"}, {"1"}},
        {{"timeline", "-n", "2"}, {"3", "4"}},
        // Newest first; a limit then keeps the newest (issue #12: it kept the oldest).
        {{"timeline", "--reverse"}, {"2", "1", "4", "3"}},
        {{"timeline", "-r", "-n", "2"}, {"2", "1"}},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      std::vector<std::string> ids;
      for (const auto& e : nlohmann::json::parse(ok([&] {
             auto a = c.args;
             a.insert(a.end(), {"--format", "json"});
             return a;
           }()))) {
        ids.push_back(std::to_string(e["id"].get<int>()));
      }
      CHECK(ids == c.ids);
    }
  }

  TEST_CASE_FIXTURE(TempKb,
                    "kb timeline's shared filters: --target, --place, --tag, --status, --source, "
                    "--min-confidence, --curated, --sort") {
    seed();
    ok({"add",
        "Ukraine shells Donetsk",
        "--date",
        "2022-03-01",
        "--kind",
        "attack",
        "--actor",
        "Ukraine",
        "--target",
        "Russia",
        "--place",
        "Donetsk",
        "--status",
        "disputed",
        "--confidence",
        "0.4",
        "--tag",
        "shelling",
        "--source",
        "https://news.example.com/d",
        "--source-title",
        "Shelling report",
        "--source-publisher",
        "Example News",
        "--quote",
        "Shells fell."});
    ok({"add", "Talks planned", "--date", "2022-04", "--kind", "meeting", "--status", "planned",
        "--source", "https://example.org/a", "--quote", "Talks are planned."});
    // Events imported from an article are not curated; hand entries are.
    ok({"import", std::string(KB_SOURCE_DIR) +
                      "/examples/caliber-az-2023-05-23-wsj-ukraine-security-model.txt"});
    const auto ids = [&](std::vector<std::string> args) {
      args.insert(args.begin(), "timeline");
      args.insert(args.end(), {"--format", "json"});
      std::vector<int> out;
      for (const auto& e : nlohmann::json::parse(ok(args))) {
        out.push_back(e["id"].get<int>());
      }
      return out;
    };
    CHECK(ids({"--target", "Russia"}) == std::vector<int>{3});
    CHECK(ids({"--place", "Donetsk"}) == std::vector<int>{3});
    // A country includes the places that lie in it (Crimea and Donetsk in Ukraine).
    CHECK(ids({"--place", "Ukraine", "--curated"}) == std::vector<int>{2, 3});
    CHECK(ids({"--tag", "SHELLING"}) == std::vector<int>{3});
    CHECK(ids({"--status", "planned", "--curated"}) == std::vector<int>{4});
    CHECK(ids({"--status", "disputed", "--status", "planned", "--curated"}) ==
          std::vector<int>{3, 4});
    CHECK(ids({"--source", "example news"}) == std::vector<int>{3});
    CHECK(ids({"--source", "EXAMPLE.ORG/A"}) == std::vector<int>{2, 4});
    CHECK(ids({"--source", "#1"}) == std::vector<int>{2, 4});
    CHECK(ids({"--min-confidence", "0.5", "--curated"}) == std::vector<int>{1, 2, 4});
    CHECK(ids({"--curated"}) == std::vector<int>{1, 2, 3, 4});
    const auto all = ids({});
    CHECK(all.size() > 4);
    CHECK(ids({"--curated", "--sort", "recorded", "--reverse", "--limit", "2"}) ==
          std::vector<int>{4, 3});
    // Most cited first: #2 and #4 share source #1 but each has one citation; ties by date.
    CHECK(ids({"--curated", "--sort", "citations", "--limit", "3"}).size() == 3);
    const auto cited = ids({"--sort", "citations"});
    CHECK(cited.size() == all.size());
    // The same filter on export and brief.
    const std::string csv = ok({"export", "--place", "Donetsk", "--format", "csv"});
    CHECK(csv.find("Ukraine shells Donetsk") != std::string::npos);
    CHECK(csv.find("Budapest") == std::string::npos);
    const std::string brief = ok({"brief", "ukraine", "--kind", "attack", "--curated"});
    CHECK(brief.find("Ukraine shells Donetsk") != std::string::npos);
    CHECK(brief.find("Crimea") == std::string::npos);
    // Bad values name the option.
    CHECK(kb({"timeline", "--sort", "size"}).err.find("--sort 'size'") != std::string::npos);
    CHECK(kb({"timeline", "--status", "rumoured"}).code == 2);
    CHECK(kb({"timeline", "--min-confidence", "1.5"}).err.find("--min-confidence") !=
          std::string::npos);
    CHECK(kb({"timeline", "--place", "Atlantis"}).err == "kb: no entity named 'Atlantis'\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb timeline errors") {
    struct Case {
      std::vector<std::string> args;
      int code;
      std::string needle;
    };
    const auto missing = kb({"timeline"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("no knowledge base at '" + db + "'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));  // reading never creates the file
    seed();
    const Case cases[] = {
        {{"timeline", "--from", "32 May 2023"}, 2, "'32 May 2023'"},
        {{"timeline", "--to", "2023-13"}, 2, "'2023-13'"},
        {{"timeline", "--format", "xml"}, 2, "unknown format 'xml'"},
        {{"timeline", "--kind", "massacre"}, 2, "'massacre'"},
        {{"timeline", "--actor", "Atlantis"}, 1, "no entity named 'Atlantis'"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      const auto r = kb(c.args);
      CHECK(r.code == c.code);
      CHECK(r.out.empty());
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
      CHECK(r.err.find(c.needle) != std::string::npos);
    }
    const auto none = kb({"timeline", "Atlantis"});
    CHECK(none.code == 0);
    CHECK(none.out.empty());
    CHECK(none.err == "kb: no events about 'Atlantis'\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb timeline colours only a terminal without NO_COLOR") {
    seed();
    struct Case {
      bool tty;
      std::map<std::string, std::string> env;
      bool colour;
    };
    const Case cases[] = {
        {false, {}, false},
        {true, {}, true},
        {true, {{"NO_COLOR", "1"}}, false},
        {true, {{"NO_COLOR", ""}}, true},  // no-color.org: only a non-empty value counts
        {false, {{"NO_COLOR", "1"}}, false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.tty);
      CAPTURE(c.env.size());
      kb::test::RunOptions opts;
      opts.out_is_tty = c.tty;
      opts.env = c.env;
      for (const char* cmd : {"timeline", "show", "search"}) {
        CAPTURE(cmd);
        std::vector<std::string> args{cmd};
        if (std::string(cmd) == "show") {
          args.emplace_back("2");
        } else if (std::string(cmd) == "search") {
          args.emplace_back("crimea");
        }
        const auto r = kb(args, opts);
        CHECK(r.code == 0);
        CHECK((r.out.find("\x1b[") != std::string::npos) == c.colour);
      }
    }
  }
}
