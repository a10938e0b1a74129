// Tests for the readers' building blocks: importers/readers/timestamps.cpp, clean.cpp, utf8.cpp.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace {

namespace rd = kb::importers::readers;

std::string show(const std::optional<rd::Timestamp>& t) {
  if (!t) {
    return "-";
  }
  return date::format("%F %T", t->time) + (t->has_time ? "" : " (day)") +
         (t->offset ? " offset " + std::to_string(*t->offset) : "");
}

}  // namespace

TEST_SUITE("importers") {
  TEST_CASE("parse_timestamp reads ISO 8601, RFC 822 and written datelines") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2022-02-28", "2022-02-28 00:00:00 (day)"},
        {"1987-02-26T15:01:01", "1987-02-26 15:01:01"},
        {"2022-06-24T17:30:00Z", "2022-06-24 17:30:00 offset 0"},
        {"2024-03-12T09:45:00+02:00", "2024-03-12 07:45:00 offset 120"},
        {"2024-03-12 09:45", "2024-03-12 09:45:00"},
        {"2024-03-12T09:45:00.123-0500", "2024-03-12 14:45:00 offset -300"},
        {"Mon, 02 Oct 2023 07:30:00 +0200", "2023-10-02 05:30:00 offset 120"},
        {"Tue, 23 May 2023 03:02:00 GMT", "2023-05-23 03:02:00 offset 0"},
        {"23 May 2023 03:02", "2023-05-23 03:02:00"},
        {"24 June 2022, 17:30 UTC", "2022-06-24 17:30:00 offset 0"},
        {"August 19, 2022", "2022-08-19 00:00:00 (day)"},
        {"Sept. 3, 2021 4:05 PM", "2021-09-03 16:05:00"},
        {"12 March 2024, 12:15 am", "2024-03-12 00:15:00"},
        // The publisher's offset is kept (issue #13): local time = UTC + offset.
        {"2017-02-23T17:18:13-08:00", "2017-02-24 01:18:13 offset -480"},
        {"9:26PM GMT 24 Mar 2014", "2014-03-24 21:26:00 offset 0"},
        {"3:17PM BST 12 Apr 2014", "2014-04-12 14:17:00 offset 60"},
        {"11:30PM EST 3 Mar 2014", "2014-03-04 04:30:00 offset -300"},
        {"2023-02-30", "-"},
        {"23 May 2023 is when it happened", "-"},
        {"The Wall Street Journal", "-"},
        {"13/05/2023", "-"},
        {"2023-05-23T25:00", "-"},
        {"", "-"},
    };
    for (const auto& [in, want] : cases) {
      CAPTURE(in);
      CHECK(show(rd::parse_timestamp(in)) == want);
    }
  }

  TEST_CASE("find_byline_time finds a Telegraph byline time glued to the words around it") {
    CHECK(show(rd::find_byline_time("Photo: Reuters By Bruno Waterfield and David Blair9:26PM "
                                    "GMT 24 Mar 2014Russia was suspended from the G8.")) ==
          "2014-03-24 21:26:00 offset 0");
    CHECK(show(rd::find_byline_time("By Harry Alsop3:17PM BST 12 Apr 2014Ukraine's eastern "
                                    "cities")) == "2014-04-12 14:17:00 offset 60");
    // A clock without a zone, a ratio, or a time past the reach is no byline.
    CHECK(show(rd::find_byline_time("The vote was 10:30PM 24 Mar 2014 in the hall.")) == "-");
    CHECK(show(rd::find_byline_time("Results 12:45 and 3:17PM BST then")) == "-");
    CHECK(show(rd::find_byline_time(std::string(4000, 'x') + " 9:26PM GMT 24 Mar 2014")) == "-");
  }

  TEST_CASE("find_written_time finds the date line inside a byline") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"By Jo Smith | November 18, 2019 11:03 PM", "2019-11-18 23:03:00"},
        {"Nov 18, 2019 @17:19 PM", "2019-11-18 00:00:00 (day)"},
        {"Published 9:02 AM, November 19, 2019", "2019-11-19 09:02:00"},
        {"November 18, 2019 -- 19:14 GMT (19:14 GMT)", "2019-11-18 19:14:00 offset 0"},
        // "ET" is EST in November and EDT in July (US daylight time).
        {"Nov. 18, 2019 7:04 pm ET", "2019-11-19 00:04:00 offset -300"},
        {"July 4, 2019 7:04 pm ET", "2019-07-04 23:04:00 offset -240"},
        {"The summit ended without a deal", "-"},
        {"November 20", "-"},
        {std::string(200, 'x') + " November 18, 2019", "-"},
    };
    for (const auto& [in, want] : cases) {
      CAPTURE(in);
      CHECK(show(rd::find_written_time(in)) == want);
    }
    // sailthru.date writes a space before the offset.
    CHECK(show(rd::parse_timestamp("2019-11-19 21:57:00 -0800")) ==
          "2019-11-20 05:57:00 offset -480");
  }

  TEST_CASE("find_dateline_day reads an agency dateline, its year stated or bounded") {
    using date::December;
    using date::January;
    // Stated years need no bound.
    CHECK(show(rd::find_dateline_day("KYIV, Ukraine, Jan. 5, 2023 (Reuters) - Talks resumed.")) ==
          "2023-01-05 00:00:00 (day)");
    // Without a year: the latest such day on or before the bound (issue #13's ANSA example).
    const date::sys_days end2020{date::year{2020} / December / 31};
    CHECK(show(rd::find_dateline_day("(ANSA) - Rome, January 24 - Italy's premier said",
                                     end2020)) == "2020-01-24 00:00:00 (day)");
    const date::sys_days jan2021{date::year{2021} / January / 10};
    CHECK(show(rd::find_dateline_day("MOSCOW, March 3 - The Soviet Union said", jan2021)) ==
          "2020-03-03 00:00:00 (day)");
    CHECK(show(rd::find_dateline_day("NEW DELHI, Dec. 2 (Reuters) \xE2\x80\x94 India", jan2021)) ==
          "2020-12-02 00:00:00 (day)");
    // No year and no bound, no dash, prose, a date later in the text: no dateline.
    CHECK(show(rd::find_dateline_day("MOSCOW, March 3 - The Soviet Union said")) == "-");
    CHECK(show(rd::find_dateline_day("MOSCOW, March 3, the Soviet Union said", jan2021)) == "-");
    CHECK(show(rd::find_dateline_day("On March 3 - a Tuesday - the talks began", jan2021)) == "-");
    CHECK(show(rd::find_dateline_day("Officials said that in Rome, January 24 - ", jan2021)) ==
          "-");
    CHECK(show(rd::find_dateline_day("ROME, February 30 - x", jan2021)) == "-");
    CHECK(show(rd::find_dateline_day("", jan2021)) == "-");
    CHECK(rd::find_url_year("https://example.org/news/2019/some-story") == 2019);
    CHECK(rd::find_url_year("https://example.org/2019") == 2019);
    CHECK_FALSE(rd::find_url_year("https://example.org/article/3834/1").has_value());
    CHECK_FALSE(rd::find_url_year("https://example.org/id/20191119").has_value());
  }

  TEST_CASE("repair_utf8 replaces each invalid sequence once") {
    std::size_t n = 0;
    CHECK(rd::repair_utf8("caf\xE9 ok", n) == "caf\xEF\xBF\xBD ok");
    CHECK(n == 1);
    CHECK(rd::repair_utf8("\xE2\x80", n) == "\xEF\xBF\xBD");        // truncated sequence
    CHECK(rd::repair_utf8("\xED\xA0\x80x", n) == "\xEF\xBF\xBDx");  // surrogate
    CHECK(rd::repair_utf8("\xC0\xAF", n) == "\xEF\xBF\xBD");        // overlong
    CHECK(rd::repair_utf8("\xE2\x80\x94 fine", n) == "\xE2\x80\x94 fine");
    CHECK(n == 0);
    CHECK(rd::valid_utf8("\xF0\x9F\x98\x80"));
    CHECK_FALSE(rd::valid_utf8("\xF5\x80\x80\x80"));
  }

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
