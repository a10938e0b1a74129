// Tests for importers/readers/reader.cpp: read_path / stream_path / stream_input / read_articles:
// format detection, bad input (binary, empty, missing, oversized), input limits and content_hash.
// Each reader's own files are read in its test file (text_reader_test.cpp, html_reader_test.cpp,
// feed_reader_test.cpp, jsonl_reader_test.cpp).
#include "importers/readers/reader.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/readers/reader_fixture.hpp"

namespace {

using kb::importers::Article;
using kb::importers::Format;
using kb::importers::ReadOptions;
using kb::test::at;
using kb::test::contains;
using kb::test::data;

}  // namespace

TEST_SUITE("importers") {
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
    CHECK(r->articles[0].published_has_time);
    CHECK(r->articles[0].warnings.empty());
    // A day (`kb import --published 2020-01-02`) is no time of day: a late-night publisher's
    // small-hours rule must not move it to the day before.
    o.published = at(2020, 1, 2, 0, 0);
    const auto day = kb::importers::read_articles("Just words.", "in", o);
    REQUIRE(day.has_value());
    REQUIRE(day->articles.size() == 1);
    CHECK_FALSE(day->articles[0].published_has_time);
  }

  TEST_CASE("read_articles survives a huge single line and unterminated markup") {
    std::string big(std::size_t{8} * 1024 * 1024, 'a');
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

  TEST_CASE("content_hash is FNV-1a 64 in hex") {
    CHECK(kb::importers::content_hash("") == "cbf29ce484222325");
    CHECK(kb::importers::content_hash("a") == "af63dc4c8601ec8c");
    CHECK(kb::importers::content_hash("abc") != kb::importers::content_hash("abd"));
  }
}
