// Tests for importers/readers/text_reader.cpp: plain-text pages: the seed article (title,
// dateline, reprint, clean body), a scraped page with navigation and footers, invalid UTF-8.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/readers/reader_fixture.hpp"

namespace {

namespace fs = std::filesystem;
using kb::importers::Article;
using kb::test::at;
using kb::test::contains;
using kb::test::data;
using kb::test::read;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("read_path reads the seed article: title, dateline, reprint, clean body") {
    const fs::path seed = fs::path(KB_SHARED_DIR) / "data/seed" /
                          "caliber-az-2023-05-23-wsj-ukraine-security-model.txt";
    if (!fs::exists(seed)) {
      MESSAGE("shared seed article not present; skipped");
      return;
    }
    auto r = kb::importers::read_path(seed, {});
    REQUIRE(r.has_value());
    REQUIRE(r->articles.size() == 1);
    CHECK(r->warnings.empty());
    const Article& a = r->articles[0];
    CHECK(a.title == "WSJ: Allies look to security model to aid Ukraine in fight against Russia");
    REQUIRE(a.published.has_value());
    CHECK(*a.published == at(2023, 5, 23, 3, 2));
    CHECK(a.published_has_time);
    CHECK(a.publisher == "Caliber.Az");
    CHECK(a.original_publisher == "The Wall Street Journal");
    CHECK(a.warnings.empty());
    CHECK(a.text.starts_with("The Wall Street Journal has published an article arguing"));
    CHECK(a.text.ends_with("Ukraine is modernizing its military, moving toward NATO.\xE2\x80\x9D"));
    CHECK(contains(a.text, "\n\nGoal of deterring Vladimir Putin\n\n"));
    for (const std::string_view junk :
         {"twitter", "night_theme", "WHAT ARE YOU LOOKING FOR", "Any use of materials", "\xC2\xA9",
          "A+", "PHOTO", "23 May 2023 03:02", "Views:", "Liked the story", "copy link",
          "The most important world news", "\n\n\n", "\n\nCaliber.Az"}) {
      CAPTURE(junk);
      CHECK_FALSE(contains(a.text, junk));
    }
    for (const std::string_view word : {"print", "ads", "loading", "ru", "arm", "WORLD"}) {
      CAPTURE(word);
      CHECK_FALSE(contains(a.text, std::string("\n\n") + std::string(word) + "\n\n"));
      CHECK_FALSE(a.text.ends_with(word));
    }
  }

  TEST_CASE("read_path reads a scraped text page with navigation and footers") {
    const auto r = read("scraped_page.txt");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.warnings.empty());
    const Article& a = r.articles[0];
    CHECK(a.title == "Coalition talks collapse in Vilnius");
    CHECK(a.published == at(2024, 2, 7, 18, 40));
    CHECK(a.publisher == "Northwind News");
    CHECK(a.original_publisher == "The Baltic Herald");
    CHECK(a.origin == data("scraped_page.txt").string());
    CHECK(a.text.starts_with("The Baltic Herald has published an article"));
    CHECK(a.text.ends_with("before the regular date was unlikely."));
    CHECK_FALSE(contains(a.text, "Read also"));
    CHECK(std::count(a.text.begin(), a.text.end(), '\n') == 6);  // four paragraphs
  }

  TEST_CASE("read_path repairs invalid UTF-8 in text and warns") {
    const auto r = read("invalid_utf8.txt");
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    REQUIRE(a.warnings.size() == 1);
    CHECK(contains(a.warnings[0], "invalid_utf8.txt: invalid UTF-8 (5 sequences"));
    CHECK(a.title == "Grain prices fall after harvest report");
    CHECK(a.published == at(2023, 9, 12, 8, 15));
    CHECK(contains(a.text, "The caf\xEF\xBF\xBD owners"));
  }
}
