// Tests for importers/readers/jsonl_reader.cpp: JSON Lines records streamed one by one, bad
// lines skipped with warnings, numbers beyond a double kept.
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/readers/reader_fixture.hpp"

namespace {

using kb::importers::Article;
using kb::test::at;
using kb::test::contains;
using kb::test::data;
using kb::test::read;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("read_path streams JSONL records and skips bad lines with warnings") {
    const auto r = read("corpus.jsonl");
    REQUIRE(r.articles.size() == 4);
    REQUIRE(r.warnings.size() == 2);
    CHECK(contains(r.warnings[0], "corpus.jsonl:4: not a JSON object"));
    CHECK(contains(r.warnings[1], "corpus.jsonl:6:"));
    const Article& a = r.articles[1];
    CHECK(a.origin == data("corpus.jsonl").string() + ":2");
    CHECK(a.title == "Talks on fishing quotas adjourned");
    CHECK(a.publisher == "Wire");
    CHECK(a.url.empty());
    CHECK(a.published == at(1987, 3, 2, 15, 1) + std::chrono::seconds{1});
    CHECK(a.text ==
          "BRUSSELS, March 2 - Talks on fishing quotas were adjourned until next week after "
          "ministers failed to agree on the share for the northern fleet.\n\nA spokesman said a "
          "compromise was still possible.\n\nReuter");
    CHECK(r.articles[0].published == at(2021, 6, 1, 0, 0));
    CHECK_FALSE(r.articles[0].published_has_time);
    REQUIRE(r.articles[2].warnings.size() == 1);
    CHECK(contains(r.articles[2].warnings[0], "corpus.jsonl:3: no publication time"));
  }

  TEST_CASE("a JSONL record holding a number beyond a double is kept, with a warning") {
    const auto r = kb::importers::read_articles(
        "{\"id\": 1e999999, \"title\": \"Talks resume\", \"score\": [-2E+99999], "
        "\"text\": \"Talks resumed in Geneva, a \\\"1e999999\\\" day.\"}\n",
        "x.jsonl", {});
    REQUIRE_MESSAGE(r.has_value(), r.error().message);
    REQUIRE(r->articles.size() == 1);
    const Article& a = r->articles[0];
    CHECK(a.title == "Talks resume");
    CHECK(a.text == "Talks resumed in Geneva, a \"1e999999\" day.");  // strings untouched
    CHECK(std::count_if(a.warnings.begin(), a.warnings.end(), [](const std::string& w) {
            return w == "x.jsonl:1: number 1e999999 is out of range; read as null";
          }) == 1);
    // A line that is damaged anyway is still skipped, not rescued.
    const auto bad = kb::importers::read_articles(
        "{\"text\": \"Talks resumed.\", \"n\": 1e999999,}\n{\"text\": \"Talks ended.\"}\n",
        "y.jsonl", {});
    REQUIRE(bad.has_value());
    CHECK(bad->articles.size() == 1);
    REQUIRE(bad->warnings.size() == 1);
    CHECK(contains(bad->warnings[0], "y.jsonl:1: not a JSON object"));
  }
}
