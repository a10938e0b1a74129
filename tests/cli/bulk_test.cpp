// Tests for cli/bulk.cpp and the bulk forms of kb tag, untag, edit and rm (issue #12): the
// filter as one string, the count and the question, one transaction, one undoable operation.
#include "cli/bulk.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

namespace {

std::vector<std::string> split(std::string_view s) {
  auto r = kb::cli::split_words(s);
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("split_words splits a --where filter as a shell would") {
    CHECK(split("--place Bakhmut --kind attack") ==
          std::vector<std::string>{"--place", "Bakhmut", "--kind", "attack"});
    CHECK(split("  --actor 'Vladimir Putin'  --to \"May 2023\" ") ==
          std::vector<std::string>{"--actor", "Vladimir Putin", "--to", "May 2023"});
    CHECK(split(R"(--source O\'Brien "a \"b\"" '')") ==
          std::vector<std::string>{"--source", "O'Brien", "a \"b\"", ""});
    CHECK(split("").empty());
    CHECK_FALSE(kb::cli::split_words("--actor 'Putin").has_value());
  }

  TEST_CASE_FIXTURE(TempKb, "kb tag, untag, edit and rm act on every event --where selects") {
    seed();  // #1 Budapest Memorandum (1994), #2 Russia annexes Crimea (2014)
    ok({"add", "Shelling of Donetsk", "--date", "2014-03-02", "--kind", "attack", "--actor",
        "Ukraine", "--place", "Donetsk"});
    ok({"add", "Talks", "--date", "2014-03", "--kind", "meeting"});
    const auto ids = [&](const std::string& where) {
      auto r = kb({"timeline", "--format", "json", "--tag", where});
      std::vector<int> out;
      for (const auto& e : nlohmann::json::parse(r.out)) {
        out.push_back(e["id"].get<int>());
      }
      return out;
    };
    // Without a terminal to ask on, a change of several events needs --yes; nothing changes.
    const auto refused = kb({"tag", "--where", "--from 2014", "y2014"});
    CHECK(refused.code == 2);
    CHECK(refused.err ==
          "kb: --where selects 3 events: to tag with y2014 without a terminal to ask on, add "
          "--yes\n");
    CHECK(ids("y2014").empty());
    // On a terminal the count is asked about; "n" changes nothing.
    kb::test::RunOptions tty;
    tty.in_is_tty = true;
    tty.input = "n\n";
    auto asked = kb::test::run_kb({"--db", db, "tag", "--where", "--from 2014", "y2014"}, tty);
    CHECK(asked.code == 0);
    CHECK(asked.err == "Tag 3 events with y2014? [y/N] kb: nothing changed\n");
    CHECK(ids("y2014").empty());
    tty.input = "y\n";
    asked = kb::test::run_kb({"--db", db, "tag", "--where", "--from 2014", "y2014"}, tty);
    CHECK(asked.code == 0);
    CHECK(ids("y2014") == std::vector<int>{4, 3, 2});
    // Untag, edit, rm: the same filter language, --yes.
    CHECK(ok({"untag", "--where", "--tag y2014 --kind attack", "y2014", "--yes"})
              .find("untagged 1 event\n") != std::string::npos);
    CHECK(ids("y2014") == std::vector<int>{4, 2});
    CHECK(ok({"edit", "--where", "--tag y2014", "--status", "disputed", "--yes"}) ==
          "edited 2 events\n");
    const auto disputed =
        nlohmann::json::parse(ok({"timeline", "--status", "disputed", "--format", "json"}));
    CHECK(disputed.size() == 2);
    CHECK(ok({"rm", "--where", "--status disputed", "--yes"}) == "deleted 2 events\n");
    CHECK(nlohmann::json::parse(ok({"timeline", "--format", "json"})).size() == 2);
    // Each bulk change is one operation: undo brings both events back.
    CHECK(ok({"log"}).find("rm --where \"--status disputed\"") != std::string::npos);
    ok({"undo"});
    CHECK(nlohmann::json::parse(ok({"timeline", "--format", "json"})).size() == 4);
    // Errors: one event and a filter, a filter nothing matches, an unknown option, a title.
    const auto both = kb({"rm", "1", "--where", "--kind attack"});
    CHECK(both.code == 2);
    CHECK(both.err.find("not both") != std::string::npos);
    const auto none = kb({"tag", "--where", "--kind election", "x", "--yes"});
    CHECK(none.code == 1);
    CHECK(none.err == "kb: no events match --where \"--kind election\"\n");
    const auto bogus = kb({"edit", "--where", "--bogus", "--status", "planned", "--yes"});
    CHECK(bogus.code == 2);
    CHECK(bogus.err.find("--where \"--bogus\"") != std::string::npos);
    CHECK(kb({"edit", "--where", "--kind attack", "--title", "X", "--yes"}).code == 2);
  }
}
