// Tests for importers/readers/feed_reader.cpp: RSS 2.0 and Atom feeds item by item, truncated
// and empty feeds, and XML that is not a feed.
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
  TEST_CASE("read_path reads an RSS 2.0 feed item by item") {
    const auto r = read("feed_rss.xml");
    CHECK(r.warnings.empty());
    REQUIRE(r.articles.size() == 3);
    const Article& a = r.articles[0];
    CHECK(a.title == "Bridge reopens to traffic after two years of repairs");
    CHECK(a.url == "https://dispatch.example.net/2023/10/bridge-reopens");
    CHECK(a.publisher == "Danube Dispatch");
    CHECK(a.published == at(2023, 10, 2, 5, 30));  // 07:30 +0200
    CHECK(a.origin == data("feed_rss.xml").string() + ":7");
    CHECK(a.text.starts_with("The road bridge between the two river towns"));
    CHECK(a.text.ends_with("doubled delivery times."));
    CHECK(a.warnings.empty());
    CHECK(r.articles[1].published == at(2023, 10, 3, 16, 5));
    CHECK(contains(r.articles[1].text, ".\n\nThe accord enters"));
    CHECK(r.articles[2].warnings.size() == 1);  // no pubDate
  }

  TEST_CASE("read_path reads an Atom feed with XHTML and escaped HTML") {
    const auto r = read("feed_atom.xml");
    REQUIRE(r.articles.size() == 2);
    const Article& a = r.articles[0];
    CHECK(a.title == "Council agrees to resume scientific cooperation");
    CHECK(a.url == "https://arcticwatch.example.com/2024/05/science-cooperation");
    CHECK(a.publisher == "Arctic Council Watch");
    CHECK(a.published == at(2024, 5, 14, 7, 15));
    CHECK(a.text.ends_with("next field season."));
    CHECK(r.articles[1].title == "Icebreaker fleet & new ports on the agenda");
    CHECK(r.articles[1].published == at(2024, 5, 13, 8, 0));
  }

  TEST_CASE("read_path recovers a truncated feed and reports empty feeds") {
    const auto r = read("damaged_feed.xml");
    REQUIRE(r.articles.size() == 1);
    REQUIRE(r.warnings.size() == 2);
    CHECK(contains(r.warnings[0], "malformed XML"));
    CHECK(contains(r.warnings[1], "damaged_feed.xml:15: feed item without text skipped"));
    const auto empty = read("empty_feed.xml");
    CHECK(empty.articles.empty());
    REQUIRE(empty.warnings.size() == 1);
    CHECK(contains(empty.warnings[0], "empty_feed.xml: feed has no items"));
  }

  TEST_CASE("read_articles names the root element of XML that is not a feed") {
    // Found by fuzz_readers: the message used the element name after the document was freed.
    const auto r = kb::importers::read_articles("<?xml version=\"1.0\"?><channel/>", "x.xml", {});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "x.xml: not an RSS or Atom feed (root element <channel>)");
  }
}
