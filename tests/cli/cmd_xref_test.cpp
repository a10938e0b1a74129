// Tests `kb xref` end to end on the seed knowledge base: an entity, an event, --as-of, formats
// and errors.

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include "tests/cli/cli_seed.hpp"

namespace kb {

TEST_SUITE("cli") {
  TEST_CASE("kb xref ENTITY lists events with roles, companions, sources and aliases") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    REQUIRE(test::kb_run(db, {"entity", "alias", "Russia", "Russian Federation"}).code == 0);
    const auto r = test::kb_run(db, {"xref", "russia"});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out ==
          "Russia (country, #3)\n"
          "  also known as: Russian Federation\n"
          "  events (3):\n"
          "    1994 — The US, UK and Russia give Ukraine security assurances [actor] #1\n"
          "    2014 — Russia annexes Crimea [actor] #2\n"
          "    February 2022 — Russia invades Ukraine [actor] #3\n"
          "  appears most with:\n"
          "    Ukraine (country, #4): 3 events, 1994 – February 2022\n"
          "    Crimea (place, #5): 1 event, 2014\n"
          "    United Kingdom (country, #2): 1 event, 1994\n"
          "    United States (country, #1): 1 event, 1994\n"
          "  sources (1):\n"
          "    [1] WSJ: Allies look to security model to aid Ukraine in fight against Russia — "
          "Caliber.az (originally The Wall Street Journal), 2023-05-23: 3 events\n"
          "        https://caliber.az/\n");
  }

  TEST_CASE("kb xref EVENT shows links both ways, nearby events and citations") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    auto r = test::kb_run(db, {"xref", "1"});
    CHECK(r.code == 0);
    CHECK(r.out.find("    violated-by #2 Russia annexes Crimea (2014)\n") != std::string::npos);
    r = test::kb_run(db, {"xref", "7", "--format", "json"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["links"][0]["relation"] == "responds-to");
    CHECK(j["links"][0]["id"] == 6);
    CHECK(j["citations"].size() == 1);
    CHECK(!j["related"].empty());
  }

  TEST_CASE("kb xref suggests duplicates, which kb link same-as accepts") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    REQUIRE(test::kb_run(
                db, {"add", "Wagner claims the capture of Bakhmut", "--date", "2023-05-20",
                     "--kind", "territorial_change", "--actor", "Wagner", "--place", "Bakhmut"})
                .code == 0);
    auto r = test::kb_run(db, {"xref", "4"});
    CHECK(r.out.find("  possible duplicates:\n    #8 20 May 2023 — Wagner claims the capture of "
                     "Bakhmut (score ") != std::string::npos);
    CHECK(r.out.find("accept: kb link 4 same-as 8") != std::string::npos);
    REQUIRE(test::kb_run(db, {"link", "4", "same-as", "8"}).code == 0);
    r = test::kb_run(db, {"xref", "4"});
    CHECK(r.out.find("possible duplicates") == std::string::npos);
  }

  TEST_CASE("kb xref --as-of uses only what was known then, --from/--to filter") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    REQUIRE(test::kb_run(
                db, {"add", "Wagner leaves Bakhmut", "--date", "2023-06-01", "--actor", "Wagner"})
                .code == 0);
    auto r = test::kb_run(db, {"xref", "Wagner", "--format", "json"});
    CHECK(nlohmann::json::parse(r.out)["events"].size() == 2);
    r = test::kb_run(db, {"xref", "Wagner", "--as-of", "2023-05-23", "--format", "json"});
    CHECK(nlohmann::json::parse(r.out)["events"].size() == 1);
    r = test::kb_run(db, {"xref", "Ukraine", "--from", "2022", "--to", "2022", "--format", "md"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("# Ukraine (country, \\#4)\n", 0) == 0);
    CHECK(r.out.find("## events (1)") != std::string::npos);
  }

  TEST_CASE("kb xref reports unknown names and ids") {
    test::TempDir dir;
    const std::string db = dir.file("kb.db");
    test::seed_cli_kb(db);
    auto r = test::kb_run(db, {"xref", "Atlantis"});
    CHECK(r.code == 1);
    CHECK(r.err == "kb: no entity named 'Atlantis' (for an event, give its id)\n");
    r = test::kb_run(db, {"xref", "99"});
    CHECK(r.code == 1);
    CHECK(r.err == "kb: no event with id 99\n");
  }
}

}  // namespace kb
