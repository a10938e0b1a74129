// Tests for cli/cmd_show.cpp: one event in full, as text and JSON, with nearby events.
#include <nlohmann/json.hpp>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb show prints the event, its interval, entities and sources") {
    seed();
    const auto r = kb({"show", "2"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    // The revision counts the statements that wrote the event: each engine's own number.
    const auto revision =
        nlohmann::json::parse(ok({"show", "2", "--format", "json"}))["revision"].get<long>();
    CHECK(revision > 1);
    CHECK(r.out ==
          std::string(
              "#2  Russia annexes Crimea\n"
              "  date:       18 March 2014\n"
              "  interval:   2014-03-18 .. 2014-03-18  [day, TIMEX3 2014-03-18]\n"
              "  kind:       territorial_change   status: reported   confidence: 1.00   origin: "
              "manual\n") +
              fmt::format("  revision:   {}\n", revision) +
              "  entities:\n"
              "    actor      Russia (country, #1)\n"
              "    location   Crimea (place, #4)\n"
              "  sources:\n"
              "    [1] https://example.org/a\n"
              "        “Russia annexed Crimea.”\n");
  }

  TEST_CASE_FIXTURE(TempKb, "kb show lists nearby events sharing an entity, and the stated date") {
    seed();
    ok({"add", "Donbas war begins", "--date", "April 2014", "--actor", "Russia"});
    ok({"add", "Much later", "--date", "2020", "--actor", "Russia"});
    ok({"add", "Weekend talks", "--date", "2023-W20-WE", "--summary", "Talks over the weekend"});
    const std::string near = ok({"show", "2"});
    CHECK(near.find("nearby events with a shared actor or place (within a year):\n"
                    "    #3 April 2014  Donbas war begins  (shares Russia)\n") !=
          std::string::npos);
    CHECK(near.find("Much later") == std::string::npos);
    const std::string weekend = ok({"show", "5"});
    CHECK(weekend.find("  date:       20–21 May 2023  (stated as \"2023-W20-WE\")\n") !=
          std::string::npos);
    CHECK(weekend.find("  interval:   2023-05-20 .. 2023-05-21  [weekend, TIMEX3 2023-W20-WE]") !=
          std::string::npos);
    CHECK(weekend.find("  summary:    Talks over the weekend\n") != std::string::npos);
    const auto j = nlohmann::json::parse(ok({"show", "2", "--format", "json"}));
    CHECK(j["id"] == 2);
    REQUIRE(j["related"].size() == 1);
    CHECK(j["related"][0]["id"] == 3);
    CHECK(j["related"][0]["shared"] == "Russia");
  }

  TEST_CASE_FIXTURE(TempKb, "kb show errors") {
    seed();
    const auto unknown = kb({"show", "99"});
    CHECK(unknown.code == 1);
    CHECK(unknown.out.empty());
    CHECK(unknown.err == "kb: no event with id 99\n");
    const auto format = kb({"show", "1", "--format", "yaml"});
    CHECK(format.code == 2);
    CHECK(format.err == "kb: unknown format 'yaml' (expected text, md, json or csv)\n");
    const auto not_a_number = kb({"show", "first"});
    CHECK(not_a_number.code == 2);
    CHECK(not_a_number.out.empty());
  }
}
