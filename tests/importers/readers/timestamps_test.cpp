// Tests for importers/readers/timestamps.cpp: ISO 8601, RFC 822 and written timestamps, byline
// times and agency datelines.
#include "importers/readers/timestamps.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

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
}
