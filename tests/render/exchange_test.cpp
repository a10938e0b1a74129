// Tests render/exchange.cpp and render/escape.cpp: TimelineJS text is HTML-escaped, and the shared
// escapers for Markdown, XML and CSV.
#include "render/exchange.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "render/escape.hpp"

TEST_SUITE("render") {
  TEST_CASE("export_timelinejs escapes the headline, summary and quote as HTML") {
    kb::Event e;
    e.id = 7;
    e.title = "Talks <b>end</b> & resume";
    e.summary = "A \"summary\"";
    e.date = kb::FuzzyDate::day(date::year{2023} / 5 / 20);
    kb::Citation c;
    c.quote = "</blockquote><script>alert(1)</script>";
    e.citations.push_back(c);
    const auto doc = kb::render::export_timelinejs({e}, "t");
    const auto& text = doc["events"][0]["text"];
    CHECK(text["headline"] == "Talks &lt;b&gt;end&lt;/b&gt; &amp; resume");
    CHECK(text["text"] ==
          "A &quot;summary&quot; <blockquote>&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/"
          "script&gt;</blockquote>");
  }

  TEST_CASE("the shared escapers") {
    CHECK(kb::render::xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;");
    CHECK(kb::render::csv_field("plain") == "plain");
    CHECK(kb::render::csv_field("a,\"b\"") == "\"a,\"\"b\"\"\"");
    CHECK(kb::render::md_escape("*x*") == "\\*x\\*");
  }
}
