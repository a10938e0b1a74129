// Tests for importers/readers/: each reader on the files in tests/data/readers/ (incl. one
// damaged file per reader), format detection, bad input and the seed article.
#include "importers/readers/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace {

namespace fs = std::filesystem;
using kb::importers::Article;
using kb::importers::Format;
using kb::importers::ReadOptions;

fs::path data(const char* name) { return fs::path(KB_TEST_DATA_DIR) / "readers" / name; }

date::sys_seconds at(int y, unsigned m, unsigned d, int h, int mi) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
         std::chrono::minutes{mi};
}

kb::importers::ReadResult read(const char* name) {
  auto r = kb::importers::read_path(data(name), {});
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? "" : r.error().message));
  return std::move(*r);
}

bool contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

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

  TEST_CASE("read_path refuses binary, empty and missing files with the file name") {
    const auto bin = kb::importers::read_path(data("binary.bin"), {});
    REQUIRE_FALSE(bin.has_value());
    CHECK(bin.error().code == kb::Errc::parse);
    CHECK(contains(bin.error().message, "binary.bin: contains NUL bytes"));
    const auto missing = kb::importers::read_path(data("no_such_file.txt"), {});
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code == kb::Errc::not_found);
    const auto empty = kb::importers::read_articles(" \n\n ", "stdin", {});
    REQUIRE_FALSE(empty.has_value());
    CHECK(empty.error().message == "stdin: empty input");
    const auto junk = kb::importers::read_articles("{not json\n[]\n", "x.jsonl", {});
    REQUIRE_FALSE(junk.has_value());
    CHECK(contains(junk.error().message, "x.jsonl: no readable JSONL record"));
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

  TEST_CASE("stream_path refuses /dev/zero from its first bytes") {
    std::vector<std::string> warnings;
    std::size_t delivered = 0;
    const auto r = kb::importers::stream_path(
        "/dev/zero", {}, [&](Article&&) { ++delivered; }, warnings);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "/dev/zero: contains NUL bytes (binary file?)");
    CHECK(delivered == 0);
  }

  TEST_CASE("stream_input reads a document only up to max_document_bytes") {
    ReadOptions options;
    options.max_document_bytes = std::size_t{1} << 20;
    std::string text = "Headline\n\n";
    while (text.size() <= options.max_document_bytes + 100000) {
      text += "Russia and Ukraine held talks on grain exports on Tuesday. ";
    }
    std::istringstream in(text);
    std::vector<std::string> warnings;
    const auto r = kb::importers::stream_input(
        in, "big.txt", options, [](Article&&) {}, warnings);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == kb::Errc::parse);
    CHECK(contains(r.error().message, "big.txt: larger than 1 MiB"));
    // One byte under the limit is read.
    text.resize(options.max_document_bytes);
    std::istringstream fits(text);
    std::size_t delivered = 0;
    CHECK(kb::importers::stream_input(
              fits, "big.txt", options, [&](Article&&) { ++delivered; }, warnings)
              .has_value());
    CHECK(delivered == 1);
  }

  TEST_CASE("stream_input skips a JSONL line over max_record_bytes with a warning") {
    ReadOptions options;
    options.max_record_bytes = 1000;
    const std::string record =
        R"({"title": "Talks adjourned", "text": "Talks on fishing quotas were adjourned.",)"
        R"( "published": "1987-03-02"})";
    // The long line spans several of the reader's 64 KiB chunks.
    const std::string input = record + "\n{\"title\": \"" + std::string(200000, 'x') + "\"}\n" +
                              record + "\n" + record;  // the last line has no newline
    std::istringstream in(input);
    std::vector<std::string> warnings;
    std::vector<std::string> origins;
    const auto r = kb::importers::stream_input(
        in, "c.jsonl", options, [&](Article&& a) { origins.push_back(a.origin); }, warnings);
    REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? "" : r.error().message));
    CHECK(*r == 3);
    CHECK(origins == std::vector<std::string>{"c.jsonl:1", "c.jsonl:3", "c.jsonl:4"});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "c.jsonl:2: line longer than 1000 bytes skipped");
  }

  TEST_CASE("detect_format sniffs content, an explicit format and options override") {
    using kb::importers::detect_format;
    CHECK(detect_format("<?xml version=\"1.0\"?>\n<rss>") == Format::feed);
    CHECK(detect_format("\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">") ==
          Format::feed);
    CHECK(detect_format("<rdf:RDF>") == Format::feed);
    CHECK(detect_format("  <!DOCTYPE html><html>") == Format::html);
    CHECK(detect_format("<?xml version=\"1.0\"?><!DOCTYPE html><html>") == Format::html);
    CHECK(detect_format("{\"id\": 1}\n") == Format::jsonl);
    CHECK(detect_format("Title\n\nBody.") == Format::text);
    CHECK(kb::importers::parse_format("rss").value() == Format::feed);
    CHECK_FALSE(kb::importers::parse_format("pdf").has_value());

    ReadOptions o;
    o.format = Format::text;
    o.publisher = "Desk";
    o.url = "https://example.org/x";
    o.published = at(2020, 1, 2, 3, 4);
    const auto r = kb::importers::read_articles("<html><p>Just words.</p></html>", "in", o);
    REQUIRE(r.has_value());
    REQUIRE(r->articles.size() == 1);
    CHECK(r->articles[0].text == "<html><p>Just words.</p></html>");
    CHECK(r->articles[0].publisher == "Desk");
    CHECK(r->articles[0].url == "https://example.org/x");
    CHECK(r->articles[0].published == at(2020, 1, 2, 3, 4));
    CHECK(r->articles[0].warnings.empty());
  }

  TEST_CASE("read_articles survives a huge single line and unterminated markup") {
    std::string big(8 * 1024 * 1024, 'a');
    for (std::size_t i = 100; i < big.size(); i += 100) {
      big[i] = ' ';
    }
    for (const Format f : {Format::text, Format::html, Format::feed, Format::jsonl}) {
      ReadOptions o;
      o.format = f;
      CAPTURE(kb::importers::format_name(f));
      const auto r = kb::importers::read_articles(big, "big", o);
      CHECK((r.has_value() || !r.error().message.empty()));
    }
    const auto r = kb::importers::read_articles("<rss><channel><item><title>x", "t.xml", {});
    REQUIRE(r.has_value());
    CHECK(r->articles.empty());
    CHECK_FALSE(r->warnings.empty());
  }

  TEST_CASE("read_articles names the root element of XML that is not a feed") {
    // Found by fuzz_readers: the message used the element name after the document was freed.
    const auto r = kb::importers::read_articles("<?xml version=\"1.0\"?><channel/>", "x.xml", {});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "x.xml: not an RSS or Atom feed (root element <channel>)");
  }

  TEST_CASE("content_hash is FNV-1a 64 in hex") {
    CHECK(kb::importers::content_hash("") == "cbf29ce484222325");
    CHECK(kb::importers::content_hash("a") == "af63dc4c8601ec8c");
    CHECK(kb::importers::content_hash("abc") != kb::importers::content_hash("abd"));
  }
}

namespace {

// The body kb reads from an HTML page `html`.
std::string html_body(const std::string& html) {
  ReadOptions o;
  o.format = Format::html;
  auto r = kb::importers::read_articles(html, "page.html", o);
  REQUIRE_MESSAGE(r.has_value(), (r.has_value() ? "" : r.error().message));
  REQUIRE(r->articles.size() == 1);
  return r->articles[0].text;
}

// `n` paragraphs of plain news prose, numbered so each is distinct.
std::string paragraphs(int from, int n) {
  std::string out;
  for (int i = from; i < from + n; ++i) {
    out += "<p>Paragraph " + std::to_string(i) +
           " tells the story: the ministers met on Tuesday, agreed on a plan, and said that "
           "the money would follow within weeks, as officials had promised.</p>";
  }
  return out;
}

}  // namespace

TEST_SUITE("importers") {
  // Error classes found on the Article Extraction Benchmark (bench/bench_aeb, issue #13).
  TEST_CASE("the HTML body survives a page wrapped in a form (ASP.NET pages)") {
    const std::string body = html_body("<html><body><form id=\"aspnetForm\"><div><article>" +
                                       paragraphs(1, 4) + "</article></div></form></body></html>");
    CHECK(contains(body, "Paragraph 1 tells"));
    CHECK(contains(body, "Paragraph 4 tells"));
  }

  TEST_CASE("a page whose wrapper's class names say advertisement is read again without them") {
    const std::string body = html_body(
        "<html><body><div class=\"m-advertisement-off-canvas--pusher\"><div>" + paragraphs(1, 5) +
        "</div></div><div class=\"advert\"><p>Buy the best shoes at the best prices, with free "
        "delivery and returns, today only.</p></div></body></html>");
    CHECK(contains(body, "Paragraph 1 tells"));
    CHECK(contains(body, "Paragraph 5 tells"));
  }

  TEST_CASE("Japanese paragraphs count their characters as words and end in 。") {
    std::string ps;
    for (int i = 0; i < 4; ++i) {
      ps +=
          "<p>先日、不正に改造した製品を販売したとして、商標法違反の疑いで男性が逮捕されたと"
          "いうニュースを耳にしました。" +
          std::to_string(i) + "</p>";
    }
    ps += "<p>これは重要な判決です。</p>";
    const std::string body = html_body("<html><body><div>" + ps + "</div></body></html>");
    CHECK(contains(body, "先日"));
    CHECK(contains(body, "これは重要な判決です。"));
  }

  TEST_CASE("an article split into sibling sections is read whole") {
    std::string sections;
    for (int k = 0; k < 5; ++k) {
      sections += "<div class=\"StoryBodyCompanionColumn\"><div>" + paragraphs(k * 10, 2 + k % 3) +
                  "</div><div class=\"ad\"></div></div>";
    }
    const std::string body = html_body(
        "<html><body><main><article><section name=\"articleBody\">" + sections +
        "</section></article></main><div><p>Other news, briefly.</p></div></body></html>");
    for (const int k : {0, 10, 20, 30, 40}) {
      CAPTURE(k);
      CHECK(contains(body, "Paragraph " + std::to_string(k) + " tells"));
    }
  }

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

  TEST_CASE("figures, figure captions and caption blocks are not body text") {
    const std::string body = html_body(
        "<html><body><article>" + paragraphs(1, 2) +
        "<figure><img src=\"a.jpg\"><figcaption>Ministers shake hands in Hanoi, Vietnam, on "
        "Wednesday, the day of the talks.</figcaption></figure><div class=\"photo-caption\">"
        "The defence minister arrives for the meeting, in a photo released by the "
        "ministry.</div>" +
        paragraphs(3, 2) + "</article></body></html>");
    CHECK(contains(body, "Paragraph 4 tells"));
    CHECK_FALSE(contains(body, "shake hands"));
    CHECK_FALSE(contains(body, "photo released"));
  }
}
