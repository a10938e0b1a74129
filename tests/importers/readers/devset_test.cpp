// Cleaning quality on the dev set (eval/cleaning/gold.jsonl): the seed article and the shared
// sample/ pages (skipped when ../shared is absent) plus this repo's own HTML pages and feeds.
#include <filesystem>

#include <doctest/doctest.h>

#include "eval/cleaning/score.hpp"

TEST_SUITE("importers") {
  TEST_CASE("readers meet the cleaning targets on the dev set") {
    const std::filesystem::path repo = KB_SOURCE_DIR;
    const std::filesystem::path shared = KB_SHARED_DIR;
    const auto sc =
        kb::eval::score_cleaning(repo / "eval/cleaning/gold.jsonl", repo, shared, false);
    for (const auto& m : sc.misses) {
      MESSAGE(m);
    }
    if (sc.skipped > 0) {
      MESSAGE("shared data absent: " << sc.skipped << " gold items skipped");
    }
    REQUIRE(sc.items >= 7);
    CHECK(sc.title_accuracy() >= 0.90);
    CHECK(sc.day_accuracy() >= 0.90);
    CHECK(sc.recall() >= 0.90);
    CHECK(sc.precision() >= 0.85);
    if (sc.skipped == 0) {
      CHECK(sc.items >= 58);
    }
  }

  TEST_CASE("readers meet the cleaning targets on sample records wrapped in page furniture") {
    const std::filesystem::path repo = KB_SOURCE_DIR;
    const std::filesystem::path shared = KB_SHARED_DIR;
    const auto sc = kb::eval::score_cleaning(repo / "eval/cleaning/gold.jsonl", repo, shared, true);
    if (sc.items == 0) {
      MESSAGE("shared data absent: wrapped sample records skipped");
      return;
    }
    for (const auto& m : sc.misses) {
      MESSAGE(m);
    }
    CHECK(sc.items == 50);
    CHECK(sc.title_accuracy() >= 0.90);
    CHECK(sc.day_accuracy() >= 0.90);
    CHECK(sc.recall() >= 0.90);
    CHECK(sc.precision() >= 0.85);
  }
}
