// Tests for importers/readers/html_text.cpp: the content-density choice of an HTML page's body:
// pages wrapped in a form or in advertisement-named wrappers, Japanese paragraphs, articles
// split into sections, and figures and captions left out.
#include <string>

#include <doctest/doctest.h>

#include "tests/importers/readers/reader_fixture.hpp"

namespace {

using kb::importers::Article;
using kb::test::contains;
using kb::test::html_body;
using kb::test::paragraphs;

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
