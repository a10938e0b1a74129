// Tests for importers/readers/html_reader.cpp: HTML pages read by their metadata (headline,
// publication time, reprint) and encoding, a truncated page, and which printed headline, day,
// dateline or URL dates a page.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "tests/importers/readers/reader_fixture.hpp"

namespace {

using kb::importers::Article;
using kb::importers::Format;
using kb::importers::ReadOptions;
using kb::test::at;
using kb::test::contains;
using kb::test::data;
using kb::test::paragraphs;
using kb::test::read;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("read_path reads an HTML news page by metadata and content density") {
    const auto r = read("news_page.html");
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.warnings.empty());
    CHECK(a.title == "Baltic ministers agree on joint air-defence plan");
    CHECK(a.publisher == "The Northern Ledger");
    CHECK(a.url == "https://ledger.example.org/world/2024/03/12/baltic-air-defence");
    CHECK(a.published == at(2024, 3, 12, 7, 45));  // 09:45+02:00
    CHECK(a.published_has_time);
    CHECK(a.original_publisher.empty());
    CHECK(a.text.starts_with("The defence ministers of Estonia, Latvia and Lithuania agreed"));
    CHECK(a.text.ends_with("air-defence units."));
    CHECK(contains(a.text, "\n\nCost shared by population\n\n"));
    for (const std::string_view junk : {"cookies", "Politics", "By Anna", "Facebook", "Read more",
                                        "NATO opens", "Most read", "Great article", "rights"}) {
      CAPTURE(junk);
      CHECK_FALSE(contains(a.text, junk));
    }
  }

  TEST_CASE("read_path decodes a windows-1252 page and finds a wire reprint") {
    const auto r = read("wire_page.html");
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.title == "Harbour strike ends after pay deal");
    CHECK(a.publisher == "Coastal Courier");
    CHECK(a.original_publisher == "Reuters");
    CHECK(a.published == at(2023, 7, 4, 14, 20));
    CHECK(contains(a.text, "caf\xC3\xA9s"));
    CHECK(std::count(a.text.begin(), a.text.end(), '\n') == 6);
    CHECK_FALSE(contains(a.text, "Share on"));
    CHECK_FALSE(contains(a.text, "Ferry"));
  }

  TEST_CASE("read_path reads a blog page: <title> suffix, <time>, blockquote") {
    const auto r = read("blog_page.html");
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.title == "Why the grain corridor matters for North Africa");
    CHECK(a.publisher == "Sahel & Sea Review");
    CHECK(a.published == at(2022, 8, 19, 0, 0));
    CHECK_FALSE(a.published_has_time);
    CHECK(contains(a.text, "\n\nIf the corridor holds through the winter"));
    CHECK_FALSE(contains(a.text, "newsletter"));
    CHECK_FALSE(contains(a.text, "Related"));
  }

  TEST_CASE("read_path recovers a truncated HTML page and warns about the missing date") {
    const auto r = read("damaged_page.html");
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.title == "Border talks resume in Geneva");
    CHECK_FALSE(a.published.has_value());
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0] == data("damaged_page.html").string() + ": no publication time found");
    CHECK(a.text.ends_with("if both sides agree on the ag"));
  }
}

TEST_SUITE("importers") {
  // Error classes found on the Article Extraction Benchmark (bench/bench_aeb, issue #13).
  TEST_CASE("the printed headline and the publisher's printed day win over social metadata") {
    ReadOptions o;
    o.format = Format::html;
    const auto read = [&](const std::string& head, const std::string& top) {
      auto r =
          kb::importers::read_articles("<html><head>" + head + "</head><body>" + top + "<article>" +
                                           paragraphs(1, 4) + "</article></body></html>",
                                       "page.html", o);
      REQUIRE(r.has_value());
      return r->articles.at(0);
    };
    const auto day = [](const Article& a) {
      return a.published
                 ? date::format("%F", std::chrono::floor<date::days>(
                                          *a.published +
                                          std::chrono::minutes(a.published_offset.value_or(0))))
                 : std::string("-");
    };
    const std::string og =
        R"(<meta property="og:site_name" content="Daily Planet">)"
        R"(<meta property="og:title" content="Swift's AMA row seems to be over">)";
    // The <h1> the reader sees, when it shares a word with the metadata's headline.
    CHECK(read(og, "<h1>Daily Planet</h1><h1>Taylor Swift is allowed to play at the AMAs</h1>")
              .title == "Taylor Swift is allowed to play at the AMAs");
    // A logo or another story's <h1> is not the headline.
    CHECK(read(og, "<h1>Daily Planet</h1><h1>Why not fight for the reindeer?</h1>").title ==
          "Swift's AMA row seems to be over");
    // A UTC time falls on the next day for a US evening article: the printed day (and its
    // zone) says which day the publisher meant.
    const std::string utc =
        R"(<meta property="article:published_time" content="2019-11-19T00:04:00Z">)";
    CHECK(day(read(utc, "<h1>Is it a crime?</h1><p>Nov. 18, 2019 7:04 pm ET</p>")) == "2019-11-18");
    CHECK(day(read(utc, "<h1>Is it a crime?</h1><p>November 18, 2019</p>")) == "2019-11-18");
    // The printed date nearest the headline decides; a stated offset is not second-guessed.
    CHECK(
        day(read(utc, "<h1>Is it a crime?</h1><p>November 19, 2019</p><p>November 18, 2019</p>")) ==
        "2019-11-19");
    CHECK(
        day(read(R"(<meta property="article:published_time" content="2019-11-19T00:04:00+01:00">)",
                 "<h1>Is it a crime?</h1><p>November 18, 2019</p>")) == "2019-11-19");
    // An update's date is not the publication.
    CHECK(day(read(utc, "<h1>Is it a crime?</h1><p>Updated November 18, 2019</p>")) ==
          "2019-11-19");
  }

  TEST_CASE("a dateline dates a page before its URL and its modification time") {
    ReadOptions o;
    o.format = Format::html;
    const auto page = [&](const std::string& head, const std::string& lead) {
      auto r =
          kb::importers::read_articles("<html><head>" + head + "</head><body><article><p>" + lead +
                                           "</p>" + paragraphs(1, 3) + "</article></body></html>",
                                       "page.html", o);
      REQUIRE(r.has_value());
      const Article a = r->articles.at(0);
      return a.published ? date::format("%F", std::chrono::floor<date::days>(*a.published))
                         : std::string("-");
    };
    const std::string modified =
        R"(<meta property="article:modified_time" content="2020-02-03T10:00:00+01:00">)";
    const std::string url =
        R"(<link rel="canonical" href="https://example.org/english/news/2020/rome-talks">)";
    const std::string ansa = "(ANSA) - Rome, January 24 - The premier said talks would resume.";
    // The year of a dateline without one comes from the modification time, else the URL.
    CHECK(page(modified, ansa) == "2020-01-24");
    CHECK(page(url, ansa) == "2020-01-24");
    CHECK(page("", ansa) == "-");
    // A modification time alone still dates the page (it is the best the page states).
    CHECK(page(modified, "The premier said talks would resume.") == "2020-02-03");
    // A stated publication time wins over the dateline.
    CHECK(page(R"(<meta property="article:published_time" content="2020-01-25T08:00:00Z">)",
               ansa) == "2020-01-25");
  }

  TEST_CASE("a page that states no time takes the day its URL states") {
    ReadOptions o;
    o.format = Format::html;
    const auto page = [&](const std::string& url) {
      auto r = kb::importers::read_articles("<html><head><link rel=\"canonical\" href=\"" + url +
                                                "\"></head><body><article>" + paragraphs(1, 3) +
                                                "</article></body></html>",
                                            "page.html", o);
      REQUIRE(r.has_value());
      return r->articles.at(0);
    };
    for (const auto& [url, day] : std::vector<std::pair<std::string, std::string>>{
             {"https://www.example.com/2019/11/19/opinion/republicans.html", "2019-11-19"},
             {"https://www.example.com/statements/2019/nov/18/what-value/", "2019-11-18"},
             {"https://example.org/news/2021-03-05-talks-resume", "2021-03-05"}}) {
      CAPTURE(url);
      const Article a = page(url);
      REQUIRE(a.published.has_value());
      CHECK(date::format("%F", std::chrono::floor<date::days>(*a.published)) == day);
      CHECK_FALSE(a.published_has_time);
    }
    for (const std::string url :
         {"https://example.org/article/3834/1", "https://example.org/2019/13/40/x",
          "https://example.org/id/20191119"}) {
      CAPTURE(url);
      CHECK_FALSE(page(url).published.has_value());
    }
  }
}
