// Tests for cli/cmd_link.cpp: `kb link` both ways with a supporting quote, and its errors.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb link relates two events, seen from both ends") {
    seed();
    const auto r = kb({"link", "2", "violates", "1", "--source", "https://example.org/c", "--quote",
                       "Moscow violated that agreement."});
    CHECK(r.code == 0);
    CHECK(r.out == "#2 Russia annexes Crimea violates #1 Budapest Memorandum\n");
    CHECK(r.err.empty());
    const std::string from = ok({"show", "2"});
    CHECK(from.find("    violates #1 Budapest Memorandum (5 December 1994)\n") != std::string::npos);
    CHECK(from.find("“Moscow violated that agreement.”") != std::string::npos);
    const std::string to = ok({"show", "1"});
    CHECK(to.find("    violated-by #2 Russia annexes Crimea (18 March 2014)\n") != std::string::npos);
    const auto j = nlohmann::json::parse(ok({"show", "1", "--format", "json"}));
    REQUIRE(j["links"].size() == 1);
    CHECK(j["links"][0]["relation"] == "violates");
    CHECK(j["links"][0]["direction"] == "incoming");
    CHECK(j["links"][0]["id"] == 2);
  }

  TEST_CASE_FIXTURE(TempKb, "kb link errors exit with the right code and change nothing") {
    seed();
    ok({"link", "2", "violates", "1"});
    const auto before = rows();
    struct Case {
      std::vector<std::string> args;
      int code;
      std::string message;
    };
    const Case cases[] = {
        {{"link", "2", "contradicts", "1"},
         2,
         "kb: unknown relation 'contradicts' (expected one "
         "of: violates, responds-to, part-of, caused, "
         "precedes, same-as, related)\n"},
        {{"link", "2", "violates", "1"}, 1, "kb: event 2 already violates event 1\n"},
        {{"link", "1", "related", "1"}, 2, "kb: cannot link event 1 to itself\n"},
        {{"link", "9", "related", "1"}, 1, "kb: no event with id 9\n"},
        {{"link", "1", "related", "9"}, 1, "kb: no event with id 9\n"},
        {{"link", "9", "related", "1", "--source", "https://example.org/z"},
         1,
         "kb: no event with id 9\n"},
        {{"link", "1", "related", "2", "--quote", "q"}, 2, "kb: --quote needs --source URL\n"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      const auto r = kb(c.args);
      CHECK(r.code == c.code);
      CHECK(r.out.empty());
      CHECK(r.err == c.message);
      CHECK(rows() == before);
    }
  }
}
