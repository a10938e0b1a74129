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
    CHECK(from.find("    violates #1 Budapest Memorandum (5 December 1994)\n") !=
          std::string::npos);
    CHECK(from.find("“Moscow violated that agreement.”") != std::string::npos);
    const std::string to = ok({"show", "1"});
    CHECK(to.find("    violated-by #2 Russia annexes Crimea (18 March 2014)\n") !=
          std::string::npos);
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
        // A one-way relation and its reverse cannot both hold; "precedes" follows the dates.
        {{"link", "1", "violates", "2"},
         1,
         "kb: event 2 already violates event 1: the reverse cannot hold too (kb unlink 2 violates "
         "1 first)\n"},
        {{"link", "2", "precedes", "1"},
         2,
         "kb: event 2 (18 March 2014) cannot precede event 1 (5 December 1994): it starts after "
         "that ends\n"},
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

  TEST_CASE_FIXTURE(TempKb, "kb link same-as merges the second event and kb unlink undoes it") {
    seed();
    ok({"add", "Crimea annexed by Russia", "--date", "2014-03", "--actor", "Russia", "--source",
        "https://example.org/b", "--quote", "Russia took Crimea.", "--tag", "crimea"});
    const auto before = rows();
    const auto r = kb({"link", "2", "same-as", "3"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("merged #3 into #2; `kb unlink 2 same-as 3` undoes it") != std::string::npos);
    // The merged event leaves the timeline and search; the kept one shows both citations.
    const auto timeline = nlohmann::json::parse(ok({"timeline", "--format", "json"}));
    REQUIRE(timeline.size() == 2);
    CHECK(timeline[1]["id"] == 2);
    CHECK(timeline[1]["citations"].size() == 2);
    CHECK(timeline[1]["tags"] == nlohmann::json::array({"crimea"}));
    CHECK(ok({"search", "took"}).find("event  #3") == std::string::npos);
    CHECK(ok({"show", "3"}).find("merged:     into #2") != std::string::npos);
    // Merging again, or into a merged event, is refused.
    CHECK(kb({"link", "1", "same-as", "3"}).code == 1);
    const auto undo = kb({"unlink", "2", "same-as", "3"});
    REQUIRE_MESSAGE(undo.code == 0, undo.err);
    // Event rows differ by their stamps (and the curated mark); the operation log grows.
    auto without_stamps = [](std::vector<std::string> v) {
      std::erase_if(v, [](const std::string& row) {
        return row.starts_with("event:") || row.starts_with("op:") ||
               row.starts_with("op_event:") || row.starts_with("sqlite_sequence:");
      });
      return v;
    };
    CHECK(without_stamps(rows()) == without_stamps(before));
    CHECK(nlohmann::json::parse(ok({"timeline", "--format", "json"})).size() == 3);
    CHECK(kb({"unlink", "2", "same-as", "3"}).code == 1);
  }

  TEST_CASE_FIXTURE(TempKb, "kb export json round-trips a same-as merge exactly") {
    seed();
    ok({"add", "Crimea annexed by Russia", "--date", "2014-03", "--actor", "Russia"});
    ok({"link", "2", "same-as", "3"});
    const std::string first = ok({"export", "--format", "json"});
    TempKb other;
    const std::string file = dir.file("kb.json");
    kb::test::write_file(file, first);
    const auto imported = other.kb({"import", file});
    REQUIRE_MESSAGE(imported.code == 0, imported.err);
    CHECK(other.ok({"export", "--format", "json"}) == first);
    CHECK(nlohmann::json::parse(other.ok({"timeline", "--format", "json"})).size() == 2);
  }
}
