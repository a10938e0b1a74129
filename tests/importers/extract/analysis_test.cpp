// Tests for importers/extract/analysis.cpp: triggers used in another sense are no event, and a
// date at the start of its line is a dateline (found in bounded time on a long line).
#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include "importers/extract/internal.hpp"
#include "tests/importers/extract/extract_fixture.hpp"

namespace {

using kb::importers::extract::Extraction;

}  // namespace

TEST_SUITE("importers") {
  using kb::test::hand_rules::run;

  TEST_CASE("Extractor skips triggers in another sense and keeps attacked cities") {
    for (const char* text : {
             "Respondents reporting an increase in orders fell to 22 pct in March from 30 pct.",
             "Please take note of the issues the correspondents raised yesterday at the news.",
             "Civilians who deployed to occupied territories on July 13 get pensions, it said.",
         }) {
      CAPTURE(text);
      CHECK(run(text).events.empty());
    }
    const Extraction cut = run("The ministry urged chip makers last month to cut production.");
    REQUIRE(cut.events.size() == 1);
    CHECK(cut.events[0].kind == kb::EventKind::decision);
    const Extraction bombing = run("Exactly on this day in 1941 the Nazis started bombing Kyiv.");
    REQUIRE(bombing.events.size() == 1);
    CHECK(bombing.events[0].title == "Bombing of Kyiv");
  }

  TEST_CASE("after_dateline gives where the text after a dateline's dash starts") {
    using kb::importers::extract::detail::after_dateline;
    using kb::importers::extract::detail::is_dateline;
    CHECK(after_dateline("LONDON, March 2 - Talks began.", 8, 15) == 18);
    CHECK(after_dateline("KYIV, May 5 \xe2\x80\x94 Talks began.", 6, 11) == 16);
    // A date alone on its line has no text after it; a range's hyphen is no dateline's dash
    // ("the heating season of 2021-2022": the year was taken for a dateline).
    CHECK(after_dateline("23 May 2023\nTalks began.", 0, 11) == std::string_view::npos);
    CHECK(after_dateline("The season of 2021-2022 began.", 14, 18) == std::string_view::npos);
    CHECK_FALSE(is_dateline("The season of 2021-2022 began.", 14, 18));
  }

  TEST_CASE("is_dateline looks back at most 81 bytes for the start of the line") {
    using kb::importers::extract::detail::is_dateline;
    const std::string line = "LONDON, March 2 - Talks.";
    CHECK(is_dateline(line, 8, 15));
    CHECK(is_dateline(std::string(1000, 'x') + "\n" + line, 1009, 1016));
    // The date may start up to 80 bytes into its line: 72 + "LONDON, " puts it at 80, then 81.
    const std::string at80 = "x\n" + std::string(72, 'y') + line;
    CHECK(is_dateline(at80, 82, 89));
    const std::string at81 = "x\n" + std::string(73, 'y') + line;
    CHECK(!is_dateline(at81, 83, 90));
    CHECK(!is_dateline(std::string(73, 'y') + line, 81, 88));
    CHECK(is_dateline(std::string(72, 'y') + line, 80, 87));
    // A megabyte on one line, a date every 40 bytes: each call costs its 81 bytes, not the line
    // up to it (the search back to the line's start took quadratic time: 1 MB of dated
    // sentences on one line imported in 15 s).
    const std::string sentence = "Russia met Ukraine on 24 February 2022. ";
    std::string text;
    for (int i = 0; i < 25000; ++i) {
      text += sentence;
    }
    const auto start = std::chrono::steady_clock::now();
    std::size_t datelines = 0;
    for (std::size_t at = 22; at < text.size(); at += sentence.size()) {
      datelines += is_dateline(text, at, at + 16) ? 1U : 0U;
    }
    CHECK(datelines == 0);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  }
}
