// Tests for cli/cmd_tag.cpp: `kb tag` adds normalised tags to one or more events; unknown ids
// fail cleanly.
#include <string>

#include <doctest/doctest.h>

#include "tests/test_util.hpp"

using kb::test::TempKb;

TEST_SUITE("cli") {
  TEST_CASE_FIXTURE(TempKb, "kb tag adds lower-cased tags and keeps existing ones") {
    seed();
    const auto r = kb({"tag", "2", "Crimea", "annexation"});
    CHECK(r.code == 0);
    CHECK(r.out == "#2  Russia annexes Crimea  tags: annexation, crimea\n");
    const auto again = kb({"tag", "2", "crimea", "war"});
    CHECK(again.out == "#2  Russia annexes Crimea  tags: annexation, crimea, war\n");
    // The tag is now a timeline topic.
    CHECK(ok({"timeline", "annexation"}).find("Russia annexes Crimea") != std::string::npos);
  }

  TEST_CASE_FIXTURE(TempKb, "kb tag 1 2 TAG tags both events in one logged operation") {
    seed();
    const auto before = ok({"export", "--format", "json"});
    CHECK(ok({"tag", "1", "2", "bakhmut"}) ==
          "#1  Budapest Memorandum  tags: bakhmut\n#2  Russia annexes Crimea  tags: bakhmut\n");
    // After the first tag, a number is a tag ("2023"), not an event.
    CHECK(ok({"tag", "1", "report", "2023"}) ==
          "#1  Budapest Memorandum  tags: 2023, bakhmut, report\n");
    ok({"undo"});
    ok({"undo"});
    CHECK(ok({"export", "--format", "json"}) == before);
  }

  TEST_CASE_FIXTURE(TempKb, "kb tag errors change nothing") {
    seed();
    const auto before = rows();
    const auto unknown = kb({"tag", "7", "x"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err == "kb: no event with id 7\n");
    const auto blank = kb({"tag", "1", "ok", "  "});
    CHECK(blank.code == 2);
    CHECK(blank.err == "kb: a tag cannot be empty\n");
    const auto numbers = kb({"tag", "1", "2"});  // was a tag named "2"
    CHECK(numbers.code == 2);
    CHECK(numbers.err.find("no tag given") != std::string::npos);
    const auto one_unknown = kb({"tag", "1", "7", "x"});  // all or nothing
    CHECK(one_unknown.code == 1);
    CHECK(rows() == before);
  }
}
