// Tests for importers/readers/clean.cpp: page furniture, paragraph normalisation, title labels
// and site names, reprint detection.
#include "importers/readers/clean.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace {

namespace rd = kb::importers::readers;

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("is_boilerplate_line knows page furniture but keeps prose") {
    for (const std::string_view junk :
         {"twitter", "night_theme", "ru", "ARM", "Views: 147", "print", "copy link",
          "Ссылка скопирована", "ads", "loading", "Caliber.az \xC2\xA9 2025. .",
          "share-lineLiked the story? Share it on social media!",
          "Any use of materials is allowed only if there is a hyperlink to Caliber.az", "A+",
          "\xC2\xA0", "Read also: Parliament votes",
          "We use cookies to improve your experience."}) {
      CAPTURE(junk);
      CHECK(rd::is_boilerplate_line(junk));
    }
    for (const std::string_view prose :
         {"Goal of deterring Vladimir Putin", "Russia", "NATO summit in Vilnius",
          "The US would serve as the prime guarantor of the security arrangements."}) {
      CAPTURE(prose);
      CHECK_FALSE(rd::is_boilerplate_line(prose));
    }
  }

  TEST_CASE("normalize_body keeps paragraphs and re-flows hard-wrapped wire text") {
    CHECK(rd::normalize_body("One line.\nAnother line that is long enough to be its own "
                             "paragraph because it is well over ninety characters long.\n\n"
                             "Third.") ==
          "One line.\n\nAnother line that is long enough to be its own paragraph because it is "
          "well over ninety characters long.\n\nThird.");
    CHECK(rd::normalize_body("A wrapped\nsentence here.\n    Indented new\nparagraph.") ==
          "A wrapped sentence here.\n\nIndented new paragraph.");
    CHECK(rd::normalize_body("Text.\n\nprint\n\n  \xC2\xA0 \n\nMore   text.") ==
          "Text.\n\nMore text.");
  }

  TEST_CASE("clean_title and strip_site_name drop labels and site names") {
    CHECK(rd::clean_title("WSJ: Allies look to security model PHOTO") ==
          "WSJ: Allies look to security model");
    CHECK(rd::clean_title("Strike in Kyiv  VIDEO UPDATED") == "Strike in Kyiv");
    CHECK(rd::strip_site_name("Talks fail | Reuters", "Reuters") == "Talks fail");
    CHECK(rd::strip_site_name("Reuters - Talks fail", "Reuters") == "Talks fail");
    CHECK(rd::strip_site_name("Talks fail | World News", "") == "Talks fail");
    CHECK(rd::strip_site_name("Kyiv - Moscow talks fail", "Reuters") == "Kyiv - Moscow talks fail");
  }

  TEST_CASE("detect_reprint finds original publishers and wire agencies") {
    struct Case {
      std::string text, publisher, want_publisher, want_original;
    };
    const std::vector<Case> cases = {
        {"The Wall Street Journal has published an article arguing X. Caliber.Az reprints the "
         "article.",
         "", "Caliber.Az", "The Wall Street Journal"},
        {"LONDON (Reuters) - Oil prices rose.", "Daily Mirror", "Daily Mirror", "Reuters"},
        {"(ANSA) - Rome, January 24 - Talks began.", "", "", "ANSA"},
        {"Text.\n\nThis article first appeared in The Atlantic.", "Site", "Site", "The Atlantic"},
        {"Text. Originally published by Foreign Policy on 3 May.", "", "", "Foreign Policy"},
        {"WASHINGTON (Reuters) - Prices fell.", "Reuters", "Reuters", ""},
        {"Nothing to see (here) in this text.", "", "", ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.text);
      kb::importers::Article a;
      a.text = c.text;
      a.publisher = c.publisher;
      rd::detect_reprint(a);
      CHECK(a.publisher == c.want_publisher);
      CHECK(a.original_publisher == c.want_original);
    }
  }
}
